"""Settling the token operations a crash left PENDING, from the module's last answer.

The same rules as a vend's (docs/vending.md, "Recovery rules"), because a batch holds the
module's lock and settles before it asks for anything, so nothing acted on the module since
its one PENDING row:

- ``GL?RR`` answers this row's request digest with tokens that ``SM?TV`` reads back as the
  row's class, subclass, TID and value: ISSUED with them (*recovered*); a key change moves
  the meter's key data now;
- it answers this row's digest with a refusal: FAILED with the module's code;
- it answers another request, or nothing: the module never acted on the row, which goes
  back to PLANNED (the batch makes it later, under a new TID);
- the digest is this row's but the tokens do not read back: the row stays PENDING and
  :class:`~starpos.tokenops.errors.OperationInDoubtError` asks a person to look.

:func:`settle_pending_operations` is also what a vend's recovery runs for this ledger
(:func:`starpos.vending.recovery.register_pending_ledger`, wired by the composition root),
so a sale never buries a crashed batch's token under its own answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError, SmNothingToResendError
from starpos.devices.sm.messages import LastResponse
from starpos.tokenops import errors, ledger
from starpos.tokenops.module_requests import reads_back
from starpos.vending.errors import ModuleOfflineError, reason
from starpos.vending.recovery import register_pending_ledger

#: Who recovery acts as in the audit log (no operator is logged in at start-up).
RECOVERY_ACTOR = Actor(operator_code=None)
ANSWER_NOT_VERIFIED = "recovery.answer_not_verified"
LEDGER_NAME = "token_operations"


@dataclass
class OperationsRecovery:
    """What recovery did, by ``<batch id>/<position>``."""

    module_id: str
    recovered: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)
    other_module: dict[str, list[str]] = field(default_factory=dict)

    @property
    def settled_any(self) -> bool:
        return bool(self.recovered or self.failed or self.returned)

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "recovered": self.recovered,
            "failed": self.failed,
            "returned_to_planned": self.returned,
            "waiting_for_other_module": self.other_module,
        }


def settle_pending_operations(
    database: Database, module: SecureModule, module_id: str | None = None
) -> OperationsRecovery:
    """Settle the PENDING token operations of ``module``; call with the module's lock held.

    Raises :class:`~starpos.vending.errors.ModuleOfflineError` when the module cannot be
    asked (rows stay PENDING), :class:`~starpos.tokenops.errors.OperationInDoubtError` when
    an answer for a row does not read back.
    """
    try:
        module_id = module_id or module.identify().module_id
    except SmError as error:
        raise ModuleOfflineError(**reason(error)) from error
    report = OperationsRecovery(module_id)
    with database.reading() as session:
        if not ledger.any_pending(session):
            return report
        stored = ledger.pending_operations(session)
    mine = [item for item in stored if item.module_id == module_id]
    for item in stored:
        if item.module_id != module_id:
            waiting = report.other_module.setdefault(item.module_id or "-", [])
            waiting.append(item.operation.label)
    if not mine:
        return report
    last = _last_answer(module)
    for item in mine:
        _settle(database, module, item, last, report)
    return report


def _settle(
    database: Database,
    module: SecureModule,
    item: ledger.StoredPending,
    last: LastResponse | None,
    report: OperationsRecovery,
) -> None:
    pending = item.operation
    with database.unit_of_work() as uow:
        if last is None or last.request_digest != item.digest:
            ledger.back_to_planned(uow.session, pending.row_id, RECOVERY_ACTOR)
            uow.commit()
            report.returned.append(pending.label)
            return
        if last.code != 0 or not last.tokens:
            code = f"device.sm.response_{last.code:02d}"
            ledger.finish_failed(uow.session, pending.row_id, code, RECOVERY_ACTOR, recovered=True)
            uow.commit()
            report.failed.append(pending.label)
            return
        tokens = [token.token for token in last.tokens]
        try:
            verified = reads_back(module, pending, tokens)
        except SmError as error:
            raise ModuleOfflineError(**reason(error)) from error
        if not verified:
            # The digest says the module answered this very request, yet its tokens do not
            # read back as it: keep the row PENDING for a person, never guess.
            raise errors.OperationInDoubtError(
                meter=pending.meter_number, batch=pending.batch_id, reason=ANSWER_NOT_VERIFIED
            )
        ledger.finish_issued(uow.session, pending, tokens, RECOVERY_ACTOR, recovered=True)
        uow.commit()
        report.recovered.append(pending.label)


def _last_answer(module: SecureModule) -> LastResponse | None:
    try:
        return module.resend_last()
    except SmNothingToResendError:
        return None
    except SmError as error:
        raise ModuleOfflineError(**reason(error)) from error


def register_with_vending() -> None:
    """Make every vend's recovery settle this ledger's PENDING rows too (idempotent); the
    composition root calls it wherever it opens a module."""
    register_pending_ledger(LEDGER_NAME, settle_pending_operations)
    # After them, the token cancels whose zero-energy token they may just have decided.
    from starpos.tokenops.token_cancel import settle_cancels

    register_pending_ledger("token_cancels", settle_cancels)
    # And the TID collisions' replacements whose token was made before their due moved.
    from starpos.tokenops.tid_replacement import settle_replacements

    register_pending_ledger("token_replacements", settle_replacements)
