"""The pricing's inputs, read from the store: rules, customer type, tariff and history.

``starpos.pricing`` is pure and knows no database; this module maps rows to its frozen
dataclasses. Months and years are the utility's local calendar (system parameters' time
zone); a purchase is a vend whose token was made (ISSUED or PRINTED).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Protocol, cast

from sqlalchemy import Table, bindparam, case, func, select
from sqlalchemy.orm import Session, selectinload

from starpos import pricing
from starpos.db.enums import ChargeOccasion, TariffKind
from starpos.db.models import (
    ChargeItem,
    ChargeItemVersion,
    CustomerTypeCharge,
    Meter,
    TariffScheme,
    TariffVersion,
    Vend,
    VendCharge,
)
from starpos.db.parameters import system_parameters, to_local, to_utc
from starpos.errors import PricingError
from starpos.masterdata.credit_owed import owed_lines
from starpos.masterdata.dated_terms import local_now, vat_in_force
from starpos.masterdata.meter_lookup import PURCHASE_STATES, MeterNotInstalledError
from starpos.masterdata.payment_dues import due_lines


class CustomerTypeTerms(Protocol):
    """What pricing reads of a customer type: a ``CustomerType`` row or plain values."""

    @property
    def id(self) -> int: ...
    @property
    def vat_rate(self) -> Decimal: ...
    @property
    def prearrange_amount(self) -> Decimal: ...
    @property
    def repayment_method(self) -> pricing.RepaymentMethod: ...
    @property
    def repayment_amount(self) -> Decimal | None: ...
    @property
    def repayment_percentage(self) -> Decimal | None: ...
    @property
    def fbe_kwh_per_month(self) -> Decimal: ...


class MeterAccount(Protocol):
    """What the purchase history reads of a meter: a ``Meter`` row or plain values."""

    @property
    def id(self) -> int: ...
    @property
    def outstanding_debt(self) -> Decimal: ...
    @property
    def prearrange_due(self) -> bool: ...


class MeterHasNoTariffError(PricingError):
    code = "pricing.no_tariff"
    template = "Meter {number} has no tariff. An administrator must give it one before selling."


def pricing_rules(session: Session) -> pricing.PricingRules:
    parameters = system_parameters(session)
    return pricing.PricingRules(
        currency_decimals=parameters.amount_decimals, warn_amount=parameters.warn_amount
    )


# Read on every sale: plain Core statements built once (their compiled form is cached).
_LINKS = cast(Table, CustomerTypeCharge.__table__)
_ITEMS = cast(Table, ChargeItem.__table__)
_CHARGE_VERSIONS = cast(Table, ChargeItemVersion.__table__)
_OTHER = _CHARGE_VERSIONS.alias("later")
#: The type's active vend charges, each as its version in force at the sale's local time
#: (decision BO-23): the version no later version of the same item has started after.
_VEND_CHARGES = (
    select(
        _ITEMS.c.code,
        _ITEMS.c.name,
        _CHARGE_VERSIONS.c.method,
        _CHARGE_VERSIONS.c.amount,
        _CHARGE_VERSIONS.c.percentage,
        _CHARGE_VERSIONS.c.vat_applies,
        _CHARGE_VERSIONS.c.id,
    )
    .join(_LINKS, _LINKS.c.charge_item_id == _ITEMS.c.id)
    .join(_CHARGE_VERSIONS, _CHARGE_VERSIONS.c.charge_item_id == _ITEMS.c.id)
    .where(
        _LINKS.c.customer_type_id == bindparam("type_id"),
        _LINKS.c.occasion == ChargeOccasion.VEND,
        _ITEMS.c.active.is_(True),
        _CHARGE_VERSIONS.c.effective_from <= bindparam("local"),
        ~select(_OTHER.c.id)
        .where(
            _OTHER.c.charge_item_id == _ITEMS.c.id,
            _OTHER.c.effective_from > _CHARGE_VERSIONS.c.effective_from,
            _OTHER.c.effective_from <= bindparam("local"),
        )
        .exists(),
    )
    .order_by(_ITEMS.c.code)
)
_VENDS = cast(Table, Vend.__table__)
_VEND_CHARGE_LINES = cast(Table, VendCharge.__table__)
_IS_PURCHASE = _VENDS.c.state.in_(PURCHASE_STATES)
_TOTALS = select(
    func.max(_VENDS.c.created_at),
    func.coalesce(
        func.sum(
            case((_VENDS.c.created_at >= bindparam("month_start"), _VENDS.c.energy_kwh), else_=0)
        ),
        0,
    ),
    func.coalesce(
        func.sum(
            case((_VENDS.c.created_at >= bindparam("month_start"), _VENDS.c.fbe_kwh), else_=0)
        ),
        0,
    ),
).where(_VENDS.c.meter_id == bindparam("meter_id"), _IS_PURCHASE)
#: Monthly and yearly charges collected this year, each with its latest collection.
_COLLECTED = (
    select(_VEND_CHARGE_LINES.c.code, _VEND_CHARGE_LINES.c.method, func.max(_VENDS.c.created_at))
    .join(_VENDS, _VENDS.c.id == _VEND_CHARGE_LINES.c.vend_id)
    .where(
        _VENDS.c.meter_id == bindparam("meter_id"),
        _IS_PURCHASE,
        _VENDS.c.created_at >= bindparam("year_start"),
        _VEND_CHARGE_LINES.c.method.in_(
            (pricing.ChargeMethod.MONTHLY, pricing.ChargeMethod.YEARLY)
        ),
    )
    .group_by(_VEND_CHARGE_LINES.c.code, _VEND_CHARGE_LINES.c.method)
)


def customer_type_rules(
    session: Session, customer_type: CustomerTypeTerms, local: datetime
) -> pricing.CustomerTypeRules:
    """The type's VAT, vend charges (active ones), repayment, FBE and prearrange amount for
    a sale at ``local`` (the utility's wall clock): VAT and charges as their dated versions
    in force then."""
    charges = tuple(
        pricing.ChargeItem(
            code=item.code,
            name=item.name,
            method=item.method,
            amount=item.amount or Decimal(0),
            percent=item.percentage or Decimal(0),
            taxed=item.vat_applies,
            version=item.id,
        )
        for item in session.connection().execute(
            _VEND_CHARGES, {"type_id": customer_type.id, "local": local}
        )
    )
    vat_rate, vat_version = vat_in_force(session, customer_type.id, local)
    method = customer_type.repayment_method
    repayment = None
    if method is not pricing.RepaymentMethod.NONE:
        repayment = pricing.RepaymentRule(
            method=method,
            amount=customer_type.repayment_amount or Decimal(0),
            percent=customer_type.repayment_percentage or Decimal(0),
        )
    return pricing.CustomerTypeRules(
        vat_rate=vat_rate,
        vat_version=vat_version,
        charges=charges,
        repayment=repayment,
        fbe_kwh_per_month=customer_type.fbe_kwh_per_month,
        prearrange_amount=customer_type.prearrange_amount,
    )


def _rate(version: TariffVersion) -> pricing.tariffs.Rate:
    kind = TariffKind(version.kind)
    if kind is TariffKind.FLAT:
        assert version.flat_price is not None
        return pricing.FlatRate(version.flat_price)
    if kind is TariffKind.STEP:
        return pricing.StepRate(
            tuple(pricing.Step(step.upper_kwh, step.price) for step in version.steps)
        )
    prices = {price.tariff_index: price.price for price in version.tou_prices}
    day_tariffs: dict[int, list[pricing.DaySwitch]] = {}
    for switch in version.tou_day_switches:
        start = time(switch.start_minute // 60, switch.start_minute % 60)
        day_tariffs.setdefault(switch.day_tariff, []).append(
            pricing.DaySwitch(start, switch.tariff_index)
        )
    week_days: dict[int, dict[int, int]] = {}
    for day in version.tou_week_days:
        week_days.setdefault(day.week_tariff, {})[day.weekday] = day.day_tariff
    scheme = pricing.TouScheme(
        prices=(prices[1], prices[2], prices[3], prices[4]),
        day_tariffs=tuple(
            pricing.DayTariff(number, tuple(switches))
            for number, switches in sorted(day_tariffs.items())
        ),
        week_tariffs=tuple(
            pricing.WeekTariff(number, (d[0], d[1], d[2], d[3], d[4], d[5], d[6]))
            for number, d in sorted(week_days.items())
        ),
        seasons=tuple(pricing.Season(s.month, s.day, s.week_tariff) for s in version.tou_seasons),
        holidays=tuple(
            pricing.Holiday(h.month, h.day, h.day_tariff, h.year) for h in version.tou_holidays
        ),
    )
    return pricing.TouRate(scheme)


def tariff(session: Session, scheme_id: int) -> pricing.Tariff:
    """A tariff scheme with every version, as the pricing takes it."""
    scheme = session.scalars(
        select(TariffScheme)
        .where(TariffScheme.id == scheme_id)
        .options(
            selectinload(TariffScheme.versions).selectinload(TariffVersion.steps),
            selectinload(TariffScheme.versions).selectinload(TariffVersion.tou_prices),
            selectinload(TariffScheme.versions).selectinload(TariffVersion.tou_day_switches),
            selectinload(TariffScheme.versions).selectinload(TariffVersion.tou_week_days),
            selectinload(TariffScheme.versions).selectinload(TariffVersion.tou_seasons),
            selectinload(TariffScheme.versions).selectinload(TariffVersion.tou_holidays),
        )
    ).one()
    return pricing.Tariff(
        scheme.code,
        tuple(pricing.TariffVersion(v.effective_from, _rate(v)) for v in scheme.versions),
    )


def purchase_history(
    session: Session, meter: MeterAccount, sale_time: datetime
) -> pricing.PurchaseHistory:
    """What the meter's earlier purchases mean for a sale at ``sale_time`` (local, naive)."""
    month_start = to_utc(session, datetime(sale_time.year, sale_time.month, 1))
    year_start = to_utc(session, datetime(sale_time.year, 1, 1))
    connection = session.connection()
    last, kwh, fbe = connection.execute(
        _TOTALS, {"meter_id": meter.id, "month_start": month_start}
    ).one()
    monthly: set[str] = set()
    yearly: set[str] = set()
    for code, method, latest in connection.execute(
        _COLLECTED, {"meter_id": meter.id, "year_start": year_start}
    ):
        if method is pricing.ChargeMethod.YEARLY:
            yearly.add(code)
        elif latest >= month_start:
            monthly.add(code)
    return pricing.PurchaseHistory.since(
        sale_time,
        to_local(session, last) if last is not None else None,
        charges_collected_this_month=frozenset(monthly),
        charges_collected_this_year=frozenset(yearly),
        kwh_this_month=Decimal(kwh),
        fbe_kwh_this_month=Decimal(fbe),
        outstanding_debt=meter.outstanding_debt,
        prearrange_due=meter.prearrange_due,
    )


def sale_context(session: Session, meter: Meter, now: datetime) -> pricing.SaleContext:
    """Everything the pricing needs to price a sale to ``meter`` at ``now`` (aware)."""
    if meter.tariff_scheme_id is None:
        raise MeterHasNoTariffError(number=meter.number)
    if meter.customer is None:
        raise MeterNotInstalledError(number=meter.number)
    sale_time = to_local(session, now)
    return pricing.SaleContext(
        rules=pricing_rules(session),
        customer_type=customer_type_rules(session, meter.customer.customer_type, sale_time),
        tariff=tariff(session, meter.tariff_scheme_id),
        history=purchase_history(session, meter, sale_time),
        at=sale_time,
        meter=pricing.MeterRules(preinstalled_amount=meter.model.preinstalled_amount),
        adjustments=due_lines(session, meter.id) + owed_lines(session, meter.id),
    )


@dataclass(frozen=True)
class SampleSaleTerms:
    """What prices a sample sale before a tariff is saved (the tariff editor's preview):
    the system's rules and currency, and each customer type's rules by code."""

    rules: pricing.PricingRules
    currency: str
    customer_types: dict[str, tuple[str, pricing.CustomerTypeRules]]


def sample_sale_terms(session: Session) -> SampleSaleTerms:
    """The terms of :class:`SampleSaleTerms` from the store; without system parameters yet
    (a store being set up) the pricing's defaults, two decimals and no currency code."""
    from starpos.db.models import CustomerType
    from starpos.db.parameters import SystemParametersMissingError

    try:
        rules, currency = pricing_rules(session), system_parameters(session).currency
    except SystemParametersMissingError:
        rules, currency = pricing.PricingRules(), ""
    kinds = session.scalars(select(CustomerType).order_by(CustomerType.code)).all()
    now = local_now(session)  # the terms in force now price the preview
    return SampleSaleTerms(
        rules=rules,
        currency=currency,
        customer_types={
            kind.code: (kind.name, customer_type_rules(session, kind, now)) for kind in kinds
        },
    )
