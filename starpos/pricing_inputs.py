"""The pricing's inputs, read from the store: rules, customer type, tariff and history.

``starpos.pricing`` is pure and knows no database; this module maps rows to its frozen
dataclasses. Months and years are the utility's local calendar (system parameters' time
zone); a purchase is a vend whose token was made (ISSUED or PRINTED).
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from starpos import pricing
from starpos.db.enums import ChargeMethod, ChargeOccasion, RepaymentMethod, TariffKind
from starpos.db.models import (
    CustomerType,
    CustomerTypeCharge,
    Meter,
    TariffScheme,
    TariffVersion,
    Vend,
    VendCharge,
)
from starpos.errors import PricingError
from starpos.master_data import system_parameters, to_local, to_utc
from starpos.meter_lookup import PURCHASE_STATES, MeterNotInstalledError


class MeterHasNoTariffError(PricingError):
    code = "pricing.no_tariff"
    template = "Meter {number} has no tariff. An administrator must give it one before selling."


def pricing_rules(session: Session) -> pricing.PricingRules:
    parameters = system_parameters(session)
    return pricing.PricingRules(
        currency_decimals=parameters.amount_decimals, warn_amount=parameters.warn_amount
    )


def customer_type_rules(session: Session, customer_type: CustomerType) -> pricing.CustomerTypeRules:
    """The type's VAT, vend charges (active ones), repayment, FBE and prearrange amount."""
    links = session.scalars(
        select(CustomerTypeCharge)
        .where(
            CustomerTypeCharge.customer_type_id == customer_type.id,
            CustomerTypeCharge.occasion == ChargeOccasion.VEND,
        )
        .options(selectinload(CustomerTypeCharge.charge_item))
    ).all()
    charges = tuple(
        pricing.ChargeItem(
            code=item.code,
            name=item.name,
            method=pricing.ChargeMethod[ChargeMethod(item.method).name],
            amount=item.amount or Decimal(0),
            percent=item.percentage or Decimal(0),
            taxed=item.vat_applies,
        )
        for item in sorted((link.charge_item for link in links), key=lambda i: i.code)
        if item.active
    )
    method = RepaymentMethod(customer_type.repayment_method)
    repayment = None
    if method is not RepaymentMethod.NONE:
        repayment = pricing.RepaymentRule(
            method=pricing.RepaymentMethod[method.name],
            amount=customer_type.repayment_amount or Decimal(0),
            percent=customer_type.repayment_percentage or Decimal(0),
        )
    return pricing.CustomerTypeRules(
        vat_rate=customer_type.vat_rate,
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


def _purchases(meter_id: int, since: datetime) -> tuple[ColumnElement[bool], ...]:
    return (Vend.meter_id == meter_id, Vend.state.in_(PURCHASE_STATES), Vend.created_at >= since)


def purchase_history(
    session: Session, meter: Meter, sale_time: datetime
) -> pricing.PurchaseHistory:
    """What the meter's earlier purchases mean for a sale at ``sale_time`` (local, naive)."""
    month_start = to_utc(session, datetime(sale_time.year, sale_time.month, 1))
    year_start = to_utc(session, datetime(sale_time.year, 1, 1))
    last = session.scalar(
        select(func.max(Vend.created_at)).where(
            Vend.meter_id == meter.id, Vend.state.in_(PURCHASE_STATES)
        )
    )
    kwh, fbe = session.execute(
        select(
            func.coalesce(func.sum(Vend.energy_kwh), 0), func.coalesce(func.sum(Vend.fbe_kwh), 0)
        ).where(*_purchases(meter.id, month_start))
    ).one()

    def collected(method: ChargeMethod, since: datetime) -> frozenset[str]:
        return frozenset(
            session.scalars(
                select(VendCharge.code)
                .join(Vend, Vend.id == VendCharge.vend_id)
                .where(VendCharge.method == method, *_purchases(meter.id, since))
                .distinct()
            )
        )

    return pricing.PurchaseHistory.since(
        sale_time,
        to_local(session, last) if last is not None else None,
        charges_collected_this_month=collected(ChargeMethod.MONTHLY, month_start),
        charges_collected_this_year=collected(ChargeMethod.YEARLY, year_start),
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
        customer_type=customer_type_rules(session, meter.customer.customer_type),
        tariff=tariff(session, meter.tariff_scheme_id),
        history=purchase_history(session, meter, sale_time),
        at=sale_time,
        meter=pricing.MeterRules(preinstalled_amount=meter.model.preinstalled_amount),
    )
