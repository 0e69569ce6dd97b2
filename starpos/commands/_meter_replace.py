"""``starpos meter replace``: replace an installed meter by one from stock (manual 4.6,
docs/token-cancel.md "Replace meter"), registered under ``starpos meter``.

``--reason`` is a replacement reason's code (its charges go on the bill), ``--remainder`` the
kWh the old meter still held (a credit token for the new meter; 0: none), ``--condition``
how the old meter goes back to stock. The operator logs in (``replace_meter``).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.commands._credentials import operator_at_till
from starpos.commands._output import ENERGY, label_lines, number, print_json
from starpos.commands.engineering.common import add_operator_options
from starpos.db.enums import MeterCondition
from starpos.i18n import tr_noop, translate
from starpos.tokenops.meter_replace import (
    Replacement,
    ReplacementResult,
    replace_with_remainder,
)

LABELS = {
    "bill": tr_noop("tokenops", "Replacement bill"),
    "old": tr_noop("tokenops", "Old meter"),
    "new": tr_noop("tokenops", "New meter"),
    "charges": tr_noop("tokenops", "Replacement charges"),
    "remainder": tr_noop("tokenops", "Remainder (kWh)"),
    "token": tr_noop("tokenops", "Remainder credit token"),
}
MESSAGES = tuple(LABELS.values())


def register_replace(actions: Any) -> None:
    replace = actions.add_parser("replace", help="replace a meter by one from stock")
    replace.add_argument("old_meter")
    replace.add_argument("new_meter")
    replace.add_argument("--reason", required=True, help="replacement reason code")
    replace.add_argument(
        "--remainder", type=number(ENERGY), default=Decimal("0.0"),
        help="kWh the old meter still held (a credit token for the new one)",
    )  # fmt: skip
    replace.add_argument(
        "--condition", choices=["scrap", "maintenance"], default="maintenance",
        help="how the old meter goes back to stock",
    )  # fmt: skip
    add_operator_options(replace)
    replace.add_argument("--json", action="store_true")
    replace.set_defaults(handler=_replace)


def _replace(args: argparse.Namespace) -> int:
    asked = Replacement(
        args.old_meter, args.new_meter, args.reason, args.remainder, MeterCondition(args.condition)
    )
    with open_database() as database:
        operator = operator_at_till(database, args)  # the till its refund is paid at
        with open_configured_module() as access:
            result = replace_with_remainder(database, access, operator, asked)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0 if result.state in ("issued", "no_remainder") else 1


def format_result(result: ReplacementResult) -> str:
    token = " ".join((result.token or "")[i : i + 4] for i in range(0, 20, 4)).strip() or "-"
    rows = [
        ("bill", result.bill_number), ("old", result.old_meter), ("new", result.new_meter),
        ("charges", str(result.charges)), ("remainder", str(result.remainder_kwh)),
        ("token", token),
    ]  # fmt: skip
    return label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows])
