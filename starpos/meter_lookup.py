"""Finding a meter at the counter: everything the cashier sees before taking the money.

The cashier types or scans an 11/13-digit meter number or an 18-digit PAN; the check digits
are verified before the database is asked (``starpos.sts.meter_number``), so a typo is
answered with "wrong check digit", not "unknown meter".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, joinedload

from starpos.db.enums import VendState
from starpos.db.models import Customer, Meter, Vend
from starpos.errors import VendError
from starpos.sts.meter_number import parse_meter_number

#: States of a vend whose token was made: they count as purchases.
PURCHASE_STATES = (VendState.ISSUED, VendState.PRINTED)


class UnknownMeterError(VendError):
    code = "vend.unknown_meter"
    template = (
        "No meter {number} is registered here. Check the number on the meter, or register "
        "the customer's meter first."
    )


class MeterNotInstalledError(VendError):
    code = "vend.meter_not_installed"
    template = (
        "Meter {number} is not installed for a customer, so credit cannot be sold for it. "
        "Register it to the customer first."
    )


@dataclass(frozen=True)
class LastPurchase:
    bill_number: str
    at: datetime
    net_amount: Decimal
    token_kwh: Decimal


@dataclass(frozen=True)
class MeterInfo:
    """A meter as the counter shows it; ``customer_*`` are None for a meter in stock."""

    meter_id: int
    number: str
    pan: str
    model: str
    payment_mode: str
    medium: str
    stock_status: str
    contract_status: str
    outstanding_debt: Decimal
    sgc: str
    ti: int
    krn: int
    tariff_code: str | None
    tariff_name: str | None
    customer_code: str | None
    customer_name: str | None
    customer_address: str | None
    customer_status: str | None
    customer_type: str | None
    last_purchase: LastPurchase | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _info(meter: Meter, last: LastPurchase | None) -> MeterInfo:
    customer = meter.customer
    scheme = meter.tariff_scheme
    return MeterInfo(
        meter_id=meter.id,
        number=meter.number,
        pan=meter.pan,
        model=meter.model.name,
        payment_mode=str(meter.model.payment_mode),
        medium=str(meter.medium),
        stock_status=str(meter.stock_status),
        contract_status=str(meter.contract_status),
        outstanding_debt=meter.outstanding_debt,
        sgc=meter.sgc,
        ti=meter.ti,
        krn=meter.krn,
        tariff_code=scheme.code if scheme else None,
        tariff_name=scheme.name if scheme else None,
        customer_code=customer.code if customer else None,
        customer_name=customer.name if customer else None,
        customer_address=customer.address if customer else None,
        customer_status=str(customer.status) if customer else None,
        customer_type=customer.customer_type.name if customer else None,
        last_purchase=last,
    )


def _with_details(query: Select[Meter]) -> Select[Meter]:
    return query.options(
        joinedload(Meter.model),
        joinedload(Meter.tariff_scheme),
        joinedload(Meter.customer).joinedload(Customer.customer_type),
    )


def last_purchase(session: Session, meter_id: int) -> LastPurchase | None:
    row = session.execute(
        select(Vend.bill_number, Vend.created_at, Vend.net_amount, Vend.token_kwh)
        .where(Vend.meter_id == meter_id, Vend.state.in_(PURCHASE_STATES))
        .order_by(Vend.created_at.desc())
        .limit(1)
    ).first()
    return LastPurchase(*row) if row else None


def lookup_meter(session: Session, text: str) -> MeterInfo:
    """The meter numbered ``text`` (meter number or PAN), with its customer and last sale.

    Raises the engine's meter-number errors for a malformed number and
    :class:`UnknownMeterError` for a valid one that is not registered.
    """
    number = parse_meter_number(text)
    meter = session.scalars(_with_details(select(Meter).where(Meter.number == number.iain))).first()
    if meter is None:
        raise UnknownMeterError(number=number.iain)
    return _info(meter, last_purchase(session, meter.id))


def list_meters(
    session: Session, search: str = "", *, limit: int = 50, offset: int = 0
) -> list[MeterInfo]:
    """Meters by number, optionally those whose number or customer name contains ``search``."""
    query = select(Meter).outerjoin(Meter.customer).order_by(Meter.number)
    if search:
        pattern = f"%{search}%"
        query = query.where(or_(Meter.number.like(pattern), Customer.name.like(pattern)))
    meters = session.scalars(_with_details(query.limit(limit).offset(offset))).unique().all()
    return [_info(meter, None) for meter in meters]
