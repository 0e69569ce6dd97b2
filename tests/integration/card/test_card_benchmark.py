"""Benchmark: the card side of a card vend through PC/SC (read and verify everything,
write the credit, read it back), on pcscd + vpcd + the virtual card process."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from tests.support.virtual_cards import READER_0

METER = "04123456789"


@pytest.mark.pcsc
@pytest.mark.bench
def test_card_vend_round_trip(benchmark: Any, virtual_card: Any, key_file: Path) -> None:
    virtual_card()
    service = PcscReaders()
    connection = service.connect(READER_0)
    card = SunCard(connection, load_master_key(key_file))
    card.bind(METER, sgc=123456, utility_id=7, issued_at=datetime.now(UTC))

    def vend() -> None:
        card.forget()  # as for a card just inserted: serial and key are read again
        card.read()
        card.write_credit(
            Decimal("0.1"),
            vend_id="bench",
            created_at=datetime.now(UTC),
            meter_number=METER,
            carry_pending=True,
        )

    try:
        benchmark.pedantic(vend, rounds=100, iterations=1, warmup_rounds=3)
    finally:
        connection.close()
        service.close()
    if benchmark.stats is not None:  # None when run with --benchmark-disable
        timings = sorted(benchmark.stats.stats.data)
        p95 = timings[int(len(timings) * 0.95) - 1]
        assert p95 < 1.0, f"p95 {p95 * 1000:.1f} ms is over the 1 s target"
