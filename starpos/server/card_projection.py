"""Terminals' SUN card register into the head office's ``cards`` and ``card_vends``, as the
counter booked them (docs/sync.md, "Projection"; decision SYN-34).

The facts come from the ``card_action`` entries (``starpos.card_sales.lifecycle``,
``blanking``; subject ``card:<serial>``): a card ``issued`` or ``replaced`` to a meter (its
issue number, sequence base, the card it replaced and how that one ended, the credit it
carried over) and a card ``blanked``; and, for a card sale, its PENDING entry's credit
``sequence``. A card row is named in every store by its meter and issue number; a card sale
is on the meter's active card, as the counter's check required, which the chain has booked
before it (card actions read what the push's sales before them booked:
``projections.AFTER_SALES``). A card ``read`` (the meter's return record, SYN-36) is stored
by the counter's own function, once per meter and record. Never refused: what the head
office cannot resolve is an ``unknown_reference`` finding; a second card for a meter and a
credit sequence sold twice are findings of their own (SYN-37).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from starpos.card_sales.readings import READ_STEP, ReadingPlace, record_reading
from starpos.db.models import CardState, CardVend, IssuedCard, Meter, SalesPoint, Vend
from starpos.devices.card.records import ReturnRecord
from starpos.server.findings import FindingKind, Flag
from starpos.server.store import one_of

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

PREFIX = "card:"
#: The steps that put a new card in the register (``lifecycle._commit``).
ISSUING = frozenset({"issued", "replaced"})


def card_step(session: Session, event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step")
    if step in ISSUING:
        return _issued(session, event)
    if step == "blanked":
        return _blanked(session, event)
    if step == READ_STEP:
        return _read(session, event)
    return []  # the blanking intent, refusals: kept in the chain only


def _meter(session: Session, event: TerminalEvent) -> Meter | None:
    meter: Meter | None = session.scalars(
        select(Meter).where(Meter.number == event.details.get("meter"))
    ).first()
    return meter


def _issued(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    serial = event.subject.removeprefix(PREFIX)
    meter = _meter(session, event)
    if meter is None:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"card": serial, "missing": ["meter"]})]
    issue = int(facts["issue_number"])
    booked = session.scalars(
        select(IssuedCard).where(IssuedCard.meter_id == meter.id, IssuedCard.issue_number == issue)
    ).first()
    if booked is not None:
        if booked.serial == serial:
            return []  # booked already: a meter's issue numbers are its cards' names
        return [_second_card(serial, issue, meter, booked)]
    old = session.scalars(
        select(IssuedCard)
        .where(IssuedCard.meter_id == meter.id, IssuedCard.state == CardState.ACTIVE)
        .with_for_update()
    ).first()
    if old is not None and not facts.get("old_state"):
        # A first card issued while the meter has one here: another counter issued it.
        return [_second_card(serial, issue, meter, old)]
    if old is not None and facts.get("old_state"):
        # The counter ended the meter's active card in the same commit (lost or broken).
        old.state = CardState(facts["old_state"])
        old.ended_at = event.occurred_at
        session.flush()  # the old card stops being active before the new one starts
    base = int(facts.get("sequence_base", 0))
    carried = facts.get("carried_bill")
    session.add(
        IssuedCard(
            serial=serial, meter_id=meter.id, issue_number=issue, state=CardState.ACTIVE,
            sequence_base=base, issued_at=event.occurred_at,
            replaces_card_id=old.id if old is not None and facts.get("old_state") else None,
            # A card carrying credit over starts just below that credit's sequence.
            carried_sequence=base + 1 if carried else None,
            carried_kwh=Decimal(str(facts["carried_kwh"])) if carried else None,
            carried_bill=carried,
        )
    )  # fmt: skip
    session.flush()
    return []


def _second_card(serial: str, issue: int, meter: Meter, kept: IssuedCard) -> Flag:
    """The card is not booked: the meter keeps the card the head office had first."""
    return Flag(
        FindingKind.SECOND_ACTIVE_CARD,
        {
            "card": serial,
            "issue_number": issue,
            "meter": meter.number,
            "kept_card": kept.serial,
            "kept_issue_number": kept.issue_number,
        },
    )


def _read(session: Session, event: TerminalEvent) -> list[Flag]:
    """The meter's return record a card brought to the counter, stored as the counter did
    (flags against the readings the head office has); the same record again is no change."""
    facts = event.details
    serial = event.subject.removeprefix(PREFIX)
    meter = _meter(session, event)
    if meter is None:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"card": serial, "missing": ["meter"]})]
    card_id = session.scalar(
        select(IssuedCard.id).where(
            IssuedCard.meter_id == meter.id,
            IssuedCard.issue_number == facts.get("issue_number"),
            IssuedCard.serial == serial,
        )
    )
    sales_point = session.scalar(
        select(SalesPoint.id).where(SalesPoint.code == event.sales_point_code)
    )
    read_at = facts.get("read_at")
    record_reading(
        session,
        meter_id=meter.id,
        card_id=card_id,
        serial=serial,
        returned=ReturnRecord.decode(bytes.fromhex(str(facts["record"]))),
        place=ReadingPlace(event.operator_code, sales_point),
        at=datetime.fromisoformat(read_at) if read_at else event.occurred_at,
    )
    return []


def _blanked(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    if not facts.get("registered", True):
        return []  # a card the counter's register did not have: nothing to end
    serial = event.subject.removeprefix(PREFIX)
    card = session.scalars(
        select(IssuedCard)
        .join(Meter, Meter.id == IssuedCard.meter_id)
        .where(
            IssuedCard.serial == serial,
            Meter.number == facts.get("meter"),
            IssuedCard.issue_number == facts.get("issue_number"),
        )
        .with_for_update()
    ).first()
    if card is None:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"card": serial, "missing": ["card"]})]
    if card.state is CardState.ACTIVE:
        card.state = CardState.BLANKED
        card.ended_at = event.occurred_at
        session.flush()
    return []


@dataclass(frozen=True)
class OpenedCardSale:
    """A card sale's PENDING just booked: its vend, meter and the card's credit sequence."""

    seq: int
    bill: str
    vend_id: int
    meter_id: int
    sequence: int
    #: The card the counter sold on, (serial, issue number); None in entries made before
    #: they named it (the meter's active card here, as the counter's check required).
    card: tuple[str, int] | None = None


def card_named(facts: dict[str, Any]) -> tuple[str, int] | None:
    """The card a card sale's PENDING entry names (SYN-47), if it names one."""
    if facts.get("card") is None or facts.get("issue_number") is None:
        return None
    return str(facts["card"]), int(facts["issue_number"])


def book_card_vends(session: Session, sales: list[OpenedCardSale]) -> dict[int, list[Flag]]:
    """The ``card_vends`` rows of card sales just booked, on each meter's active card; the
    flags by the entry's sequence number (a sale whose card the head office lacks)."""
    flags: dict[int, list[Flag]] = {}
    if not sales:
        return flags
    meters = {sale.meter_id for sale in sales}
    actives = {
        meter_id: (card_id, serial, issue)
        for meter_id, card_id, serial, issue in session.execute(
            select(
                IssuedCard.meter_id, IssuedCard.id, IssuedCard.serial, IssuedCard.issue_number
            ).where(one_of(IssuedCard.meter_id, meters), IssuedCard.state == CardState.ACTIVE)
        )
    }
    cards = {meter_id: found[0] for meter_id, found in actives.items()}
    taken: dict[tuple[int, int], str] = {
        (meter_id, sequence): bill
        for meter_id, sequence, bill in session.execute(
            select(CardVend.meter_id, CardVend.sequence, Vend.bill_number)
            .join(Vend, Vend.id == CardVend.vend_id)
            .where(one_of(CardVend.meter_id, meters))
        )
    }
    for sale in sales:
        card = cards.get(sale.meter_id)
        if card is None:
            flag = Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": sale.bill, "missing": ["card"]})
            flags.setdefault(sale.seq, []).append(flag)
            continue
        kept = actives[sale.meter_id]
        if sale.card is not None and sale.card != (kept[1], kept[2]):
            # Sold on a card the head office did not book (another counter's card kept for
            # the meter, SYN-37): the sale stands, not filed under the kept card, whose
            # credit the meter counts apart; the finding names both (SYN-47).
            facts = {"bill": sale.bill, "card": sale.card[0], "issue_number": sale.card[1],
                     "kept_card": kept[1], "kept_issue_number": kept[2]}  # fmt: skip
            flags.setdefault(sale.seq, []).append(Flag(FindingKind.SECOND_ACTIVE_CARD, facts))
            continue
        first = taken.get((sale.meter_id, sale.sequence))
        if first is not None:
            # Another sale of the meter holds that credit sequence here: the sale stands,
            # and the meter will load only one of the two (SYN-37).
            facts = {"bill": sale.bill, "first_bill": first, "sequence": sale.sequence}
            flag = Flag(FindingKind.CARD_SEQUENCE_SOLD_TWICE, facts)
            flags.setdefault(sale.seq, []).append(flag)
            continue
        taken[(sale.meter_id, sale.sequence)] = sale.bill
        session.add(
            CardVend(
                vend_id=sale.vend_id, card_id=card, meter_id=sale.meter_id, sequence=sale.sequence
            )
        )
    session.flush()
    return flags


def note_sold(session: Session, vend_ids: list[int]) -> None:
    """Raise each meter's ``card_sequence`` to the card sales among ``vend_ids`` just booked
    as issued (token sales have no ``card_vends`` row and change nothing). The column comes
    down with the meter, so every counter refuses a card older than it (SYN-45); only an
    issued sale counts, as at the counter: a failed one's sequence was never on a card."""
    if not vend_ids:
        return
    sold = select(CardVend.meter_id).where(one_of(CardVend.vend_id, vend_ids))
    top = (
        select(func.max(CardVend.sequence))
        .where(CardVend.meter_id == Meter.id, one_of(CardVend.vend_id, vend_ids))
        .scalar_subquery()
    )
    session.execute(
        update(Meter)
        .where(Meter.id.in_(sold), Meter.card_sequence < top)
        .values(card_sequence=top)
        .execution_options(synchronize_session=False)
    )
