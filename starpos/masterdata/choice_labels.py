"""What a person reads for a choice the store keeps by its stored spelling (decision BO-30):
a charge item's calculate method, a payment term's kind, a meter model's pay type, a customer
type's repayment method. The stored values never change; the lists, editors and the
commands' text show these labels, translated at display time (context ``choices``,
``resources/translations/choices_*.ts``); ``--json`` keeps the stored values.
"""

from __future__ import annotations

import enum

from starpos.db.base import stored_value
from starpos.db.enums import PaymentKind, PaymentMode
from starpos.i18n import tr_noop, translate
from starpos.pricing.rules import ChargeMethod, RepaymentMethod

CONTEXT = "choices"

#: Every member of every choice a record kind offers, by member (manual 2.2, 1.6, 1.8, 2.3).
LABELS: dict[enum.Enum, str] = {
    ChargeMethod.BY_TIMES: tr_noop("choices", "By times (every purchase)"),
    ChargeMethod.BY_AMOUNT: tr_noop("choices", "By amount (a percentage)"),
    ChargeMethod.MONTHLY: tr_noop("choices", "Monthly"),
    ChargeMethod.YEARLY: tr_noop("choices", "Yearly"),
    RepaymentMethod.NONE: tr_noop("choices", "None"),
    RepaymentMethod.BY_TIMES: tr_noop("choices", "By times (every purchase)"),
    RepaymentMethod.MONTHLY: tr_noop("choices", "Monthly"),
    RepaymentMethod.YEARLY: tr_noop("choices", "Yearly"),
    RepaymentMethod.PERCENTAGE: tr_noop("choices", "Percentage of the amount"),
    PaymentKind.CASH: tr_noop("choices", "Cash"),
    PaymentKind.CHEQUE: tr_noop("choices", "Cheque"),
    PaymentKind.CARD: tr_noop("choices", "Card"),
    PaymentKind.MOBILE_MONEY: tr_noop("choices", "Mobile money"),
    PaymentKind.BANK_TRANSFER: tr_noop("choices", "Bank transfer"),
    PaymentMode.PREPAID: tr_noop("choices", "Prepaid"),
    PaymentMode.POSTPAID: tr_noop("choices", "Postpaid"),
}


def label_of(choices: type[enum.Enum], stored: object) -> str:
    """The source label of the member of ``choices`` stored as ``stored`` (a member or its
    stored spelling); an unknown spelling is shown as it is."""
    for member in choices:
        if stored is member or stored == stored_value(member):
            return LABELS[member]
    return "" if stored is None else str(stored)


def shown_choice(choices: type[enum.Enum], stored: object, lang: str | None = None) -> str:
    """:func:`label_of`, translated (the commands' text; a window uses its own ``tr``)."""
    return translate(CONTEXT, label_of(choices, stored), lang)
