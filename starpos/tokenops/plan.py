"""A batch before it is made: the operator's right, the meters it is for, and why any of them
cannot have the token; the list the operator confirms (manual 3.6, "Meter Serial No. List").

:func:`plan_batch` only reads the store. :func:`open_batch` writes the confirmed list as
PLANNED rows and the batch's audit entry in one commit; :mod:`starpos.tokenops.batch` then
makes the tokens. A meter refused here is listed with its reason and left out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import MeterMedium
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.models import Customer, Meter, Operator, Terminal, TokenOperation
from starpos.db.parameters import utility_now_core
from starpos.operators.errors import UnknownOperatorError
from starpos.operators.session import OperatorSession
from starpos.sts.errors import StsError
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors, kinds
from starpos.tokenops.kinds import Carried, KeyTarget, NewKey, Order
from starpos.tokenops.targets import MeterList, TypedMeter
from starpos.vending.tids import next_tid

#: Meters read from the store per query while planning (SQLite takes this many parameters).
_CHUNK = 500


@dataclass(frozen=True)
class PlannedMeter:
    """A meter that will get the token: ``value`` and ``energy_kwh`` are what its token
    carries (key change and test values are the meter's own)."""

    meter_id: int
    number: str
    customer: str
    value: str
    energy_kwh: Decimal


@dataclass(frozen=True)
class RefusedMeter:
    """A meter of the list left out, and why (a translatable refusal)."""

    typed: TypedMeter
    refusal: errors.MeterRefusal


@dataclass
class BatchPlan:
    """What the operator is asked to confirm."""

    order: Order
    source: str
    meters: list[PlannedMeter] = field(default_factory=list)
    refused: list[RefusedMeter] = field(default_factory=list)

    @property
    def energy_kwh(self) -> Decimal:
        """The free credit the batch takes from the module (0.0 for other kinds)."""
        return sum((meter.energy_kwh for meter in self.meters), Decimal("0.0"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.order.kind.value,
            "source": self.source,
            "meters": [
                {"meter": m.number, "customer": m.customer, "value": m.value,
                 "energy_kwh": m.energy_kwh}
                for m in self.meters
            ],
            "refused": [
                {"meter": r.typed.text, "where": r.typed.where, "code": r.refusal.code,
                 "message": r.refusal.message}
                for r in self.refused
            ],
            "energy_kwh": self.energy_kwh,
        }  # fmt: skip


def plan_batch(
    database: Database, operator: OperatorSession, order: Order, meters: MeterList
) -> BatchPlan:
    """Check the operator's right and every meter of ``meters``; the list to confirm.

    Raises the operator's refusal (``PermissionDeniedError``), a refusal of the order's
    value, or :class:`~starpos.tokenops.errors.NoMetersError` when no meter is left.
    """
    operator.require(kinds.PERMISSION[order.kind])
    carried = kinds.carried(order)
    if order.kind is Kind.KEY_CHANGE:
        kinds.check_key_target(order.key)
    plan = BatchPlan(order, meters.source)
    with database.reading() as session:
        now = utility_now_core(session) if kinds.carries_tid(order.kind) else None
        for typed, found, refusal in _resolve(session, meters.meters):
            if refusal is None:
                assert found is not None
                refusal = _refusal(order, found, now)
            if refusal is not None:
                plan.refused.append(RefusedMeter(typed, refusal))
                continue
            assert found is not None
            value, energy = _value_for(order, carried, found)
            plan.meters.append(PlannedMeter(found.id, found.number, found.customer, value, energy))
    if not plan.meters:
        raise errors.NoMetersError.of(plan.refused)
    return plan


@dataclass(frozen=True)
class _Found:
    id: int
    number: str
    medium: str
    key_register: str | None
    sgc: str
    ti: int
    krn: int
    ken: int
    key_type: int
    tid_base_year: int
    last_tid: int | None
    manufacturer_code: str
    customer: str


def _resolve(
    session: Session, typed: Sequence[TypedMeter]
) -> Iterator[tuple[TypedMeter, _Found | None, errors.MeterRefusal | None]]:
    """Each typed meter with its store row, or why it has none (bad number, unknown, twice)."""
    seen: set[str] = set()
    for start in range(0, len(typed), _CHUNK):
        chunk = typed[start : start + _CHUNK]
        parsed: list[tuple[TypedMeter, str | None, errors.MeterRefusal | None]] = []
        for item in chunk:
            try:
                parsed.append((item, parse_meter_number(item.text).iain, None))
            except StsError as error:
                bad = errors.NotAMeterNumberRefusal(number=item.text, reason=error)
                parsed.append((item, None, bad))
        rows = _rows(session, [number for _, number, _ in parsed if number is not None])
        for item, number, refusal in parsed:
            if number is None:
                yield item, None, refusal
            elif number in seen:
                yield item, None, errors.DuplicateMeterRefusal(number=number)
            elif number not in rows:
                yield item, None, errors.UnknownMeterRefusal(number=number)
            else:
                seen.add(number)
                yield item, rows[number], None


def _rows(session: Session, numbers: list[str]) -> dict[str, _Found]:
    if not numbers:
        return {}
    result = session.execute(
        select(
            Meter.id, Meter.number, Meter.medium, Meter.key_register, Meter.sgc, Meter.ti,
            Meter.krn, Meter.ken, Meter.key_type, Meter.tid_base_year, Meter.last_tid,
            Customer.code, Customer.name,
        )
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .where(Meter.number.in_(numbers))
    )  # fmt: skip
    found: dict[str, _Found] = {}
    for row in result:
        code = parse_meter_number(row.number).manufacturer_code
        customer = f"{row.code} {row.name}" if row.code else ""
        found[row.number] = _Found(
            row.id, row.number, row.medium, row.key_register, row.sgc, row.ti, row.krn,
            row.ken, row.key_type, row.tid_base_year, row.last_tid, code, customer,
        )  # fmt: skip
    return found


def _refusal(order: Order, meter: _Found, now: Any) -> errors.MeterRefusal | None:
    if meter.medium == MeterMedium.CARD:
        return errors.CardMeterRefusal(number=meter.number)
    if order.kind is Kind.TEST:
        limit = kinds.control_limit(meter.manufacturer_code)
        if isinstance(order.value, int) and order.value > limit:
            digits = len(meter.manufacturer_code)
            return errors.ManufacturerCodeRefusal(number=meter.number, digits=digits, maximum=limit)
        return None
    if meter.key_register is None or not meter.key_register.strip().isdigit():
        return errors.NoKeyRegisterRefusal(number=meter.number, sgc=meter.sgc, krn=meter.krn)
    if now is not None:
        try:
            next_tid(now, meter.tid_base_year, meter.last_tid, meter.ken)
        except StsError:
            return errors.KeyExpiredRefusal(number=meter.number, ken=meter.ken)
    if order.kind is Kind.KEY_CHANGE:
        new = _new_key(order.key, meter)
        if new.base_date < meter.tid_base_year:
            return errors.BaseDateBackwardsRefusal(
                number=meter.number, current=meter.tid_base_year, asked=new.base_date
            )
        if new == _new_key(KeyTarget(), meter):
            return errors.SameKeyRefusal(number=meter.number)
    return None


def _new_key(target: KeyTarget, meter: _Found) -> NewKey:
    def pick(asked: Any, current: Any) -> Any:
        return current if asked is None else asked

    assert meter.key_register is not None
    return NewKey(
        register=pick(target.register, int(meter.key_register)),
        sgc=pick(target.sgc, meter.sgc),
        ti=pick(target.ti, meter.ti),
        krn=pick(target.krn, meter.krn),
        ken=pick(target.ken, meter.ken),
        key_type=pick(target.key_type, meter.key_type),
        base_date=pick(target.base_date, meter.tid_base_year),
    )


def _value_for(order: Order, carried: Carried, meter: _Found) -> tuple[str, Decimal]:
    if order.kind is Kind.KEY_CHANGE:
        return _new_key(order.key, meter).text(), Decimal("0.0")
    return carried.text, carried.energy_kwh


def open_batch(database: Database, operator: OperatorSession, plan: BatchPlan) -> str:
    """Write the confirmed plan as PLANNED rows with the batch's audit entry; its batch id."""
    operator.require(kinds.PERMISSION[plan.order.kind])
    batch_id = str(uuid.uuid4())
    actor = operator.actor
    with database.unit_of_work() as uow:
        session = uow.session
        code = actor.operator_code
        operator_id = session.scalar(select(Operator.id).where(Operator.code == code))
        if operator_id is None:
            raise UnknownOperatorError(operator=actor.operator_code or "-")
        terminal_id = session.scalar(
            select(Terminal.id).where(Terminal.code == actor.terminal_code)
        )
        rows = [
            {
                "request_id": str(uuid.uuid4()),
                "batch_id": batch_id,
                "position": position,
                "kind": plan.order.kind,
                "state": State.PLANNED,
                "meter_id": meter.meter_id,
                "operator_id": operator_id,
                "terminal_id": terminal_id,
                "value": meter.value,
                "energy_kwh": meter.energy_kwh,
                "print_count": 0,
            }
            for position, meter in enumerate(plan.meters, start=1)
        ]
        session.connection().execute(insert(cast(Table, TokenOperation.__table__)), rows)
        append(
            session,
            AuditKind.TOKEN_OPERATION,
            subject=f"token_batch:{batch_id}",
            details={
                "step": "planned",
                "kind": plan.order.kind.value,
                "value": rows[0]["value"] if plan.order.kind is not Kind.KEY_CHANGE else "",
                "meters": len(rows),
                "refused": len(plan.refused),
                "energy_kwh": plan.energy_kwh,
                "source": plan.source,
            },
            actor=actor,
        )
        uow.commit()
    return batch_id
