"""A meter's life is traceable: stock in, out, installation, replacement, cancellation."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import ContractStatus, StockMovementKind, StockStatus
from starpos.db.models import Customer, Meter
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.meter_lookup import lookup_meter
from starpos.masterdata.meter_stock import (
    MeterAlreadyRegisteredError,
    MeterNotAvailableError,
    NewMeter,
    cancel_contract,
    install_meter,
    meter_history,
    replace_meter,
    stock_in_from_branch,
    stock_in_new,
    stock_out,
)
from starpos.sts.meter_number import LONG_IIN, make_meter_number

WHEN = NumberingContext(datetime(2026, 11, 22, 10, 0), sales_point_code="SP01")


def _new(serial: int) -> NewMeter:
    return NewMeter(number=make_meter_number(LONG_IIN, "47", serial).iain, sgc="123456", ti=1)


def test_the_whole_life_of_two_meters(demo_database: Database) -> None:
    first, second = _new(90000001), _new(90000002)
    with demo_database.unit_of_work() as uow:
        session = uow.session
        bill_in = stock_in_new(
            session, [first, second], model_code="SK-1P", branch_code="BR01", numbering=WHEN
        )
        bill_out = stock_out(session, [first.number, second.number], drawer="Ivan", numbering=WHEN)
        customer = session.scalars(select(Customer).order_by(Customer.id)).first()
        assert customer is not None
        install_meter(
            session,
            first.number,
            customer_code=customer.code,
            tariff_code="RES-STEP",
            install_date=date(2026, 11, 22),
        )
        meter = session.scalars(select(Meter).where(Meter.number == first.number)).one()
        meter.outstanding_debt = meter.outstanding_debt + 12
        bill_replace = replace_meter(
            session, first.number, second.number, reason_code="FAULT", numbering=WHEN
        )
        bill_cancel = cancel_contract(session, second.number, numbering=WHEN)
        uow.commit()
    assert bill_in.startswith("SI26") and bill_out.startswith("SO26")
    assert bill_replace.startswith("RP26") and bill_cancel.startswith("CC26")
    with demo_database.reading() as session:
        old_life = [m.kind for m in meter_history(session, first.number)]
        new_life = [m.kind for m in meter_history(session, second.number)]
        old = lookup_meter(session, first.number)
        new = lookup_meter(session, second.number)
    assert old_life == [
        StockMovementKind.IN_NEW,
        StockMovementKind.OUT_INSTALLATION,
        StockMovementKind.IN_REPLACED,
    ]
    assert new_life == [
        StockMovementKind.IN_NEW,
        StockMovementKind.OUT_INSTALLATION,
        StockMovementKind.IN_CANCELLED_CONTRACT,
    ]
    assert old.stock_status == StockStatus.IN_STOCK and old.customer_code is None
    assert str(old.outstanding_debt) == "0.00"
    # The debt moved with the customer to the new meter, which then went back to stock.
    assert new.stock_status == StockStatus.IN_STOCK
    assert new.contract_status == ContractStatus.CANCELLED
    assert str(new.outstanding_debt) == "12.00"


def test_a_meter_cannot_be_stocked_in_twice(demo_database: Database) -> None:
    with demo_database.reading() as session:
        number = session.scalars(select(Meter.number)).first()
    assert number is not None
    duplicate = NewMeter(number=number, sgc="123456", ti=1)
    with pytest.raises(MeterAlreadyRegisteredError), demo_database.unit_of_work() as uow:
        stock_in_new(
            uow.session, [duplicate], model_code="SK-1P", branch_code="BR01", numbering=WHEN
        )


def test_installing_needs_a_stock_out_first(demo_database: Database) -> None:
    meter = _new(90000003)
    with demo_database.unit_of_work() as uow:
        stock_in_new(uow.session, [meter], model_code="SK-1P", branch_code="BR01", numbering=WHEN)
        customer_code = uow.session.scalars(select(Customer.code)).first()
        assert customer_code is not None
        with pytest.raises(MeterNotAvailableError, match="while its stock status is in_stock"):
            install_meter(
                uow.session,
                meter.number,
                customer_code=customer_code,
                tariff_code="RES-STEP",
                install_date=date(2026, 11, 22),
            )


def test_a_transfer_to_another_branch_and_back(demo_database: Database) -> None:
    meter = _new(90000004)
    with demo_database.unit_of_work() as uow:
        stock_in_new(uow.session, [meter], model_code="SK-1P", branch_code="BR01", numbering=WHEN)
        stock_out(uow.session, [meter.number], to_other_branch="BR02", numbering=WHEN)
        moved = uow.session.scalars(select(Meter).where(Meter.number == meter.number)).one()
        assert moved.stock_status == StockStatus.AT_OTHER_BRANCH
        assert moved.branch.code == "BR02"
        stock_in_from_branch(uow.session, [meter.number], numbering=WHEN)
        assert moved.stock_status == StockStatus.IN_STOCK
        kinds = [m.kind for m in meter_history(uow.session, meter.number)]
    assert kinds == [
        StockMovementKind.IN_NEW,
        StockMovementKind.OUT_TO_BRANCH,
        StockMovementKind.IN_FROM_BRANCH,
    ]
