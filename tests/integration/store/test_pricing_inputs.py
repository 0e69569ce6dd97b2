"""The pricing's inputs come from the store: rules, customer type, tariff, month history."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select

from starpos import pricing
from starpos.db import Database
from starpos.db.enums import StockStatus, VendState
from starpos.db.models import Customer, CustomerType, Meter, TariffScheme
from starpos.masterdata.pricing_inputs import (
    customer_type_rules,
    purchase_history,
    sale_context,
    tariff,
)
from starpos.pricing import ChargeMethod
from tests.integration.store.store_builders import add_vend

# The demo utility runs on Africa/Lagos time (UTC+1, no daylight saving).
SALE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _meter_of_type(database: Database, type_code: str) -> int:
    with database.reading() as session:
        meter_id = session.scalars(
            select(Meter.id)
            .join(Customer, Meter.customer_id == Customer.id)
            .join(CustomerType)
            .where(
                CustomerType.code == type_code,
                Meter.stock_status == StockStatus.INSTALLED,
                Meter.contract_status == "active",
            )
            .order_by(Meter.id)
        ).first()
    assert meter_id is not None
    return meter_id


def test_customer_type_rules_map_the_demo_commercial_type(demo_database: Database) -> None:
    with demo_database.reading() as session:
        commercial = session.scalars(select(CustomerType).where(CustomerType.code == "COM")).one()
        rules = customer_type_rules(session, commercial, datetime(2026, 11, 20, 9, 0))
    assert rules.vat_rate == Decimal("7.5")
    assert rules.prearrange_amount == Decimal("20.00")
    assert [(c.code, c.method, c.taxed) for c in rules.charges] == [
        ("GRID", pricing.ChargeMethod.YEARLY, True),
        ("LEVY", pricing.ChargeMethod.BY_AMOUNT, False),
        ("MRENT", pricing.ChargeMethod.MONTHLY, False),
        ("SVC", pricing.ChargeMethod.MONTHLY, True),
    ]
    assert rules.repayment == pricing.RepaymentRule(
        pricing.RepaymentMethod.MONTHLY, Decimal("10.00")
    )


def test_tariffs_keep_their_versions_steps_and_tou_scheme(demo_database: Database) -> None:
    with demo_database.reading() as session:
        ids = {
            code: id_ for code, id_ in session.execute(select(TariffScheme.code, TariffScheme.id))
        }
        step = tariff(session, ids["RES-STEP"])
        flat = tariff(session, ids["COM-FLAT"])
        tou = tariff(session, ids["IND-TOU"])
    assert step.version_at(datetime(2026, 3, 1)).rate == pricing.StepRate(
        (
            pricing.Step(Decimal("200.0"), Decimal("0.1")),
            pricing.Step(Decimal("500.0"), Decimal("0.15")),
            pricing.Step(None, Decimal("0.2")),
        )
    )
    assert flat.blocks_at(datetime(2026, 6, 30, 23, 59))[0].price == Decimal("0.16")
    assert flat.blocks_at(datetime(2026, 7, 1, 0, 0))[0].price == Decimal("0.18")
    # Weekday evening peak (T2), weekday night (T1), Sunday (T4), New Year (holiday: T4 all day).
    assert tou.blocks_at(datetime(2026, 11, 18, 18, 0))[0].price == Decimal("0.22")
    assert tou.blocks_at(datetime(2026, 11, 18, 23, 0))[0].price == Decimal("0.1")
    assert tou.blocks_at(datetime(2026, 11, 22, 12, 0))[0].price == Decimal("0.09")
    assert tou.blocks_at(datetime(2026, 1, 1, 18, 0))[0].price == Decimal("0.09")


def test_history_counts_this_local_month_only_and_only_tokens_made(
    demo_database: Database,
) -> None:
    meter_id = _meter_of_type(demo_database, "RES")
    with demo_database.unit_of_work() as uow:
        meter = uow.session.get(Meter, meter_id)
        assert meter is not None
        # 31 October 23:30 UTC is already 1 November in Lagos: it counts for November.
        add_vend(
            uow.session,
            meter,
            created_at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC),
            energy_kwh="100.0",
            charges=(("SVC", ChargeMethod.MONTHLY, "1.50"),),
        )
        # 31 October 22:30 UTC is 23:30 in Lagos: October, not counted in November.
        add_vend(
            uow.session,
            meter,
            created_at=datetime(2026, 10, 31, 22, 30, tzinfo=UTC),
            energy_kwh="40.0",
            charges=(("GRID", ChargeMethod.YEARLY, "12.00"),),
        )
        add_vend(
            uow.session,
            meter,
            created_at=datetime(2026, 11, 10, 8, 0, tzinfo=UTC),
            energy_kwh="200.0",
            fbe_kwh="50.0",
            state=VendState.ISSUED,
        )
        add_vend(
            uow.session,
            meter,
            created_at=datetime(2026, 11, 11, 8, 0, tzinfo=UTC),
            energy_kwh="999.0",
            state=VendState.FAILED,
        )
        add_vend(
            uow.session,
            meter,
            created_at=datetime(2026, 11, 12, 8, 0, tzinfo=UTC),
            energy_kwh="999.0",
            state=VendState.CANCELLED,
        )
        uow.commit()
    with demo_database.reading() as session:
        meter = session.get(Meter, meter_id)
        assert meter is not None
        history = purchase_history(session, meter, datetime(2026, 11, 20, 13, 0))
    assert history.kwh_this_month == Decimal("300.0")
    assert history.fbe_kwh_this_month == Decimal("50.0")
    assert history.charges_collected_this_month == {"SVC"}
    assert history.charges_collected_this_year == {"GRID"}
    assert not history.first_purchase
    assert not history.first_of_month
    assert not history.first_of_year


def test_a_meter_that_never_bought_pays_its_preinstalled_amount(demo_database: Database) -> None:
    meter_id = _meter_of_type(demo_database, "RES")
    with demo_database.reading() as session:
        meter = session.get(Meter, meter_id)
        assert meter is not None
        sale = sale_context(session, meter, SALE)
        breakdown = pricing.price_from_net(Decimal("50.00"), sale)
    assert sale.history.first_purchase and sale.history.first_of_month
    assert sale.at == datetime(2026, 11, 20, 13, 0)  # local time
    assert breakdown.preinstalled == meter.model.preinstalled_amount
    assert breakdown.lines_total() == breakdown.net == Decimal("50.00")


def test_the_step_blocks_continue_from_the_months_earlier_purchases(
    demo_database: Database,
) -> None:
    meter_id = _meter_of_type(demo_database, "RES")
    with demo_database.unit_of_work() as uow:
        meter = uow.session.get(Meter, meter_id)
        assert meter is not None
        add_vend(
            uow.session,
            meter,
            created_at=datetime(2026, 11, 2, 8, 0, tzinfo=UTC),
            energy_kwh="200.0",
            charges=(("SVC", ChargeMethod.MONTHLY, "1.50"),),
        )
        uow.commit()
    with demo_database.reading() as session:
        meter = session.get(Meter, meter_id)
        assert meter is not None
        sale = sale_context(session, meter, SALE)
        kwh = pricing.price_for_energy(Decimal("100"), sale)
    # 200 kWh already bought: the next 100 kWh are in the 0.15 block, not the 0.10 one.
    assert sale.history.kwh_this_month == Decimal("200.0")
    assert kwh.energy_kwh >= Decimal("100")
    assert kwh.amount >= Decimal("15.00")
    assert all(line.code != "SVC" for line in kwh.charges)  # monthly: already paid
