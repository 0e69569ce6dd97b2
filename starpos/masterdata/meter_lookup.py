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

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from starpos.db.enums import VendState
from starpos.db.models import (
    Customer,
    CustomerType,
    Meter,
    MeterModel,
    PaymentChange,
    TariffScheme,
    Vend,
)
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


# One row per meter, read as plain columns: the counter's lookup is on every sale, and
# building ORM objects (and their identity map) costs more than the query itself.
_COLUMNS = (
    Meter.id,
    Meter.number,
    Meter.pan,
    MeterModel.name,
    # The pay type: the meter's latest payment change's (manual 4.7), else its model's.
    func.coalesce(
        select(PaymentChange.to_mode)
        .where(PaymentChange.meter_id == Meter.id)
        .order_by(PaymentChange.id.desc())
        .limit(1)
        .scalar_subquery(),
        MeterModel.payment_mode,
    ),
    Meter.medium,
    Meter.stock_status,
    Meter.contract_status,
    Meter.outstanding_debt,
    Meter.sgc,
    Meter.ti,
    Meter.krn,
    TariffScheme.code,
    TariffScheme.name,
    Customer.code,
    Customer.name,
    Customer.address,
    Customer.status,
    CustomerType.name,
)


def _meters() -> Select[*tuple[Any, ...]]:
    return (
        select(*_COLUMNS)
        .join(MeterModel, Meter.model_id == MeterModel.id)
        .outerjoin(TariffScheme, Meter.tariff_scheme_id == TariffScheme.id)
        .outerjoin(Customer, Meter.customer_id == Customer.id)
        .outerjoin(CustomerType, Customer.customer_type_id == CustomerType.id)
    )


def _info(row: Any, last: LastPurchase | None) -> MeterInfo:
    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    return MeterInfo(
        meter_id=row[0],
        number=row[1],
        pan=row[2],
        model=row[3],
        payment_mode=str(row[4]),
        medium=str(row[5]),
        stock_status=str(row[6]),
        contract_status=str(row[7]),
        outstanding_debt=row[8],
        sgc=row[9],
        ti=row[10],
        krn=row[11],
        tariff_code=row[12],
        tariff_name=row[13],
        customer_code=row[14],
        customer_name=row[15],
        customer_address=row[16],
        customer_status=text(row[17]),
        customer_type=row[18],
        last_purchase=last,
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
    row = session.execute(_meters().where(Meter.number == number.iain)).first()
    if row is None:
        raise UnknownMeterError(number=number.iain)
    return _info(row, last_purchase(session, row[0]))


def list_meters(
    session: Session, search: str = "", *, limit: int = 50, offset: int = 0
) -> list[MeterInfo]:
    """Meters by number, optionally those whose number or customer name contains ``search``."""
    query = _meters().order_by(Meter.number)
    if search:
        pattern = f"%{search}%"
        # ILIKE on PostgreSQL, lower() LIKE lower() on SQLite: the same answer on both.
        query = query.where(or_(Meter.number.ilike(pattern), Customer.name.ilike(pattern)))
    return [_info(row, None) for row in session.execute(query.limit(limit).offset(offset))]
