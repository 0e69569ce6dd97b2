"""The one way the store applies a credit update block to its module (DESIGN.md rule 10).

:func:`credit_module` is what ``starpos sm credit`` and the installer's module manager call;
nothing else sends ``SM?TU``. The order is the vend's (docs/vending.md):

1. hold the module's lock; settle what a crash left PENDING (:func:`recover`, which also
   settles a PENDING credit update from the module's own record); the module must serve
   this store (:func:`ensure_served`);
2. commit the row PENDING (module, next sequence, the block's digest, who, when);
3. send the block (``SM?TU``);
4. read the module's record of it (``SM?CU``) and commit the row APPLIED with its amounts
   together with its audit entry;
5. reconcile over the module's life, the verdict audited when it changes.

A refusal books the row FAILED (audited). A lost answer, or a crash after step 2, leaves it
PENDING: the next recovery reads the module's record of that sequence and settles it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import CreditUpdateState
from starpos.db.models import ModuleCreditUpdate
from starpos.db.unit_of_work import UnitOfWork
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError, SmRefusedError
from starpos.devices.sm.records import CreditUpdateRecord
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.vending import errors
from starpos.vending.anchors import store_anchor
from starpos.vending.crash_points import CREDIT_AFTER_MODULE, CREDIT_AFTER_PENDING, crash_point
from starpos.vending.credit_recovery import record_facts, settle_applied, settle_failed
from starpos.vending.reconcile import ReconcileReport
from starpos.vending.reconcile_audit import reconcile_and_record
from starpos.vending.recovery import RecoveryReport, recover
from starpos.vending.store_binding import ensure_served


@dataclass(frozen=True)
class CreditOutcome:
    """An applied credit update, the vends settled first, and the reconcile after it."""

    module_id: str
    record: CreditUpdateRecord
    settled: RecoveryReport
    reconcile: ReconcileReport

    @property
    def sequence(self) -> int:
        return self.record.sequence

    @property
    def balance(self) -> Decimal:
        return Decimal(self.record.balance_after_tenths) / 10

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "sequence": self.sequence,
            "balance_kwh": self.balance,
            **{k: v for k, v in record_facts(self.record).items() if k != "balance_after_kwh"},
            "block_digest": self.record.block_digest,
            "reconcile": self.reconcile.as_dict(),
        }


def block_digest(block: bytes) -> str:
    """How the module names a block in its records: 16 hex digits of its SHA-256."""
    return hashlib.sha256(block).hexdigest()[:16].upper()


def credit_module(
    database: Database,
    module: SecureModule,
    block: bytes,
    operator: OperatorSession,
    *,
    source: str | None = None,
) -> CreditOutcome:
    """Apply ``block`` to ``module`` (open, its lock held: :class:`ModuleLock`) for
    ``operator`` (permission installer_settings), recorded and audited; steps 1-5 of this
    module's docstring. ``source`` names where the block came from in the audit entry
    (``head_office``: issued there, received by sync)."""
    operator.require(permissions.INSTALLER_SETTINGS)
    actor = operator.actor
    settled = recover(database, module)
    module_id = settled.module_id
    ensure_served(database, module, module_id)
    try:
        sequence = module.balance().next_sequence
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    digest = block_digest(block)
    _open_pending(database, module_id, sequence, digest, actor.operator_code)
    crash_point(CREDIT_AFTER_PENDING)
    with database.reading() as session:
        # The module journals the store's audit head with the block (docs/security.md §4);
        # the credit update's own entry comes after, with the module's record of it.
        anchor = store_anchor(session)
    try:
        module.credit_update(block, anchor=anchor)
    except SmRefusedError as refusal:
        with database.unit_of_work() as uow:
            settle_failed(
                uow.session, _row(uow, module_id, sequence), refusal.code, actor, source=source
            )
            uow.commit()
        raise errors.CreditUpdateRefusedError(
            sequence=sequence, **errors.reason(refusal)
        ) from refusal
    except SmError as error:
        raise errors.CreditUpdateInDoubtError(sequence=sequence, **errors.reason(error)) from error
    crash_point(CREDIT_AFTER_MODULE)
    try:
        record = module.credit_update_record(sequence)
    except SmError as error:
        raise errors.CreditUpdateInDoubtError(sequence=sequence, **errors.reason(error)) from error
    with database.unit_of_work() as uow:
        settle_applied(uow.session, _row(uow, module_id, sequence), record, actor, source=source)
        uow.commit()
    report = reconcile_and_record(database, module, actor, why="credit_update")
    return CreditOutcome(module_id, record, settled, report)


def _row(uow: UnitOfWork, module_id: str, sequence: int) -> ModuleCreditUpdate:
    return uow.session.scalars(
        select(ModuleCreditUpdate).where(
            ModuleCreditUpdate.module_id == module_id, ModuleCreditUpdate.sequence == sequence
        )
    ).one()


def _open_pending(
    database: Database, module_id: str, sequence: int, digest: str, operator: str | None
) -> None:
    """The PENDING row, committed before the block is sent (a FAILED row of the same
    sequence, a block the module never applied, is taken over)."""
    with database.unit_of_work() as uow:
        row = uow.session.scalars(
            select(ModuleCreditUpdate).where(
                ModuleCreditUpdate.module_id == module_id,
                ModuleCreditUpdate.sequence == sequence,
            )
        ).first()
        if row is None:
            row = ModuleCreditUpdate(module_id=module_id, sequence=sequence)
            uow.session.add(row)
        elif row.state is not CreditUpdateState.FAILED:
            raise errors.CreditUpdateInDoubtError(sequence=sequence, reason=row.state.value)
        row.state = CreditUpdateState.PENDING
        row.operation = ""
        row.amount_kwh = Decimal("0.0")
        row.block_digest = digest
        row.operator_code = operator
        row.failure_reason = None
        row.settled_at = None
        uow.commit()
