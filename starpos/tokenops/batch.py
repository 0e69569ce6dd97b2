"""Making a batch's tokens, durably: resumable after a crash, never a token lost or doubled.

Through the module (every kind but test tokens), one row at a time, as a vend does
(docs/vending.md), under the module's lock:

1. settle whatever a crash left PENDING (this ledger's and the vends'), check the module:
   its credit covers the batch's free credit, it holds each key the batch names;
2. commit row N+1 PENDING (its TID, the exact request) together with row N's tokens;
3. ask the module; its tokens are committed with the next row's PENDING step.

At most one row is PENDING at any moment, and it is the module's last request, so after a
crash at any point :mod:`starpos.tokenops.recovery` books its tokens from ``GL?RR`` or
returns it to PLANNED; :func:`run_batch` on the same batch then goes on with the PLANNED
rows. Test tokens (class 1, not encrypted) are made by the engine, a few hundred a commit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from starpos import vending
from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.models import Meter, TokenOperation
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import (
    SmError,
    SmKeyMismatchError,
    SmKeyMissingError,
    SmRefusedError,
)
from starpos.devices.sm.messages import MeterKeyRef
from starpos.errors import StorageError
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import parse_meter_number
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.tokenops import errors, kinds, ledger
from starpos.tokenops.module_requests import ask
from starpos.tokenops.recovery import OperationsRecovery, settle_pending_operations
from starpos.vending.crash_points import crash_point
from starpos.vending.errors import ModuleOfflineError, reason
from starpos.vending.module_access import ModuleAccess
from starpos.vending.prepare import PROBE_TOKEN
from starpos.vending.store_binding import ensure_served

# Crash points for the kill tests (starpos.vending.crash_points; STARPOS_KILL_AT).
AFTER_PENDING = "operation-after-pending"  # row N+1 PENDING committed, module not asked
AFTER_MODULE = "operation-after-module"  # the module answered, nothing written yet
BEFORE_TOKEN_COMMIT = "operation-before-token-commit"  # tokens written, not committed
AFTER_TOKEN_COMMIT = "operation-after-token-commit"  # tokens committed
STEPS = (AFTER_PENDING, AFTER_MODULE, BEFORE_TOKEN_COMMIT, AFTER_TOKEN_COMMIT)
#: The module refused because it lacks the meter's key (checked once per key up front).
KEY_MISSING = "tokenops.key_missing"
#: Test tokens made per commit.
_TEST_CHUNK = 250

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BatchOutcome:
    """A batch after a run: how many of its rows are in each state."""

    batch_id: str
    kind: Kind
    issued: int
    failed: int
    planned: int
    pending: int
    recovery: OperationsRecovery | None = None

    @property
    def complete(self) -> bool:
        return not self.planned and not self.pending

    def as_dict(self) -> dict[str, Any]:
        return {
            "batch": self.batch_id,
            "kind": self.kind.value,
            "issued": self.issued,
            "failed": self.failed,
            "planned": self.planned,
            "pending": self.pending,
            "recovery": self.recovery.as_dict() if self.recovery else None,
        }


def run_batch(
    database: Database,
    access: ModuleAccess | None,
    operator: OperatorSession,
    batch_id: str,
    progress: Progress | None = None,
) -> BatchOutcome:
    """Make the tokens of the PLANNED rows of ``batch_id`` (a new batch, or one a crash or a
    lost module stopped); the batch's counts after it. ``access`` may be None for a batch of
    test tokens (they need no module).

    Raises the operator's refusal, :class:`~starpos.vending.errors.ModuleOfflineError`,
    :class:`~starpos.tokenops.errors.ModuleCreditTooLowError` (before anything is made),
    or :class:`~starpos.tokenops.errors.OperationInDoubtError` (the module's answer was
    lost: the row stays PENDING for recovery).
    """
    kind = batch_kind(database, batch_id)
    operator.require(kinds.PERMISSION[kind])
    recovery = None
    if kind is Kind.TEST:
        _make_test_tokens(database, operator, batch_id, progress)
    else:
        if access is None:
            raise ValueError("a batch of module tokens needs the module")
        with access.exclusive() as module:
            recovery = _through_module(database, module, operator, batch_id, progress)
    return outcome(database, batch_id, recovery)


def batch_kind(database: Database, batch_id: str) -> Kind:
    with database.reading() as session:
        found = session.scalar(
            select(TokenOperation.kind).where(TokenOperation.batch_id == batch_id).limit(1)
        )
    if found is None:
        raise errors.UnknownBatchError(batch=batch_id)
    return Kind(found)


def outcome(
    database: Database, batch_id: str, recovery: OperationsRecovery | None = None
) -> BatchOutcome:
    with database.reading() as session:
        counts = dict(
            session.execute(
                select(TokenOperation.state, func.count())
                .where(TokenOperation.batch_id == batch_id)
                .group_by(TokenOperation.state)
            ).all()
        )
    kind = batch_kind(database, batch_id)
    count = {State(state): number for state, number in counts.items()}
    return BatchOutcome(
        batch_id, kind, count.get(State.ISSUED, 0), count.get(State.FAILED, 0),
        count.get(State.PLANNED, 0), count.get(State.PENDING, 0), recovery,
    )  # fmt: skip


@dataclass(frozen=True)
class _Planned:
    row_id: int
    key: tuple[int, str, int, int] | None  # register, SGC, KRN, KEN: what the module checks
    key_ref: MeterKeyRef | None
    energy_kwh: Decimal


def _planned(database: Database, batch_id: str) -> list[_Planned]:
    with database.reading() as session:
        rows = session.execute(
            select(
                TokenOperation.id, TokenOperation.energy_kwh, Meter.pan, Meter.key_register,
                Meter.sgc, Meter.ti, Meter.krn, Meter.ken,
            )
            .join(Meter, Meter.id == TokenOperation.meter_id)
            .where(TokenOperation.batch_id == batch_id, TokenOperation.state == State.PLANNED)
            .order_by(TokenOperation.position)
        ).all()  # fmt: skip
    planned = []
    for row_id, energy, pan, register, sgc, ti, krn, ken in rows:
        if register is None or not register.strip().isdigit():
            planned.append(_Planned(row_id, None, None, energy))  # begin() fails it
            continue
        key_ref = MeterKeyRef(pan, int(register), sgc, ti, krn, ken)
        planned.append(_Planned(row_id, (int(register), sgc, krn, ken), key_ref, energy))
    return planned


def _through_module(
    database: Database,
    module: SecureModule,
    operator: OperatorSession,
    batch_id: str,
    progress: Progress | None,
) -> OperationsRecovery:
    try:
        module_id = module.identify().module_id
    except SmError as error:
        raise ModuleOfflineError(**reason(error)) from error
    settled = settle_pending_operations(database, module, module_id)
    vending.recover(database, module, module_id)
    ensure_served(database, module, module_id)  # never for another store's books
    planned = _planned(database, batch_id)
    try:
        balance = module.balance()
    except SmError as error:
        raise ModuleOfflineError(**reason(error)) from error
    needed = sum((row.energy_kwh for row in planned), Decimal("0.0"))
    if needed > balance.balance:
        raise errors.ModuleCreditTooLowError(balance=balance.balance, needed=needed, batch=batch_id)
    missing = _keys_missing(module, planned)
    actor = operator.actor
    snapshot = ledger.ModuleSnapshot(module_id, balance.sequence, balance.balance)
    done: tuple[ledger.PendingOperation, list[str]] | None = None
    for count, row in enumerate(planned, start=1):
        refused = missing.get(row.key) if row.key is not None else None
        pending = _commit(database, actor, done, row, refused, snapshot)
        done = None
        if pending is None:
            continue  # refused before asking (key missing or expired, no register): FAILED
        crash_point(AFTER_PENDING)
        try:
            tokens = ask(module, pending)
        except SmRefusedError as error:
            # The module answered "no": it made nothing, took no credit.
            _fail(database, actor, pending, error.code)
            continue
        except SmError as error:
            raise errors.OperationInDoubtError(
                meter=pending.meter_number, batch=batch_id, **reason(error)
            ) from error
        crash_point(AFTER_MODULE)
        done = (pending, tokens)
        snapshot = ledger.ModuleSnapshot(
            module_id, snapshot.sequence, snapshot.balance - pending.energy_kwh
        )
        if progress is not None and count % 100 == 0:
            progress(count, len(planned))
    if done is not None:
        _commit(database, actor, done, None, None, snapshot)
    if progress is not None:
        progress(len(planned), len(planned))
    return settled


def _commit(
    database: Database,
    actor: Actor,
    done: tuple[ledger.PendingOperation, list[str]] | None,
    row: _Planned | None,
    refused: str | None,
    snapshot: ledger.ModuleSnapshot,
) -> ledger.PendingOperation | None:
    """One commit: the last row's tokens, then the next row's PENDING step (or, when the
    module is known to lack its key, its refusal). The next row's pending operation, or
    None when there is none or it was refused."""
    pending = None
    try:
        with database.unit_of_work() as uow:
            if done is not None:
                ledger.finish_issued(uow.session, done[0], done[1], actor)
            if row is not None and refused is not None:
                ledger.finish_failed(
                    uow.session, row.row_id, refused, actor, from_state=State.PLANNED
                )
            elif row is not None:
                pending = ledger.begin(uow.session, row.row_id, snapshot, actor)
            if done is not None:
                uow.flush()
                crash_point(BEFORE_TOKEN_COMMIT)
            uow.commit()
    except StorageError as error:
        if done is None:
            raise
        # The module made the tokens; the row stays PENDING and the module's last answer
        # still holds them, so recovery books them once the database is back.
        raise errors.OperationInDoubtError(
            meter=done[0].meter_number, batch=done[0].batch_id, **reason(error)
        ) from error
    if done is not None:
        crash_point(AFTER_TOKEN_COMMIT)
    return pending


def _fail(database: Database, actor: Actor, pending: ledger.PendingOperation, code: str) -> None:
    """The module refused ``pending`` (``code``: its refusal's error code): FAILED."""
    with database.unit_of_work() as uow:
        ledger.finish_failed(uow.session, pending.row_id, code, actor)
        uow.commit()


def _keys_missing(module: SecureModule, planned: list[_Planned]) -> dict[Any, str]:
    """The module keys the batch names that the module does not hold (one probe per key)."""
    missing: dict[Any, str] = {}
    probed: set[Any] = set()
    for row in planned:
        if row.key is None or row.key in probed:
            continue
        probed.add(row.key)
        assert row.key_ref is not None
        try:
            module.verify_token(PROBE_TOKEN, row.key_ref)
        except (SmKeyMissingError, SmKeyMismatchError):
            missing[row.key] = KEY_MISSING
        except SmRefusedError:
            pass  # the key is there; the probe token just does not decrypt
        except SmError as error:
            raise ModuleOfflineError(**reason(error)) from error
    return missing


def meter_test_token(meter_number: str, control: int) -> str:
    """The class 1 test/display token for a meter (its manufacturer code sets the layout)."""
    code = parse_meter_number(meter_number).manufacturer_code
    request = TokenRequest.from_mapping(
        {
            "token_class": 1,
            "token_subclass": 0 if len(code) == 2 else 1,
            "control": control,
            "manufacturer_code": code,
        }
    )
    (token,) = issue_tokens(request, None)
    return token


def _make_test_tokens(
    database: Database, operator: OperatorSession, batch_id: str, progress: Progress | None
) -> None:
    with database.reading() as session:
        rows = session.execute(
            select(TokenOperation.id, TokenOperation.value, Meter.number)
            .join(Meter, Meter.id == TokenOperation.meter_id)
            .where(TokenOperation.batch_id == batch_id, TokenOperation.state == State.PLANNED)
            .order_by(TokenOperation.position)
        ).all()
    for start in range(0, len(rows), _TEST_CHUNK):
        with database.unit_of_work() as uow:
            for row_id, value, number in rows[start : start + _TEST_CHUNK]:
                token = meter_test_token(number, int(value))
                ledger.issue_without_module(uow.session, row_id, token, operator.actor)
            uow.commit()
        if progress is not None:
            progress(min(start + _TEST_CHUNK, len(rows)), len(rows))
