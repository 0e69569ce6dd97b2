"""The meter a sale is for, read in one plain query and checked: can it be sold to?

Every sale reads the meter with its model, customer and customer type. One prebuilt Core
statement (compiled once per process) gives plain frozen values with the ORM's attribute
names, so the checks and the pricing inputs read them as they would read the rows, without
the ORM's identity map and object loading on the hot path.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, exists, select
from sqlalchemy.orm import Session

from starpos.db.enums import (
    ContractStatus,
    CustomerStatus,
    MeterMedium,
    PaymentChangeState,
    PaymentMode,
)
from starpos.db.models import Customer, CustomerType, Meter, MeterModel, PaymentChange
from starpos.masterdata import credit_owed
from starpos.pricing import RepaymentMethod
from starpos.sts.errors import MeterCheckDigitError, StsError
from starpos.sts.meter_number import MeterNumber, parse_meter_number
from starpos.vending import errors


@dataclass(frozen=True)
class SaleCustomerType:
    """What pricing needs of a customer type (``CustomerType`` columns)."""

    id: int
    vat_rate: Decimal
    prearrange_amount: Decimal
    repayment_method: RepaymentMethod
    repayment_amount: Decimal | None
    repayment_percentage: Decimal | None
    fbe_kwh_per_month: Decimal


@dataclass(frozen=True)
class SaleCustomer:
    id: int
    code: str
    name: str
    status: CustomerStatus
    remark: str
    customer_type: SaleCustomerType


@dataclass(frozen=True)
class SaleMeterModel:
    payment_mode: PaymentMode
    preinstalled_amount: Decimal


@dataclass(frozen=True)
class SaleMeter:
    """A meter as a sale reads it (``Meter`` columns, its model and its customer)."""

    id: int
    number: str
    pan: str
    sgc: str
    ti: int
    krn: int
    ken: int
    tid_base_year: int
    key_register: str | None
    last_tid: int | None
    tariff_scheme_id: int | None
    contract_status: ContractStatus
    medium: MeterMedium
    outstanding_debt: Decimal
    prearrange_due: bool
    model: SaleMeterModel
    customer: SaleCustomer | None
    #: the pay type of the meter's latest payment change (manual 4.7), None: its model's
    changed_mode: PaymentMode | None = None
    #: a payment change left amounts due on the next purchase
    payment_dues: bool = False
    #: the head office owes the meter's customer credit (a debt repaid twice, SYN-53)
    credit_owed: bool = False

    @property
    def payment_mode(self) -> PaymentMode:
        return self.changed_mode or self.model.payment_mode


_METERS = cast(Table, Meter.__table__)
_MODELS = cast(Table, MeterModel.__table__)
_CUSTOMERS = cast(Table, Customer.__table__)
_TYPES = cast(Table, CustomerType.__table__)
_CHANGES = cast(Table, PaymentChange.__table__)
_METER_COLUMNS = (
    "id", "number", "pan", "sgc", "ti", "krn", "ken", "tid_base_year", "key_register",
    "last_tid", "tariff_scheme_id", "contract_status", "medium", "outstanding_debt",
    "prearrange_due",
)  # fmt: skip
_TYPE_COLUMNS = (
    "id", "vat_rate", "prearrange_amount", "repayment_method", "repayment_amount",
    "repayment_percentage", "fbe_kwh_per_month",
)  # fmt: skip
_METER_ROW = select(
    *(_METERS.c[name] for name in _METER_COLUMNS),
    _MODELS.c.payment_mode,
    _MODELS.c.preinstalled_amount,
    _CUSTOMERS.c.id.label("customer_id"),
    _CUSTOMERS.c.code.label("customer_code"),
    _CUSTOMERS.c.name.label("customer_name"),
    _CUSTOMERS.c.status.label("customer_status"),
    _CUSTOMERS.c.remark.label("customer_remark"),
    *(_TYPES.c[name].label(f"type_{name}") for name in _TYPE_COLUMNS),
    # The latest payment change, if any (indexed by meter: nothing to read for most meters).
    select(_CHANGES.c.to_mode)
    .where(_CHANGES.c.meter_id == _METERS.c.id)
    .order_by(_CHANGES.c.id.desc())
    .limit(1)
    .scalar_subquery()
    .label("changed_mode"),
    exists()
    .where(
        _CHANGES.c.meter_id == _METERS.c.id,
        _CHANGES.c.state == PaymentChangeState.DUE.value,
    )
    .label("payment_dues"),
    credit_owed.open_credit_exists(_METERS.c.id).label("credit_owed"),
).select_from(
    _METERS.join(_MODELS, _MODELS.c.id == _METERS.c.model_id)
    .outerjoin(_CUSTOMERS, _CUSTOMERS.c.id == _METERS.c.customer_id)
    .outerjoin(_TYPES, _TYPES.c.id == _CUSTOMERS.c.customer_type_id)
)
_READ_METER = _METER_ROW.where(_METERS.c.number == bindparam("number"))
_READ_METER_BY_ID = _METER_ROW.where(_METERS.c.id == bindparam("id"))


def read_sale_meter(session: Session, iain: str) -> SaleMeter | None:
    """The meter numbered ``iain`` (13 digits) with its model and customer, or None."""
    return _sale_meter(session, _READ_METER, {"number": iain})


def read_sale_meter_by_id(session: Session, meter_id: int) -> SaleMeter | None:
    """The meter whose row id is ``meter_id`` (a card names its meter), or None."""
    return _sale_meter(session, _READ_METER_BY_ID, {"id": meter_id})


def _sale_meter(session: Session, statement: Select[Any], key: dict[str, Any]) -> SaleMeter | None:
    row = session.connection().execute(statement, key).first()
    if row is None:
        return None
    values = row._mapping
    customer = None
    if values["customer_id"] is not None:
        customer = SaleCustomer(
            id=values["customer_id"],
            code=values["customer_code"],
            name=values["customer_name"],
            status=CustomerStatus(values["customer_status"]),
            remark=values["customer_remark"],
            customer_type=SaleCustomerType(
                **{name: values[f"type_{name}"] for name in _TYPE_COLUMNS}
            ),
        )
    return SaleMeter(
        **{name: values[name] for name in _METER_COLUMNS},
        model=SaleMeterModel(values["payment_mode"], values["preinstalled_amount"]),
        customer=customer,
        changed_mode=PaymentMode(values["changed_mode"]) if values["changed_mode"] else None,
        payment_dues=bool(values["payment_dues"]),
        credit_owed=bool(values["credit_owed"]),
    )


def typed_meter_number(text: str) -> MeterNumber:
    """The meter number typed as ``text`` (11 or 13 digits, or a PAN), its check digit
    verified; a typed refusal for a typo. Pure: callers answer a typo before opening any
    device."""
    try:
        return parse_meter_number(text)
    except MeterCheckDigitError as error:
        raise errors.WrongCheckDigitError(number=text.strip()) from error
    except StsError as error:
        raise errors.MalformedMeterNumberError(
            number=text.strip(), **errors.reason(error)
        ) from error


def check_meter(session: Session, text: str) -> SaleMeter:
    """The meter typed as ``text`` if it can be sold to; a typed refusal otherwise."""
    number = typed_meter_number(text)
    meter = read_sale_meter(session, number.iain)
    if meter is None:
        raise errors.UnknownMeterRefusedError(number=number.iain)
    check_sellable(meter)
    if meter.medium == MeterMedium.CARD:
        raise errors.CardMeterError(number=meter.number)
    return meter


def check_sellable(meter: SaleMeter) -> SaleCustomer:
    """The meter's customer, if the meter may be sold to: installed at a customer who is not
    blacklisted, under a live contract, prepaid (its model's pay type, or its latest payment
    change's). A typed refusal otherwise."""
    customer = meter.customer
    if customer is None:
        raise errors.MeterNotSellableError(number=meter.number)
    if customer.status == CustomerStatus.BLACKLISTED:
        if customer.remark.strip():
            raise errors.CustomerBlacklistedError(
                customer=customer.code, remark=customer.remark.strip()
            )
        raise errors.CustomerBlacklistedNoRemarkError(customer=customer.code)
    if meter.contract_status == ContractStatus.CANCELLED:
        raise errors.ContractCancelledError(number=meter.number)
    if meter.payment_mode == PaymentMode.POSTPAID:
        raise errors.PostpaidMeterError(number=meter.number)
    return customer
