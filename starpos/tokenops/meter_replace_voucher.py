"""The meter replacement's one bill on paper (manual 4.6, docs/token-cancel.md "Replace meter").

The new meter with its key data, the old meter and what it went back to stock as, the reason
and the remainder; the charge lines as the replacement took them (and their VAT), what was
paid and the change; then the remainder credit token for the new meter, when there is one
(none for 0 kWh: the bill alone, ``Voucher.bill_only``). The layout is
``resources/printer/replacement-voucher.json``, printed by the counter's printer.

As the payment change's bill (decision TOK-20), every print is an audit entry on the
replacement's subject and the prints made are counted there: the second and later are marked
REPRINT. A token not yet issued (a crash between the bill and the token, finished later by
recovery) is not printed as a token: the bill says it is still to come.
"""

from __future__ import annotations

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import MeterCondition, TokenOperationState
from starpos.db.models import (
    Customer,
    IssuedCard,
    MeterReplacement,
    MeterReplacementCharge,
    Operator,
    ReplacementReason,
    SalesPoint,
    StockMovement,
    TokenOperation,
)
from starpos.devices.printer import AmountLine, TokenSection, Voucher
from starpos.devices.printer.template import Template, load_template
from starpos.devices.printer.voucher import CREDIT_TOKEN
from starpos.i18n import current_language, tr_noop, translate
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.paths import resources_dir
from starpos.shifts.paid_charges import payment_text
from starpos.tokenops import errors
from starpos.tokenops.bill_prints import print_counted
from starpos.tokenops.bill_voucher import bill_voucher
from starpos.tokenops.vouchers import OperationPrinter

OLD_METER = tr_noop("tokenops", "Old meter: {meter}, back to stock {condition}")
CONDITIONS = {
    MeterCondition.SCRAP: tr_noop("tokenops", "as scrap"),
    MeterCondition.MAINTENANCE: tr_noop("tokenops", "for maintenance"),
}
REASON = tr_noop("tokenops", "Reason: {reason}")
REMAINDER = tr_noop("tokenops", "Remainder moved to the new meter: {kwh} kWh")
NO_REMAINDER = tr_noop("tokenops", "No remainder to move to the new meter.")
TOKEN_TO_COME = tr_noop(
    "tokenops", "The remainder token is still being made: reprint this bill for it."
)
ENTER_ON_NEW = tr_noop("tokenops", "Enter the token on the new meter.")
# A card meter's remainder is on the customer's card, not a token (TOK-29).
ON_CARD = tr_noop("tokenops", "The remainder is on card {serial}: insert it in the new meter.")
CARD_TO_COME = tr_noop(
    "tokenops", "The remainder is not on a card yet: replace again with a blank card to finish."
)
TEXTS = (OLD_METER, *CONDITIONS.values(), REASON, REMAINDER, NO_REMAINDER, TOKEN_TO_COME,
         ENTER_ON_NEW, ON_CARD, CARD_TO_COME)  # fmt: skip
TEMPLATE_FILE = "replacement-voucher.json"
ISSUED = TokenOperationState.ISSUED


def replacement_template() -> Template:
    return load_template(resources_dir() / "printer" / TEMPLATE_FILE)


def _subject(bill: str) -> str:
    return f"meter_replacement:{bill}"


def _replacement(session: Session, bill: str) -> MeterReplacement:
    row = session.scalars(
        select(MeterReplacement).where(MeterReplacement.bill_number == bill.strip())
    ).first()
    if row is None:
        raise errors.UnknownReplacementError(bill=bill.strip())
    return row


def replacement_voucher(
    session: Session, bill: str, printer: OperationPrinter, reprint: bool = False
) -> Voucher:
    """The replacement bill ``bill`` as it was recorded."""
    row = _replacement(session, bill)
    old, new, customer = row.old_meter, row.new_meter, session.get(Customer, row.customer_id)
    reason = session.get(ReplacementReason, row.reason_id)
    operator = session.get(Operator, row.operator_id) if row.operator_id else None
    assert customer is not None and reason is not None
    point = session.scalars(
        select(SalesPoint).where(SalesPoint.id == operator.sales_point_id)
    ).first() if operator is not None else None  # fmt: skip
    language = current_language()

    def say(source: str, **values: object) -> str:
        return translate("tokenops", source, language).format(**values)

    lines = tuple(
        AmountLine(line.name, line.amount)
        for line in session.scalars(
            select(MeterReplacementCharge)
            .where(MeterReplacementCharge.replacement_id == row.id)
            .order_by(MeterReplacementCharge.position)
        )
    )
    operation = session.get(TokenOperation, row.operation_id) if row.operation_id else None
    issued = operation.token_list if operation is not None and operation.state == ISSUED else []
    tokens = tuple(TokenSection(CREDIT_TOKEN, token) for token in issued)
    # What the old meter went back as on this bill (it may have been repaired since).
    condition = session.scalar(
        select(StockMovement.condition).where(
            StockMovement.bill_number == row.bill_number, StockMovement.meter_id == old.id
        )
    )
    details = [
        say(OLD_METER, meter=old.number, condition=say(CONDITIONS[condition]))
        if condition in CONDITIONS
        else old.number,
        say(REASON, reason=f"{reason.code} {reason.name}"),
        say(REMAINDER, kwh=row.remainder_kwh) if row.remainder_kwh else say(NO_REMAINDER),
    ]
    if operation is not None:
        details.append(say(ENTER_ON_NEW) if tokens else say(TOKEN_TO_COME))
    elif row.remainder_kwh > 0:
        card = session.scalar(
            select(IssuedCard.serial).where(IssuedCard.carried_bill == row.bill_number)
        )
        details.append(say(ON_CARD, serial=card) if card else say(CARD_TO_COME))
    return bill_voucher(
        session, printer, bill_number=row.bill_number, at=row.replaced_at, point=point,
        operator_code=operator.code if operator is not None else "", customer=customer,
        lines=lines, details=details, language=language, reprint=reprint,
        meter_number=new.number, energy_kwh=row.remainder_kwh, net_amount=row.charges,
        paid=row.paid, change=row.change_given, payment_method=payment_text(session, row),
        tokens=tokens, sgc=new.sgc, krn=str(new.krn),
        ti=f"{new.ti:02d}",
    )  # fmt: skip


def print_replacement(
    database: Database, printer: OperationPrinter, operator: OperatorSession, bill: str
) -> int:
    """Print the bill (REPRINT from the second print on); its print count."""
    operator.require(permissions.REPLACE_METER)
    with database.reading() as session:
        bill = _replacement(session, bill).bill_number

    def voucher_of(session: Session, reprint: bool) -> Voucher:
        return replacement_voucher(session, bill, printer, reprint)

    return print_counted(
        database, printer, operator, _subject(bill), voucher_of, replacement_template()
    )


def preview_replacement(database: Database, printer: OperationPrinter, bill: str) -> Image.Image:
    """The bill as the paper will show it (nothing recorded)."""
    with database.reading() as session:
        voucher = replacement_voucher(session, bill, printer)
    return printer.preview(voucher, replacement_template())
