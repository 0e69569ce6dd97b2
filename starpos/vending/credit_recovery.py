"""A credit update the store sent but did not hear back from, settled from the module's record.

:func:`starpos.vending.module_credit.credit_module` commits its row PENDING before the block
goes to the module. After a crash (or a lost answer) the module's own record of the
sequence (``SM?CU``) says what happened: a record with this block's digest means the module
applied it (APPLIED, with the module's amounts); no record, or another block's, means it did
not (FAILED; reconciliation names another block applied at that sequence). Either way one
transaction writes the row and its audit entry. Nothing is sent again.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import CreditUpdateState
from starpos.db.models import ModuleCreditUpdate
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError, SmNoRecordError
from starpos.devices.sm.records import CreditUpdateRecord
from starpos.vending import errors

TENTH = Decimal("0.1")
NEVER_APPLIED = "credit.module_never_applied"
ANOTHER_BLOCK = "credit.module_applied_another_block"


def settle_pending_credit(
    database: Database, module: SecureModule, module_id: str, actor: Actor
) -> list[int]:
    """Settle this module's PENDING credit updates; the sequences settled."""
    with database.reading() as session:
        pending = list(
            session.scalars(
                select(ModuleCreditUpdate.sequence).where(
                    ModuleCreditUpdate.module_id == module_id,
                    ModuleCreditUpdate.state == CreditUpdateState.PENDING,
                )
            )
        )
    for sequence in pending:
        try:
            record: CreditUpdateRecord | None = module.credit_update_record(sequence)
        except SmNoRecordError:
            record = None
        except SmError as error:
            raise errors.ModuleOfflineError(**errors.reason(error)) from error
        with database.unit_of_work() as uow:
            row = _row(uow.session, module_id, sequence)
            if record is not None and record.block_digest == row.block_digest:
                settle_applied(uow.session, row, record, actor, recovered=True)
            else:
                settle_failed(
                    uow.session, row, NEVER_APPLIED if record is None else ANOTHER_BLOCK, actor
                )
            uow.commit()
    return pending


def _row(session: Session, module_id: str, sequence: int) -> ModuleCreditUpdate:
    return session.scalars(
        select(ModuleCreditUpdate).where(
            ModuleCreditUpdate.module_id == module_id, ModuleCreditUpdate.sequence == sequence
        )
    ).one()


def record_facts(record: CreditUpdateRecord) -> dict[str, object]:
    return {
        "operation": record.operation,
        "amount_kwh": record.amount,
        "balance_before_kwh": Decimal(record.balance_before_tenths) * TENTH,
        "balance_after_kwh": Decimal(record.balance_after_tenths) * TENTH,
    }


def settle_applied(
    session: Session,
    row: ModuleCreditUpdate,
    record: CreditUpdateRecord,
    actor: Actor,
    *,
    recovered: bool = False,
    state: CreditUpdateState = CreditUpdateState.APPLIED,
    source: str | None = None,
) -> None:
    """The row as the module recorded it, and its audit entry (the caller commits);
    ``source`` says where the block came from when not from the counter itself."""
    facts = record_facts(record)
    row.state = state
    row.operation = record.operation
    row.amount_kwh = record.amount
    row.balance_before_kwh = Decimal(record.balance_before_tenths) * TENTH
    row.balance_after_kwh = Decimal(record.balance_after_tenths) * TENTH
    row.settled_at = utc_now()
    session.flush()
    step = (
        "adopted"
        if state is CreditUpdateState.ADOPTED
        else ("recovered" if recovered else "applied")
    )
    append(
        session,
        AuditKind.MODULE_CREDIT,
        subject=f"module:{row.module_id}",
        details={
            "step": step,
            "sequence": row.sequence,
            "block_digest": row.block_digest,
            "operator": row.operator_code,
            **facts,
            **({"source": source} if source else {}),
        },
        actor=actor,
    )


def settle_failed(
    session: Session,
    row: ModuleCreditUpdate,
    why: str,
    actor: Actor,
    *,
    source: str | None = None,
) -> None:
    row.state = CreditUpdateState.FAILED
    row.failure_reason = why
    row.settled_at = utc_now()
    session.flush()
    append(
        session,
        AuditKind.MODULE_CREDIT,
        subject=f"module:{row.module_id}",
        details={
            "step": "failed",
            "sequence": row.sequence,
            "block_digest": row.block_digest,
            "operator": row.operator_code,
            "reason": why,
            **({"source": source} if source else {}),
        },
        actor=actor,
    )
