"""Money and energy on PostgreSQL are NUMERIC end to end: the driver itself hands back
Decimals (no float on the way), sums are exact, and the models read them back as Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from starpos.bootstrap.database import open_database
from starpos.db.models import ChargeItem, CustomerType

pytestmark = pytest.mark.postgres


def test_the_driver_returns_decimals_and_sums_them_exactly(postgres_url: str) -> None:
    with open_database() as database:
        with database.unit_of_work() as uow:
            uow.session.add(
                CustomerType(
                    code="COM",
                    name="Commercial",
                    vat_rate=Decimal("7.5"),
                    prearrange_amount=Decimal("0.10"),
                    fbe_kwh_per_month=Decimal("50.1"),
                )
            )
            for number in range(1000):
                uow.session.add(
                    ChargeItem(
                        code=f"C{number}", name="c", method="by_times", amount=Decimal("0.10")
                    )
                )
            uow.commit()
        with database.engine.connect() as connection:
            raw = connection.exec_driver_sql(
                "SELECT vat_rate, prearrange_amount, fbe_kwh_per_month FROM customer_types"
            ).one()
            raw_sum = connection.exec_driver_sql("SELECT sum(amount) FROM charge_items").scalar()
        with database.reading() as session:
            total = session.scalar(select(func.sum(ChargeItem.amount)))
    assert [type(value) for value in (*raw, raw_sum)] == [Decimal] * 4
    assert tuple(raw) == (Decimal("7.5000"), Decimal("0.10"), Decimal("50.1"))
    assert raw_sum == Decimal("100.00")
    assert isinstance(total, Decimal) and str(total) == "100.00"
