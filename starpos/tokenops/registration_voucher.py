"""The registration bill on paper (manual 3.3 C "opening account bill", 4.3; decision BO-21).

The customer, each meter installed on the bill with its key data (SGC, KRN, TI) and tariff,
the register charge's lines as they were taken (and their VAT), what was paid and the change.
No token: the bill alone (``Voucher.bill_only``). The layout is
``resources/printer/registration-voucher.json``.

The registration is back-office business (``starpos.masterdata.registration``); its bill is
printed here, beside the counter's other bills, because its prints are counted as theirs are
(:mod:`.bill_prints`, decision TOK-20): each print is an audit entry on the bill's subject,
and the second and later papers are marked REPRINT.
"""

from __future__ import annotations

from decimal import Decimal

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.models import (
    Customer,
    Meter,
    Operator,
    RegistrationBill,
    RegistrationBillCharge,
    SalesPoint,
    TariffScheme,
)
from starpos.devices.printer import AmountLine, Voucher
from starpos.devices.printer.template import Template, load_template
from starpos.i18n import current_language, tr_noop, translate
from starpos.masterdata.registration_charges import ADD_METER, find_bill
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.paths import resources_dir
from starpos.shifts.paid_charges import payment_text
from starpos.tokenops.bill_prints import print_counted
from starpos.tokenops.bill_voucher import bill_voucher
from starpos.tokenops.vouchers import OperationPrinter

METER = tr_noop("tokenops", "Meter {meter}: tariff {tariff}, SGC {sgc}, KRN {krn}, TI {ti}")
ADDED = tr_noop("tokenops", "Meter contract added to the customer.")
NO_CHARGE = tr_noop("tokenops", "No register charge for this customer type.")
TEXTS = (METER, ADDED, NO_CHARGE)
TEMPLATE_FILE = "registration-voucher.json"


def registration_template() -> Template:
    return load_template(resources_dir() / "printer" / TEMPLATE_FILE)


def subject_of(bill: str) -> str:
    """The audit subject the bill's prints are counted on."""
    return f"registration:{bill}"


def registration_voucher(
    session: Session, bill_number: str, printer: OperationPrinter, reprint: bool = False
) -> Voucher:
    """The registration bill ``bill_number`` as it was recorded."""
    bill = find_bill(session, bill_number)
    customer = session.get(Customer, bill.customer_id)
    assert customer is not None
    operator = session.get(Operator, bill.operator_id) if bill.operator_id else None
    point = made_at(session, bill)
    language = current_language()

    def say(source: str, **values: object) -> str:
        return translate("tokenops", source, language).format(**values)

    details = [say(ADDED)] if bill.kind == ADD_METER else []
    for number in bill.meters.split():
        meter = session.scalars(select(Meter).where(Meter.number == number)).one()
        scheme = (
            session.get(TariffScheme, meter.tariff_scheme_id) if meter.tariff_scheme_id else None
        )
        details.append(
            say(METER, meter=number, tariff=scheme.code if scheme else "-", sgc=meter.sgc,
                krn=meter.krn, ti=f"{meter.ti:02d}")
        )  # fmt: skip
    lines = tuple(
        AmountLine(line.name, line.amount)
        for line in session.scalars(
            select(RegistrationBillCharge)
            .where(RegistrationBillCharge.bill_id == bill.id)
            .order_by(RegistrationBillCharge.position)
        )
    )
    if not lines:
        details.append(say(NO_CHARGE))
    return bill_voucher(
        session, printer, bill_number=bill.bill_number, at=bill.registered_at, point=point,
        operator_code=operator.code if operator is not None else "", customer=customer,
        lines=lines, details=details, language=language, reprint=reprint,
        energy_kwh=Decimal("0.0"), net_amount=bill.charges, paid=bill.paid,
        change=bill.change_given, payment_method=payment_text(session, bill),
    )  # fmt: skip


def made_at(session: Session, bill: RegistrationBill) -> SalesPoint | None:
    """The sales point the bill was made at, as the bill keeps it (decisions BO-27, BO-31;
    the bills made before have it from their audit entry, migration 0027)."""
    if bill.sales_point_id is None:
        return None
    return session.get(SalesPoint, bill.sales_point_id)


def print_registration(
    database: Database, printer: OperationPrinter, operator: OperatorSession, bill: str
) -> int:
    """Print the bill (REPRINT from the second print on); its print count."""
    operator.require(permissions.REGISTER_CUSTOMER)
    with database.reading() as session:
        number = find_bill(session, bill).bill_number

    def voucher_of(session: Session, reprint: bool) -> Voucher:
        return registration_voucher(session, number, printer, reprint)

    return print_counted(
        database, printer, operator, subject_of(number), voucher_of, registration_template()
    )


def preview_registration(database: Database, printer: OperationPrinter, bill: str) -> Image.Image:
    """The bill as the paper will show it (nothing recorded)."""
    with database.reading() as session:
        voucher = registration_voucher(session, bill, printer)
    return printer.preview(voucher, registration_template())
