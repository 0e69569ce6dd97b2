"""Terminals' engineering, test and free tokens into the head office's ``token_operations``,
step by step as the counter booked them (docs/token-operations.md, "At the head office").

The facts come from the ``token_operation`` audit entries (``starpos.tokenops.ledger``), by
code: the row's own id (``request_id``), the meter's number, the operator's code. A row is
the terminal's: a later step moves it only when the same terminal signed it. A decoder key
change moves the meter's key data here too, as it did at the counter: it is what the meter
holds now. The batch's own entry (``token_batch:``) is kept in the chain only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import TokenOperationKind, TokenOperationState
from starpos.db.models import Meter, Operator, TokenOperation
from starpos.server import token_replacement_projection
from starpos.server.findings import FindingKind, Flag

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

ISSUED_STEPS = frozenset({"issued", "recovered"})
PREFIX = "token_operation:"


def token_operation_step(session: Session, event: TerminalEvent) -> list[Flag]:
    if event.subject.startswith(token_replacement_projection.PREFIX):
        return token_replacement_projection.replacement_step(session, event)
    if not event.subject.startswith(PREFIX):
        return []  # the batch's own entry: what was asked, kept in the chain
    step = event.details.get("step")
    request_id = event.subject.removeprefix(PREFIX)
    row = session.scalars(
        select(TokenOperation).where(TokenOperation.request_id == request_id).with_for_update()
    ).first()
    if row is not None and row.terminal_id != event.terminal_id:
        return [_not_found(request_id, step)]
    if step == "pending" or (step in ISSUED_STEPS and row is None and "meter" in event.details):
        row, flags = _opened(session, event, request_id, row)
        if row is None:
            return flags
    if row is None:
        return [_not_found(request_id, step)]
    if step in ISSUED_STEPS:
        _issued(session, event, row)
    elif step == "failed":
        row.state = TokenOperationState.FAILED
        row.failure_reason = event.details.get("reason")
        row.failed_at = event.occurred_at
    elif step == "not_acted":
        row.state = TokenOperationState.PLANNED
        row.tid = None
        row.module_request_digest = None
    elif step == "printed":
        row.print_count = max(row.print_count, int(event.details.get("print_count", 1)))
    session.flush()
    return []


def _not_found(request_id: str, step: Any) -> Flag:
    return Flag(
        FindingKind.UNKNOWN_REFERENCE,
        {"token_operation": request_id, "step": step, "missing": ["token_operation"]},
    )


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _opened(
    session: Session, event: TerminalEvent, request_id: str, row: TokenOperation | None
) -> tuple[TokenOperation | None, list[Flag]]:
    """The row a PENDING entry (or a test token's ISSUED entry) names, made or updated."""
    facts = event.details
    if row is None:
        meter_id = session.scalar(select(Meter.id).where(Meter.number == facts.get("meter")))
        operator_id = session.scalar(
            select(Operator.id).where(Operator.code == event.operator_code)
        )
        missing = [name for name, found in (("meter", meter_id), ("operator", operator_id))
                   if found is None]  # fmt: skip
        if missing:
            flag = {"token_operation": request_id, "missing": missing}
            return None, [Flag(FindingKind.UNKNOWN_REFERENCE, flag)]
        row = TokenOperation(
            request_id=request_id,
            batch_id=facts["batch"],
            position=int(facts["position"]),
            kind=TokenOperationKind(facts["kind"]),
            meter_id=meter_id,
            operator_id=operator_id,
            terminal_id=event.terminal_id,
            value=facts.get("value", ""),
            energy_kwh=_decimal(facts.get("energy_kwh", "0.0")),
            print_count=0,
            created_at=event.occurred_at,
        )
        session.add(row)
    row.state = TokenOperationState.PENDING
    row.tid = facts.get("tid")
    row.module_id = facts.get("module")
    row.module_key_ref = facts.get("key_ref")
    row.module_request_digest = facts.get("request_digest")
    row.module_sequence = facts.get("module_sequence")
    row.module_balance_before = _decimal(facts.get("module_balance"))
    session.flush()
    if row.tid is not None:
        meter = session.get(Meter, row.meter_id, with_for_update=True)
        assert meter is not None
        if meter.last_tid is None or meter.last_tid < row.tid:
            meter.last_tid = row.tid  # the meter's last TID is the latest any terminal made
    return row, []


def _issued(session: Session, event: TerminalEvent, row: TokenOperation) -> None:
    row.state = TokenOperationState.ISSUED
    row.tokens = " ".join(event.details.get("tokens", []))
    row.issued_at = event.occurred_at
    new_key = event.details.get("new_key")
    if isinstance(new_key, dict):
        meter = session.get(Meter, row.meter_id, with_for_update=True)
        assert meter is not None
        meter.key_register = str(new_key["register"])
        meter.sgc = str(new_key["sgc"])
        meter.ti = int(new_key["ti"])
        meter.krn = int(new_key["krn"])
        meter.ken = int(new_key["ken"])
        meter.key_type = int(new_key["key_type"])
        meter.tid_base_year = int(new_key["base_date"])
        if event.details.get("rollover"):
            meter.last_tid = None
