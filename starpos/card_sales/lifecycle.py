"""A card's life at the counter: issued to a meter, replaced when lost or broken, blanked.

Each flow writes the card first and then commits the register with its audit entry. A
crash or a removal between the two leaves a card the register does not know yet, bound
exactly as the register would have it (meter, next issue number): running the same flow
again on that card adopts it and finishes, so no flow ever needs the card twice in a
different state (docs/card-sales.md, "Crash and removal rules").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.card_sales import errors, register
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import CardReading, CardState, IssuedCard, Meter, Vend
from starpos.devices.card.errors import CardAlreadyIssuedError
from starpos.devices.card.records import IdentityRecord
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.operators import permissions
from starpos.operators.login import acting_as
from starpos.vending import ledger
from starpos.vending.crash_points import crash_point

# Crash points for the kill tests (starpos.vending.crash_points): the new
# card bound, then its carried credit written, the register not yet committed.
REPLACE_AFTER_BIND = "card-replace-after-bind"
REPLACE_AFTER_CARRY = "card-replace-after-carry"


class ReplaceReason(StrEnum):
    LOST = "lost"
    BROKEN = "broken"


@dataclass(frozen=True)
class Carried:
    """Credit sold onto the old card that no reading shows the meter loaded."""

    bill_number: str
    sequence: int
    energy_kwh: Decimal


@dataclass(frozen=True)
class IssuedCardResult:
    serial: str
    meter_number: str
    issue_number: int
    sequence_base: int
    replaced_serial: str | None = None
    carried: Carried | None = None
    settled_bills: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "serial": self.serial,
            "meter": self.meter_number,
            "issue_number": self.issue_number,
            "sequence_base": self.sequence_base,
            "replaced_serial": self.replaced_serial,
            "carried": None
            if self.carried is None
            else {
                "bill_number": self.carried.bill_number,
                "sequence": self.carried.sequence,
                "energy_kwh": self.carried.energy_kwh,
            },
            "settled": list(self.settled_bills),
        }


@dataclass(frozen=True)
class _Plan:
    meter_id: int
    meter_number: str
    sgc: int
    issue_number: int
    sequence_base: int
    old_card_id: int | None = None
    old_serial: str | None = None
    carried: Carried | None = None
    pending_vend_ids: tuple[int, ...] = ()
    pending_bills: tuple[str, ...] = ()


def issue_card(
    database: Database,
    card: SunCard,
    meter_number: str,
    actor: Actor,
    *,
    utility_id: int = 1,
    now: datetime | None = None,
) -> IssuedCardResult:
    """Bind a blank card to the card meter ``meter_number``, its first or next card."""
    acting_as(database, actor).require(permissions.MANAGE_METERS)
    contents = card.read()
    with database.reading() as session:
        meter = register.card_meter(session, meter_number)
        active = register.active_card(session, meter.id)
        if active is not None:
            raise errors.MeterHasCardError(
                number=meter.number, serial=active.serial, issue=active.issue_number
            )
        plan = _Plan(
            meter.id,
            meter.number,
            int(meter.sgc),
            register.last_issue_number(session, meter.id) + 1,
            _sequence_floor(session, meter.id),
        )
    _bind(card, contents, plan, utility_id, now)
    _commit(database, contents.serial, plan, actor, "issued")
    return IssuedCardResult(
        contents.serial, plan.meter_number, plan.issue_number, plan.sequence_base
    )


def replace_card(
    database: Database,
    card: SunCard,
    meter_number: str,
    reason: ReplaceReason,
    actor: Actor,
    *,
    utility_id: int = 1,
    now: datetime | None = None,
) -> IssuedCardResult:
    """Issue ``card`` in place of the meter's current card, carrying its unloaded credit.

    The carried credit is written under the same sequence and bill number it had on the
    old card: the meter loads a sequence only once, so it gets that credit exactly once
    whichever of the two cards it sees first. The old card is refused from now on.
    """
    acting_as(database, actor).require(permissions.REPLACE_METER)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    contents = card.read()
    with database.reading() as session:
        meter = register.card_meter(session, meter_number)
        old = register.active_card(session, meter.id)
        if old is None and register.last_issue_number(session, meter.id) == 0:
            raise errors.NoCardToReplaceError(number=meter.number)
        if old is not None and old.serial == contents.serial:
            raise errors.MeterHasCardError(
                number=meter.number, serial=old.serial, issue=old.issue_number
            )
        pending = register.pending_card_vends(session, meter.id)
        carried = _unloaded_credit(session, meter.id, pending)
        floor = _sequence_floor(session, meter.id)
        plan = _Plan(
            meter.id,
            meter.number,
            int(meter.sgc),
            register.last_issue_number(session, meter.id) + 1,
            carried.sequence - 1 if carried else floor,
            old_card_id=old.id if old else None,
            old_serial=old.serial if old else None,
            carried=carried,
            pending_vend_ids=tuple(vend.id for _, vend in pending),
            pending_bills=tuple(vend.bill_number for _, vend in pending),
        )
    _bind(card, contents, plan, utility_id, now)
    crash_point(REPLACE_AFTER_BIND)
    if carried is not None:
        written = card.read().credit
        if written is None or written.sequence != carried.sequence:
            card.write_credit(
                carried.energy_kwh,
                vend_id=carried.bill_number,
                created_at=now,
                meter_number=plan.meter_number,
                sequence=carried.sequence,
            )
        crash_point(REPLACE_AFTER_CARRY)
    state = CardState.LOST if reason is ReplaceReason.LOST else CardState.REPLACED
    _commit(database, contents.serial, plan, actor, "replaced", old_state=state)
    return IssuedCardResult(
        contents.serial,
        plan.meter_number,
        plan.issue_number,
        plan.sequence_base,
        replaced_serial=plan.old_serial,
        carried=carried,
        settled_bills=plan.pending_bills,
    )


def issue_with_credit(
    database: Database,
    card: SunCard,
    meter_number: str,
    owed: tuple[str, Decimal],
    actor: Actor,
    *,
    utility_id: int = 1,
    now: datetime | None = None,
    after_bind: str | None = None,
    after_write: str | None = None,
) -> IssuedCardResult:
    """Issue ``card`` to a meter that has none, carrying a credit another record owes it:
    ``owed`` is that record's bill number and kWh (a meter replacement's remainder, TOK-29).

    The credit's sequence is the meter's floor + 1, fixed by the register, so a second
    attempt (a kill between the steps) binds and writes exactly what the first did: a card
    bound by it is adopted, a credit already on it is not written again, and even another
    card written for it carries the same sequence, which the meter loads once. The caller
    passes its own crash points (``after_bind``, ``after_write``).
    """
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    contents = card.read()
    with database.reading() as session:
        meter = register.card_meter(session, meter_number)
        active = register.active_card(session, meter.id)
        if active is not None:
            raise errors.MeterHasCardError(
                number=meter.number, serial=active.serial, issue=active.issue_number
            )
        floor = _sequence_floor(session, meter.id)
        bill, energy = owed
        plan = _Plan(
            meter.id,
            meter.number,
            int(meter.sgc),
            register.last_issue_number(session, meter.id) + 1,
            floor,
            carried=Carried(bill, floor + 1, energy),
        )
    _bind(card, contents, plan, utility_id, now)
    if after_bind:
        crash_point(after_bind)
    carried = plan.carried
    assert carried is not None
    written = card.read().credit
    if written is None or (written.sequence, written.vend_id) != (carried.sequence, bill):
        card.write_credit(
            carried.energy_kwh,
            vend_id=bill,
            created_at=now,
            meter_number=plan.meter_number,
            sequence=carried.sequence,
        )
    if after_write:
        crash_point(after_write)
    _commit(database, contents.serial, plan, actor, "issued")
    return IssuedCardResult(
        contents.serial, plan.meter_number, plan.issue_number, plan.sequence_base, carried=carried
    )


def register_row(session: Session, serial: str, identity: IdentityRecord) -> IssuedCard | None:
    """The register's row for this card as issued (serial, meter and issue number), if any."""
    return session.scalars(
        select(IssuedCard)
        .join(Meter, Meter.id == IssuedCard.meter_id)
        .where(
            IssuedCard.serial == serial,
            Meter.number == identity.meter_number,
            IssuedCard.issue_number == identity.issue_number,
        )
    ).first()


def _sequence_floor(session: Session, meter_id: int) -> int:
    """The sequence a new card starts above: every sequence sold or loaded so far."""
    loaded = session.scalar(
        select(func.max(CardReading.last_loaded_sequence)).where(CardReading.meter_id == meter_id)
    )
    return max(register.any_sequence(session, meter_id), int(loaded or 0))


def _unloaded_credit(
    session: Session, meter_id: int, pending: list[tuple[Any, Vend]]
) -> Carried | None:
    """The newest sale put (or maybe put) on a card that no reading shows loaded."""
    loaded = int(
        session.scalar(
            select(func.max(CardReading.last_loaded_sequence)).where(
                CardReading.meter_id == meter_id
            )
        )
        or 0
    )
    candidates = [(cv.sequence, v) for cv, v in pending]
    sold = register.last_sold(session, meter_id)
    if sold is not None:
        candidates.append((sold[0].sequence, sold[1]))
    if not candidates:
        return None
    sequence, vend = max(candidates, key=lambda pair: pair[0])
    if sequence <= loaded:
        return None
    return Carried(vend.bill_number, sequence, vend.token_kwh)


def _bind(
    card: SunCard, contents: CardContents, plan: _Plan, utility_id: int, now: datetime | None
) -> None:
    identity = contents.identity
    if identity is not None:
        if (
            identity.meter_number == plan.meter_number
            and identity.issue_number == plan.issue_number
        ):
            return  # bound by an earlier attempt that stopped before the register commit
        raise CardAlreadyIssuedError(meter=identity.meter_number)
    card.bind(
        plan.meter_number,
        sgc=plan.sgc,
        utility_id=utility_id,
        issued_at=(now or datetime.now(UTC)).replace(microsecond=0),
        issue_number=plan.issue_number,
        sequence_base=plan.sequence_base,
    )


def _commit(
    database: Database,
    serial: str,
    plan: _Plan,
    actor: Actor,
    step: str,
    *,
    old_state: CardState | None = None,
) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        if plan.old_card_id is not None and old_state is not None:
            old = session.get(IssuedCard, plan.old_card_id, with_for_update=True)
            assert old is not None
            old.state = old_state
            old.ended_at = utc_now()
        session.flush()  # the old card stops being active before the new one starts
        carried = plan.carried
        session.add(
            IssuedCard(
                serial=serial,
                meter_id=plan.meter_id,
                issue_number=plan.issue_number,
                sequence_base=plan.sequence_base,
                replaces_card_id=plan.old_card_id,
                carried_sequence=carried.sequence if carried else None,
                carried_kwh=carried.energy_kwh if carried else None,
                carried_bill=carried.bill_number if carried else None,
            )
        )
        for vend_id in plan.pending_vend_ids:
            # In doubt with the old card gone: sold, and its credit rides on the new card.
            ledger.mark_issued(session, vend_id, actor, step="settled_by_replacement")
        append(
            session,
            AuditKind.CARD_ACTION,
            subject=f"card:{serial}",
            details={
                "step": step,
                "meter": plan.meter_number,
                "issue_number": plan.issue_number,
                "sequence_base": plan.sequence_base,
                "replaced": plan.old_serial,
                "old_state": str(old_state) if old_state else None,
                "carried_bill": carried.bill_number if carried else None,
                "carried_kwh": carried.energy_kwh if carried else None,
            },
            actor=actor,
        )
        uow.commit()
