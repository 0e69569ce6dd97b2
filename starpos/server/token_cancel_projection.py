"""Terminals' token cancels into the head office's ``token_cancels`` and vend ledger, step by
step as the counter booked them (docs/sync.md, "Projection"; decision SYN-29).

The facts come from the ``vend_cancelled`` audit entries (``starpos.tokenops.token_cancel``),
by codes: the sale's bill, the cancel's bill and its own id (``request_id``), the zero
token's row id (``operation``). ``pending`` books the cancel PENDING with its amounts and the
zero token's PLANNED row, as the counter's one commit did (the ``token_operation`` entries
that follow move that row); ``cancelled`` makes the sale CANCELLED and the cancel DONE at
the entry's time, so the shift that paid the refund counts it here as there (SHF-08);
``cancel_failed`` fails it and the sale stands. A cancel is the terminal's: it is found by
its bill **and** the signing terminal.

Never refused: a cancel of a sale the head office does not have (``sale_not_found``), or a
cancel entry written before the entries named the zero token's row (``unknown_reference``),
stays in the chain and is raised.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import TokenCancelState, TokenOperationKind, TokenOperationState, VendState
from starpos.db.models import SalesPoint, TokenCancel, TokenOperation, Vend
from starpos.server.findings import FindingKind, Flag
from starpos.server.sale_owner import opened_by
from starpos.server.shift_projection import operator_id

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

PREFIX = "vend:"


def cancel_step(session: Session, event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step")
    if step == "pending":
        return _pending(session, event)
    if step in ("cancelled", "cancel_failed"):
        return _decided(session, event, done=step == "cancelled")
    return []


def _sale(session: Session, event: TerminalEvent) -> Vend | None:
    vend: Vend | None = session.scalars(
        select(Vend)
        .where(
            Vend.bill_number == event.subject.removeprefix(PREFIX),
            Vend.terminal_id == event.terminal_id,
            opened_by(event.enrolment_id),  # not the old store's sale of the same bill (SYN-42)
        )
        .with_for_update()
    ).first()
    return vend


def _cancel(session: Session, event: TerminalEvent) -> TokenCancel | None:
    cancel: TokenCancel | None = session.scalars(
        select(TokenCancel)
        .where(
            TokenCancel.bill_number == event.details.get("cancel_bill"),
            TokenCancel.terminal_id == event.terminal_id,
        )
        .with_for_update()
    ).first()
    return cancel


def _sale_not_found(event: TerminalEvent) -> list[Flag]:
    details = {"bill": event.subject.removeprefix(PREFIX), "step": event.details.get("step")}
    details["cancel_bill"] = event.details.get("cancel_bill")
    return [Flag(FindingKind.SALE_NOT_FOUND, details)]


def _pending(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    vend = _sale(session, event)
    if vend is None:
        return _sale_not_found(event)
    if _cancel(session, event) is not None:
        return []  # booked already
    canceller = operator_id(session, event.operator_code)
    operation_ref = facts.get("operation")
    missing = [name for name, found in (("operator", canceller), ("operation", operation_ref))
               if found is None]  # fmt: skip
    if canceller is None or operation_ref is None:
        flag = {"cancel_bill": facts.get("cancel_bill"), "missing": missing}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, flag)]
    operation = session.scalars(
        select(TokenOperation).where(TokenOperation.request_id == operation_ref)
    ).first()
    if operation is None:
        operation = TokenOperation(
            request_id=operation_ref, batch_id=facts["request_id"], position=1,
            kind=TokenOperationKind.TOKEN_CANCEL, state=TokenOperationState.PLANNED,
            meter_id=vend.meter_id, operator_id=canceller, terminal_id=event.terminal_id,
            value="0", energy_kwh=Decimal("0.0"), print_count=0, created_at=event.occurred_at,
        )  # fmt: skip
        session.add(operation)
        session.flush()
    point_code = event.sales_point_claimed or event.sales_point_code
    session.add(
        TokenCancel(
            request_id=facts["request_id"], bill_number=facts["cancel_bill"],
            state=TokenCancelState.PENDING, vend_id=vend.id, operation_id=operation.id,
            reason=str(facts.get("reason", "")), amount=_money(facts, "amount"),
            charge=_money(facts, "charge"), refund=_money(facts, "refund"),
            operator_id=canceller,
            sales_point_id=session.scalar(
                select(SalesPoint.id).where(SalesPoint.code == point_code)
            ),
            terminal_id=event.terminal_id, created_at=event.occurred_at,
        )
    )  # fmt: skip
    session.flush()
    return []


def _decided(session: Session, event: TerminalEvent, *, done: bool) -> list[Flag]:
    cancel = _cancel(session, event)
    if cancel is None:
        vend = _sale(session, event)
        if vend is None:
            return _sale_not_found(event)
        flag = {"cancel_bill": event.details.get("cancel_bill"), "missing": ["cancel"]}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, flag)]
    if cancel.state is not TokenCancelState.PENDING:
        return []
    vend = session.get(Vend, cancel.vend_id, with_for_update=True)
    assert vend is not None
    if done:
        vend.state = VendState.CANCELLED
        vend.cancelled_at = event.occurred_at
        cancel.state = TokenCancelState.DONE
        cancel.completed_at = event.occurred_at
        cancel.refund = _money(event.details, "refund", cancel.refund)
    else:
        cancel.state = TokenCancelState.FAILED
        cancel.failure_reason = event.details.get("reason")
    session.flush()
    return []


def _money(facts: dict[str, Any], key: str, default: Decimal = Decimal(0)) -> Decimal:
    value = facts.get(key)
    return default if value is None else Decimal(str(value))
