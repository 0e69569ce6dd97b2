"""A token operation row's life, each step with its audit entry in the caller's transaction.

PLANNED -> PENDING (:func:`begin`: TID, the exact module request, committed BEFORE the module
is asked) -> ISSUED (:func:`finish_issued`, the tokens the moment they come back) or FAILED
(:func:`finish_failed`, the module's refusal); recovery returns a row the module never acted
on to PLANNED (:func:`back_to_planned`), so the batch can take it up again under a new TID.
Test tokens need no module: PLANNED -> ISSUED at once (:func:`issue_without_module`).

Every function works in the session it is given, so a batch joins "token N issued" and
"token N+1 pending" in one commit (docs/token-operations.md, "Speed"). The audit entries
carry the row's facts by code: they are what the head office books (docs/sync.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db.column_types import utc_now
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.meter_keys import NewKeyData, move_meter_key
from starpos.db.models import Meter, TokenOperation
from starpos.db.parameters import utility_now_core
from starpos.devices.sm.frames import Request
from starpos.devices.sm.messages import (
    MeterKeyRef,
    credit_token_params,
    key_change_params,
    management_token_params,
)
from starpos.devices.sm.records import AuditAnchor, acting_request
from starpos.sts.errors import StsError
from starpos.tokenops import kinds
from starpos.tokenops.kinds import NewKey
from starpos.vending.anchors import store_anchor
from starpos.vending.tids import next_tid

#: Why a row failed before its module was asked (the store's own refusal codes).
NO_KEY_REGISTER = "tokenops.no_key_register"
KEY_EXPIRED = "tokenops.key_expired"
#: STS credit type of electricity (class 0 subclass 0).
ELECTRICITY = 0

_ROWS = cast(Table, TokenOperation.__table__)
_METERS = cast(Table, Meter.__table__)
_READ_ROW = select(
    _ROWS.c.request_id,
    _ROWS.c.batch_id,
    _ROWS.c.position,
    _ROWS.c.kind,
    _ROWS.c.state,
    _ROWS.c.value,
    _ROWS.c.energy_kwh,
    _ROWS.c.meter_id,
).where(_ROWS.c.id == bindparam("row_id"))
#: A row with its meter's key data, in one statement: a batch begins every row with it (the
#: meter locked until the commit on PostgreSQL, as its last TID moves with the row).
_READ_ROW_AND_METER = (
    select(
        *_READ_ROW.selected_columns,
        _METERS.c.number,
        _METERS.c.pan,
        _METERS.c.key_register,
        _METERS.c.sgc,
        _METERS.c.ti,
        _METERS.c.krn,
        _METERS.c.ken,
        _METERS.c.tid_base_year,
        _METERS.c.last_tid,
    )
    .select_from(_ROWS.join(_METERS, _METERS.c.id == _ROWS.c.meter_id))
    .where(_ROWS.c.id == bindparam("row_id"))
    .with_for_update(of=_METERS)
)
_SET_LAST_TID = (
    update(_METERS).where(_METERS.c.id == bindparam("b_meter")).values(last_tid=bindparam("b_tid"))
)
_TO_PENDING = (
    update(_ROWS)
    .where(_ROWS.c.id == bindparam("b_row"), _ROWS.c.state == State.PLANNED)
    .values(
        state=State.PENDING,
        tid=bindparam("b_tid"),
        module_id=bindparam("b_module"),
        module_key_ref=bindparam("b_key_ref"),
        module_request_digest=bindparam("b_digest"),
        module_sequence=bindparam("b_sequence"),
        module_balance_before=bindparam("b_balance"),
    )
)
_TO_ISSUED = (
    update(_ROWS)
    .where(_ROWS.c.id == bindparam("b_row"), _ROWS.c.state == bindparam("b_from"))
    .values(state=State.ISSUED, tokens=bindparam("b_tokens"), issued_at=bindparam("b_at"))
)


class RowStateError(RuntimeError):
    """A row was not in the state a step needs: a bug or a second program on the batch."""


@dataclass(frozen=True)
class ModuleSnapshot:
    """The module a row goes to, and its credit just before (kWh)."""

    module_id: str
    sequence: int
    balance: Decimal


@dataclass(frozen=True)
class PendingOperation:
    """A committed PENDING row and the exact module request it stands for."""

    row_id: int
    request_id: str
    batch_id: str
    position: int
    kind: Kind
    meter_id: int
    meter_number: str
    key_ref: MeterKeyRef
    tid: int | None
    value: str
    energy_kwh: Decimal
    new_key: NewKey | None
    rollover: bool
    request: Request
    #: The store's audit head the request carries (None: rebuilt for recovery, never sent).
    anchor: AuditAnchor | None = None

    @property
    def digest(self) -> str:
        """The 8-hex digest of the request: what the module's ``GL?RR`` answer echoes."""
        return self.request.digest()

    @property
    def label(self) -> str:
        """How a person finds the row: ``<batch id>/<position>``."""
        return f"{self.batch_id}/{self.position}"


def _module_request(
    kind: Kind, key_ref: MeterKeyRef, tid: int | None, value: str, new_key: NewKey | None,
    rollover: bool,
) -> Request:  # fmt: skip
    """The frame the driver sends for this row (its digest is what ``GL?RR`` echoes)."""
    if kind in kinds.CREDIT_KINDS:
        assert tid is not None
        params = credit_token_params(key_ref, ELECTRICITY, tid, kinds.module_value(kind, value))
        return Request("SM", "TC", params)
    if kind is Kind.TOKEN_CANCEL:
        assert tid is not None
        return Request("SM", "TC", credit_token_params(key_ref, ELECTRICITY, tid, 0, True))
    if kind is Kind.KEY_CHANGE:
        assert new_key is not None
        new_ref = MeterKeyRef(
            key_ref.pan, new_key.register, new_key.sgc, new_key.ti, new_key.krn, new_key.ken
        )
        return Request("SM", "TK", key_change_params(key_ref, new_ref, rollover))
    assert tid is not None
    subclass = kinds.MANAGEMENT_SUBCLASS[kind]
    params = management_token_params(key_ref, subclass, tid, kinds.module_value(kind, value))
    return Request("SM", "TM", params)


def _subject(request_id: str) -> str:
    return f"token_operation:{request_id}"


def begin(
    session: Session, row_id: int, module: ModuleSnapshot, actor: Actor
) -> PendingOperation | None:
    """PLANNED -> PENDING: the TID and the exact request, ready to commit before the module
    is asked. None when the row cannot be asked for (no key register, key expired): it is
    FAILED instead, in the same transaction."""
    connection = session.connection()
    row = meter = connection.execute(_READ_ROW_AND_METER, {"row_id": row_id}).one()
    if row.state != State.PLANNED:
        raise RowStateError(f"token operation {row_id} is {row.state}, not planned")
    kind = Kind(row.kind)
    if meter.key_register is None or not meter.key_register.strip().isdigit():
        finish_failed(session, row_id, NO_KEY_REGISTER, actor, from_state=State.PLANNED)
        return None
    key_ref = MeterKeyRef(
        meter.pan, int(meter.key_register), meter.sgc, meter.ti, meter.krn, meter.ken
    )
    tid = None
    if kinds.carries_tid(kind):
        try:
            tid = next_tid(
                utility_now_core(session), meter.tid_base_year, meter.last_tid, meter.ken
            )
        except StsError:
            finish_failed(session, row_id, KEY_EXPIRED, actor, from_state=State.PLANNED)
            return None
        connection.execute(_SET_LAST_TID, {"b_meter": row.meter_id, "b_tid": tid})
    new_key = NewKey.parse(row.value) if kind is Kind.KEY_CHANGE else None
    rollover = new_key is not None and new_key.base_date != meter.tid_base_year
    # The request carries the store's audit head (the entries before this row's PENDING
    # one, which records the request's digest), journalled by the module with its tokens.
    anchor = store_anchor(session)
    plain = _module_request(kind, key_ref, tid, row.value, new_key, rollover)
    request = acting_request(plain.command, plain.params, anchor)
    digest = request.digest()
    connection.execute(
        _TO_PENDING,
        {
            "b_row": row_id,
            "b_tid": tid,
            "b_module": module.module_id,
            "b_key_ref": key_ref.params(),
            "b_digest": digest,
            "b_sequence": module.sequence,
            "b_balance": module.balance,
        },
    )
    append(
        session,
        AuditKind.TOKEN_OPERATION,
        subject=_subject(row.request_id),
        details={
            "step": "pending",
            **_facts(row, meter.number),
            "tid": tid,
            "module": module.module_id,
            "key_ref": key_ref.params(),
            "request_digest": digest,
            "module_sequence": module.sequence,
            "module_balance": module.balance,
        },
        actor=actor,
    )
    return PendingOperation(
        row_id, row.request_id, row.batch_id, row.position, kind, row.meter_id, meter.number,
        key_ref, tid, row.value, row.energy_kwh, new_key, rollover, request, anchor,
    )  # fmt: skip


def _facts(row: Any, meter_number: str) -> dict[str, Any]:
    return {
        "request_id": row.request_id,
        "batch": row.batch_id,
        "position": row.position,
        "kind": Kind(row.kind).value,
        "value": row.value,
        "energy_kwh": row.energy_kwh,
        "meter": meter_number,
    }


def finish_issued(
    session: Session,
    pending: PendingOperation,
    tokens: list[str],
    actor: Actor,
    *,
    recovered: bool = False,
) -> None:
    """PENDING -> ISSUED with ``tokens`` in entry order; a key change moves the meter's key
    data in the store now, with its tokens (never before they exist)."""
    moved = session.connection().execute(
        _TO_ISSUED,
        {"b_row": pending.row_id, "b_from": State.PENDING, "b_tokens": " ".join(tokens),
         "b_at": utc_now()},
    )  # fmt: skip
    if moved.rowcount != 1:
        raise RowStateError(f"token operation {pending.row_id} is no longer pending")
    details: dict[str, Any] = {
        "step": "recovered" if recovered else "issued",
        "tid": pending.tid,
        "tokens": tokens,
    }
    if pending.new_key is not None:
        _move_meter_key(session, pending.meter_id, pending.new_key, pending.rollover)
        details["new_key"] = asdict(pending.new_key)
        details["rollover"] = pending.rollover
    append(
        session,
        AuditKind.TOKEN_OPERATION,
        subject=_subject(pending.request_id),
        details=details,
        actor=actor,
    )


def _move_meter_key(session: Session, meter_id: int, new_key: NewKey, rollover: bool) -> None:
    move_meter_key(session, meter_id, NewKeyData(**asdict(new_key)), rollover)


def finish_failed(
    session: Session,
    row_id: int,
    reason_code: str,
    actor: Actor,
    *,
    recovered: bool = False,
    from_state: State = State.PENDING,
) -> None:
    """PENDING (or PLANNED, refused before asking) -> FAILED: no token was made."""
    connection = session.connection()
    moved = connection.execute(
        update(_ROWS)
        .where(_ROWS.c.id == row_id, _ROWS.c.state == from_state)
        .values(state=State.FAILED, failure_reason=reason_code, failed_at=utc_now())
        .returning(_ROWS.c.request_id)
    ).first()
    if moved is None:
        raise RowStateError(f"token operation {row_id} is not {from_state}")
    append(
        session,
        AuditKind.TOKEN_OPERATION,
        subject=_subject(moved.request_id),
        details={"step": "failed", "reason": reason_code, "recovered": recovered},
        actor=actor,
    )


def back_to_planned(session: Session, row_id: int, actor: Actor) -> None:
    """PENDING -> PLANNED: the module never acted on it (recovery). Its TID stays spent."""
    moved = (
        session.connection()
        .execute(
            update(_ROWS)
            .where(_ROWS.c.id == row_id, _ROWS.c.state == State.PENDING)
            .values(state=State.PLANNED, module_request_digest=None, tid=None)
            .returning(_ROWS.c.request_id)
        )
        .first()
    )
    if moved is None:
        raise RowStateError(f"token operation {row_id} is not pending")
    append(
        session,
        AuditKind.TOKEN_OPERATION,
        subject=_subject(moved.request_id),
        details={"step": "not_acted"},
        actor=actor,
    )


def issue_without_module(session: Session, row_id: int, token: str, actor: Actor) -> None:
    """A test token (class 1, not encrypted): PLANNED -> ISSUED at once, every fact audited."""
    connection = session.connection()
    row = connection.execute(_READ_ROW, {"row_id": row_id}).one()
    number = connection.execute(select(_METERS.c.number).where(_METERS.c.id == row.meter_id))
    moved = connection.execute(
        _TO_ISSUED,
        {"b_row": row_id, "b_from": State.PLANNED, "b_tokens": token, "b_at": utc_now()},
    )
    if moved.rowcount != 1:
        raise RowStateError(f"token operation {row_id} is not planned")
    append(
        session,
        AuditKind.TOKEN_OPERATION,
        subject=_subject(row.request_id),
        details={"step": "issued", **_facts(row, number.scalar_one()), "tokens": [token]},
        actor=actor,
    )


_ANY_PENDING = select(_ROWS.c.id).where(_ROWS.c.state == State.PENDING).limit(1)


def any_pending(session: Session) -> bool:
    """Whether any token operation is PENDING (one indexed lookup: every vend asks)."""
    return session.connection().execute(_ANY_PENDING).first() is not None


@dataclass(frozen=True)
class StoredPending:
    """A PENDING row as the store kept it: the module it went to, the digest of the request
    it recorded, and the row rebuilt as it was begun (its meter has not moved on since: a
    key change moves the meter only with its tokens)."""

    module_id: str | None
    digest: str | None
    operation: PendingOperation


def pending_operations(session: Session) -> list[StoredPending]:
    """Every PENDING row, oldest first."""
    rows = session.execute(
        select(
            _ROWS.c.id, _ROWS.c.request_id, _ROWS.c.batch_id, _ROWS.c.position, _ROWS.c.kind,
            _ROWS.c.meter_id, _ROWS.c.module_key_ref, _ROWS.c.tid, _ROWS.c.value,
            _ROWS.c.energy_kwh, _ROWS.c.module_id, _ROWS.c.module_request_digest,
            _METERS.c.number, _METERS.c.tid_base_year,
        )
        .join(_METERS, _METERS.c.id == _ROWS.c.meter_id)
        .where(_ROWS.c.state == State.PENDING)
        .order_by(_ROWS.c.id)
    )  # fmt: skip
    found = []
    for row in rows:
        kind = Kind(row.kind)
        key_ref = MeterKeyRef.parse(row.module_key_ref or "")
        new_key = NewKey.parse(row.value) if kind is Kind.KEY_CHANGE else None
        rollover = new_key is not None and new_key.base_date != row.tid_base_year
        request = _module_request(kind, key_ref, row.tid, row.value, new_key, rollover)
        pending = PendingOperation(
            row.id, row.request_id, row.batch_id, row.position, kind, row.meter_id, row.number,
            key_ref, row.tid, row.value, row.energy_kwh, new_key, rollover, request,
        )  # fmt: skip
        found.append(StoredPending(row.module_id, row.module_request_digest, pending))
    return found
