"""The virtual SUN meter loading cards through PC/SC, and the whole sell-load-consume loop."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from tests.support.virtual_cards import READER_0, READER_1

pytestmark = pytest.mark.pcsc

METER = "04123456789"
NOW = datetime(2026, 1, 5, 6, tzinfo=UTC)


@pytest.fixture
def meter(tmp_path: Path, key_file: Path, run_starpos: Any) -> Any:
    """``meter(*step)`` runs ``starpos card meter --state ... --json STEP`` -> parsed JSON."""
    state = tmp_path / "meter.json"
    init = run_starpos(
        "card", "meter", "--state", str(state), "init", "--meter", METER, "--sgc", "123456",
        "--key-file", str(key_file), "--clock", "2026-01-05T06:00:00+00:00",
    )  # fmt: skip
    assert init.returncode == 0, init.stderr

    def step(*args: str, ok: bool = True) -> Any:
        result = run_starpos("card", "meter", "--state", str(state), "--json", *args)
        if not ok:
            return result
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return step


def pos(run_starpos: Any, key_file: Path, *args: str, reader: str = READER_0) -> Any:
    result = run_starpos(*args, "--key-file", str(key_file), "--reader", reader, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _meter_model(key_file: Path) -> VirtualMeter:
    state = MeterState(METER, 123456, 7, load_master_key(key_file).hex(), 1_767_592_800)
    return VirtualMeter(state)


def _insert(meter: VirtualMeter, reader: str) -> str:
    """A card contact through PC/SC, the meter model in this process."""
    service = PcscReaders()
    try:
        with service.connect(reader) as connection:
            card = SunCard(connection, bytes.fromhex(meter.state.master_key))
            return meter.load_card(card, commit=lambda: None).status
    finally:
        service.close()


def _sell(key_file: Path, reader: str, kwh: str, meter: str = METER, bind: bool = False) -> None:
    service = PcscReaders()
    try:
        with service.connect(reader) as connection:
            card = SunCard(connection, load_master_key(key_file))
            if bind:
                card.bind(meter, sgc=123456, utility_id=7, issued_at=NOW)
            card.write_credit(Decimal(kwh), vend_id="S", created_at=NOW, meter_number=meter)
    finally:
        service.close()


def test_a_replayed_credit_record_is_refused_by_the_meter(
    virtual_card: Any, key_file: Path, tmp_path: Path
) -> None:
    meter = _meter_model(key_file)
    card = virtual_card(reader=READER_1)
    _sell(key_file, READER_1, "10", bind=True)
    card.stop()
    copy = tmp_path / "copied-card.json"
    shutil.copy(card.state, copy)  # someone dumps the card with its first purchase on it
    virtual_card(reader=READER_1, state=card.state)
    assert _insert(meter, READER_1) == "loaded"
    _sell(key_file, READER_1, "5")
    assert _insert(meter, READER_1) == "loaded"
    assert meter.state.credit_tenths == 150

    virtual_card(reader=READER_0, state=copy)  # ... and writes it back onto a card
    assert _insert(meter, READER_0) == "replayed"
    assert meter.state.credit_tenths == 150 and meter.state.last_loaded_sequence == 2


def test_the_meter_refuses_a_card_for_another_meter(
    virtual_card: Any, key_file: Path, meter: Any
) -> None:
    virtual_card()
    _sell(key_file, READER_0, "10", meter="55555555555", bind=True)
    refused = meter("insert", "--reader", READER_0, ok=False)  # the meter's CLI, once
    assert refused.returncode == 2 and "belongs to meter 55555555555" in refused.stderr
    assert meter("show")["credit_kwh"] == "0.0"


@pytest.mark.slow
def test_sell_load_consume_for_weeks_with_a_tamper_and_come_back(
    virtual_card: Any, key_file: Path, run_starpos: Any, meter: Any, training_installation: None
) -> None:
    virtual_card()
    pos(run_starpos, key_file, "card", "bind", "--meter", METER, "--sgc", "123456")
    sold = pos(run_starpos, key_file, "card", "credit", "--meter", METER, "--kwh", "100")
    assert sold["credit"]["sequence"] == 1

    loaded = meter("insert", "--reader", READER_0)
    assert (loaded["status"], loaded["energy_kwh"]) == ("loaded", "100.0")
    assert pos(run_starpos, key_file, "card", "read")["credit_pending"] is False

    meter("advance", "--days", "14", "--load", "0.15")  # 3.6 kWh a day
    meter("tamper", "magnetic-field")
    meter("power-cut", "--hours", "6")
    meter("advance", "--days", "14", "--load", "0.2")  # 4.8 kWh a day, overdraft at the end
    meter("overload")
    back = meter("insert", "--reader", READER_0)
    assert back["status"] == "already-loaded"

    read = pos(run_starpos, key_file, "card", "read")  # every record verified by its MAC
    returned = read["returned"]
    assert returned["last_loaded_sequence"] == 1
    assert returned["cumulative_kwh"] == "105.0"  # 100 credit + 5.0 overdraft, then cut off
    assert returned["remaining_kwh"] == "0.0" and returned["overdraft_used_kwh"] == "5.0"
    assert returned["relay_open"] is True and returned["relay_open_count"] == 1
    assert returned["warning_level"] == 2
    assert [e["kind"] for e in returned["tamper_events"]] == ["magnetic-field"]
    assert returned["tamper_events"][0]["at"] == "2026-01-19T06:00:00+00:00"
    assert returned["power_cut_count"] == 1 and returned["overload_count"] == 1
    months = [Decimal(m) for m in returned["monthly_kwh"]]
    assert months[0] + months[1] == Decimal("105.0")  # February, January
    assert datetime.fromisoformat(returned["meter_clock"]) == datetime(2026, 2, 2, 12, tzinfo=UTC)

    again = pos(run_starpos, key_file, "card", "credit", "--meter", METER, "--kwh", "50")
    assert again["credit"]["sequence"] == 2
    reloaded = meter("insert", "--reader", READER_0)
    assert reloaded["status"] == "loaded"
    state = meter("show")
    assert state["credit_kwh"] == "45.0"  # 50 less the 5.0 overdraft paid back
    assert state["return"]["relay_open"] is False
    final = pos(run_starpos, key_file, "card", "read")
    assert final["credit_pending"] is False and final["returned"]["remaining_kwh"] == "45.0"
