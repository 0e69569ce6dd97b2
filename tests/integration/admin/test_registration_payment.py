"""The register charge taken with payment and change (manual 3.3 d, 4.3; decision BO-21): the
customer type's register charges once per meter and their VAT are the registration bill's
lines, what was paid and the change are kept, the charge goes into the operator's open shift
(the X report's expected cash says so), adding a meter contract takes its charge too, and
refusals (paid short, not money, no open shift) leave customers, meters, bills and drawer
as they were. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from starpos.db.enums import ChargeOccasion, StockStatus
from starpos.db.models import (
    AuditEntry,
    CashMovement,
    Customer,
    Meter,
    RegistrationBill,
    RegistrationBillCharge,
)
from starpos.masterdata.customer_type_charges import set_charges
from starpos.masterdata.meter_changes import add_meter_paid
from starpos.masterdata.records import add_record
from starpos.masterdata.registration import MeterContract, register_paid, register_with_meters
from starpos.masterdata.registration_charges import (
    RegistrationPaidTooLittleError,
    RegistrationPaymentAmountError,
    charges_due,
    registration_bill,
)
from starpos.operators.session import OperatorSession
from starpos.shifts.errors import NonCashChangeError, NoOpenShiftError
from starpos.shifts.lifecycle import open_shift
from starpos.shifts.paid_charges import ChargePayment
from starpos.shifts.totals import x_report
from starpos.sts.meter_number import make_meter_number
from tests.integration.admin.admin_world import SECOND, Utility
from tests.support.store_backends import both_backends, sqlite_only

THIRD = make_meter_number("600727", "58", 30_000_003).iain
FOURTH = make_meter_number("600727", "58", 30_000_004).iain
FLOAT = Decimal("100.00")
REG, CON = Decimal("10.00"), Decimal("5.00")


def with_register_charges(utility: Utility) -> None:
    """RES collects REG (10.00, taxed at the type's 7.5 %) and CON (5.00, untaxed) per meter,
    and a percentage levy that has no amount to be taken of at registration."""
    star, database = utility.star, utility.database
    for code, name, amount, vat in (
        ("REG", "Registration fee", REG, True),
        ("CON", "Connection fee", CON, False),
    ):
        add_record(database, star, "charge_item", {
            "code": code, "name": name, "method": "by_times", "amount": amount,
            "vat_applies": vat,
        })  # fmt: skip
    add_record(database, star, "charge_item", {
        "code": "LEVY", "name": "Levy", "method": "by_amount", "percentage": Decimal(3),
    })  # fmt: skip
    set_charges(database, star, "RES", ChargeOccasion.REGISTER, ["REG", "CON", "LEVY"])


def at_the_office(utility: Utility) -> OperatorSession:
    """STAR logged in at the office's terminal: the drawer the charges go into."""
    return replace(utility.star, sales_point_code="SP01", terminal_code="T01")


def state(utility: Utility) -> tuple[int, ...]:
    """How many customers, registration bills, their lines and cash movements there are."""
    with utility.database.reading() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Customer, RegistrationBill, RegistrationBillCharge, CashMovement)
        )


def status_of(utility: Utility, number: str) -> StockStatus:
    with utility.database.reading() as session:
        return session.scalars(select(Meter.stock_status).where(Meter.number == number)).one()


@both_backends
def test_two_meters_pay_the_charge_twice_with_vat_and_change_into_the_shift(
    utility: Utility,
) -> None:
    with_register_charges(utility)
    database, star = utility.database, at_the_office(utility)
    shift = open_shift(database, star, float_total=FLOAT)
    vat = Decimal("1.50")  # 7.5 % of the two REG fees (20.00)
    due = 2 * REG + 2 * CON + vat
    shown = charges_due(database, "res", 2)  # what the registration box shows first
    assert [(line.code, line.amount) for line in shown.lines] == [
        ("CON", 2 * CON), ("REG", 2 * REG), ("VAT", vat),
    ]  # fmt: skip
    assert shown.total == due == Decimal("31.50")

    result = register_paid(
        database, star, name="Bo Hill", customer_type_code="RES",
        meters=[MeterContract(SECOND, "RES"), MeterContract(THIRD, "RES")], paid=Decimal(50),
    )  # fmt: skip

    assert (result.charges, result.paid, result.change) == (due, Decimal("50.00"), 50 - due)
    assert result.meters == (SECOND, THIRD) and result.kind == "register"
    assert registration_bill(database, result.bill_number) == result
    with database.reading() as session:
        bill = session.scalars(
            select(RegistrationBill).where(RegistrationBill.bill_number == result.bill_number)
        ).one()
        movement = session.get(CashMovement, bill.cash_movement_id)
        assert movement is not None and movement.shift_id == shift.shift_id
        assert (movement.amount, result.bill_number in movement.reason) == (due, True)
        audit = json.loads(
            session.scalars(
                select(AuditEntry.details).where(
                    AuditEntry.subject == f"customer:{result.customer}"
                )
            ).one()
        )
        assert (audit["bill"], audit["charges"], audit["paid"]) == (
            result.bill_number, str(due), "50.00",
        )  # fmt: skip
    # The drawer holds the charge, not the change; the X report says so.
    assert x_report(database, star, shift.shift_id).expected_cash == FLOAT + due

    # A meter contract added later takes one meter's charge (manual 4.3).
    added = add_meter_paid(database, star, result.customer, MeterContract(FOURTH, "RES"))
    assert (added.kind, added.charges, added.change) == (
        "add_meter",
        REG + CON + Decimal("0.75"),
        0,
    )
    assert added.stock_out_bill and added.meters == (FOURTH,)
    assert x_report(database, star, shift.shift_id).expected_cash == FLOAT + due + added.charges

    # The type's charges change later: the bills keep the lines they took.
    set_charges(database, star, "RES", ChargeOccasion.REGISTER, [])
    assert registration_bill(database, result.bill_number).lines == result.lines
    assert charges_due(database, "RES", 1).total == 0


@both_backends
def test_refusals_leave_customers_meters_bills_and_drawer_as_they_were(utility: Utility) -> None:
    with_register_charges(utility)
    database, star = utility.database, at_the_office(utility)
    before = state(utility)
    contract = [MeterContract(SECOND, "RES")]

    def register(paid: Decimal | None) -> None:
        register_paid(
            database, star, name="Bo Hill", customer_type_code="RES", meters=contract, paid=paid
        )

    with pytest.raises(NoOpenShiftError):  # a charge, and the store requires a shift
        register(None)
    with pytest.raises(NoOpenShiftError):
        add_meter_paid(database, star, utility.customer_code, MeterContract(THIRD, "RES"))
    open_shift(database, star, float_total=FLOAT)
    with pytest.raises(RegistrationPaidTooLittleError):
        register(Decimal("15.74"))  # 15.75 due
    with pytest.raises(RegistrationPaymentAmountError):
        register(Decimal("20.001"))
    with pytest.raises(RegistrationPaymentAmountError):
        register(Decimal(-1))
    with pytest.raises(RegistrationPaidTooLittleError):
        add_meter_paid(
            database, star, utility.customer_code, MeterContract(THIRD, "RES"), paid=Decimal(1)
        )
    assert state(utility) == before
    assert status_of(utility, SECOND) is status_of(utility, THIRD) is StockStatus.IN_STOCK


@sqlite_only
def test_a_type_without_register_charges_needs_no_shift_and_still_gets_a_bill(
    utility: Utility,
) -> None:
    # The utility's RES type collects nothing at registration: no shift is open, none needed.
    code = register_with_meters(
        utility.database, utility.star, name="Cy Moor", customer_type_code="RES",
        meters=[MeterContract(SECOND, "RES")],
    )  # fmt: skip
    with utility.database.reading() as session:
        bill = session.scalars(
            select(RegistrationBill).join(Customer).where(Customer.code == code)
        ).one()
        assert (bill.charges, bill.paid, bill.change_given, bill.cash_movement_id) == (
            0, 0, 0, None,
        )  # fmt: skip
        assert bill.bill_number.startswith("RG")


@both_backends
def test_the_register_charge_by_mobile_money_is_counted_under_its_method(
    utility: Utility,
) -> None:
    """The registration takes its charge with the payment methods a sale accepts (TOK-25):
    by mobile money the bill keeps the method and its shift, no cash goes into the drawer,
    and the X expects the charge under mobile money; change by mobile money is refused."""
    with_register_charges(utility)
    database, star = utility.database, at_the_office(utility)
    add_record(database, star, "payment_term", {
        "code": "MOMO", "name": "Mobile money", "kind": "mobile_money",
    })  # fmt: skip
    shift = open_shift(database, star, float_total=FLOAT)
    due = REG + CON + Decimal("0.75")
    before = state(utility)
    with pytest.raises(NonCashChangeError):
        register_paid(
            database, star, name="Bo Hill", customer_type_code="RES",
            meters=[MeterContract(SECOND, "RES")], paid=due + 1,
            payment=ChargePayment("mobile_money"),
        )  # fmt: skip
    assert state(utility) == before and status_of(utility, SECOND) is StockStatus.IN_STOCK

    result = register_paid(
        database, star, name="Bo Hill", customer_type_code="RES",
        meters=[MeterContract(SECOND, "RES")], payment=ChargePayment("momo"),
    )  # fmt: skip

    with database.reading() as session:
        bill = session.scalars(
            select(RegistrationBill).where(RegistrationBill.bill_number == result.bill_number)
        ).one()
        assert (bill.shift_id, bill.cash_movement_id, bill.charges) == (shift.shift_id, None, due)
    totals = x_report(database, star, shift.shift_id)
    assert (totals.expected_cash, totals.expected["MOMO"]) == (FLOAT, due)
    assert totals.charges == {"MOMO": (1, due)}
