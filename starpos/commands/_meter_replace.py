"""``starpos meter replace``: replace an installed meter by one from stock (manual 4.6,
docs/token-cancel.md "Replace meter"), registered under ``starpos meter``.

``--reason`` is a replacement reason's code (its charges go on the bill, paid with
``--paid``: without it, exactly the charges; by ``--payment`` with ``--bank``, ``--cheque``,
cash unless said), ``--remainder`` the kWh the old meter still
held (a credit token for the new meter; 0: none), or ``--remainder-from-card`` to read it
from the old SUN card meter's card in the reader (a new card meter's remainder goes onto the
blank card in ``--reader``, TOK-29; the same command again finishes one a kill stopped);
``--condition`` how the old meter goes back to stock. The operator logs in
(``replace_meter``). ``--print`` prints the replacement bill, ``--preview FILE`` writes it
as a PNG; ``starpos meter replacement-bill BILL`` prints it again (marked REPRINT, audited).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.commands._bill_paper import (
    BillPaper,
    add_paper_options,
    add_reprint_command,
    paper_of,
    print_again,
)
from starpos.commands._charge_payment import add_payment_options, charge_payment
from starpos.commands._credentials import operator_at_till
from starpos.commands._output import ENERGY, label_lines, number, print_json
from starpos.commands.engineering.common import add_operator_options
from starpos.db.enums import MeterCondition
from starpos.i18n import tr_noop, translate
from starpos.operators import permissions
from starpos.tokenops.meter_replace import (
    Replacement,
    ReplacementResult,
    replace_with_remainder,
)
from starpos.tokenops.meter_replace_to_card import goes_onto_card, replace_onto_card_in_reader

LABELS = {
    "bill": tr_noop("tokenops", "Replacement bill"),
    "old": tr_noop("tokenops", "Old meter"),
    "new": tr_noop("tokenops", "New meter"),
    "charges": tr_noop("tokenops", "Replacement charges"),
    "paid": tr_noop("tokenops", "Paid"),
    "change": tr_noop("tokenops", "Change"),
    "remainder": tr_noop("tokenops", "Remainder (kWh)"),
    "token": tr_noop("tokenops", "Remainder credit token"),
}
PRINTED = tr_noop("tokenops", "The replacement bill {bill} was printed (print {count}).")
MESSAGES = (*LABELS.values(), PRINTED)
PAPER = BillPaper(
    "starpos.tokenops.meter_replace_voucher", "preview_replacement", "print_replacement",
    permissions.REPLACE_METER, PRINTED,
)  # fmt: skip


def register_replace(actions: Any) -> None:
    replace = actions.add_parser("replace", help="replace a meter by one from stock")
    replace.add_argument("old_meter")
    replace.add_argument("new_meter")
    replace.add_argument("--reason", required=True, help="replacement reason code")
    remainder = replace.add_mutually_exclusive_group()
    remainder.add_argument(
        "--remainder", type=number(ENERGY), default=Decimal("0.0"),
        help="kWh the old meter still held (a credit token for the new one)",
    )  # fmt: skip
    remainder.add_argument(
        "--remainder-from-card", action="store_true",
        help="read the remainder from the old SUN card meter's card in the reader",
    )  # fmt: skip
    replace.add_argument(
        "--reader",
        help="card reader name (default: the configured one): the old meter's card, or the "
        "blank card a new card meter's remainder goes onto",
    )
    add_payment_options(replace, "the charges")
    replace.add_argument(
        "--condition", choices=["scrap", "maintenance"], default="maintenance",
        help="how the old meter goes back to stock",
    )  # fmt: skip
    add_operator_options(replace)
    add_paper_options(replace, "replacement")
    replace.set_defaults(handler=_replace)
    add_reprint_command(
        actions, "replacement-bill", "meter replacement", add_operator_options, _print_again
    )


def _replace(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_at_till(database, args)  # the till its charges are paid at
        remainder = args.remainder
        if args.remainder_from_card:
            from starpos.settings import Settings
            from starpos.tokenops.meter_replace_card import remainder_from_reader

            operator.require(permissions.REPLACE_METER)
            # --reader, else the configured reader; None lets the service pick the one there is.
            reader = args.reader or str(Settings().get("card.reader")) or None
            remainder = remainder_from_reader(database, args.old_meter, reader)
        asked = Replacement(
            args.old_meter, args.new_meter, args.reason, remainder,
            MeterCondition(args.condition), args.paid, charge_payment(args),
        )  # fmt: skip
        if goes_onto_card(database, asked):
            # A card meter's remainder goes onto the customer's card in the reader (TOK-29).
            from starpos.settings import Settings

            reader = args.reader or str(Settings().get("card.reader")) or None
            result = replace_onto_card_in_reader(database, operator, asked, reader)
        else:
            with open_configured_module() as access:
                result = replace_with_remainder(database, access, operator, asked)
        paper_of(PAPER, database, operator, result.bill_number, args)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0 if result.state in ("issued", "no_remainder") else 1


def _print_again(args: argparse.Namespace) -> int:
    return print_again(PAPER, args, operator_at_till)


def format_result(result: ReplacementResult) -> str:
    token = " ".join((result.token or "")[i : i + 4] for i in range(0, 20, 4)).strip() or "-"
    rows = [
        ("bill", result.bill_number), ("old", result.old_meter), ("new", result.new_meter),
        ("charges", str(result.charges)), ("paid", str(result.paid)),
        ("change", str(result.change)), ("remainder", str(result.remainder_kwh)),
        ("token", token),
    ]  # fmt: skip
    return label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows])
