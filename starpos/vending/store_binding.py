"""The store and its module know each other (issue 17, section 3; docs/store.md).

The store carries an identity (``store_identity``, a UUID made with it); the module
remembers which store it serves and the audit head that store last sent (``SM?SR``). Before
anything acts on the module (a sale, a credit update, a token operation) :func:`ensure_served`
asks the module how it stands towards this store:

- bound here: go on;
- never bound and never used: bind it here (first use);
- never bound but with a history: bind it here only when this store's books hold every token
  it made (a store upgraded from a release that did not bind); its credit updates are taken
  into the store as ADOPTED. Otherwise :class:`ModuleHistoryUnknownError`;
- bound to another store (or to this one before its file was lost and made again):
  :class:`StoreNotServedError`, with what to do.

:func:`rebind` is the recorded decision an installer takes instead of restoring: the module
serves this store from now on, and what it made beyond this store's books is accepted,
written in ``module_bindings`` and the audit log with who decided it and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.enums import CreditUpdateState
from starpos.db.models import ModuleBinding, ModuleCreditUpdate, StoreIdentity
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.devices.sm.records import (
    CreditUpdateRecord,
    StoreBinding,
    StoreCheck,
    StoreStanding,
)
from starpos.errors import StorageError
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.vending import errors
from starpos.vending.anchors import store_anchor
from starpos.vending.credit_recovery import settle_applied
from starpos.vending.module_books import module_books
from starpos.vending.reconcile import ReconcileReport, compare

FIRST_USE = "first_use"
ADOPTED = "adopted"
REBIND = "rebind"
#: Who binds a module on its first use (no operator decides anything there).
BINDING_ACTOR = Actor(operator_code=None)


class StoreIdentityMissingError(StorageError):
    code = "storage.identity_missing"
    template = "The store has no identity (schema older than 0009). Run: starpos db upgrade"


def store_id(session: Session) -> str:
    identity = session.get(StoreIdentity, 1)
    if identity is None:
        raise StoreIdentityMissingError()
    return identity.store_id


def _ask(call: Any, *args: Any) -> Any:
    try:
        return call(*args)
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error


def ensure_served(database: Database, module: SecureModule, module_id: str) -> StoreCheck:
    """Go on only when the module serves this store (binding it on first use); raises
    :class:`StoreNotServedError` or :class:`ModuleHistoryUnknownError` otherwise."""
    with database.reading() as session:
        store = store_id(session)
    check: StoreCheck = _ask(module.store_check, store)
    if check.standing is StoreStanding.BOUND_HERE:
        return check
    if check.standing is StoreStanding.OTHER_STORE:
        raise errors.StoreNotServedError(
            module=module_id, other=check.binding.store_id, store=store
        )
    kind = FIRST_USE
    records: dict[int, CreditUpdateRecord] = {}
    if check.standing is StoreStanding.UNBOUND_WITH_HISTORY:
        records = {r.sequence: r for r in _ask(module.credit_updates)}
        with database.reading() as session:
            books = module_books(session, module_id)
        report = compare(module_id, check.counters, records, books)
        tokens_beyond = check.counters.token_count - books.credit_tokens - books.management_tokens
        if _token_findings(report) or check.counters.key_change_sets != books.key_change_sets:
            raise errors.ModuleHistoryUnknownError(
                module=module_id,
                tokens=tokens_beyond,
                kwh=check.counters.total_issued - books.energy_kwh,
            )
        kind = ADOPTED
    binding = _bind(database, module, module_id, store, kind, records, BINDING_ACTOR)
    return StoreCheck(StoreStanding.BOUND_HERE, binding, check.counters)


def _token_findings(report: ReconcileReport) -> list[str]:
    token_kinds = {
        "energy_beyond_ledger", "credit_tokens_beyond_ledger", "management_tokens_beyond_ledger",
        "last_tid_not_in_ledger", "module_counters_inconsistent",
    }  # fmt: skip
    return [f.kind for f in report.findings if f.kind in token_kinds]


@dataclass(frozen=True)
class Rebound:
    """What :func:`rebind` did: the binding, and the reconciliation it accepted."""

    module_id: str
    previous_store_id: str
    binding: StoreBinding
    accepted: ReconcileReport

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "previous_store_id": self.previous_store_id,
            "binding_number": self.binding.number,
            "store_id": self.binding.store_id,
            "accepted": self.accepted.as_dict(),
        }


def rebind(
    database: Database, module: SecureModule, operator: OperatorSession, reason: str
) -> Rebound:
    """Bind the module to this store by an installer's decision, accepting what it made
    beyond this store's books (recorded and audited). Call with the module's lock held."""
    operator.require(permissions.INSTALLER_SETTINGS)
    if not reason.strip():
        raise errors.RebindReasonMissingError()
    module_id = _ask(module.identify).module_id
    with database.reading() as session:
        store = store_id(session)
        books = module_books(session, module_id)
    check: StoreCheck = _ask(module.store_check, store)
    records = {r.sequence: r for r in _ask(module.credit_updates)}
    accepted = compare(module_id, check.counters, records, books)
    previous = check.binding.store_id
    counters = check.counters
    offsets = {
        "kwh": counters.total_issued - books.energy_kwh,
        "credit_tokens": counters.credit_tokens - books.credit_tokens,
        "management_tokens": counters.management_tokens - books.management_tokens,
        "key_change_sets": counters.key_change_sets - books.key_change_sets,
    }
    binding = _bind(
        database, module, module_id, store, REBIND, records, operator.actor,
        reason=reason.strip(), offsets=offsets, accepted=accepted,
    )  # fmt: skip
    return Rebound(module_id, previous, binding, accepted)


def _bind(
    database: Database,
    module: SecureModule,
    module_id: str,
    store: str,
    kind: str,
    records: dict[int, CreditUpdateRecord],
    actor: Actor,
    *,
    reason: str = "",
    offsets: dict[str, Any] | None = None,
    accepted: ReconcileReport | None = None,
) -> StoreBinding:
    """``SM?SB`` with this store's audit head, then the binding, the credit updates the store
    lacked (ADOPTED) and the audit entry in one transaction. A crash in between leaves the
    module bound here and the store without the row: the next check finds it bound here."""
    with database.reading() as session:
        anchor = store_anchor(session)  # the one home of the anchor (vending/anchors.py)
    previous: StoreBinding = _ask(module.binding)
    binding: StoreBinding = _ask(module.bind_store, store, anchor)
    offsets = offsets or {}
    with database.unit_of_work() as uow:
        session = uow.session
        adopted = adopt_credit_updates(session, module_id, records, actor)
        session.add(
            ModuleBinding(
                module_id=module_id,
                binding_number=binding.number,
                kind=kind,
                previous_store_id=previous.store_id,
                sequence_at_bind=binding.sequence_at_bind,
                accepted_kwh=offsets.get("kwh", Decimal("0.0")),
                accepted_credit_tokens=offsets.get("credit_tokens", 0),
                accepted_management_tokens=offsets.get("management_tokens", 0),
                accepted_key_change_sets=offsets.get("key_change_sets", 0),
                operator_code=actor.operator_code,
                reason=reason,
            )
        )
        session.flush()
        append(
            session,
            AuditKind.MODULE_BOUND,
            subject=f"module:{module_id}",
            details={
                "kind": kind,
                "store_id": store,
                "previous_store_id": previous.store_id,
                "binding_number": binding.number,
                "sequence_at_bind": binding.sequence_at_bind,
                "anchor_entries": anchor.entry_count,
                "reason": reason,
                "adopted_credit_updates": adopted,
                "accepted": {key: value for key, value in offsets.items()},
                "accepted_findings": (
                    [f.as_dict() for f in accepted.findings] if accepted is not None else []
                ),
            },
            actor=actor,
        )
        uow.commit()
    return binding


def adopt_credit_updates(
    session: Session, module_id: str, records: dict[int, CreditUpdateRecord], actor: Actor
) -> list[int]:
    """Take the module's credit updates this store has no row of as ADOPTED (audited); the
    sequences taken."""
    known = set(
        session.scalars(
            select(ModuleCreditUpdate.sequence).where(ModuleCreditUpdate.module_id == module_id)
        )
    )
    adopted = []
    for sequence, record in sorted(records.items()):
        if sequence in known:
            continue
        row = ModuleCreditUpdate(
            module_id=module_id,
            sequence=sequence,
            state=CreditUpdateState.PENDING,
            operation=record.operation,
            amount_kwh=record.amount,
            block_digest=record.block_digest,
            operator_code=actor.operator_code,
        )
        session.add(row)
        session.flush()
        settle_applied(session, row, record, actor, state=CreditUpdateState.ADOPTED)
        adopted.append(sequence)
    return adopted
