"""The virtual SUN meter's model: consumption, events, and the card contact."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.devices.card import errors as E
from starpos.devices.card.layout import CREDIT_FILE
from starpos.devices.card.records import CardKind, CreditRecord, TamperKind, to_seconds
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_card import CardState, VirtualCard
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from tests.unit.card.card_loopback import MASTER_KEY, NOW, LoopbackChannel

METER = "04123456789"
START = datetime(2026, 1, 20, tzinfo=UTC)


def a_meter(credit_tenths: int = 0) -> VirtualMeter:
    state = MeterState(METER, 123456, 7, MASTER_KEY.hex(), to_seconds(START))
    state.credit_tenths = credit_tenths
    return VirtualMeter(state)


def a_card(state: CardState, **bind: object) -> SunCard:
    card = SunCard(LoopbackChannel(VirtualCard(state)), MASTER_KEY)
    card.bind(METER, sgc=123456, utility_id=7, issued_at=NOW, **bind)  # type: ignore[arg-type]
    return card


def test_consumption_runs_on_credit_then_overdraft_then_opens_the_relay() -> None:
    meter = a_meter(credit_tenths=100)  # 10 kWh, overdraft 5 kWh
    assert meter.advance(2, Decimal("0.1")) == Decimal("4.8")  # 2.4 kWh a day
    assert meter.state.credit_tenths == 52 and not meter.state.relay_open
    assert meter.advance(10, Decimal("0.1")) == Decimal("10.2")  # 5.2 credit + 5.0 overdraft
    assert meter.state.relay_open and meter.state.relay_open_count == 1
    assert meter.advance(3, Decimal("0.1")) == Decimal("0.0")
    assert meter.return_record().warning_level == 2
    assert meter.return_record().overdraft_used_kwh == Decimal("5.0")


def test_monthly_consumption_falls_in_calendar_months() -> None:
    meter = a_meter(credit_tenths=10_000)
    meter.advance(20, Decimal("0.5"))  # 12 kWh a day: 12 days in January, 8 in February
    months = meter.return_record().monthly_kwh
    assert months[:2] == (Decimal("96.0"), Decimal("144.0"))
    assert sum(months) == meter.return_record().cumulative_kwh == Decimal("240.0")


def test_events_are_counted_and_the_newest_four_kept() -> None:
    meter = a_meter()
    for kind in [
        TamperKind.COVER_OPEN,
        *[TamperKind.MAGNETIC_FIELD] * 3,
        TamperKind.REVERSE_CURRENT,
    ]:
        meter.tamper(kind)
    meter.overload()
    meter.advance(1, Decimal("12"))  # above the 10 kW rating: one more overload
    meter.power_cut(hours=5)
    record = meter.return_record()
    assert record.tamper_count == 5 and len(record.tamper_events) == 4
    assert record.tamper_events[0].kind == TamperKind.REVERSE_CURRENT
    assert record.overload_count == 2 and record.power_cut_count == 1
    assert record.meter_clock == datetime(2026, 1, 21, 5, tzinfo=UTC)


def test_loading_repays_the_overdraft_and_closes_the_relay() -> None:
    meter = a_meter()
    meter.advance(5, Decimal("1"))
    assert meter.state.relay_open
    state = CardState.new()
    card = a_card(state)
    card.write_credit(Decimal("20.0"), vend_id="S-1", created_at=NOW)
    outcome = meter.load_card(card, commit=lambda: None)
    assert outcome.status == "loaded" and outcome.energy_kwh == Decimal("20.0")
    assert meter.state.credit_tenths == 150 and not meter.state.relay_open
    assert card.read().returned == outcome.returned
    assert card.credit_loaded()


def test_the_same_or_an_older_credit_is_never_loaded_twice() -> None:
    meter = a_meter()
    state = CardState.new()
    card = a_card(state)
    card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    copy_of_first = CardState.from_json(state.to_json())
    assert meter.load_card(card, commit=lambda: None).status == "loaded"
    assert meter.load_card(card, commit=lambda: None).status == "already-loaded"
    card.write_credit(Decimal("3.0"), vend_id="S-2", created_at=NOW)
    assert meter.load_card(card, commit=lambda: None).status == "loaded"
    replay = SunCard(LoopbackChannel(VirtualCard(copy_of_first)), MASTER_KEY)
    assert meter.load_card(replay, commit=lambda: None).status == "replayed"
    assert meter.state.credit_tenths == 130


def test_the_meter_refuses_foreign_blank_replaced_and_forged_cards() -> None:
    meter = a_meter()
    with pytest.raises(E.CardNotIssuedError):
        meter.load_card(
            SunCard(LoopbackChannel(VirtualCard(CardState.new())), MASTER_KEY), lambda: None
        )
    other = SunCard(LoopbackChannel(VirtualCard(CardState.new())), MASTER_KEY)
    other.bind("999", sgc=1, utility_id=7, issued_at=NOW)
    with pytest.raises(E.WrongMeterCardError):
        meter.load_card(other, lambda: None)
    meter.load_card(a_card(CardState.new(), issue_number=2), lambda: None)
    with pytest.raises(E.CardReplacedError):
        meter.load_card(a_card(CardState.new(), issue_number=1), lambda: None)
    forged_state = CardState.new()
    forged = a_card(forged_state, issue_number=2)
    forged.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    forged_state.files[0x5302][12] ^= 0x40  # more energy, same MAC
    with pytest.raises(E.CardMacError):
        meter.load_card(
            SunCard(LoopbackChannel(VirtualCard(forged_state)), MASTER_KEY), lambda: None
        )
    assert meter.state.credit_tenths == 0


def test_test_cards_return_data_but_load_no_credit() -> None:
    meter = a_meter()
    card = a_card(CardState.new(), kind=CardKind.TEST)
    with pytest.raises(E.CardKindError):  # the POS refuses to sell on it ...
        card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    credit = CreditRecord(1, Decimal("10.0"), "S-1", NOW)
    card._write_file(CREDIT_FILE, credit.encode())  # ... so write one as other software might
    assert meter.load_card(card, commit=lambda: None).status == "not-for-credit"
    assert meter.state.credit_tenths == 0 and card.read_return() is not None


def test_the_meter_commits_before_it_writes_the_card(tmp_path: Path) -> None:
    """Pull the card while the meter writes its return record: the credit stays loaded,
    once, and the next contact just refreshes the return data."""
    meter = a_meter()
    state = CardState.new()
    a_card(state).write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    saved = tmp_path / "meter.json"
    tearing = VirtualCard(state, before_update=lambda fid, offset, data: data[:5])
    with pytest.raises(E.CardRemovedError):
        meter.load_card(
            SunCard(LoopbackChannel(tearing), MASTER_KEY), lambda: meter.state.save(saved)
        )
    reloaded = VirtualMeter(MeterState.load(saved))
    assert reloaded.state.credit_tenths == 100
    again = reloaded.load_card(
        SunCard(LoopbackChannel(VirtualCard(state)), MASTER_KEY), lambda: None
    )
    assert again.status == "already-loaded" and reloaded.state.credit_tenths == 100


def test_a_replacement_card_continues_the_meters_sequence() -> None:
    meter = a_meter()
    first = a_card(CardState.new())
    first.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    first.write_credit(Decimal("1.0"), vend_id="S-2", created_at=NOW, carry_pending=True)
    assert meter.load_card(first, lambda: None).status == "loaded"
    # the first card is lost; the POS issues issue 2 with the last sequence it sold (2)
    second = a_card(CardState.new(), issue_number=2, sequence_base=2)
    sold = second.write_credit(Decimal("5.0"), vend_id="S-3", created_at=NOW)
    assert sold.sequence == 3
    assert meter.load_card(second, lambda: None).status == "loaded"
    assert meter.state.credit_tenths == 160
    with pytest.raises(E.CardReplacedError):
        meter.load_card(first, lambda: None)
