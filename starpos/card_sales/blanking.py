"""Blanking a card: its identity, credit and return records erased, the register told.

The card is erased before the register records it blanked, so a crash or a removal in
between leaves an erased card the register still calls active. To finish that on the next
try, the intent is committed first: an audit entry ``blanking`` naming the card, its meter
and any unloaded credit the operator chose to discard. Blanking the (now blank) card again
finds its register row by the chip's serial and completes it from that entry; nothing is
erased twice and the discarded credit is recorded once (docs/card-sales.md, "Crash and
removal rules").
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind, append
from starpos.card_sales import errors, register
from starpos.card_sales.lifecycle import register_row
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, CardState, IssuedCard
from starpos.devices.card.sun_card import SunCard
from starpos.operators import permissions
from starpos.operators.login import acting_as
from starpos.vending.crash_points import crash_point

# Crash points for the kill tests (starpos.vending.crash_points).
BLANK_AFTER_INTENT = "card-blank-after-intent"  # the intent committed, the card untouched
BLANK_AFTER_ERASE = "card-blank-after-erase"  # the card erased, the register not told


def blank_card(
    database: Database, card: SunCard, actor: Actor, *, discard_credit: bool = False
) -> dict[str, Any]:
    """Erase the card (identity, credit, return). Refused while it carries credit the meter
    has not loaded: that credit would be lost (replace the card to carry it instead),
    unless ``discard_credit``, which the audit entry records with the energy discarded."""
    from starpos.card_sales.intake import take_in

    operator = acting_as(database, actor)
    operator.require(permissions.MANAGE_METERS)
    if discard_credit:
        operator.require(permissions.REFUND)
    contents = card.read()
    identity = contents.identity
    if identity is None:
        return _finish_interrupted(database, contents.serial, actor)
    with database.reading() as session:
        row = register_row(session, contents.serial, identity)
    active = row is not None and row.state == CardState.ACTIVE
    if active:
        take_in(database, contents, meter_number=None, actor=actor)  # settle its sales first
        with database.reading() as session:
            pending = register.pending_card_vends(session, row.meter_id) if row else []
        if pending:
            raise errors.CardVendPendingError(
                bill=pending[0][1].bill_number,
                meter=identity.meter_number,
                serial=contents.serial,
            )
    discarded = contents.credit if contents.credit_pending else None
    if discarded is not None and not discard_credit:
        raise errors.BlankWithCreditError(energy=discarded.energy_kwh, bill=discarded.vend_id)
    details = {
        "meter": identity.meter_number,
        "issue_number": identity.issue_number,
        "registered": row is not None,
        "discarded_kwh": discarded.energy_kwh if discarded else None,
        "discarded_bill": discarded.vend_id if discarded else None,
    }
    if active:
        _audit(database, contents.serial, "blanking", details, actor)
        crash_point(BLANK_AFTER_INTENT)
    card.blank()
    crash_point(BLANK_AFTER_ERASE)
    _record_blanked(database, contents.serial, row.id if row else None, details, actor)
    return {
        "serial": contents.serial,
        "blank": True,
        "was_issued": True,
        "meter": identity.meter_number,
        "discarded_kwh": details["discarded_kwh"],
    }


def _finish_interrupted(database: Database, serial: str, actor: Actor) -> dict[str, Any]:
    """A blank card: blank already, or erased by a blanking that stopped before the
    register heard of it (an active row for this chip and a ``blanking`` entry)."""
    with database.reading() as session:
        row = session.scalars(
            select(IssuedCard).where(
                IssuedCard.serial == serial, IssuedCard.state == CardState.ACTIVE
            )
        ).first()
        intent = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.subject == f"card:{serial}", AuditEntry.kind == AuditKind.CARD_ACTION)
            .order_by(AuditEntry.id.desc())
        ).first()
    details = json.loads(intent.details) if intent is not None else {}
    if row is None or details.get("step") != "blanking":
        return {"serial": serial, "blank": True, "was_issued": False}
    details.pop("step")
    _record_blanked(database, serial, row.id, {**details, "finished_after_stop": True}, actor)
    discarded = details.get("discarded_kwh")
    return {
        "serial": serial,
        "blank": True,
        "was_issued": True,
        "meter": details.get("meter"),
        "discarded_kwh": Decimal(str(discarded)) if discarded is not None else None,
    }


def _record_blanked(
    database: Database, serial: str, row_id: int | None, details: dict[str, Any], actor: Actor
) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        stored = session.get(IssuedCard, row_id) if row_id is not None else None
        if stored is not None and stored.state == CardState.ACTIVE:
            stored.state = CardState.BLANKED
            stored.ended_at = utc_now()
        append(
            session,
            AuditKind.CARD_ACTION,
            subject=f"card:{serial}",
            details={"step": "blanked", **details, "registered": stored is not None},
            actor=actor,
        )
        uow.commit()


def _audit(
    database: Database, serial: str, step: str, details: dict[str, Any], actor: Actor
) -> None:
    with database.unit_of_work() as uow:
        append(
            uow.session,
            AuditKind.CARD_ACTION,
            subject=f"card:{serial}",
            details={"step": step, **details},
            actor=actor,
        )
        uow.commit()
