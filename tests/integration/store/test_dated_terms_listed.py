"""The lists show a charge item's and a customer type's terms as they price a sale now, with
the change dated later beside them (decision BO-29); the VAT's past-date check counts every
bill the VAT priced, not only sales (BO-24, amended by BO-29)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import (
    Customer,
    CustomerType,
    CustomerTypeVatVersion,
    RegistrationBill,
    RegistrationBillCharge,
)
from starpos.db.parameters import to_utc, utility_now
from starpos.masterdata.dated_terms import ChangedAfterSalesError
from starpos.masterdata.records import dated_history, list_records, update_record
from starpos.operators.login import login


def _tomorrow(database: Database) -> tuple[datetime, datetime]:
    with database.reading() as session:
        now = utility_now(session)
    return now, datetime.combine(now.date() + timedelta(days=1), datetime.min.time())


def test_the_list_shows_the_terms_in_force_and_what_is_scheduled(demo_database: Database) -> None:
    admin = login(demo_database, "ADMIN1", "admin-demo")
    _, tomorrow = _tomorrow(demo_database)
    update_record(
        demo_database, admin, "charge_item", "LEVY", {"percentage": Decimal("5")}, tomorrow
    )
    update_record(
        demo_database, admin, "customer_type", "RES", {"vat_rate": Decimal("10")}, tomorrow
    )
    with demo_database.reading() as session:
        levy = next(r for r in list_records(session, "charge_item") if r["code"] == "LEVY")
        res = next(r for r in list_records(session, "customer_type") if r["code"] == "RES")
        branch = list_records(session, "branch")[0]
    assert levy["percentage"] == Decimal("3")  # what prices a sale today, not 5
    assert levy["scheduled"] == [{"effective_from": tomorrow, "percentage": Decimal("5")}]
    assert res["vat_rate"] == Decimal("7.5")
    assert res["scheduled"] == [{"effective_from": tomorrow, "vat_rate": Decimal("10")}]
    assert "scheduled" not in branch  # only dated kinds have versions


def test_a_vat_change_over_a_registration_bill_is_refused(demo_database: Database) -> None:
    admin = login(demo_database, "ADMIN1", "admin-demo")
    now, _ = _tomorrow(demo_database)
    with demo_database.unit_of_work() as uow:
        session = uow.session
        kind = session.scalars(select(CustomerType).where(CustomerType.code == "RES")).one()
        customer = session.scalars(
            select(Customer).where(Customer.customer_type_id == kind.id).limit(1)
        ).one()
        version = session.scalars(
            select(CustomerTypeVatVersion.id).where(
                CustomerTypeVatVersion.customer_type_id == kind.id
            )
        ).first()
        bill = RegistrationBill(
            bill_number="RGTEST0001",
            kind="register",
            customer_id=customer.id,
            meters="",
            registered_at=to_utc(session, now - timedelta(hours=1)),
            charges=Decimal("10.75"),
            paid=Decimal("10.75"),
        )
        session.add(bill)
        session.flush()
        session.add(
            RegistrationBillCharge(
                bill_id=bill.id, position=1, code="VAT", name="VAT", amount=Decimal("0.75"),
                vat_version_id=version,
            )
        )  # fmt: skip
        uow.commit()
    before = dated_history(demo_database, "customer_type", "RES")
    with pytest.raises(ChangedAfterSalesError) as refused:
        update_record(
            demo_database,
            admin,
            "customer_type",
            "RES",
            {"vat_rate": Decimal("9")},
            now - timedelta(hours=2),
        )
    assert refused.value.params["count"] == 1
    assert dated_history(demo_database, "customer_type", "RES") == before
