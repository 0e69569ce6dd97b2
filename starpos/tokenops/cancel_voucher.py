"""The token cancel's voucher (manual 4.5): the zero-energy token's voucher (the engineering
voucher layout) carrying the cancel bill, the sale it cancels, the reason and the money:
what the sale took, the token cancel charge and the refund. Every print is counted on the
zero token's row and audited, the second and later ones marked REPRINT."""

from __future__ import annotations

from dataclasses import replace

from PIL import Image
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import TokenCancel, TokenOperation, Vend
from starpos.db.parameters import system_parameters
from starpos.devices.printer import Voucher
from starpos.devices.printer.template import Template, load_template
from starpos.i18n import current_language, tr_noop, translate
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.paths import resources_dir
from starpos.tokenops.vouchers import OperationPrinter, operation_voucher, record_print

CANCELS = tr_noop("tokenops", "Cancels sale {sale} ({amount} {currency}): {reason}")
CHARGE = tr_noop("tokenops", "Token cancel charge: {charge} {currency}")
REFUND = tr_noop("tokenops", "Refund: {refund} {currency}")
ENTER = tr_noop("tokenops", "Enter this token on the meter: it then refuses the cancelled token.")
TEXTS = (CANCELS, CHARGE, REFUND, ENTER)
#: The engineering voucher's layout titled "Token cancel" (the paper says what was done).
TEMPLATE_FILE = "token-cancel-voucher.json"


def cancel_template() -> Template:
    return load_template(resources_dir() / "printer" / TEMPLATE_FILE)


def cancel_voucher(
    database: Database, cancel_bill: str, printer: OperationPrinter, reprint: bool = False
) -> Voucher:
    with database.reading() as session:
        cancel = session.scalars(
            select(TokenCancel).where(TokenCancel.bill_number == cancel_bill)
        ).one()
        operation = session.get(TokenOperation, cancel.operation_id)
        sale = session.get(Vend, cancel.vend_id)
        assert operation is not None and sale is not None
        voucher = operation_voucher(
            session, operation.batch_id, operation.position, printer, reprint
        )
        currency = system_parameters(session).currency
        language = current_language()
        lines = (
            translate("tokenops", CANCELS, language).format(
                sale=sale.bill_number, amount=cancel.amount, currency=currency,
                reason=cancel.reason,
            ),
            translate("tokenops", CHARGE, language).format(charge=cancel.charge, currency=currency),
            translate("tokenops", REFUND, language).format(refund=cancel.refund, currency=currency),
            translate("tokenops", ENTER, language),
        )  # fmt: skip
        return replace(voucher, bill_number=cancel.bill_number, detail_lines=lines)


def print_cancel(
    database: Database, printer: OperationPrinter, operator: OperatorSession, cancel_bill: str
) -> int:
    """Print the cancel's voucher; its print count (REPRINT from the second print on)."""
    operator.require(permissions.CANCEL_TOKEN)
    with database.reading() as session:
        operation = session.scalars(
            select(TokenOperation)
            .join(TokenCancel, TokenCancel.operation_id == TokenOperation.id)
            .where(TokenCancel.bill_number == cancel_bill)
        ).one()
        batch, position, printed = operation.batch_id, operation.position, operation.print_count
    printer.print(cancel_voucher(database, cancel_bill, printer, bool(printed)), cancel_template())
    return record_print(database, operator, batch, position)


def preview_cancel(database: Database, printer: OperationPrinter, cancel_bill: str) -> Image.Image:
    return printer.preview(cancel_voucher(database, cancel_bill, printer), cancel_template())
