"""Replace meter with its charges paid (manual 4.6, 2.4; TOK-21, TOK-22): the reason's
charge items and their VAT are the bill's lines, what was paid and the change are kept, the
charges go into the engineer's open shift (the X report's expected cash says so), the lines
stay as taken when the reason's charges change later; refusals leave everything as it was.
On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.db.enums import CashMovementKind, StockStatus
from starpos.db.models import (
    AuditEntry,
    Bank,
    CashMovement,
    MeterReplacement,
    MeterReplacementCharge,
    PaymentTerm,
)
from starpos.devices.printer import voucher_layout
from starpos.masterdata.changes import UnknownRecordError
from starpos.masterdata.replacement_reason_charges import (
    PercentageReplacementChargeError,
    reason_charges_of,
    set_reason_charges,
)
from starpos.operators.errors import PermissionDeniedError
from starpos.settings import Settings
from starpos.shifts.errors import (
    NonCashChangeError,
    NoOpenShiftError,
    UnknownBankError,
    UnknownPaymentError,
)
from starpos.shifts.lifecycle import open_shift
from starpos.shifts.paid_charges import ChargePayment
from starpos.shifts.totals import x_report
from starpos.tokenops import errors
from starpos.tokenops.meter_replace import Replacement, ReplacementResult, replace_with_remainder
from starpos.tokenops.meter_replace_charges import charges_due
from starpos.tokenops.meter_replace_voucher import replacement_template, replacement_voucher
from tests.integration.keychange.sale_world import sellable
from tests.integration.tokenops.ops_world import ADMIN, ENGINEER, OpsWorld, stock_meters
from tests.integration.tokenops.replace_world import (
    FLOAT,
    RPL,
    engineer_shift,
    rpl_with_vat,
)
from tests.support.store_backends import POSTGRESQL, SQLITE


def replace(world: OpsWorld, asked: Replacement) -> ReplacementResult:
    with open_configured_module() as access:
        return replace_with_remainder(world.database, access, world.operator(ENGINEER), asked)


def counts(world: OpsWorld) -> tuple[int, int]:
    with world.database.reading() as session:
        return (
            int(session.scalar(select(func.count()).select_from(MeterReplacement)) or 0),
            int(session.scalar(select(func.count()).select_from(CashMovement)) or 0),
        )


@pytest.mark.parametrize("store_backend", [SQLITE, POSTGRESQL], indirect=True)
def test_the_charges_are_paid_with_change_and_counted_in_the_shift(world: OpsWorld) -> None:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    shift = engineer_shift(world)
    vat, due = rpl_with_vat(world, old)
    with world.database.reading() as session:
        shown = charges_due(session, "tamper", old)  # what the dialog shows first
    codes = ["RPL", "VAT"] if vat else ["RPL"]
    assert (shown.total, [line.code for line in shown.lines]) == (due, codes)

    result = replace(world, Replacement(old, new, "TAMPER", Decimal("4.0"), paid=Decimal("50")))

    assert (result.charges, result.paid, result.change) == (due, Decimal("50.00"), 50 - due)
    assert [(line.code, line.amount) for line in result.lines] == [("RPL", RPL)] + (
        [("VAT", vat)] if vat else []
    )
    with world.database.reading() as session:
        row = session.scalars(select(MeterReplacement)).one()
        movement = session.get(CashMovement, row.cash_movement_id)
        assert movement is not None
        assert (movement.shift_id, movement.kind, movement.amount) == (
            shift.shift_id, CashMovementKind.PAID_IN, due,
        )  # fmt: skip
        assert result.bill_number in movement.reason
        # The shift's own audit entry for it, from which the head office books its copy.
        cash_steps = [
            json.loads(details)
            for details in session.scalars(
                select(AuditEntry.details).where(AuditEntry.subject == f"shift:{shift.request_id}")
            )
        ]
        assert [(d["step"], d["movement"], d["amount"]) for d in cash_steps[1:]] == [
            ("cash", movement.request_id, str(due))
        ]
    report = x_report(world.database, world.operator(ENGINEER), shift.shift_id)
    assert report.expected_cash == FLOAT + due  # the drawer holds the charges, not the change

    # The reason's charges change later: the bill keeps the lines it took.
    set_reason_charges(world.database, world.operator(ADMIN), "TAMPER", [])
    assert reason_charges_of(world.database, "TAMPER") == []
    with world.database.reading() as session:
        kept = session.scalars(
            select(MeterReplacementCharge.code).order_by(MeterReplacementCharge.position)
        ).all()
    assert kept[0] == "RPL"


def test_refusals_leave_stock_shift_and_bills_as_they_were(world: OpsWorld) -> None:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    # The store requires a shift for money; the engineer has none open.
    with pytest.raises(NoOpenShiftError):
        replace(world, Replacement(old, new, "TAMPER", Decimal("1.0")))
    opened = open_shift(world.database, world.operator(ENGINEER), float_total=FLOAT)
    _, due = rpl_with_vat(world, old)
    with pytest.raises(errors.ReplacementPaidTooLittleError):
        replace(world, Replacement(old, new, "TAMPER", Decimal("1.0"), paid=due - Decimal("0.01")))
    with pytest.raises(errors.PaymentAmountError):
        replace(world, Replacement(old, new, "TAMPER", Decimal("1.0"), paid=Decimal("30.001")))
    assert counts(world) == (0, 0)
    assert world.meter(old).stock_status is StockStatus.INSTALLED
    assert world.meter(new).stock_status is StockStatus.IN_STOCK
    report = x_report(world.database, world.operator(ENGINEER), opened.shift_id)
    assert report.expected_cash == FLOAT


def test_reason_charges_are_kept_with_permission_and_refusals(world: OpsWorld) -> None:
    admin = world.operator(ADMIN)
    assert reason_charges_of(world.database, "fault") == []
    assert set_reason_charges(world.database, admin, "fault", ["rpl", "TCAN", "RPL"]) == [
        "RPL", "TCAN",
    ]  # fmt: skip
    assert reason_charges_of(world.database, "FAULT") == ["RPL", "TCAN"]
    with pytest.raises(PermissionDeniedError):
        set_reason_charges(world.database, world.operator(ENGINEER), "FAULT", [])
    with pytest.raises(PercentageReplacementChargeError):
        set_reason_charges(world.database, admin, "FAULT", ["RPL", "LEVY"])  # 3 % of nothing
    with pytest.raises(UnknownRecordError):
        set_reason_charges(world.database, admin, "FAULT", ["NOPE"])
    assert reason_charges_of(world.database, "FAULT") == ["RPL", "TCAN"]


@pytest.mark.parametrize("store_backend", [SQLITE, POSTGRESQL], indirect=True)
def test_the_charges_are_paid_by_cheque_and_counted_under_cheque(world: OpsWorld) -> None:
    """Any payment method a sale accepts (TOK-25): the bill keeps the term, bank and cheque
    number and its shift; the X expects the charges under the cheque method, not in the
    drawer's cash; no paid-in is made."""
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    shift = engineer_shift(world)
    _, due = rpl_with_vat(world, old)
    cheque = ChargePayment("cheque", "fcb", " 000123 ")

    result = replace(world, Replacement(old, new, "TAMPER", Decimal("1.0"), payment=cheque))

    assert (result.payment, result.paid, result.change) == ("CHQ", due, Decimal("0.00"))
    with world.database.reading() as session:
        row = session.scalars(select(MeterReplacement)).one()
        term = session.get(PaymentTerm, row.payment_term_id)
        bank = session.get(Bank, row.bank_id)
        assert term is not None and bank is not None
        assert (term.code, bank.code, row.cheque_number) == ("CHQ", "FCB", "000123")
        assert (row.shift_id, row.cash_movement_id) == (shift.shift_id, None)
        assert session.scalar(select(func.count()).select_from(CashMovement)) == 0
    report = x_report(world.database, world.operator(ENGINEER), shift.shift_id)
    assert report.expected_cash == FLOAT
    assert report.expected["CHQ"] == due
    assert report.as_dict()["charges"] == [{"payment": "CHQ", "count": 1, "total": due}]
    # The bill says how it was paid, as a sale's voucher does.
    with world.database.reading() as session:
        voucher = replacement_voucher(session, result.bill_number, ConfiguredPrinter(Settings()))
    text = voucher_layout(voucher, Settings(), replacement_template()).text()
    assert "Cheque FCB 000123" in " ".join(text.split())


def test_payment_refusals_leave_everything_as_it_was(world: OpsWorld) -> None:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    shift = engineer_shift(world)
    _, due = rpl_with_vat(world, old)
    asked = [
        (ChargePayment("gold"), None, UnknownPaymentError),
        (ChargePayment("cheque", "NOBANK", "1"), None, UnknownBankError),
        # Change is given in cash only: a card pays exactly the charges.
        (ChargePayment("CARD"), due + 5, NonCashChangeError),
    ]
    for payment, paid, refusal in asked:
        with pytest.raises(refusal) as refused:
            replace(world, Replacement(old, new, "TAMPER", Decimal("1.0"), paid=paid,
                                       payment=payment))  # fmt: skip
        assert refused.value.message
    assert counts(world) == (0, 0)
    assert world.meter(old).stock_status is StockStatus.INSTALLED
    assert world.meter(new).stock_status is StockStatus.IN_STOCK
    report = x_report(world.database, world.operator(ENGINEER), shift.shift_id)
    assert (report.expected_cash, report.charges) == (FLOAT, {})
