"""After a restore: the module and the restored store brought back into agreement, and what
the restored store lacks named exactly.

A restored store is older than the module: the module made tokens since the backup that the
store does not have, and a vend that was PENDING in the backup may well have got its token.
Start-up recovery alone would be wrong here: it reads the module's last answer and fails a
PENDING vend that answer is not for, on the premise that nothing acted on the module since;
after a restore that premise is false. So, with the module's lock held:

1. a PENDING vend whose outcome the replaced store knows takes it, once the module confirms
   a token: ``SM?TV`` decrypts the replaced store's token to this vend's TID and amount (the
   check recovery makes on the module's last answer); a vend the replaced store failed fails;
2. a PENDING vend the module's last answer is for is left to recovery
   (:func:`starpos.vending.recovery.recover`), which books that answer;
3. any other PENDING vend is failed as *in doubt*: its token may exist and is reported;
4. the reconcile (:func:`starpos.vending.reconcile.reconcile`) compares the module's balance
   with the ledger, and the module's own counters (:mod:`starpos.backup.tally`) say how many
   tokens and kWh it made beyond the ledger; that is compared with what the replaced store
   had and the restored one lacks, listed vend by vend (bill, meter, TID, kWh, token);
5. bill-number counters are raised to the replaced store's, so no number printed on a
   customer's voucher since the backup is given again;
6. one audit entry records the restore and all of the above, with the audit anchor the
   module held (the replaced store's head, which the restored chain is behind);
7. the module is bound again from the restored chain's head (``SM?SB``, docs/sm-protocol.md
   3.2): the recorded re-bind after a restore, without which the module refuses every
   acting command whose anchor is behind the one it held (code 55).

The tokens since the backup are not written back into the restored store: the vends that made
them are listed for the administrator, who has them in the replaced store (kept aside).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from starpos.audit.log import AuditKind, append
from starpos.backup.ledgers import (
    TOKEN_MADE,
    LedgerVend,
    ReplacedStore,
    ledger_vends,
    read_replaced_store,
)
from starpos.backup.store_file import STORE_READ_ERRORS
from starpos.backup.tally import ModuleTally, tally
from starpos.db import Database
from starpos.db.enums import VendState
from starpos.db.models import AuditEntry, NumberingCounter
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError, SmNothingToResendError
from starpos.devices.sm.messages import IssuedToken, MeterKeyRef
from starpos.devices.sm.records import AuditAnchor
from starpos.vending import errors, ledger, token_ledger
from starpos.vending.anchors import store_anchor
from starpos.vending.module_access import ModuleAccess
from starpos.vending.reconcile import ReconcileReport, reconcile
from starpos.vending.recovery import RECOVERY_ACTOR, RecoveryReport, recover
from starpos.vending.sale import ELECTRICITY

#: Why a vend PENDING in the restored store was failed (``vends.failure_reason``).
FAILED_IN_REPLACED = "restore.failed_in_replaced_store"
OUTCOME_UNKNOWN = "restore.outcome_unknown"


@dataclass
class AfterRestore:
    module_id: str
    replaced_store_read: bool
    replaced_store_problem: str | None = None
    settled_from_replaced: list[str] = field(default_factory=list)
    failed_as_in_replaced: list[str] = field(default_factory=list)
    recovery: RecoveryReport | None = None
    in_doubt: list[LedgerVend] = field(default_factory=list)
    missing: list[LedgerVend] = field(default_factory=list)
    counters_raised: list[dict[str, Any]] = field(default_factory=list)
    reconcile: ReconcileReport | None = None
    tally: ModuleTally | None = None
    #: The anchor the module held before the re-bind: (entry count, head hash), or None.
    anchor_before: tuple[int, str] | None = None

    @property
    def missing_kwh(self) -> Decimal:
        """Energy of the tokens this module made that the restored store lacks."""
        mine = [v for v in [*self.missing, *self.in_doubt] if v.module_id == self.module_id]
        return sum((v.token_kwh for v in mine), Decimal("0.0"))

    @property
    def unaccounted_kwh(self) -> Decimal | None:
        """The energy of the tokens the module made beyond the restored ledger: by the module's
        own counters, else by its balance (None when neither can tell: no counters, and a
        credit update since the last vend makes the balance incomparable)."""
        if self.tally is not None:
            return self.tally.kwh_beyond
        report = self.reconcile
        if report is None or report.expected_balance is None:
            return None
        return report.expected_balance - report.balance

    @property
    def fully_named(self) -> bool:
        """Every token the module made beyond the restored ledger is in :attr:`missing` or
        :attr:`in_doubt` (only in-doubt vends may or may not have their token)."""
        unaccounted = self.unaccounted_kwh
        if unaccounted is None:
            return False
        mine = [v for v in self.missing if v.module_id == self.module_id]
        doubted = [v for v in self.in_doubt if v.module_id == self.module_id]
        known = sum((v.token_kwh for v in mine), Decimal("0.0"))
        if not known <= unaccounted <= self.missing_kwh:
            return False
        if self.tally is None:
            return True
        return len(mine) <= self.tally.tokens_beyond <= len(mine) + len(doubted)

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "replaced_store_read": self.replaced_store_read,
            "replaced_store_problem": self.replaced_store_problem,
            "settled_from_replaced_store": self.settled_from_replaced,
            "failed_as_in_replaced_store": self.failed_as_in_replaced,
            "recovery": self.recovery.as_dict() if self.recovery else None,
            "in_doubt": [v.as_dict() for v in self.in_doubt],
            "missing": [v.as_dict() for v in self.missing],
            "missing_kwh": self.missing_kwh,
            "unaccounted_kwh": self.unaccounted_kwh,
            "fully_named": self.fully_named,
            "counters_raised": self.counters_raised,
            "reconcile": self.reconcile.as_dict() if self.reconcile else None,
            "module_tally": self.tally.as_dict() if self.tally else None,
        }


def settle_after_restore(
    database: Database, access: ModuleAccess, replaced: Path | None, backup: str
) -> AfterRestore:
    """Steps 1-6 of this module's docstring on the restored ``database``, through the
    module of ``access``; ``replaced`` is the store put aside (None: there was none)."""
    old: ReplacedStore | None = None
    problem = None
    if replaced is not None:
        try:
            old = read_replaced_store(replaced)
        except STORE_READ_ERRORS as error:
            problem = str(error)
    with access.exclusive() as module:
        try:
            module_id = module.identify().module_id
        except SmError as error:
            raise errors.ModuleOfflineError(**errors.reason(error)) from error
        outcome = AfterRestore(module_id, old is not None, problem)
        _settle_pending(database, module, outcome, old)
        outcome.recovery = recover(database, module, module_id)
        outcome.reconcile = reconcile(database, module)
        with database.reading() as session:
            restored = ledger_vends(session)
        outcome.tally = tally(module, module_id, restored)
        held = _held_anchor(module)
        outcome.anchor_before = (held.entry_count, held.head_hash) if held else None
    if old is not None:
        doubted = {vend.request_id for vend in outcome.in_doubt}
        outcome.missing = [
            vend
            for request, vend in old.vends.items()
            if vend.state in TOKEN_MADE
            and (request not in restored or restored[request].state not in TOKEN_MADE)
            and request not in doubted
        ]
    _record(database, outcome, old, backup, replaced)
    with access.exclusive() as module:
        _bind_again(database, module)
    return outcome


def _held_anchor(module: SecureModule) -> AuditAnchor | None:
    try:
        return module.audit_anchor()
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error


def _bind_again(database: Database, module: SecureModule) -> None:
    """Step 7: the module serves the restored store from its head (the one the restore's
    own audit entry ends), under the store id it served (or, for a module no store has
    bound yet, the id of this chain: its first entry's hash)."""
    with database.reading() as session:
        anchor = store_anchor(session)
        first = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == 1))
    try:
        binding = module.binding()
        store_id = binding.store_id if binding.number else f"chain:{(first or '')[:32]}"
        module.bind_store(store_id, anchor=anchor)
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error


def _settle_pending(
    database: Database, module: SecureModule, outcome: AfterRestore, old: ReplacedStore | None
) -> None:
    with database.reading() as session:
        pending = [
            (row.id, row.request_id, row.module_request_digest, row.module_key_ref, row.tid)
            for row in ledger.pending_vends(session, outcome.module_id)
        ]
        current = ledger_vends(session)
    if not pending:
        return
    last_digest = _last_answer_digest(module)
    for vend_id, request, digest, key_ref, tid in pending:
        before = old.vends.get(request) if old is not None else None
        if before is not None and before.state in TOKEN_MADE and before.token:
            if _module_made(module, before.token, key_ref, tid, current[request].token_kwh):
                token_ledger.record_token(
                    database, vend_id, IssuedToken("", before.token), RECOVERY_ACTOR, recovered=True
                )
                outcome.settled_from_replaced.append(before.bill)
                continue
        elif before is not None and before.state is VendState.FAILED:
            ledger.record_failed(
                database, vend_id, FAILED_IN_REPLACED, RECOVERY_ACTOR, recovered=True
            )
            outcome.failed_as_in_replaced.append(before.bill)
            continue
        if digest is not None and digest == last_digest:
            continue  # the module's last answer is this vend's: recovery books it
        ledger.record_failed(database, vend_id, OUTCOME_UNKNOWN, RECOVERY_ACTOR, recovered=True)
        outcome.in_doubt.append(current[request])


def _last_answer_digest(module: SecureModule) -> str | None:
    try:
        return module.resend_last().request_digest
    except SmNothingToResendError:
        return None
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error


def _module_made(
    module: SecureModule, token: str, key_ref_text: str | None, tid: int | None, kwh: Decimal
) -> bool:
    """Whether the module decrypts ``token`` to this vend's TID and amount (recovery's check)."""
    key_ref = MeterKeyRef.parse(key_ref_text or "")
    try:
        decoded = module.verify_token(token, key_ref)
    except SmError:
        return False
    found = (decoded.token_class, decoded.token_subclass, decoded.tid, decoded.amount)
    return found == (0, ELECTRICITY, tid, kwh)


def _record(
    database: Database,
    outcome: AfterRestore,
    old: ReplacedStore | None,
    backup: str,
    replaced: Path | None,
) -> None:
    """Raise the bill-number counters and audit the restore, in one transaction."""
    with database.unit_of_work() as uow:
        session = uow.session
        if old is not None:
            for (bill_type, period, prefix), value in sorted(old.counters.items()):
                key = {"bill_type": bill_type, "period": period, "prefix": prefix}
                counter = session.get(NumberingCounter, (bill_type, period, prefix))
                if counter is None:
                    session.add(NumberingCounter(**key, next_value=value))
                elif counter.next_value < value:
                    counter.next_value = value
                else:
                    continue
                outcome.counters_raised.append({**key, "next_value": value})
        session.flush()
        append(
            session,
            AuditKind.STORE_RESTORED,
            subject=f"backup:{backup}",
            details={
                "replaced_store": replaced.name if replaced else None,
                "module": outcome.module_id,
                "settled_from_replaced_store": outcome.settled_from_replaced,
                "in_doubt": [v.bill for v in outcome.in_doubt],
                "missing": [v.bill for v in outcome.missing],
                "missing_kwh": outcome.missing_kwh,
                "unaccounted_kwh": outcome.unaccounted_kwh,
                "counters_raised": outcome.counters_raised,
                "module_anchor_before": list(outcome.anchor_before)
                if outcome.anchor_before
                else None,
            },
            actor=RECOVERY_ACTOR,
        )
        uow.commit()
