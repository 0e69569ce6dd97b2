"""What a token sale adds to the ledger's state machine (:mod:`starpos.vending.ledger`):
the meter's next TID, the module's exact request (its digest is what recovery recognises),
and the token, written in the same commit that makes the sale ISSUED."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.models import Meter, VendToken
from starpos.db.parameters import utility_now_core
from starpos.devices.sm.frames import Request
from starpos.devices.sm.messages import IssuedToken, MeterKeyRef, credit_token_params
from starpos.sts.errors import StsError
from starpos.vending import errors, ledger
from starpos.vending.crash_points import BEFORE_TOKEN_COMMIT, crash_point
from starpos.vending.sale import ELECTRICITY, PreparedVend
from starpos.vending.tids import next_tid

CREDIT_TOKEN = "credit"

# Once per vend: plain Core statements, built once (their compiled form is cached).
_INSERT_TOKEN = insert(cast(Table, VendToken.__table__))
_METERS = cast(Table, Meter.__table__)
_READ_METER = (
    select(_METERS.c.number, _METERS.c.tid_base_year, _METERS.c.last_tid, _METERS.c.ken)
    .where(_METERS.c.id == bindparam("meter_id"))
    .with_for_update()
)
_SET_LAST_TID = (
    update(_METERS)
    .where(_METERS.c.id == bindparam("b_meter_id"))
    .values(last_tid=bindparam("b_last_tid"))
)


@dataclass(frozen=True)
class PendingVend:
    """A committed PENDING token sale and the exact module request it stands for."""

    vend_id: int
    bill_number: str
    tid: int
    key_ref: MeterKeyRef
    amount_tenths: int
    request_digest: str


def credit_request(key_ref: MeterKeyRef, tid: int, amount_tenths: int) -> Request:
    """The ``SM?TC`` frame the driver sends for this token (its digest is what GL?RR echoes)."""
    return Request("SM", "TC", credit_token_params(key_ref, ELECTRICITY, tid, amount_tenths))


def open_pending(
    database: Database, prepared: PreparedVend, request_id: str | None = None
) -> PendingVend:
    """Reserve the meter's next TID and commit the PENDING sale, before the module acts."""
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
        digest = credit_request(prepared.key_ref, tid, prepared.amount_tenths).digest()
        row = ledger.add_pending(
            session,
            prepared,
            when=local,
            columns={
                "tid": tid,
                "module_id": prepared.module.module_id,
                "module_key_ref": prepared.key_ref.params(),
                "module_request_digest": digest,
                "module_sequence": prepared.module.sequence,
                "module_balance_before": prepared.module.balance,
            },
            details={
                "request_digest": digest,
                "key_ref": prepared.key_ref.params(),
                "module_sequence": prepared.module.sequence,
                "module_balance": prepared.module.balance,
            },
            request_id=request_id,
        )
        uow.commit()
        return PendingVend(
            row.vend_id, row.bill_number, tid, prepared.key_ref, prepared.amount_tenths, digest
        )


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
                "position": 1,
                "kind": CREDIT_TOKEN,
                "token": issued.token,
                "tid": row.tid,
            },
        )
        session.flush()
        crash_point(BEFORE_TOKEN_COMMIT)
        uow.commit()
