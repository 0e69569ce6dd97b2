"""Money and energy stay exact Decimals through the database, and floats are refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from starpos.db import Database
from starpos.db.models import ChargeItem, Customer, CustomerType


def _add_type(database: Database, **values: object) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(CustomerType(code=str(values.pop("code", "T")), name="t", **values))
        uow.commit()


def test_decimals_come_back_exactly(database: Database) -> None:
    _add_type(
        database,
        vat_rate=Decimal("7.5"),
        prearrange_amount=Decimal("0.10"),
        fbe_kwh_per_month=Decimal("50.1"),
    )
    with database.reading() as session:
        stored = session.scalars(select(CustomerType)).one()
    assert stored.vat_rate == Decimal("7.5")
    assert stored.prearrange_amount == Decimal("0.10")
    assert stored.fbe_kwh_per_month == Decimal("50.1")
    assert all(
        isinstance(v, Decimal)
        for v in (stored.vat_rate, stored.prearrange_amount, stored.fbe_kwh_per_month)
    )


def test_a_sum_of_many_cents_is_exact(database: Database) -> None:
    with database.unit_of_work() as uow:
        for number in range(1000):
            uow.session.add(
                ChargeItem(code=f"C{number}", name="c", method="by_times", amount=Decimal("0.10"))
            )
        uow.commit()
    with database.reading() as session:
        total = session.scalar(select(func.sum(ChargeItem.amount)))
    assert total == Decimal("100.00")


def test_a_float_is_refused(database: Database) -> None:
    with pytest.raises(StatementError, match="Decimal is needed"):
        _add_type(database, prearrange_amount=0.1)


def test_more_decimals_than_the_column_keeps_is_refused_not_rounded(database: Database) -> None:
    with pytest.raises(StatementError, match="more than 2 decimals"):
        _add_type(database, prearrange_amount=Decimal("1.005"))


def test_times_are_stored_in_utc_and_read_back_aware(database: Database) -> None:
    _add_type(database, code="T")
    moment = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    with database.unit_of_work() as uow:
        type_id = uow.session.scalars(select(CustomerType.id)).one()
        uow.session.add(
            Customer(
                code="C1",
                name="n",
                customer_type_id=type_id,
                registered_on=date(2026, 3, 1),
                created_at=moment,
            )
        )
        uow.commit()
    with database.reading() as session:
        created = session.scalars(select(Customer.created_at)).one()
    assert created == moment
    assert created.tzinfo == UTC


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    amounts=st.lists(
        st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False), max_size=8
    )
)
def test_any_two_decimal_amount_round_trips_and_sums_exactly(
    database: Database, amounts: list[Decimal]
) -> None:
    with database.unit_of_work() as uow:
        uow.session.query(ChargeItem).delete()
        for number, amount in enumerate(amounts):
            uow.session.add(
                ChargeItem(code=f"P{number}", name="p", method="by_times", amount=amount)
            )
        uow.commit()
    with database.reading() as session:
        stored = list(session.scalars(select(ChargeItem.amount).order_by(ChargeItem.id)))
        total = session.scalar(select(func.sum(ChargeItem.amount)))
    assert stored == amounts
    assert (total or Decimal(0)) == sum(amounts, Decimal(0))
