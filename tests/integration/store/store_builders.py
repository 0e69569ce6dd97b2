"""Builders for store tests that need more than the conftest fixtures."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import NumberFieldKind, NumberReset, VendState
from starpos.db.models import (
    Meter,
    NumberingField,
    NumberingRule,
    Operator,
    PaymentTerm,
    Vend,
    VendCharge,
)
from starpos.pricing import ChargeMethod


def add_numbering_rule(
    database: Database,
    bill_type: str,
    *fields: tuple[NumberFieldKind, str | int | None],
    digits: int = 6,
    reset: NumberReset = NumberReset.NEVER,
    start: int = 1,
) -> None:
    with database.unit_of_work() as uow:
        rule = NumberingRule(
            bill_type=bill_type, serial_digits=digits, start_number=start, reset=reset
        )
        for position, (kind, value) in enumerate(fields, start=1):
            rule.fields.append(
                NumberingField(
                    position=position,
                    kind=kind,
                    fixed_text=value if isinstance(value, str) else "",
                    length=value if isinstance(value, int) else None,
                )
            )
        uow.session.add(rule)
        uow.commit()


def add_vend(
    session: Session,
    meter: Meter,
    *,
    state: VendState = VendState.PRINTED,
    created_at: datetime,
    energy_kwh: str = "10.0",
    fbe_kwh: str = "0",
    net_amount: str = "10.00",
    charges: tuple[tuple[str, ChargeMethod, str], ...] = (),
) -> Vend:
    """A ledger row as the vend would have written it (the demo's first cashier, cash)."""
    operator = session.scalars(select(Operator).where(Operator.code == "CASH1")).one()
    cash = session.scalars(select(PaymentTerm).where(PaymentTerm.code == "CASH")).one()
    assert meter.customer_id is not None
    number = session.scalar(select(func.count(Vend.id))) or 0
    vend = Vend(
        request_id=str(uuid.uuid4()),
        bill_number=f"TEST{number + 1:06d}",
        state=state,
        meter_id=meter.id,
        customer_id=meter.customer_id,
        operator_id=operator.id,
        sales_point_id=operator.sales_point_id,
        payment_term_id=cash.id,
        tendered=Decimal(net_amount),
        net_amount=Decimal(net_amount),
        amount=Decimal(net_amount),
        energy_kwh=Decimal(energy_kwh),
        fbe_kwh=Decimal(fbe_kwh),
        token_kwh=Decimal(energy_kwh) + Decimal(fbe_kwh),
        created_at=created_at,
    )
    for position, (code, method, amount) in enumerate(charges, start=1):
        vend.charges.append(
            VendCharge(
                position=position, code=code, name=code, method=method, amount=Decimal(amount)
            )
        )
    session.add(vend)
    session.flush()
    return vend
