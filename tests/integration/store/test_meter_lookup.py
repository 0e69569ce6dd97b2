"""The counter finds a meter by its number or PAN, with the customer and the last sale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.enums import StockStatus, VendState
from starpos.db.models import Meter
from starpos.masterdata.customers import list_customers
from starpos.masterdata.meter_lookup import UnknownMeterError, list_meters, lookup_meter
from starpos.sts.errors import StsError
from starpos.sts.meter_number import LONG_IIN, make_meter_number, parse_meter_number
from tests.integration.store.store_builders import add_vend


def _installed(database: Database, short: bool = False) -> Meter:
    with database.reading() as session:
        meters = session.scalars(
            select(Meter).where(Meter.stock_status == StockStatus.INSTALLED).order_by(Meter.id)
        ).all()
        return next(m for m in meters if (len(m.number) == 13) == short)


@pytest.mark.parametrize("short", [False, True])
def test_meter_number_and_pan_find_the_same_meter(demo_database: Database, short: bool) -> None:
    meter = _installed(demo_database, short)
    with demo_database.reading() as session:
        by_number = lookup_meter(session, meter.number)
        by_pan = lookup_meter(session, meter.pan)
        spaced = lookup_meter(session, " ".join([meter.number[:4], meter.number[4:]]))
    assert by_number == by_pan == spaced
    assert by_number.number == meter.number
    assert parse_meter_number(by_number.pan).iain == meter.number
    assert by_number.customer_name
    assert by_number.customer_address
    assert by_number.model.startswith("Star ")
    assert by_number.tariff_code in {"RES-STEP", "LIFE-FLAT", "COM-FLAT", "IND-TOU"}
    assert by_number.last_purchase is None


def test_a_mistyped_digit_is_a_check_digit_error_not_unknown(demo_database: Database) -> None:
    meter = _installed(demo_database)
    wrong = meter.number[:-1] + str((int(meter.number[-1]) + 1) % 10)
    with demo_database.reading() as session, pytest.raises(StsError, match="check digit"):
        lookup_meter(session, wrong)


def test_a_valid_number_not_in_the_store_is_unknown(demo_database: Database) -> None:
    stranger = make_meter_number(LONG_IIN, "99", 12345678).iain
    with demo_database.reading() as session, pytest.raises(UnknownMeterError, match=stranger):
        lookup_meter(session, stranger)


def test_the_last_purchase_is_the_latest_sale_that_made_a_token(demo_database: Database) -> None:
    meter = _installed(demo_database)
    with demo_database.unit_of_work() as uow:
        attached = uow.session.get(Meter, meter.id)
        assert attached is not None
        add_vend(
            uow.session,
            attached,
            created_at=datetime(2026, 10, 3, 9, tzinfo=UTC),
            net_amount="20.00",
            energy_kwh="150.0",
        )
        add_vend(
            uow.session,
            attached,
            created_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            net_amount="5.00",
            energy_kwh="30.0",
            fbe_kwh="50.0",
            state=VendState.ISSUED,
        )
        add_vend(
            uow.session,
            attached,
            created_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
            state=VendState.FAILED,
        )
        uow.commit()
    with demo_database.reading() as session:
        last = lookup_meter(session, meter.number).last_purchase
    assert last is not None
    assert last.at == datetime(2026, 11, 1, 9, tzinfo=UTC)
    assert str(last.net_amount) == "5.00"
    assert str(last.token_kwh) == "80.0"


def test_listing_searches_numbers_and_customer_names(demo_database: Database) -> None:
    meter = _installed(demo_database)
    with demo_database.reading() as session:
        name = lookup_meter(session, meter.number).customer_name
        assert name is not None
        by_name = list_meters(session, name.split()[-1])
        by_number = list_meters(session, meter.number[-6:])
        everything = list_meters(session, limit=1000)
        total = session.scalar(select(func.count(Meter.id)))
    assert meter.number in {m.number for m in by_name}
    assert all(name.split()[-1] in (m.customer_name or "") for m in by_name)
    assert meter.number in {m.number for m in by_number}
    assert all(meter.number[-6:] in m.number for m in by_number)
    assert len(everything) == total
    assert [m.number for m in everything] == sorted(m.number for m in everything)


def test_a_search_ignores_letter_case_on_every_database(demo_database: Database) -> None:
    # SQLite's LIKE ignores ASCII case, PostgreSQL's does not: a cashier typing "mensah"
    # must find "Mensah" on both.
    meter = _installed(demo_database)
    with demo_database.reading() as session:
        surname = (lookup_meter(session, meter.number).customer_name or "").split()[-1]
        meters = [list_meters(session, text) for text in (surname, surname.lower())]
        customers = [list_customers(session, text) for text in (surname, surname.upper())]
    assert meter.number in {m.number for m in meters[0]}
    assert [m.number for m in meters[1]] == [m.number for m in meters[0]]
    assert [c.code for c in customers[1]] == [c.code for c in customers[0]] != []
