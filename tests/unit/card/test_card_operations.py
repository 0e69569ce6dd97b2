"""Card operations over the real APDUs, with the virtual chip in process."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from starpos.devices.card import errors as E
from starpos.devices.card import layout as L
from starpos.devices.card.records import CardKind, ReturnRecord, TamperEvent, TamperKind
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.devices.card.virtual_card import CardState, VirtualCard
from tests.unit.card.card_loopback import MASTER_KEY, NOW, LoopbackChannel

METER = "04123456789"


def issued(chip: VirtualCard, **bind: object) -> SunCard:
    card = SunCard(LoopbackChannel(chip), MASTER_KEY)
    card.bind(METER, sgc=123456, utility_id=7, issued_at=NOW, **bind)  # type: ignore[arg-type]
    return card


def test_a_blank_card_reads_as_blank(chip: VirtualCard) -> None:
    contents = SunCard(LoopbackChannel(chip), MASTER_KEY).read()
    assert contents == CardContents("5354415200000001", None, None, None)
    assert not contents.credit_pending


def test_bind_write_and_read_back(chip: VirtualCard) -> None:
    card = issued(chip)
    first = card.write_credit(Decimal("25.5"), vend_id="S-1", created_at=NOW, meter_number=METER)
    contents = SunCard(LoopbackChannel(chip), MASTER_KEY).read()
    assert contents.identity is not None and contents.identity.meter_number == METER
    assert contents.identity.kind == CardKind.CUSTOMER and contents.identity.sgc == 123456
    assert contents.credit == first and first.sequence == 1
    assert contents.credit_pending and not card.credit_loaded()


def test_a_bound_card_cannot_be_bound_again_until_blanked(chip: VirtualCard) -> None:
    card = issued(chip)
    with pytest.raises(E.CardAlreadyIssuedError) as caught:
        card.bind("999", sgc=1, utility_id=1, issued_at=NOW)
    assert caught.value.params["meter"] == METER
    card.blank()
    assert card.read().identity is None
    card.bind("999", sgc=1, utility_id=1, issued_at=NOW)
    assert card.read_identity().meter_number == "999"  # type: ignore[union-attr]


def test_credit_for_another_meter_or_on_a_blank_card_is_refused(chip: VirtualCard) -> None:
    blank = SunCard(LoopbackChannel(chip), MASTER_KEY)
    with pytest.raises(E.CardNotIssuedError):
        blank.write_credit(Decimal("1"), vend_id="S", created_at=NOW)
    card = issued(chip)
    with pytest.raises(E.WrongMeterCardError) as caught:
        card.write_credit(Decimal("1"), vend_id="S", created_at=NOW, meter_number="111")
    assert caught.value.params == {"card_meter": METER, "meter": "111"}
    assert card.read().credit is None


def test_pending_credit_is_refused_or_carried_exactly_once(chip: VirtualCard) -> None:
    card = issued(chip)
    card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    with pytest.raises(E.CardCreditPendingError) as caught:
        card.write_credit(Decimal("5.0"), vend_id="S-2", created_at=NOW)
    assert caught.value.params == {"energy": Decimal("10.0"), "sequence": 1}
    carried = card.write_credit(Decimal("5.0"), vend_id="S-2", created_at=NOW, carry_pending=True)
    assert (carried.sequence, carried.energy_kwh) == (2, Decimal("15.0"))


def test_sequence_continues_from_the_identity_base_and_must_rise(chip: VirtualCard) -> None:
    card = issued(chip, issue_number=2, sequence_base=40)
    assert card.write_credit(Decimal("1"), vend_id="S", created_at=NOW).sequence == 41
    with pytest.raises(ValueError):
        card.write_credit(
            Decimal("1"), vend_id="S", created_at=NOW, sequence=41, carry_pending=True
        )


def test_an_altered_record_is_never_accepted(chip: VirtualCard, card_state: CardState) -> None:
    card = issued(chip)
    card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    credit = card_state.files[L.CREDIT_FILE.fid]
    credit[14] ^= 0x01  # one bit of the energy in slot A (the only slot written so far)
    with pytest.raises(E.CardMacError) as caught:
        SunCard(LoopbackChannel(chip), MASTER_KEY).read()
    assert caught.value.params == {"record": "credit"}


def test_a_card_of_another_utility_fails_its_mac(chip: VirtualCard) -> None:
    issued(chip)
    with pytest.raises(E.CardMacError):
        SunCard(LoopbackChannel(chip), bytes(16)).read()


def test_a_foreign_card_is_not_a_starpos_card(card_state: CardState) -> None:
    card_state.files[L.EF_CARD][:7] = b"OTHERCO"
    with pytest.raises(E.NotStarposCardError):
        SunCard(LoopbackChannel(VirtualCard(card_state)), MASTER_KEY).read()


def test_a_locked_card_is_refused(chip: VirtualCard) -> None:
    card = issued(chip)
    card.lock()
    with pytest.raises(E.CardLockedError) as caught:
        SunCard(LoopbackChannel(chip), MASTER_KEY).read()
    assert caught.value.params == {"sw": "6283"}


def _contents(state: CardState) -> CardContents:
    return SunCard(LoopbackChannel(VirtualCard(state)), MASTER_KEY).read()


def _updates_in(operation: object, state: CardState) -> int:
    count = 0

    def counting(fid: int, offset: int, data: bytes) -> None:
        nonlocal count
        count += 1

    card = SunCard(LoopbackChannel(VirtualCard(state, before_update=counting)), MASTER_KEY)
    operation(card)  # type: ignore[operator]
    return count


def _a_return_record(remaining: str) -> ReturnRecord:
    return ReturnRecord(
        last_loaded_sequence=1,
        remaining_kwh=Decimal(remaining),
        cumulative_kwh=Decimal("100.0"),
        monthly_kwh=(Decimal("1.0"),) * 6,
        relay_open=False,
        relay_open_count=0,
        power_cut_count=0,
        last_power_cut=None,
        tamper_count=1,
        tamper_events=(TamperEvent(TamperKind.COVER_OPEN, NOW),),
        overload_count=0,
        warning_level=0,
        overdraft_used_kwh=Decimal("0.0"),
        meter_clock=NOW,
    )


OPERATIONS = {
    "return": lambda card: card.write_return(_a_return_record("3.5")),
    "credit": lambda card: card.write_credit(
        Decimal("7.5"), vend_id="S-2", created_at=NOW + timedelta(hours=1), carry_pending=True
    ),
    "bind": lambda card: (card.blank(), card.bind("555", sgc=1, utility_id=1, issued_at=NOW)),
    "blank": lambda card: card.blank(),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_pulling_the_card_at_any_byte_leaves_old_or_new(name: str) -> None:
    """Cut every UPDATE BINARY of the operation after every possible byte count."""
    operation = OPERATIONS[name]
    start = CardState.new(bytes.fromhex("5354415200000009"))
    card = issued(VirtualCard(start))
    card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    card.write_return(_a_return_record("9.0"))
    before = _contents(start)
    finished = CardState.from_json(start.to_json())
    after = None
    total = _updates_in(operation, finished)
    after = _contents(finished)
    outcomes = set()
    for cut_at in range(1, total + 1):
        for keep in range(L.WRITE_CHUNK + 1):
            state = CardState.from_json(start.to_json())
            seen = 0

            def tear(fid: int, offset: int, data: bytes, cut_at: int = cut_at, keep: int = keep):
                nonlocal seen
                seen += 1
                return data[:keep] if seen == cut_at else None

            torn = SunCard(LoopbackChannel(VirtualCard(state, before_update=tear)), MASTER_KEY)
            with pytest.raises(E.CardRemovedError):
                operation(torn)
            now_on_card = _contents(state)  # a fresh insertion
            assert now_on_card in (before, after) or _is_step_of(name, now_on_card, before, after)
            outcomes.add(now_on_card == after)
            # and the card is always usable again: finishing the operation works
            operation(SunCard(LoopbackChannel(VirtualCard(state)), MASTER_KEY))
            assert _contents(state).identity == after.identity
    assert outcomes  # the loop ran


def _is_step_of(name: str, seen: CardContents, before: CardContents, after: CardContents) -> bool:
    """Multi-file operations (blank, re-bind) pass through whole intermediate states: each
    file is either as before or as after, and identity changes last."""
    files = [
        (seen.credit, before.credit, after.credit),
        (seen.returned, before.returned, after.returned),
    ]
    each_whole = all(s in (b, a) for s, b, a in files)
    if name == "bind":
        return each_whole and seen.identity in (before.identity, None, after.identity)
    return each_whole and seen.identity in (before.identity, after.identity)
