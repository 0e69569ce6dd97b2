"""One vend from request to token: the order of the durable steps (docs/vending.md).

1. Hold the module's lock; settle any PENDING vend of this module (:func:`recover`).
2. :func:`prepare` (checks, price, module questions); an unconfirmed amount above the warn
   amount stops here, audited like a refusal.
3. Commit the PENDING row (bill number, TID, the exact request's digest).
4. Ask the module for the token (``SM?TC``), the store's audit head as its anchor.
5. Commit the token (ISSUED) the moment it returns.

A refusal by the module at step 4 books the vend FAILED. A lost answer (timeout, broken
line) leaves it PENDING and raises :class:`VendInDoubtError`: the next recovery reads the
module's last answer and settles it. A crash anywhere is settled the same way.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from starpos.db import Database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError, SmRefusedError
from starpos.devices.sm.messages import IssuedToken
from starpos.errors import StorageError
from starpos.pricing import Breakdown
from starpos.vending import errors, ledger, token_ledger
from starpos.vending.crash_points import (
    AFTER_KEY_CHANGE_COMMIT,
    AFTER_KEY_CHANGE_MODULE,
    AFTER_MODULE,
    AFTER_PENDING,
    AFTER_TOKEN_COMMIT,
    crash_point,
)
from starpos.vending.module_access import ModuleAccess
from starpos.vending.prepare import prepare
from starpos.vending.recovery import RecoveryReport, recover
from starpos.vending.sale import ELECTRICITY, PreparedVend, VendRequest
from starpos.vending.sale_checks import audit_refusal
from starpos.vending.store_binding import ensure_served
from starpos.vending.timing import StepTimer, timed


@dataclass(frozen=True)
class VendResult:
    """An ISSUED vend: its bill number, token and what it sold."""

    bill_number: str
    token: str
    #: Key change tokens the customer enters before ``token`` (docs/key-changes.md).
    key_change_tokens: tuple[str, ...]
    tid: int
    meter_number: str
    customer_code: str
    customer_name: str
    breakdown: Breakdown
    tendered: Decimal
    change: Decimal
    module_id: str
    recovery: RecoveryReport | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill_number": self.bill_number,
            "state": "issued",
            "token": self.token,
            "key_change_tokens": list(self.key_change_tokens),
            "tokens": [*self.key_change_tokens, self.token],
            "tid": self.tid,
            "meter": self.meter_number,
            "customer": {"code": self.customer_code, "name": self.customer_name},
            "tendered": self.tendered,
            "change": self.change,
            "price": self.breakdown.as_dict(),
            "module_id": self.module_id,
        }


def sell(
    database: Database,
    access: ModuleAccess,
    request: VendRequest,
    timer: StepTimer | None = None,
) -> VendResult:
    """Vend ``request`` through ``access``: a token, or a typed error saying why not.

    ``timer`` (benchmarks only) collects the time of each step.
    """
    held = ExitStack()
    try:
        with timed(timer, "open_and_recover"):
            module = held.enter_context(access.exclusive())
            settled = recover(database, module)
            _check_served(database, access, module, settled.module_id)
    except (errors.ModuleOfflineError, errors.StoreNotServedError,
            errors.ModuleHistoryUnknownError) as refusal:  # fmt: skip
        held.close()
        audit_refusal(database, request, refusal)
        raise
    except BaseException:
        held.close()  # never leave the module locked behind an error
        raise
    with held:
        prepared = prepare(database, module, request, timer=timer)
        if prepared.needs_confirmation:
            unconfirmed = errors.WarnAmountNotConfirmedError(
                net=prepared.breakdown.net, warn=_warn_amount(database)
            )
            audit_refusal(database, request, unconfirmed, prepared.actor)
            raise unconfirmed
        with timed(timer, "pending_commit"):
            pending = token_ledger.open_pending(database, prepared)
        crash_point(AFTER_PENDING)
        key_change_tokens = list(prepared.key_change.made) if prepared.key_change else []
        if pending.makes_key_change:
            key_change_tokens = _ask_key_change(database, module, prepared, pending)
            crash_point(AFTER_KEY_CHANGE_MODULE)
            try:
                pending = token_ledger.record_key_change(
                    database, pending, key_change_tokens, prepared.actor
                )
            except StorageError as error:
                raise errors.VendInDoubtError(
                    bill=pending.bill_number, **errors.reason(error)
                ) from error
            crash_point(AFTER_KEY_CHANGE_COMMIT)
        with timed(timer, "module_token"):
            issued = _ask_module(database, module, prepared, pending)
        crash_point(AFTER_MODULE)
        with timed(timer, "token_commit"):
            try:
                token_ledger.record_token(database, pending.vend_id, issued, prepared.actor)
            except StorageError as error:
                # The module made the token; the row stays PENDING and its GL?RR answer
                # still holds the token, so recovery books it once the database is back.
                raise errors.TokenNotRecordedError(
                    bill=pending.bill_number, **errors.reason(error)
                ) from error
        crash_point(AFTER_TOKEN_COMMIT)
    return VendResult(
        bill_number=pending.bill_number,
        token=issued.token,
        key_change_tokens=tuple(key_change_tokens),
        tid=pending.tid,
        meter_number=prepared.meter_number,
        customer_code=prepared.customer_code,
        customer_name=prepared.customer_name,
        breakdown=prepared.breakdown,
        tendered=prepared.tendered,
        change=prepared.change,
        module_id=prepared.module.module_id,
        recovery=settled if (settled.recovered or settled.failed) else None,
    )


def _check_served(
    database: Database, access: ModuleAccess, module: SecureModule, module_id: str
) -> None:
    """The module must serve this store (:func:`ensure_served`). A program that owns the
    module all day (``keep_open``: no other program may act on it) asks once."""
    if access.keep_open and access.served_module == module_id:
        return
    ensure_served(database, module, module_id)
    access.served_module = module_id


def _ask_module(
    database: Database,
    module: SecureModule,
    prepared: PreparedVend,
    pending: token_ledger.PendingVend,
) -> IssuedToken:
    try:
        return module.issue_credit_token(
            pending.key_ref,
            ELECTRICITY,
            pending.tid,
            pending.amount_tenths,
            anchor=pending.anchor,  # the module journals the store's audit head with it
        )
    except SmRefusedError as error:
        # The module answered "no": it acted on nothing, took no credit.
        ledger.record_failed(database, pending.vend_id, error.code, prepared.actor)
        raise errors.VendFailedError(bill=pending.bill_number, **errors.reason(error)) from error
    except SmError as error:
        # No usable answer: the module may or may not have made the token. Recovery decides.
        raise errors.VendInDoubtError(bill=pending.bill_number, **errors.reason(error)) from error


def _ask_key_change(
    database: Database,
    module: SecureModule,
    prepared: PreparedVend,
    pending: token_ledger.PendingVend,
) -> list[str]:
    change = pending.key_change
    assert change is not None
    try:
        issued = module.issue_key_change_tokens(
            change.old_ref, change.new_ref, change.rollover, anchor=pending.anchor
        )
    except SmRefusedError as error:
        # No key change token exists: the sale fails and the meter stays flagged.
        ledger.record_failed(database, pending.vend_id, error.code, prepared.actor)
        raise errors.VendFailedError(bill=pending.bill_number, **errors.reason(error)) from error
    except SmError as error:
        raise errors.VendInDoubtError(bill=pending.bill_number, **errors.reason(error)) from error
    return [token.token for token in issued]


def _warn_amount(database: Database) -> Decimal | None:
    from starpos.db.parameters import system_parameters

    with database.reading() as session:
        return system_parameters(session).warn_amount
