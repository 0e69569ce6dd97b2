"""Terminals' shifts and the cash of their drawers into the head office's ``shifts``,
``cash_movements`` and ``shift_counts``, step by step as the counter recorded them
(docs/shifts.md, "At the head office").

The facts come from the ``shift`` audit entries (``starpos.shifts.records.audit``): the
shift's own id (``request_id``), the operators' and payment methods' codes. A shift is the
terminal's: it is kept with the signing terminal's id, and a later step moves it only when
the same terminal signed it. The Zs and day closes, written under the same kind, are booked
by :mod:`starpos.server.z_projection`.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import CashMovementKind, PaymentKind, ShiftState
from starpos.db.models import CashMovement, Operator, PaymentTerm, SalesPoint, Shift, ShiftCount
from starpos.server import z_projection
from starpos.server.findings import FindingKind, Flag

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent


def shift_step(session: Session, event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step")
    if step in z_projection.STEPS:
        return z_projection.STEPS[step](session, event)
    if step == "opened":
        return _opened(session, event)
    shift = _terminal_shift(session, event)
    if shift is None:
        return [_not_found(event)]
    if step == "cash":
        return _cash(session, event, shift)
    if step in ("ended", "recounted"):
        _counted(session, event, shift)
    elif step == "closed":
        return _closed(session, event, shift)
    return []


def terminal_shifts(session: Session, terminal_id: int, refs: set[Any]) -> dict[Any, int]:
    """The head office's ids of the terminal's shifts ``refs`` (their ids in every store):
    a sale is booked in the shift it was made in (booked before it: its chain comes first)."""
    refs.discard(None)
    if not refs:
        return {}
    rows = session.execute(
        select(Shift.request_id, Shift.id).where(
            Shift.request_id.in_(refs), Shift.terminal_id == terminal_id
        )
    )
    return {ref: row_id for ref, row_id in rows}


def operator_id(session: Session, code: str | None) -> int | None:
    return session.scalar(select(Operator.id).where(Operator.code == code)) if code else None


def plain_json(value: dict[str, Any]) -> str:
    """As ``starpos.shifts.records.plain_json`` wrote it at the counter."""
    return json.dumps(
        {str(k): str(v) for k, v in value.items()}, sort_keys=True, separators=(",", ":")
    )


def _shift_ref(event: TerminalEvent) -> str:
    return str(event.details.get("shift") or event.subject.removeprefix("shift:"))


def _not_found(event: TerminalEvent) -> Flag:
    details = {"shift": _shift_ref(event), "step": event.details.get("step")}
    return Flag(FindingKind.UNKNOWN_REFERENCE, {**details, "missing": ["shift"]})


def _terminal_shift(session: Session, event: TerminalEvent) -> Shift | None:
    shift: Shift | None = session.scalars(
        select(Shift).where(
            Shift.request_id == _shift_ref(event), Shift.terminal_id == event.terminal_id
        )
    ).first()
    return shift


def _opened(session: Session, event: TerminalEvent) -> list[Flag]:
    ref = _shift_ref(event)
    if session.scalar(select(Shift.id).where(Shift.request_id == ref)) is not None:
        return []  # booked already (its id is the counter's own: never another's)
    point_code = event.sales_point_claimed or event.sales_point_code
    point = session.scalar(select(SalesPoint.id).where(SalesPoint.code == point_code))
    cashier = operator_id(session, event.operator_code)
    missing = [name for name, found in (("sales_point", point), ("operator", cashier))
               if found is None]  # fmt: skip
    if point is None or cashier is None:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"shift": ref, "missing": missing})]
    pieces = event.details.get("opening_count") or {}
    session.add(
        Shift(
            request_id=ref,
            till=str(event.details.get("till", "")),
            # The terminal whose store it is, whichever till it names there.
            terminal_id=event.terminal_id,
            sales_point_id=point,
            operator_id=cashier,
            state=ShiftState.OPEN,
            opening_float=Decimal(str(event.details.get("opening_float", "0"))),
            opening_count=plain_json(pieces) if pieces else "",
            opened_at=event.occurred_at,
        )
    )
    session.flush()
    return []


def _cash(session: Session, event: TerminalEvent, shift: Shift) -> list[Flag]:
    facts = event.details
    ref = str(facts.get("movement", ""))
    if session.scalar(select(CashMovement.id).where(CashMovement.request_id == ref)):
        return []
    who = operator_id(session, event.operator_code)
    if who is None:
        flag = {"movement": ref, "missing": ["operator"]}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, flag)]
    session.add(
        CashMovement(
            request_id=ref,
            shift_id=shift.id,
            kind=CashMovementKind(facts["kind"]),
            amount=Decimal(str(facts.get("amount", "0"))),
            reason=str(facts.get("reason", "")),
            operator_id=who,
            created_at=event.occurred_at,
        )
    )
    session.flush()
    return []


def _cash_code(session: Session) -> str | None:
    return session.scalar(
        select(PaymentTerm.code)
        .where(PaymentTerm.kind == PaymentKind.CASH)
        .order_by(PaymentTerm.id)
    )


def _counted(session: Session, event: TerminalEvent, shift: Shift) -> None:
    """The blind count (a recount replaces it), as the counter kept it."""
    counted: dict[str, Any] = event.details.get("counted") or {}
    pieces: dict[str, Any] = event.details.get("cash_pieces") or {}
    cash = _cash_code(session) if pieces else None
    for row in list(shift.counts):
        session.delete(row)
    session.flush()
    for payment, amount in counted.items():
        session.add(
            ShiftCount(
                shift_id=shift.id,
                payment=payment,
                counted=Decimal(str(amount)),
                denominations=plain_json(pieces) if payment == cash else "",
            )
        )
    if shift.state is not ShiftState.CLOSED:
        shift.state = ShiftState.ENDED
    shift.ended_at = event.occurred_at
    session.flush()
    session.expire(shift, ["counts"])


def _closed(session: Session, event: TerminalEvent, shift: Shift) -> list[Flag]:
    facts = event.details
    supervisor = operator_id(session, event.operator_code)
    shift.state = ShiftState.CLOSED
    shift.closed_at = event.occurred_at
    shift.closed_by_id = supervisor
    shift.variance = Decimal(str(facts.get("variance", "0")))
    shift.variance_reason = str(facts.get("reason", ""))
    rows = {row.payment: row for row in shift.counts}
    for line in facts.get("counts", []):
        row = rows.get(line["payment"])
        if row is None:
            row = ShiftCount(
                shift_id=shift.id, payment=line["payment"], counted=Decimal(line["counted"])
            )
            session.add(row)
        row.expected = Decimal(str(line["expected"]))
        row.variance = Decimal(str(line["variance"]))
    session.flush()
    if supervisor is None:
        flag = {"shift": shift.request_id, "missing": ["operator"]}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, flag)]
    return []
