"""``starpos token replacements`` and ``starpos token replace``: the sales whose token
collided with another counter's TID, and the replacement token (docs/sync.md, "TID
collision"; decision SYN-51).

Registered under ``starpos token`` by :mod:`starpos.commands.token`. The head office lists
the sale after both counters synced; the counter that sold it issues the same energy under
a new TID (``cancel_token`` permission), once.
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
from starpos.tokenops.tid_replacement import ReplacementResult, dues_of, replace_token

LABELS = {
    "meter": tr_noop("tokenops", "Meter"),
    "bill": tr_noop("tokenops", "Replacement for bill"),
    "energy": tr_noop("tokenops", "Energy (kWh)"),
    "token": tr_noop("tokenops", "Replacement token"),
    "state": tr_noop("tokenops", "State"),
}
DUE_LINE = tr_noop(
    "tokenops",
    "Meter {meter}: the token of bill {bill} ({amount}, {energy} kWh, sold at {terminal}) "
    "needs a replacement",
)
NONE_DUE = tr_noop("tokenops", "No token needs a replacement.")
ENTER_REPLACEMENT = tr_noop(
    "tokenops",
    "The customer enters the replacement token instead of the refused one.",
)
MESSAGES = (*LABELS.values(), DUE_LINE, NONE_DUE, ENTER_REPLACEMENT)


def register_replace(actions: Any) -> None:
    listing = actions.add_parser(
        "replacements", help="sales whose token collided with another counter's TID"
    )
    listing.add_argument("--meter", help="only this meter")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    replace = actions.add_parser(
        "replace", help="issue the replacement of a collided token (same kWh, new TID)"
    )
    replace.add_argument("--meter", required=True, help="the meter")
    replace.add_argument("--bill", required=True, help="the bill whose token collided")
    add_operator_options(replace)
    replace.add_argument("--print", action="store_true", help="print the voucher")
    replace.add_argument("--preview", type=Path, help="write the voucher as the paper shows it")
    replace.add_argument("--json", action="store_true")
    replace.set_defaults(handler=_replace)


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        dues = dues_of(session, args.meter)
    if args.json:
        print_json([due.as_dict() for due in dues])
        return 0
    for due in dues:
        print(
            translate("tokenops", DUE_LINE).format(
                meter=due.meter,
                bill=due.bill,
                amount=due.amount,
                energy=due.energy_kwh,
                terminal=due.terminal,
            )
        )
    if not dues:
        print(translate("tokenops", NONE_DUE))
    return 0


def _replace(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_at_till(database, args)  # the terminal that sold, or a refusal
        with open_configured_module() as access:
            result = replace_token(database, access, operator, args.meter, args.bill)
        if result.state == "issued" and (args.print or args.preview):
            _voucher(database, operator, result, args)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0 if result.state == "issued" else 1


def _voucher(
    database: Any, operator: Any, result: ReplacementResult, args: argparse.Namespace
) -> None:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.tokenops.vouchers import preview_operation, print_operation

    printer = ConfiguredPrinter(Settings())
    if args.preview:
        preview_operation(database, printer, result.batch_id, 1).save(args.preview)
    if args.print:
        print_operation(database, printer, operator, result.batch_id, 1)


def format_result(result: ReplacementResult) -> str:
    token = " ".join((result.token or "")[i : i + 4] for i in range(0, 20, 4)).strip() or "-"
    rows = [
        ("meter", result.meter), ("bill", result.bill), ("energy", str(result.energy_kwh)),
        ("token", token), ("state", result.state),
    ]  # fmt: skip
    lines = label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows])
    return f"{lines}\n{translate('tokenops', ENTER_REPLACEMENT)}"
