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
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
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
    change.add_argument("--print", action="store_true", help="print the payment change's bill")
    change.add_argument("--preview", type=Path, help="write the bill as the paper shows it")
    change.add_argument("--json", action="store_true")
    change.set_defaults(handler=_change)
    again = actions.add_parser(
        "payment-change-bill", help="print a payment change's bill again (marked REPRINT)"
    )
    again.add_argument("bill", help="the payment change's bill number")
    add_operator_options(again)
    again.add_argument("--preview", type=Path, help="only write the bill as the paper shows it")
    again.add_argument("--json", action="store_true")
    again.set_defaults(handler=_print_again)


def _change(args: argparse.Namespace) -> int:
    asked = PaymentChangeAsked(
        args.meter, PaymentMode(args.to), args.receivable, args.remain, args.remark
    )
    with open_database() as database:
        operator = operator_at_till(database, args)
        result = change_payment(database, operator, asked)
        if args.print or args.preview:
            _bill(database, operator, result.bill_number, args)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0


def _print_again(args: argparse.Namespace) -> int:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings
    from starpos.tokenops.payment_change_voucher import (
        preview_payment_change,
        print_payment_change,
    )

    printer = ConfiguredPrinter(Settings())
    with open_database() as database:
        operator = operator_at_till(database, args)
        if args.preview:  # a look at the paper: nothing printed, nothing recorded
            operator.require(permissions.PAYMENT_CHANGE)
            preview_payment_change(database, printer, args.bill).save(args.preview)
            return 0
        count = print_payment_change(database, printer, operator, args.bill)
    if args.json:
        print_json({"bill_number": args.bill.strip(), "print_count": count})
    else:
        print(translate("tokenops", PRINTED).format(bill=args.bill.strip(), count=count))
    return 0


def _bill(database: Any, operator: Any, bill: str, args: argparse.Namespace) -> None:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings
    from starpos.tokenops.payment_change_voucher import (
        preview_payment_change,
        print_payment_change,
    )

    printer = ConfiguredPrinter(Settings())
    if args.preview:
        preview_payment_change(database, printer, bill).save(args.preview)
    if args.print:
        print_payment_change(database, printer, operator, bill)


def format_result(result: PaymentChangeResult) -> str:
    rows = [
        ("bill", result.bill_number), ("meter", result.meter), ("customer", result.customer),
        ("from", result.from_mode), ("to", result.to_mode),
        ("prearrange", str(result.prearrange)), ("receivable", str(result.receivable)),
        ("remain", str(result.remain)),
    ]  # fmt: skip
    lines = label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows])
    return f"{lines}\n{translate('tokenops', AT_NEXT_PURCHASE)}"
