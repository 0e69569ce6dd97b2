"""Token issue speed: credit tokens per second, key derivation included.

Each token is for a different meter, so every token pays for its decoder key derivation
(DKGA02 + STA, or DKGA04 + MISTY1), as a secure module serving many meters would.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from starpos.sts.meter_number import make_meter_number
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.sts.tables import StaTables

#: Demonstration vending keys (the compliance vectors' test keys), never production keys.
BENCH_KEYS = {
    "07": ("02", "abababababababab"),
    "11": ("04", "abababababababab949494949494949401234567"),
}


def bench_requests(ea: str, count: int, first_serial: int = 0) -> list[TokenRequest]:
    """``count`` credit requests for ``count`` different meters under algorithm ``ea``."""
    dkga, key = BENCH_KEYS[ea]
    start = datetime(2025, 1, 1, 8, 0)
    return [
        TokenRequest(
            id=n,
            dkga=dkga,
            ea=ea,
            vending_key_hex=key,
            key_type=2,
            sgc="123456",
            ti=1,
            krn=1,
            ken=255,
            base_date=2014,
            pan=make_meter_number("600727", "04", first_serial + n).pan,
            token_class=0,
            token_subclass=0,
            issued_at=start + timedelta(minutes=n),
            random_no=n % 16,
            amount=Decimal(n % 500 + 1),
        )
        for n in range(count)
    ]


def bench_lines(ea: str, count: int, first_serial: int = 0) -> bytes:
    """The :func:`bench_requests` as ``starpos token batch`` reads them: JSON lines."""
    lines = []
    for request in bench_requests(ea, count, first_serial):
        fields = {name: value for name, value in request.as_mapping().items() if value is not None}
        fields["issued_at"] = request.required("issued_at").isoformat()
        fields["amount"] = str(request.required("amount"))
        lines.append(json.dumps(fields))
    return ("\n".join(lines) + "\n").encode()


@dataclass(frozen=True)
class BenchResult:
    """``cpu_seconds`` is the process's CPU time: the one-core figure, unaffected by other
    programs sharing the machine; ``seconds`` is the wall-clock time."""

    ea: str
    tokens: int
    seconds: float
    cpu_seconds: float

    @property
    def tokens_per_second(self) -> int:
        """Tokens per second of CPU time on one core."""
        return int(self.tokens / self.cpu_seconds) if self.cpu_seconds > 0 else 0

    @property
    def tokens_per_wall_second(self) -> int:
        return int(self.tokens / self.seconds) if self.seconds > 0 else 0


def run_bench(ea: str, count: int, tables: StaTables | None) -> BenchResult:
    """Issue ``count`` credit tokens (requests built beforehand) and time it."""
    requests = bench_requests(ea, count)
    issue_tokens(requests[0], tables)  # build the cipher tables outside the timing
    requests = bench_requests(ea, count, first_serial=count)
    started, cpu_started = time.perf_counter(), time.process_time()
    for request in requests:
        issue_tokens(request, tables)
    cpu = time.process_time() - cpu_started
    return BenchResult(ea, count, time.perf_counter() - started, cpu)


#: Turns the engine and the batch take in :func:`run_engine_and_batch`.
BENCH_ROUNDS = 10


def run_engine_and_batch(
    count: int, tables: StaTables, answer: Callable[[bytes], str], rounds: int = BENCH_ROUNDS
) -> tuple[BenchResult, BenchResult]:
    """``count`` EA07 credit tokens from the engine alone, and ``count`` more for other new
    meters answered by ``answer`` (JSON lines in, one answer line each out, as
    ``starpos token batch``), timed in ``rounds`` turns of each: the machine's other work
    slows both alike, so their ratio holds on a busy machine (docs/benchmarks.md)."""
    issue_tokens(bench_requests("07", 1)[0], tables)  # cipher tables built before timing
    answer(bench_lines("07", 1))
    requests = bench_requests("07", count, first_serial=count)
    lines = bench_lines("07", count, first_serial=2 * count).splitlines(keepends=True)
    step = -(-count // rounds)
    engine, batch = [0.0, 0.0], [0.0, 0.0]  # wall, CPU seconds
    for start in range(0, count, step):
        turn, text = requests[start : start + step], b"".join(lines[start : start + step])
        started, cpu_started = time.perf_counter(), time.process_time()
        for request in turn:
            issue_tokens(request, tables)
        engine[1] += time.process_time() - cpu_started
        engine[0] += time.perf_counter() - started
        started, cpu_started = time.perf_counter(), time.process_time()
        answers = answer(text)
        batch[1] += time.process_time() - cpu_started
        batch[0] += time.perf_counter() - started
        if answers.count("\n") != len(turn) or '"error"' in answers:
            raise AssertionError("the bench batch did not answer every line with tokens")
    return BenchResult("07", count, *engine), BenchResult("07", count, *batch)
