"""Start-up recovery: every PENDING vend of the connected module is settled, one way or the other.

A PENDING row was committed before its module was asked (DESIGN.md rule 4). After a crash
the module's last answer (``GL?RR``) tells what happened, because nothing else acted on the
module since (one vend at a time per module, and every vend recovers first):

- the answer's request digest is this row's and it carries a token that ``SM?TV`` decrypts,
  with this meter's key, to this row's TID and amount: the module made it, the row becomes
  ISSUED with that token (*recovered*);
- the answer is for this row but is a refusal: FAILED with the module's code;
- the answer is for another request, or there is none: the module never acted on this
  row, FAILED (no credit was taken, so the ledger and the module's balance still agree).

Rows of another module are left PENDING and reported: only that module knows their fate.
Never a lost token (it is booked from the module's answer), never a double (the row's TID
and the token are fixed; nothing is re-sent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.models import Vend
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError, SmNothingToResendError
from starpos.devices.sm.messages import LastResponse, MeterKeyRef
from starpos.vending import errors, key_change_sale, ledger, token_ledger
from starpos.vending.credit_recovery import settle_pending_credit
from starpos.vending.sale import ELECTRICITY

#: Who recovery acts as in the audit log (no operator is logged in at start-up).
RECOVERY_ACTOR = Actor(operator_code=None)
NOT_ACTED = "recovery.module_never_acted"
ANSWER_NOT_VERIFIED = "recovery.answer_not_verified"

#: Other ledgers whose PENDING rows wait on a module's last answer too (the token
#: operations of starpos.tokenops): the composition root registers each one's settling, so
#: every recovery, a vend's first step included, settles them before anything acts on the
#: module. This package cannot import them (they are built on it).
PendingLedger = Callable[[Database, SecureModule, str], object]
_pending_ledgers: dict[str, PendingLedger] = {}


def register_pending_ledger(name: str, settle: PendingLedger) -> None:
    """Have :func:`recover` call ``settle(database, module, module_id)`` (idempotent by name)."""
    _pending_ledgers[name] = settle


@dataclass
class RecoveryReport:
    """What recovery did: bill numbers recovered (ISSUED), failed, and left for another module."""

    module_id: str
    recovered: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    other_module: dict[str, list[str]] = field(default_factory=dict)
    #: sequences of credit updates a crash left PENDING, settled from the module's records
    credit_updates: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "recovered": self.recovered,
            "failed": self.failed,
            "waiting_for_other_module": self.other_module,
            "credit_updates_settled": self.credit_updates,
        }


def recover(
    database: Database, module: SecureModule, module_id: str | None = None
) -> RecoveryReport:
    """Settle the PENDING vends of ``module``; call with the module's lock held.

    Raises :class:`~starpos.vending.errors.ModuleOfflineError` when the module cannot be
    asked (the rows stay PENDING for the next try).
    """
    try:
        module_id = module_id or module.identify().module_id
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    report = RecoveryReport(module_id)
    report.credit_updates = settle_pending_credit(database, module, module_id, RECOVERY_ACTOR)
    for settle in _pending_ledgers.values():
        settle(database, module, module_id)
    with database.reading() as session:
        if not ledger.any_pending(session):  # every vend asks: the usual answer, cheaply
            return report
        rows = ledger.pending_vends(session)
        mine = [(row.id, row.bill_number) for row in rows if row.module_id == module_id]
        for row in rows:
            if row.module_id != module_id:
                report.other_module.setdefault(row.module_id or "-", []).append(row.bill_number)
        details = {
            row.id: (row.module_request_digest, row.module_key_ref, row.tid, row.token_kwh)
            for row in rows
        }
    if not mine:
        return report
    last = _last_answer(module)
    for vend_id, bill in mine:
        with database.reading() as session:
            change = key_change_sale.held_by(session, vend_id)
        if change is not None:
            asked = details[vend_id][0] or ""  # the key change request's, with its anchor
            if not _settle_key_change(database, module, last, vend_id, bill, change, asked):
                report.failed.append(bill)
                continue
            # Its key change tokens are booked; the module's last answer is theirs, so it
            # never acted on the credit token: the sale fails below, its key change tokens
            # stay on the flag for the meter's next sale to print again.
            with database.reading() as session:
                moved = session.get(Vend, vend_id)
                assert moved is not None
                details[vend_id] = (
                    moved.module_request_digest,
                    moved.module_key_ref,
                    moved.tid,
                    moved.token_kwh,
                )
        digest, key_ref_text, tid, token_kwh = details[vend_id]
        if last is None or last.request_digest != digest:
            ledger.record_failed(database, vend_id, NOT_ACTED, RECOVERY_ACTOR, recovered=True)
            report.failed.append(bill)
            continue
        token = last.issued_token
        if token is None:
            code = f"device.sm.response_{last.code:02d}"
            ledger.record_failed(database, vend_id, code, RECOVERY_ACTOR, recovered=True)
            report.failed.append(bill)
            continue
        key_ref = MeterKeyRef.parse(key_ref_text or "")
        try:
            decoded = module.verify_token(token.token, key_ref)
        except SmError as error:
            raise errors.ModuleOfflineError(**errors.reason(error)) from error
        expected = (0, ELECTRICITY, tid, token_kwh)
        if (decoded.token_class, decoded.token_subclass, decoded.tid, decoded.amount) != expected:
            # The digest says the module answered this very request, yet the token does not
            # read back as it: keep the row PENDING for a person to look at, never guess.
            raise errors.VendInDoubtError(bill=bill, reason=ANSWER_NOT_VERIFIED)
        token_ledger.record_token(database, vend_id, token, RECOVERY_ACTOR, recovered=True)
        report.recovered.append(bill)
    return report


def _settle_key_change(
    database: Database,
    module: SecureModule,
    last: LastResponse | None,
    vend_id: int,
    bill: str,
    change: key_change_sale.SaleKeyChange,
    digest: str,
) -> bool:
    """A sale PENDING on its key change request (``digest``, as the row keeps it): book the
    key change tokens the module's last answer holds for it (True), or fail the sale when
    the module never made them (False; the meter stays flagged)."""
    if last is None or last.request_digest != digest:
        ledger.record_failed(database, vend_id, NOT_ACTED, RECOVERY_ACTOR, recovered=True)
        return False
    if last.code != 0 or not last.tokens:
        code = f"device.sm.response_{last.code:02d}"
        ledger.record_failed(database, vend_id, code, RECOVERY_ACTOR, recovered=True)
        return False
    tokens = [token.token for token in last.tokens]
    try:
        verified = key_change_sale.reads_back(module, change, tokens)
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    if not verified:
        raise errors.VendInDoubtError(bill=bill, reason=ANSWER_NOT_VERIFIED)
    with database.reading() as session:
        row = session.get(Vend, vend_id)
        assert row is not None
        amount_tenths = int(row.token_kwh * 10)
    pending = token_ledger.PendingVend(
        vend_id, bill, 0, change.old_ref, amount_tenths, digest, change
    )
    token_ledger.record_key_change(database, pending, tokens, RECOVERY_ACTOR, recovered=True)
    return True


def _last_answer(module: SecureModule) -> LastResponse | None:
    try:
        return module.resend_last()
    except SmNothingToResendError:
        return None
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
