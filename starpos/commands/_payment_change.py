"""``starpos meter payment-change``: switch a meter between prepaid and postpaid (manual
4.7, docs/token-cancel.md "Payment change"), registered under ``starpos meter``.

``--receivable`` is the postpaid debt charged on the first prepaid sale, ``--remain`` the
prepaid credit returned on the meter's next sale; the customer type's prearrange amount is
due after a change to prepaid. The operator logs in (``payment_change``). ``--print`` prints
the change's bill on the configured printer, ``--preview FILE`` writes it as a PNG;
``starpos meter payment-change-bill BILL`` prints it again (marked REPRINT, audited).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._bill_paper import (
    BillPaper,
    add_paper_options,
    add_reprint_command,
    paper_of,
    print_again,
)
from starpos.commands._credentials import operator_at_till
from starpos.commands._output import MONEY, label_lines, number, print_json
from starpos.commands.engineering.common import add_operator_options
from starpos.db.enums import PaymentMode
from starpos.i18n import tr_noop, translate
from starpos.operators import permissions
from starpos.tokenops.payment_change import (
    PaymentChangeAsked,
    PaymentChangeResult,
    change_payment,
)

LABELS = {
    "bill": tr_noop("tokenops", "Payment change bill"),
    "meter": tr_noop("tokenops", "Meter"),
    "customer": tr_noop("tokenops", "Customer"),
    "from": tr_noop("tokenops", "Pay type before"),
    "to": tr_noop("tokenops", "Pay type now"),
    "prearrange": tr_noop("tokenops", "Prearrange amount"),
    "receivable": tr_noop("tokenops", "Receivable amount"),
    "remain": tr_noop("tokenops", "Remain amount"),
}
AT_NEXT_PURCHASE = tr_noop("tokenops", "The amounts are settled on the meter's next purchase.")
PRINTED = tr_noop("tokenops", "The bill of payment change {bill} was printed (print {count}).")
MESSAGES = (*LABELS.values(), AT_NEXT_PURCHASE, PRINTED)
PAPER = BillPaper(
    "starpos.tokenops.payment_change_voucher", "preview_payment_change",
    "print_payment_change", permissions.PAYMENT_CHANGE, PRINTED,
)  # fmt: skip


def register_payment_change(actions: Any) -> None:
    change = actions.add_parser(
        "payment-change", help="switch a meter between prepaid and postpaid (manual 4.7)"
    )
    change.add_argument("meter")
    change.add_argument("--to", required=True, choices=["prepaid", "postpaid"])
    change.add_argument(
        "--receivable", type=number(MONEY), default=Decimal(0),
        help="postpaid debt charged on the first prepaid purchase",
    )  # fmt: skip
    change.add_argument(
        "--remain", type=number(MONEY), default=Decimal(0),
        help="prepaid credit left, returned on the meter's next purchase",
    )  # fmt: skip
    change.add_argument("--remark", default="")
    add_operator_options(change)
    add_paper_options(change, "payment change's")
    change.set_defaults(handler=_change)
    add_reprint_command(
        actions, "payment-change-bill", "payment change", add_operator_options, _print_again
    )


def _change(args: argparse.Namespace) -> int:
    asked = PaymentChangeAsked(
        args.meter, PaymentMode(args.to), args.receivable, args.remain, args.remark
    )
    with open_database() as database:
        operator = operator_at_till(database, args)
        result = change_payment(database, operator, asked)
        paper_of(PAPER, database, operator, result.bill_number, args)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0


def _print_again(args: argparse.Namespace) -> int:
    return print_again(PAPER, args, operator_at_till)


def format_result(result: PaymentChangeResult) -> str:
    rows = [
        ("bill", result.bill_number), ("meter", result.meter), ("customer", result.customer),
        ("from", result.from_mode), ("to", result.to_mode),
        ("prearrange", str(result.prearrange)), ("receivable", str(result.receivable)),
        ("remain", str(result.remain)),
    ]  # fmt: skip
    lines = label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows])
    return f"{lines}\n{translate('tokenops', AT_NEXT_PURCHASE)}"
