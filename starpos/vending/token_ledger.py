"""What a token sale adds to the ledger's state machine (:mod:`starpos.vending.ledger`):
the meter's next TID, the module's exact request (its digest is what recovery recognises;
the request carries the store's audit head as its anchor, :mod:`starpos.vending.anchors`),
and the token, written in the same commit that makes the sale ISSUED."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.models import Meter, Vend, VendToken
from starpos.db.parameters import utility_now_core
from starpos.devices.sm.frames import Request
from starpos.devices.sm.messages import IssuedToken, MeterKeyRef, credit_token_params
from starpos.devices.sm.records import AuditAnchor, acting_request
from starpos.sts.errors import StsError
from starpos.vending import errors, key_change_sale, ledger
from starpos.vending.anchors import store_anchor
from starpos.vending.crash_points import BEFORE_KEY_CHANGE_COMMIT, BEFORE_TOKEN_COMMIT, crash_point
from starpos.vending.key_change_sale import SaleKeyChange
from starpos.vending.sale import ELECTRICITY, PreparedVend
from starpos.vending.tids import next_tid

CREDIT_TOKEN = "credit"

# Once per vend: plain Core statements, built once (their compiled form is cached).
_TOKENS = cast(Table, VendToken.__table__)
_VENDS = cast(Table, Vend.__table__)
# The credit token comes last: after the key change tokens a sale carries (if any).
_INSERT_TOKEN = insert(_TOKENS).values(
    position=select(func.coalesce(func.max(_TOKENS.c.position), 0) + 1)
    .where(_TOKENS.c.vend_id == bindparam("b_vend"))
    .scalar_subquery()
)
_METERS = cast(Table, Meter.__table__)
_READ_METER = (
    select(_METERS.c.number, _METERS.c.tid_base_year, _METERS.c.last_tid, _METERS.c.ken)
    .where(_METERS.c.id == bindparam("meter_id"))
    .with_for_update()
)
_VENDS = cast(Table, Vend.__table__)
_SET_DIGEST = (
    update(_VENDS)
    .where(_VENDS.c.id == bindparam("b_vend_id"))
    .values(module_request_digest=bindparam("b_digest"))
)
_SET_LAST_TID = (
    update(_METERS)
    .where(_METERS.c.id == bindparam("b_meter_id"))
    .values(last_tid=bindparam("b_last_tid"))
)


@dataclass(frozen=True)
class PendingVend:
    """A committed PENDING token sale and the exact module request it stands for.

    With a key change still to make (``key_change``), that request is the key change's
    and ``tid``/``key_ref`` are what the credit token will have once it is made
    (:func:`record_key_change`); otherwise the credit token's.
    """

    vend_id: int
    bill_number: str
    tid: int
    key_ref: MeterKeyRef
    amount_tenths: int
    request_digest: str
    key_change: SaleKeyChange | None = None
    #: The store's audit head the request carries (the module journals it).
    anchor: AuditAnchor | None = None

    @property
    def makes_key_change(self) -> bool:
        return self.key_change is not None and self.key_change.to_make


def credit_request(
    key_ref: MeterKeyRef, tid: int, amount_tenths: int, anchor: AuditAnchor | None = None
) -> Request:
    """The ``SM?TC`` frame the driver sends for this token, with ``anchor`` (its digest is
    what GL?RR echoes)."""
    params = credit_token_params(key_ref, ELECTRICITY, tid, amount_tenths)
    return acting_request("TC", params, anchor)


def open_pending(
    database: Database, prepared: PreparedVend, request_id: str | None = None
) -> PendingVend:
    """Reserve the meter's next TID and commit the PENDING sale, before the module acts."""
    change = prepared.key_change
    if change is not None and change.to_make:
        return _open_key_change(database, prepared, change, request_id)
    with database.unit_of_work() as uow:
        session = uow.session
        connection = session.connection()
        meter = connection.execute(_READ_METER, {"meter_id": prepared.meter_id}).one()
        local = utility_now_core(session)
        try:
            tid = next_tid(local, meter.tid_base_year, meter.last_tid, meter.ken)
        except StsError as error:
            raise errors.KeyExpiredError(number=meter.number, ken=meter.ken) from error
        connection.execute(_SET_LAST_TID, {"b_meter_id": prepared.meter_id, "b_last_tid": tid})
        row = ledger.add_pending(
            session,
            prepared,
            when=local,
            columns={
                "tid": tid,
                "module_id": prepared.module.module_id,
                "module_key_ref": prepared.key_ref.params(),
                "module_sequence": prepared.module.sequence,
                "module_balance_before": prepared.module.balance,
            },
            details={
                "key_ref": prepared.key_ref.params(),
                "module_sequence": prepared.module.sequence,
                "module_balance": prepared.module.balance,
                # Key change tokens an earlier sale made, printed again on this one.
                **({"key_change": change.as_dict()} if change is not None else {}),
            },
            request_id=request_id,
        )
        # The anchor is the head after this sale's own PENDING entry, so cutting the sale
        # out of the log disagrees with the module (docs/security.md, "Anchors"); the
        # request's digest covers the anchor, so it is written now, in the same commit.
        anchor = store_anchor(session)
        digest = credit_request(prepared.key_ref, tid, prepared.amount_tenths, anchor).digest()
        connection.execute(_SET_DIGEST, {"b_vend_id": row.vend_id, "b_digest": digest})
        if change is not None:  # key change tokens made by an earlier sale: printed again
            key_change_sale.claim(session, change, row.vend_id)
        uow.commit()
        return PendingVend(
            row.vend_id, row.bill_number, tid, prepared.key_ref, prepared.amount_tenths, digest,
            change, anchor,
        )  # fmt: skip


def _credit_tid(session: Session, meter_id: int, change: SaleKeyChange) -> int:
    """The credit token's TID under the new key (a rollover forgets the old TIDs)."""
    meter = session.connection().execute(_READ_METER, {"meter_id": meter_id}).one()
    new = change.new_key
    last = None if change.rollover else meter.last_tid
    try:
        return next_tid(utility_now_core(session), new.base_date, last, new.ken)
    except StsError as error:
        raise errors.KeyExpiredError(number=meter.number, ken=new.ken) from error


def _open_key_change(
    database: Database, prepared: PreparedVend, change: SaleKeyChange, request_id: str | None
) -> PendingVend:
    """PENDING with the key change request (the meter's key data and TIDs untouched until
    its tokens exist); the flag held by this sale."""
    with database.unit_of_work() as uow:
        session = uow.session
        tid = _credit_tid(session, prepared.meter_id, change)  # for the voucher's check only
        # The head before this sale's PENDING entry, which records the request's digest
        # (a token batch's rule); the credit token after it anchors the PENDING entry.
        anchor = store_anchor(session)
        digest = change.request(anchor).digest()
        row = ledger.add_pending(
            session,
            prepared,
            when=utility_now_core(session),
            columns={
                "tid": None,
                "module_id": prepared.module.module_id,
                "module_key_ref": change.old_ref.params(),
                "module_request_digest": digest,
                "module_sequence": prepared.module.sequence,
                "module_balance_before": prepared.module.balance,
            },
            details={
                "request_digest": digest,
                "key_ref": change.old_ref.params(),
                "module_sequence": prepared.module.sequence,
                "module_balance": prepared.module.balance,
                "key_change": change.as_dict(),
            },
            request_id=request_id,
        )
        key_change_sale.claim(session, change, row.vend_id)
        uow.commit()
        return PendingVend(
            row.vend_id, row.bill_number, tid, change.new_ref, prepared.amount_tenths, digest,
            change, anchor,
        )  # fmt: skip


def record_key_change(
    database: Database,
    pending: PendingVend,
    tokens: list[str],
    actor: Actor,
    *,
    recovered: bool = False,
) -> PendingVend:
    """The key change tokens, the meter on its new key and the credit token's request, in
    one commit; the sale stays PENDING, now for its credit token."""
    change = pending.key_change
    assert change is not None
    with database.unit_of_work() as uow:
        session = uow.session
        meter_id = (
            session.connection()
            .execute(select(_VENDS.c.meter_id).where(_VENDS.c.id == pending.vend_id))
            .scalar_one()
        )
        tid = _credit_tid(session, meter_id, change)
        # The head with the sale's PENDING entry, before the key change entry that records
        # this request's digest.
        anchor = store_anchor(session)
        request = credit_request(change.new_ref, tid, pending.amount_tenths, anchor)
        key_change_sale.record_tokens(
            session, pending.vend_id, pending.bill_number, change, tokens, actor,
            credit_tid=tid, credit_request=request, recovered=recovered,
        )  # fmt: skip
        session.flush()
        crash_point(BEFORE_KEY_CHANGE_COMMIT)
        uow.commit()
    return PendingVend(
        pending.vend_id, pending.bill_number, tid, change.new_ref, pending.amount_tenths,
        request.digest(), None, anchor,
    )  # fmt: skip


def record_token(
    database: Database,
    vend_id: int,
    issued: IssuedToken,
    actor: Actor,
    *,
    recovered: bool = False,
) -> None:
    """PENDING -> ISSUED with its token, the meter's debt settled, in one commit."""
    with database.unit_of_work() as uow:
        session = uow.session
        row = ledger.mark_issued(
            session,
            vend_id,
            actor,
            step="recovered" if recovered else "issued",
            details={"token": issued.token},
        )
        session.connection().execute(
            _INSERT_TOKEN,
            {
                "vend_id": vend_id,
                "b_vend": vend_id,
                "kind": CREDIT_TOKEN,
                "token": issued.token,
                "tid": row.tid,
            },
        )
        session.flush()
        crash_point(BEFORE_TOKEN_COMMIT)
        uow.commit()
