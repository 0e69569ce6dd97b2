"""Token issue speed (run with ``-m bench --benchmark-enable`` to get the figures).

Each round issues credit tokens for 1,000 different meters, so every token pays for its
decoder key derivation. Targets (issue 2): 20,000 STA tokens/s with DKGA02 and 10,000
MISTY1 tokens/s with DKGA04 on one core.
"""

from __future__ import annotations

from typing import Any

import pytest

from starpos.bench.token import bench_requests
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.sts.tables import StaTables

TOKENS_PER_ROUND = 1000


def _issue_all(requests: list[TokenRequest], tables: StaTables | None) -> int:
    return sum(len(issue_tokens(request, tables)) for request in requests)


@pytest.mark.bench
@pytest.mark.parametrize("ea", ["07", "11"])
def test_credit_token_issue_speed(benchmark: Any, ea: str, compliance_tables: StaTables) -> None:
    tables = compliance_tables if ea == "07" else None
    issue_tokens(bench_requests(ea, 1)[0], tables)  # cipher tables built before timing
    rounds = iter(range(1, 1000))

    def fresh_meters() -> tuple[tuple[list[TokenRequest], StaTables | None], dict[str, Any]]:
        # New meters every round, so no decoder key or key schedule comes from a cache.
        first = next(rounds) * TOKENS_PER_ROUND
        return (bench_requests(ea, TOKENS_PER_ROUND, first_serial=first), tables), {}

    issued = benchmark.pedantic(_issue_all, setup=fresh_meters, rounds=5)
    assert issued == TOKENS_PER_ROUND
    if benchmark.stats is not None:
        benchmark.extra_info["tokens_per_second"] = int(
            TOKENS_PER_ROUND / benchmark.stats.stats.mean
        )
