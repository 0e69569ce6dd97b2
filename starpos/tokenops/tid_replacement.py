"""A replacement token for a sale whose TID collided with another counter's (docs/sync.md,
"TID collision"; decisions SYN-51, SYN-52).

Two counters offline sold to one meter in the same minute and gave both tokens the same
TID: the meter takes the first entered and refuses the other as used. The head office keeps
a row for the sale it booked second (``token_replacements_due``), which comes down with the
meter. Here the terminal that made that sale issues the same energy again (the sale's kWh)
as a credit token under a new TID: no money, out of the module's credit as every credit
token, a ``token_operations`` row of kind ``tid_replacement`` with its audit entries.

Durable in three steps, each one commit, as a token cancel is:

1. checks, then the PLANNED row and the due naming it (``replacement``), audited;
2. the token through the module (``run_batch``: PENDING before the module is asked,
   recovery from its last answer after a crash);
3. the due REPLACED, audited with what the head office books (:func:`settle_replacements`
   finishes it after a crash).

Refused, with nothing written but the refusal: no ``cancel_token`` permission, no due
for the meter and bill, a due of another terminal's sale (only the counter that sold may
replace, so two counters cannot both), a due already replaced.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState, TokenReplacementState
from starpos.db.models import Meter, Operator, Terminal, TokenOperation, TokenReplacementDue
from starpos.devices.sm.driver import SecureModule
from starpos.operators.errors import UnknownOperatorError
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors, kinds
from starpos.tokenops.batch import run_batch
from starpos.vending.module_access import ModuleAccess

#: The audit subject of a due's steps; the head office books the ``replaced`` step.
SUBJECT = "token_replacement:"
WAITING = (TokenOperationState.PLANNED, TokenOperationState.PENDING)


@dataclass(frozen=True)
class DueToken:
    """A sale of the meter whose token needs a replacement, as the counter shows it."""

    meter: str
    bill: str
    other_bill: str
    terminal: str
    tid: int
    energy_kwh: Decimal
    amount: Decimal
    state: str
    replacement: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "meter": self.meter, "bill": self.bill, "other_bill": self.other_bill,
            "terminal": self.terminal, "tid": self.tid, "energy_kwh": self.energy_kwh,
            "amount": self.amount, "state": self.state, "replacement": self.replacement,
        }  # fmt: skip


@dataclass(frozen=True)
class ReplacementResult:
    meter: str
    bill: str
    energy_kwh: Decimal
    state: str
    token: str | None
    tid: int | None
    batch_id: str
    request_id: str
    failure_reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "meter": self.meter, "bill": self.bill, "energy_kwh": self.energy_kwh,
            "state": self.state, "token": self.token, "tid": self.tid, "batch": self.batch_id,
            "operation": self.request_id, "failure_reason": self.failure_reason,
        }  # fmt: skip


def dues_of(
    session: Session, meter: str | None = None, *, open_only: bool = True
) -> list[DueToken]:
    """The meter's (every meter's with None) sales whose token needs a replacement."""
    query = (
        select(TokenReplacementDue, Meter.number, Terminal.code)
        .join(Meter, Meter.id == TokenReplacementDue.meter_id)
        .join(Terminal, Terminal.id == TokenReplacementDue.terminal_id)
        .order_by(Meter.number, TokenReplacementDue.bill_number)
    )
    if meter is not None:
        query = query.where(Meter.number == parse_meter_number(meter).iain)
    if open_only:
        query = query.where(TokenReplacementDue.state == TokenReplacementState.OPEN)
    return [
        DueToken(
            number,
            due.bill_number,
            due.other_bill,
            terminal,
            due.tid,
            due.energy_kwh,
            due.amount,
            due.state.value,
            due.replacement,
        )
        for due, number, terminal in session.execute(query)
    ]


def replace_token(
    database: Database, access: ModuleAccess, operator: OperatorSession, meter: str, bill: str
) -> ReplacementResult:
    """Issue the replacement of the token of ``bill`` to ``meter``; raises a typed refusal
    and writes nothing but the refusal when it may not be (see the module's note)."""
    operator.require(kinds.PERMISSION[Kind.TID_REPLACEMENT])
    due_id, batch_id = _open(database, operator, parse_meter_number(meter).iain, bill.strip())
    run_batch(database, access, operator, batch_id)
    with database.unit_of_work() as uow:
        _complete(uow.session, due_id, operator.actor)
        uow.commit()
    return result_of(database, due_id)


def _find(session: Session, meter: str, bill: str) -> TokenReplacementDue:
    due = session.scalars(
        select(TokenReplacementDue)
        .join(Meter, Meter.id == TokenReplacementDue.meter_id)
        .where(Meter.number == meter, TokenReplacementDue.bill_number == bill)
        .with_for_update()
    ).first()
    if due is None:
        raise errors.NoReplacementDueError(meter=meter, bill=bill)
    return due


def _open(database: Database, operator: OperatorSession, meter: str, bill: str) -> tuple[int, str]:
    actor = operator.actor
    with database.unit_of_work() as uow:
        session = uow.session
        due = _find(session, meter, bill)
        terminal_id = session.scalar(
            select(Terminal.id).where(Terminal.code == actor.terminal_code)
        )
        if terminal_id != due.terminal_id:
            sold_at = session.scalar(select(Terminal.code).where(Terminal.id == due.terminal_id))
            raise errors.ReplacementOtherTerminalError(bill=bill, terminal=sold_at)
        if due.state is TokenReplacementState.REPLACED:
            raise errors.ReplacementAlreadyIssuedError(bill=bill, replacement=due.replacement)
        begun = _operation(session, due.replacement)
        if begun is not None and begun.state is not TokenOperationState.FAILED:
            # A replacement a crash stopped (its token waits in its batch, or was made and
            # the due not yet marked): take it up again, never a second token.
            return due.id, begun.batch_id
        operator_id = session.scalar(select(Operator.id).where(Operator.code == operator.code))
        if operator_id is None:
            raise UnknownOperatorError(operator=operator.code)
        batch_id, request_id = str(uuid.uuid4()), str(uuid.uuid4())
        session.connection().execute(
            insert(cast(Table, TokenOperation.__table__)),
            {
                "request_id": request_id, "batch_id": batch_id, "position": 1,
                "kind": Kind.TID_REPLACEMENT, "state": TokenOperationState.PLANNED,
                "meter_id": due.meter_id, "operator_id": operator_id,
                "terminal_id": terminal_id, "value": str(due.energy_kwh),
                "energy_kwh": due.energy_kwh, "print_count": 0,
            },
        )  # fmt: skip
        due.replacement = request_id
        session.flush()
        append(
            session,
            AuditKind.TOKEN_OPERATION,
            subject=f"{SUBJECT}{bill}",
            details={
                "step": "planned", "meter": meter, "bill": bill, "tid": due.tid,
                "energy_kwh": due.energy_kwh, "operation": request_id, "batch": batch_id,
            },
            actor=actor,
        )  # fmt: skip
        uow.commit()
        return due.id, batch_id


def _operation(session: Session, request_id: str | None) -> TokenOperation | None:
    if request_id is None:
        return None
    return session.scalars(
        select(TokenOperation).where(TokenOperation.request_id == request_id)
    ).first()


def _complete(session: Session, due_id: int, actor: Actor) -> None:
    """Step 3: the due follows its token's row once the module made it (nothing while the row
    waits; a FAILED row leaves the due open for another try)."""
    due = session.get(TokenReplacementDue, due_id, with_for_update=True)
    assert due is not None
    operation = _operation(session, due.replacement)
    if due.state is TokenReplacementState.REPLACED or operation is None:
        return
    if operation.state is not TokenOperationState.ISSUED:
        return
    due.state = TokenReplacementState.REPLACED
    due.replaced_at = utc_now()
    meter = session.get(Meter, due.meter_id)
    assert meter is not None
    session.flush()
    append(
        session,
        AuditKind.TOKEN_OPERATION,
        subject=f"{SUBJECT}{due.bill_number}",
        details={
            # What the head office books over the first token (SYN-51), by codes.
            "step": "replaced", "meter": meter.number, "bill": due.bill_number,
            "tid": due.tid, "operation": operation.request_id, "new_tid": operation.tid,
            "energy_kwh": operation.energy_kwh,
        },
        actor=actor,
    )  # fmt: skip


def settle_replacements(database: Database, module: SecureModule, module_id: str) -> int:
    """Finish the replacements a crash left between their token and their due (the token
    operations' recovery ran first); how many. The module is not asked."""
    del module, module_id
    with database.reading() as session:
        ids = list(
            session.scalars(
                select(TokenReplacementDue.id).where(
                    TokenReplacementDue.state == TokenReplacementState.OPEN,
                    TokenReplacementDue.replacement.is_not(None),
                )
            )
        )
    for due_id in ids:
        with database.unit_of_work() as uow:
            _complete(uow.session, due_id, Actor(operator_code=None))
            uow.commit()
    return len(ids)


def result_of(database: Database, due_id: int) -> ReplacementResult:
    with database.reading() as session:
        due = session.get(TokenReplacementDue, due_id)
        assert due is not None
        operation = _operation(session, due.replacement)
        assert operation is not None
        meter = session.get(Meter, due.meter_id)
        assert meter is not None
        return ReplacementResult(
            meter.number, due.bill_number, operation.energy_kwh, operation.state.value,
            operation.tokens, operation.tid, operation.batch_id, operation.request_id,
            operation.failure_reason,
        )  # fmt: skip
