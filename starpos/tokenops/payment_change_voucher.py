"""The payment change's bill on paper (manual 4.7, docs/token-cancel.md "Payment change").

A change hands over no credit, so its voucher carries no token (``Voucher.bill_only``): the
pay types before and after, the remark, and what the change leaves due at the meter's next
purchase, each amount a line of its own: the prearrange and the receivable charged, the
remain returned (negative). The layout is ``resources/printer/payment-change-voucher.json``,
printed by the counter's printer like every voucher.

The change row keeps no print count (decision TOK-20): every print is an audit entry on the
change's subject, and the prints already made are counted there, so the second and later
ones are marked REPRINT without a column of their own.
"""

from __future__ import annotations

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import PaymentMode
from starpos.db.models import Customer, Meter, Operator, PaymentChange, SalesPoint
from starpos.devices.printer import AmountLine, Voucher
from starpos.devices.printer.template import Template, load_template
from starpos.i18n import current_language, tr_noop, translate
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.paths import resources_dir
from starpos.tokenops import errors
from starpos.tokenops.bill_prints import print_counted
from starpos.tokenops.bill_voucher import bill_voucher
from starpos.tokenops.vouchers import OperationPrinter

#: Amount lines (context ``voucher``, the words of the sale's breakdown and the manual's).
PREARRANGE = tr_noop("voucher", "Prearrange amount")
RECEIVABLE = tr_noop("voucher", "Receivable amount")
REMAIN = tr_noop("voucher", "Remain amount returned")
MODES = {
    PaymentMode.PREPAID: tr_noop("tokenops", "prepaid"),
    PaymentMode.POSTPAID: tr_noop("tokenops", "postpaid"),
}
BEFORE = tr_noop("tokenops", "Pay type before: {mode}")
NOW = tr_noop("tokenops", "Pay type now: {mode}")
REMARK = tr_noop("tokenops", "Remark: {remark}")
SETTLED_NEXT = tr_noop("tokenops", "The amounts are settled on the meter's next purchase.")
NOTHING_DUE = tr_noop("tokenops", "Nothing is due at the meter's next purchase.")
TEXTS = (*MODES.values(), BEFORE, NOW, REMARK, SETTLED_NEXT, NOTHING_DUE)
TEMPLATE_FILE = "payment-change-voucher.json"


def payment_change_template() -> Template:
    return load_template(resources_dir() / "printer" / TEMPLATE_FILE)


def _change(session: Session, bill: str) -> PaymentChange:
    change = session.scalars(
        select(PaymentChange).where(PaymentChange.bill_number == bill.strip())
    ).first()
    if change is None:
        raise errors.UnknownPaymentChangeError(bill=bill.strip())
    return change


def _subject(bill: str) -> str:
    return f"payment_change:{bill}"


def payment_change_voucher(
    session: Session, bill: str, printer: OperationPrinter, reprint: bool = False
) -> Voucher:
    """The bill of the payment change ``bill`` as it was recorded."""
    change = _change(session, bill)
    meter = session.get(Meter, change.meter_id)
    customer = session.get(Customer, change.customer_id)
    operator = session.get(Operator, change.operator_id)
    point = session.get(SalesPoint, change.sales_point_id) if change.sales_point_id else None
    assert meter is not None and customer is not None and operator is not None
    language = current_language()

    def say(source: str, **values: str) -> str:
        return translate("tokenops", source, language).format(**values)

    amounts = [
        AmountLine(PREARRANGE, change.prearrange),
        AmountLine(RECEIVABLE, change.receivable),
        AmountLine(REMAIN, -change.remain),
    ]
    lines = tuple(line for line in amounts if line.amount)
    details = [
        say(BEFORE, mode=say(MODES[change.from_mode])),
        say(NOW, mode=say(MODES[change.to_mode])),
    ]
    if change.remark:
        details.append(say(REMARK, remark=change.remark))
    details.append(say(SETTLED_NEXT if lines else NOTHING_DUE))
    return bill_voucher(
        session, printer, bill_number=change.bill_number, at=change.created_at, point=point,
        operator_code=operator.code, customer=customer, lines=lines, details=details,
        language=language, reprint=reprint, meter_number=meter.number,
    )  # fmt: skip


def print_payment_change(
    database: Database, printer: OperationPrinter, operator: OperatorSession, bill: str
) -> int:
    """Print the bill (REPRINT from the second print on); its print count."""
    operator.require(permissions.PAYMENT_CHANGE)
    with database.reading() as session:
        bill = _change(session, bill).bill_number

    def voucher_of(session: Session, reprint: bool) -> Voucher:
        return payment_change_voucher(session, bill, printer, reprint)

    return print_counted(
        database, printer, operator, _subject(bill), voucher_of, payment_change_template()
    )


def preview_payment_change(database: Database, printer: OperationPrinter, bill: str) -> Image.Image:
    """The bill as the paper will show it (nothing recorded)."""
    with database.reading() as session:
        voucher = payment_change_voucher(session, bill, printer)
    return printer.preview(voucher, payment_change_template())
