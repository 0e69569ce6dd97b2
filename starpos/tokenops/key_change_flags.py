"""Flagging meters for a key change at their next purchase (issue 16, docs/key-changes.md).

The administrator picks meters (one, a range, a file, every meter on a key, or in one step
every meter still on base date 1993 or whose key runs out within some days, STS202-6) and a
new key (:class:`~starpos.tokenops.kinds.KeyTarget`: what is not named stays the meter's
own). Each meter is checked as an engineering key change would be (the list to confirm is
a :class:`~starpos.tokenops.plan.BatchPlan`), plus: already flagged. Flagging writes one
``key_change_flags`` row per meter and one audit entry, in one commit; the meter's next
sale makes the tokens (``starpos.vending.key_change_sale``). A flag whose tokens are not
made yet can be withdrawn (:func:`unflag`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import KeyChangeState, MeterMedium
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.models import KeyChangeFlag, Meter, Operator
from starpos.db.parameters import utility_now_core
from starpos.operators import permissions
from starpos.operators.errors import UnknownOperatorError
from starpos.operators.session import OperatorSession
from starpos.sts.errors import StsError
from starpos.tokenops import errors
from starpos.tokenops.kinds import KeyTarget, NewKey, Order
from starpos.tokenops.plan import BatchPlan, RefusedMeter, plan_batch
from starpos.tokenops.targets import MeterList, TypedMeter
from starpos.vending.tids import next_tid

_OPEN = (KeyChangeState.FLAGGED, KeyChangeState.ISSUED)


def plan_flags(
    database: Database, operator: OperatorSession, target: KeyTarget, meters: MeterList
) -> BatchPlan:
    """The meters to confirm, each with its new key, and the ones left out with why."""
    operator.require(permissions.KEY_CHANGE)
    plan = plan_batch(database, operator, Order(Kind.KEY_CHANGE, key=target), meters)
    with database.reading() as session:
        flagged = set(
            session.scalars(
                select(Meter.number)
                .join(KeyChangeFlag, KeyChangeFlag.meter_id == Meter.id)
                .where(KeyChangeFlag.state.in_(_OPEN))
            )
        )
    keep = []
    for meter in plan.meters:
        if meter.number in flagged:
            refusal = errors.AlreadyFlaggedRefusal(number=meter.number)
            plan.refused.append(RefusedMeter(TypedMeter(meter.number), refusal))
        else:
            keep.append(meter)
    plan.meters = keep
    if not plan.meters:
        raise errors.NoMetersError.of(plan.refused)
    return plan


def flag_meters(database: Database, operator: OperatorSession, plan: BatchPlan) -> int:
    """Write the confirmed plan's flags with one audit entry; how many meters were flagged."""
    operator.require(permissions.KEY_CHANGE)
    actor = operator.actor
    with database.unit_of_work() as uow:
        session = uow.session
        operator_id = _operator_id(session, operator)
        rows = []
        for meter in plan.meters:
            new = NewKey.parse(meter.value)
            rows.append(
                {
                    "request_id": str(uuid.uuid4()),
                    "meter_id": meter.meter_id,
                    "state": KeyChangeState.FLAGGED,
                    "new_key_register": str(new.register),
                    "new_sgc": new.sgc,
                    "new_ti": new.ti,
                    "new_krn": new.krn,
                    "new_ken": new.ken,
                    "new_key_type": new.key_type,
                    "new_base_date": new.base_date,
                    "source": plan.source[:200],
                    "flagged_by": operator_id,
                    "flagged_at": utc_now(),
                }
            )
        session.execute(KeyChangeFlag.__table__.insert(), rows)  # type: ignore[attr-defined]
        append(
            session,
            AuditKind.KEY_CHANGE_FLAG,
            subject="key_change_flags",
            details={
                "step": "flagged",
                "source": plan.source,
                "meters": [
                    {"meter": m.number, "new_key": m.value, "request_id": r["request_id"]}
                    for m, r in zip(plan.meters, rows, strict=True)
                ],
                "refused": len(plan.refused),
            },
            actor=actor,
        )
        uow.commit()
    return len(rows)


def unflag(database: Database, operator: OperatorSession, numbers: list[str]) -> list[str]:
    """Withdraw the flags of ``numbers`` whose tokens are not made yet (nor being made); the
    meters unflagged. A meter with no such flag is a refusal (nothing is changed)."""
    operator.require(permissions.KEY_CHANGE)
    with database.unit_of_work() as uow:
        session = uow.session
        operator_id = _operator_id(session, operator)
        done: list[str] = []
        for number in numbers:
            flag = session.scalars(
                select(KeyChangeFlag)
                .join(Meter, Meter.id == KeyChangeFlag.meter_id)
                .where(Meter.number == number, KeyChangeFlag.state == KeyChangeState.FLAGGED)
                .with_for_update()
            ).first()
            if flag is None or flag.vend_id is not None:
                raise errors.NotFlaggedError(number=number)
            flag.state = KeyChangeState.UNFLAGGED
            flag.unflagged_by = operator_id
            flag.unflagged_at = utc_now()
            done.append(number)
        append(
            session,
            AuditKind.KEY_CHANGE_FLAG,
            subject="key_change_flags",
            details={"step": "unflagged", "meters": done},
            actor=operator.actor,
        )
        uow.commit()
    return done


def _operator_id(session: Session, operator: OperatorSession) -> int:
    found = session.scalar(select(Operator.id).where(Operator.code == operator.code))
    if found is None:
        raise UnknownOperatorError(operator=operator.code)
    return int(found)


# -- which meters ----------------------------------------------------------------------------
def meters_on_key(
    database: Database,
    *,
    register: int | None = None,
    sgc: str | None = None,
    ti: int | None = None,
    krn: int | None = None,
    base_date: int | None = None,
) -> MeterList:
    """Every keypad meter on a key (each criterion given must match), by number."""
    query = select(Meter.number).where(Meter.medium == MeterMedium.KEYPAD)
    named = []
    for column, value, label in (
        (Meter.key_register, None if register is None else str(register), "register"),
        (Meter.sgc, sgc, "SGC"),
        (Meter.ti, ti, "TI"),
        (Meter.krn, krn, "KRN"),
        (Meter.tid_base_year, base_date, "base date"),
    ):
        if value is not None:
            query = query.where(column == value)
            named.append(f"{label} {value}")
    with database.reading() as session:
        numbers = list(session.scalars(query.order_by(Meter.number)))
    source = "meters on " + (", ".join(named) if named else "any key")
    return MeterList(tuple(TypedMeter(n) for n in numbers), source)


def meters_to_renew(database: Database, within_days: int = 30) -> MeterList:
    """In one step: every keypad meter still on base date 1993, and every one whose key
    can make no token ``within_days`` from now (its TIDs run out: KEN x 65535 minutes or
    the base date's 24 bits, STS202-6)."""
    with database.reading() as session:
        later = utility_now_core(session) + timedelta(days=within_days)
        rows = session.execute(
            select(Meter.number, Meter.tid_base_year, Meter.last_tid, Meter.ken)
            .where(Meter.medium == MeterMedium.KEYPAD)
            .order_by(Meter.number)
        ).all()
    numbers = [
        row.number
        for row in rows
        if row.tid_base_year == 1993 or _expires_by(later, row.tid_base_year, row.last_tid, row.ken)
    ]
    source = f"meters on base date 1993 or whose key expires within {within_days} days"
    return MeterList(tuple(TypedMeter(n) for n in numbers), source)


def _expires_by(when: datetime, base_date: int, last_tid: int | None, ken: int) -> bool:
    try:
        next_tid(when, base_date, last_tid, ken)
    except StsError:
        return True
    return False


# -- the list --------------------------------------------------------------------------------
@dataclass(frozen=True)
class FlagView:
    meter: str
    state: str
    new_key: str
    source: str
    flagged_by: str
    flagged_at: datetime
    tokens: tuple[str, ...]
    bill: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "meter": self.meter, "state": self.state, "new_key": self.new_key,
            "source": self.source, "flagged_by": self.flagged_by,
            "flagged_at": self.flagged_at.isoformat(), "tokens": list(self.tokens),
            "bill": self.bill,
        }  # fmt: skip


def list_flags(
    database: Database, state: KeyChangeState | None = None, limit: int = 1000
) -> list[FlagView]:
    """Flags, newest first (of one state when given)."""
    from starpos.db.models import Vend

    query = (
        select(KeyChangeFlag, Meter.number, Operator.code, Vend.bill_number)
        .join(Meter, Meter.id == KeyChangeFlag.meter_id)
        .join(Operator, Operator.id == KeyChangeFlag.flagged_by)
        .outerjoin(Vend, Vend.id == KeyChangeFlag.vend_id)
        .order_by(KeyChangeFlag.id.desc())
        .limit(limit)
    )
    if state is not None:
        query = query.where(KeyChangeFlag.state == state)
    with database.reading() as session:
        found = []
        for flag, number, code, bill in session.execute(query):
            new = NewKey(
                int(flag.new_key_register), flag.new_sgc, flag.new_ti, flag.new_krn,
                flag.new_ken, flag.new_key_type, flag.new_base_date,
            )  # fmt: skip
            found.append(
                FlagView(
                    number,
                    flag.state.value,
                    new.text(),
                    flag.source,
                    code,
                    flag.flagged_at,
                    tuple(flag.token_list),
                    bill,
                )
            )
        return found
