"""``starpos token cancel``: cancel a sale's token (manual 4.5, docs/token-cancel.md).

Registered under ``starpos token`` by :mod:`starpos.commands.token`. The sale is found by
``--token``, ``--bill`` or ``--meter`` (its latest sale); ``--reason`` is required. The
supervisor logs in (``cancel_token`` permission), as for ``starpos engineering``. The days a
token may be cancelled for are the setting ``token_cancel.max_days``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.commands._credentials import operator_at_till
from starpos.commands._output import label_lines, print_json
from starpos.commands.engineering.common import add_operator_options
from starpos.i18n import tr_noop, translate
from starpos.settings import Settings
from starpos.tokenops.token_cancel import CancelResult, SaleQuery, cancel_token

LABELS = {
    "bill": tr_noop("tokenops", "Cancel bill"),
    "sale": tr_noop("tokenops", "Sale cancelled"),
    "meter": tr_noop("tokenops", "Meter"),
    "token": tr_noop("tokenops", "Zero-energy token"),
    "amount": tr_noop("tokenops", "Sale amount"),
    "charge": tr_noop("tokenops", "Token cancel charge"),
    "refund": tr_noop("tokenops", "Refund"),
    "state": tr_noop("tokenops", "State"),
}
ENTER_ZERO_TOKEN = tr_noop(
    "tokenops",
    "The customer enters the zero-energy token on the meter: it then refuses the cancelled token.",
)
MESSAGES = (*LABELS.values(), ENTER_ZERO_TOKEN)


def register_cancel(actions: Any) -> None:
    cancel = actions.add_parser("cancel", help="cancel a sale's token (0-energy token, refund)")
    which = cancel.add_mutually_exclusive_group(required=True)
    which.add_argument("--token", help="the sale's 20-digit token")
    which.add_argument("--bill", help="the sale's bill number")
    which.add_argument("--meter", help="the meter (its latest sale)")
    cancel.add_argument("--reason", required=True, help="why the token is cancelled")
    add_operator_options(cancel)
    cancel.add_argument("--print", action="store_true", help="print the cancel's voucher")
    cancel.add_argument("--preview", type=Path, help="write the voucher as the paper shows it")
    cancel.add_argument("--json", action="store_true")
    cancel.set_defaults(handler=_cancel)


def _cancel(args: argparse.Namespace) -> int:
    query = SaleQuery(bill=args.bill, token=args.token, meter=args.meter)
    max_days = int(Settings().get("token_cancel.max_days"))
    with open_database() as database:
        operator = operator_at_till(database, args)  # the till its refund is paid at
        with open_configured_module() as access:
            result = cancel_token(database, access, operator, query, args.reason, max_days=max_days)
        if result.state == "done" and (args.print or args.preview):
            _voucher(database, operator, result.bill_number, args)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0 if result.state == "done" else 1


def _voucher(database: Any, operator: Any, bill: str, args: argparse.Namespace) -> None:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.tokenops.cancel_voucher import preview_cancel, print_cancel

    printer = ConfiguredPrinter(Settings())
    if args.preview:
        preview_cancel(database, printer, bill).save(args.preview)
    if args.print:
        print_cancel(database, printer, operator, bill)


def format_result(result: CancelResult) -> str:
    token = " ".join((result.token or "")[i : i + 4] for i in range(0, 20, 4)).strip() or "-"
    rows = [
        ("bill", result.bill_number), ("sale", result.sale_bill), ("meter", result.meter),
        ("token", token), ("amount", str(result.amount)), ("charge", str(result.charge)),
        ("refund", str(result.refund)), ("state", result.state),
    ]  # fmt: skip
    lines = label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows])
    return f"{lines}\n{translate('tokenops', ENTER_ZERO_TOKEN)}"
