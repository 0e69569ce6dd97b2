"""Benchmark: one full card sale through PC/SC and the store, as the counter does it:
connect to the card, read and verify it, take in its meter data, price, commit PENDING,
write the credit and read it back, commit ISSUED. Between rounds (not timed) the customer's
meter loads the credit, since a card with unloaded credit is refused."""

from __future__ import annotations

from typing import Any

import pytest

from starpos.card_sales import issue_card, vend_to_card
from tests.integration.card_sales.card_world import (
    ADMIN,
    CardWorld,
    customer_meter,
    insert_into_meter,
    sale,
)


@pytest.mark.pcsc
@pytest.mark.bench
def test_full_card_vend(benchmark: Any, world: CardWorld, virtual_card: Any) -> None:
    number = world.meters[3]
    meter = customer_meter(world, number)
    virtual_card()
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    sequences = []

    def load_previous_sale() -> None:
        insert_into_meter(world, meter)

    def vend() -> None:
        with world.card() as card:
            sequences.append(vend_to_card(world.database, card, sale(number, "5.00")).sequence)

    benchmark.pedantic(vend, setup=load_previous_sale, rounds=40, warmup_rounds=2)
    assert sequences == list(range(1, len(sequences) + 1))
    if benchmark.stats is not None:  # None when run with --benchmark-disable
        timings = sorted(benchmark.stats.stats.data)
        p95 = timings[int(len(timings) * 0.95) - 1]
        assert p95 < 1.0, f"p95 {p95 * 1000:.1f} ms is over the 1 s target"
