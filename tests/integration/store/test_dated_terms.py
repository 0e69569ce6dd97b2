"""A charge item's priced terms and a customer type's VAT change from a date, as dated
versions: a change effective tomorrow prices tomorrow's sales, not today's; a change back
over sales already made is refused and leaves the data as it was (issue 12; BO-23, BO-24)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import StockStatus, VendState
from starpos.db.models import (
    AuditEntry,
    ChargeItem,
    ChargeItemVersion,
    Customer,
    CustomerType,
    CustomerTypeVatVersion,
    Meter,
    Operator,
    PaymentTerm,
    Vend,
)
from starpos.db.models.dated_terms import BEGINNING
from starpos.db.parameters import to_utc, utility_now
from starpos.masterdata.dated_terms import ChangedAfterSalesError
from starpos.masterdata.pricing_inputs import sale_context
from starpos.masterdata.records import dated_history, update_record
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login
from starpos.pricing import price_from_net
from starpos.vending.sale_rows import charge_lines, priced_columns


def _residential_meter(session: Session) -> Meter:
    return session.scalars(
        select(Meter)
        .join(Customer, Customer.id == Meter.customer_id)
        .join(CustomerType, CustomerType.id == Customer.customer_type_id)
        .where(
            CustomerType.code == "RES",
            Meter.stock_status == StockStatus.INSTALLED,
            Meter.contract_status == "active",
        )
        .order_by(Meter.number)
        .limit(1)
    ).one()


def _priced(database: Database, local: datetime) -> tuple[Decimal, dict[str, tuple]]:  # type: ignore[type-arg]
    """The VAT rate and the LEVY charge (3 % of the amount in the demo) of a 100.00 sale to a
    residential meter at ``local``, with the version ids the sale would record."""
    with database.reading() as session:
        sale = sale_context(session, _residential_meter(session), to_utc(session, local))
        breakdown = price_from_net(Decimal("100.00"), sale)
        levy = next(item for item in sale.customer_type.charges if item.code == "LEVY")
        line = next(line for line in breakdown.charges if line.code == "LEVY")
        return breakdown.vat_rate, {
            "LEVY": (levy.percent, levy.version, line.amount),
            "VAT": (sale.customer_type.vat_rate, sale.customer_type.vat_version, None),
        }


def _book_sale(database: Database, local: datetime) -> int:
    """A 100.00 sale to a residential meter at ``local``, booked as the ledger books one."""
    with database.unit_of_work() as uow:
        session = uow.session
        meter = _residential_meter(session)
        moment = to_utc(session, local)
        sale = sale_context(session, meter, moment)
        breakdown = price_from_net(Decimal("100.00"), sale)
        operator = session.scalars(select(Operator).where(Operator.code == "CASH1")).one()
        cash = session.scalars(select(PaymentTerm.id).where(PaymentTerm.code == "CASH")).one()
        vend = Vend(
            request_id=str(uuid.uuid4()),
            bill_number=f"VDT{uuid.uuid4().hex[:12]}",
            state=VendState.PRINTED,
            meter_id=meter.id,
            customer_id=meter.customer_id,
            operator_id=operator.id,
            sales_point_id=operator.sales_point_id,
            payment_term_id=cash,
            vat_version_id=sale.customer_type.vat_version,
            tendered=Decimal("100.00"),
            created_at=moment,
            **priced_columns(sale, breakdown),
        )
        vend.charges = charge_lines(session, sale, breakdown)
        session.add(vend)
        uow.commit()
        return vend.id


def _tomorrow(database: Database) -> tuple[datetime, datetime]:
    with database.reading() as session:
        now = utility_now(session)
    return now, datetime.combine(now.date() + timedelta(days=1), datetime.min.time())


def test_a_change_from_tomorrow_prices_tomorrows_sales_not_todays(demo_database: Database) -> None:
    admin = login(demo_database, "ADMIN1", "admin-demo")
    now, tomorrow = _tomorrow(demo_database)
    today_vat, today = _priced(demo_database, now)
    assert today_vat == Decimal("7.5") and today["LEVY"][0] == Decimal("3")

    assert (
        update_record(
            demo_database, admin, "charge_item", "LEVY", {"percentage": Decimal("5")}, tomorrow
        )
        == tomorrow
    )
    update_record(
        demo_database, admin, "customer_type", "RES", {"vat_rate": Decimal("10")}, tomorrow
    )

    # Today's sales (up to the last second before midnight) keep the terms in force today.
    for moment in (now, tomorrow - timedelta(seconds=1)):
        vat, priced = _priced(demo_database, moment)
        assert (vat, priced["LEVY"][:2]) == (Decimal("7.5"), today["LEVY"][:2])
        assert priced["VAT"][1] == today["VAT"][1]
    vat, priced = _priced(demo_database, tomorrow + timedelta(hours=8))
    assert vat == Decimal("10") and priced["LEVY"][0] == Decimal("5")
    assert priced["LEVY"][1] != today["LEVY"][1] and priced["VAT"][1] != today["VAT"][1]

    levy = dated_history(demo_database, "charge_item", "LEVY")
    assert [(v["effective_from"], v["percentage"], v["in_force"]) for v in levy] == [
        (BEGINNING, Decimal("3"), True),
        (tomorrow, Decimal("5"), False),
    ]
    res = dated_history(demo_database, "customer_type", "RES")
    assert [(v["vat_rate"], v["in_force"]) for v in res] == [
        (Decimal("7.5"), True),
        (Decimal("10"), False),
    ]
    with demo_database.reading() as session:
        # The columns mirror the newest version (the terms as last set); pricing reads none.
        item = session.scalars(select(ChargeItem).where(ChargeItem.code == "LEVY")).one()
        assert item.percentage == Decimal("5")
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.subject == "charge_item:LEVY")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.operator_code == "ADMIN1"
        assert json.loads(entry.details)["effective_from"] == tomorrow.isoformat()


def _versions(database: Database) -> list[tuple]:  # type: ignore[type-arg]
    with database.reading() as session:
        items = session.execute(
            select(
                ChargeItemVersion.charge_item_id,
                ChargeItemVersion.effective_from,
                ChargeItemVersion.amount,
                ChargeItemVersion.percentage,
            ).order_by(ChargeItemVersion.id)
        ).all()
        rates = session.execute(
            select(
                CustomerTypeVatVersion.customer_type_id,
                CustomerTypeVatVersion.effective_from,
                CustomerTypeVatVersion.vat_rate,
            ).order_by(CustomerTypeVatVersion.id)
        ).all()
        columns = session.execute(
            select(ChargeItem.code, ChargeItem.percentage).order_by(ChargeItem.code)
        ).all()
        return [*map(tuple, items), *map(tuple, rates), *map(tuple, columns)]


def test_refusals_leave_the_versions_as_they_were(demo_database: Database) -> None:
    admin = login(demo_database, "ADMIN1", "admin-demo")
    cashier = login(demo_database, "CASH1", "cash-demo")
    now, _ = _tomorrow(demo_database)
    _book_sale(demo_database, now - timedelta(hours=1))
    before = _versions(demo_database)
    with pytest.raises(PermissionDeniedError):
        update_record(demo_database, cashier, "charge_item", "LEVY", {"percentage": Decimal("9")})
    # A change back over a sale made since is refused, the charge's and the VAT's alike.
    long_ago = now - timedelta(hours=2)
    with pytest.raises(ChangedAfterSalesError) as refused:
        update_record(
            demo_database, admin, "customer_type", "RES", {"vat_rate": Decimal("9")}, long_ago
        )
    assert refused.value.params["code"] == "RES" and refused.value.params["count"] == 1
    with pytest.raises(ChangedAfterSalesError):
        update_record(
            demo_database, admin, "charge_item", "LEVY", {"percentage": Decimal("9")}, long_ago
        )
    assert _versions(demo_database) == before
    # After the last sale, back-dating is allowed: nothing priced since disagrees.
    update_record(
        demo_database,
        admin,
        "charge_item",
        "LEVY",
        {"percentage": Decimal("4")},
        now - timedelta(minutes=30),
    )


def test_a_sale_records_the_versions_that_priced_it(demo_database: Database) -> None:
    admin = login(demo_database, "ADMIN1", "admin-demo")
    now, tomorrow = _tomorrow(demo_database)
    update_record(
        demo_database, admin, "charge_item", "LEVY", {"percentage": Decimal("5")}, tomorrow
    )
    update_record(
        demo_database, admin, "customer_type", "RES", {"vat_rate": Decimal("10")}, tomorrow
    )
    today_sale = _book_sale(demo_database, now)
    tomorrow_sale = _book_sale(demo_database, tomorrow + timedelta(hours=1))
    with demo_database.reading() as session:
        recorded = {}
        for vend_id in (today_sale, tomorrow_sale):
            vend = session.get(Vend, vend_id)
            assert vend is not None
            levy = next(line for line in vend.charges if line.code == "LEVY")
            item_version = session.get(ChargeItemVersion, levy.charge_version_id)
            vat_version = session.get(CustomerTypeVatVersion, vend.vat_version_id)
            assert item_version is not None and vat_version is not None
            recorded[vend_id] = (
                item_version.percentage,
                vat_version.vat_rate,
                vend.vat_rate,
                levy.amount,
            )
    assert recorded[today_sale][:3] == (Decimal("3"), Decimal("7.5"), Decimal("7.5"))
    assert recorded[tomorrow_sale][:3] == (Decimal("5"), Decimal("10"), Decimal("10"))


def test_a_new_record_is_priced_by_its_first_version(demo_database: Database) -> None:
    from starpos.masterdata.records import add_record

    admin = login(demo_database, "ADMIN1", "admin-demo")
    add_record(
        demo_database,
        admin,
        "charge_item",
        {"code": "NEWFEE", "name": "New fee", "method": "by_times", "amount": Decimal("2.00")},
    )
    (version,) = dated_history(demo_database, "charge_item", "NEWFEE")
    assert version["effective_from"] == BEGINNING and version["amount"] == Decimal("2.00")
    assert version["in_force"]
