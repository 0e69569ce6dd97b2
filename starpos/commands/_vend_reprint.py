"""``starpos vend reprint --bill B | --token T | --meter M``: print any past voucher again.

The voucher comes from the ledger as booked, marked REPRINT on paper, counted on the sale
and written to the audit log (:class:`starpos.counter.vouchers.CounterPrinting`). A reprint
is an operator's permitted action, so the command logs the operator in with a password like
``starpos engineering`` does; ``--meter`` reprints that meter's latest voucher.
"""

from __future__ import annotations

import argparse
from typing import Any

from starpos.commands._output import UsageError, print_json
from starpos.commands.engineering.common import add_operator_options, operator_session
from starpos.i18n import tr_noop, translate

REPRINTED = tr_noop(
    "vend", "The voucher of sale {bill} was reprinted, marked REPRINT (print {count})."
)


def register_reprint(actions: Any) -> None:
    reprinting = actions.add_parser(
        "reprint", help="print a past voucher again (marked REPRINT, audited)"
    )
    which = reprinting.add_mutually_exclusive_group()
    which.add_argument("--bill", help="the sale's bill number")
    which.add_argument("--token", help="one of the sale's 20-digit tokens")
    which.add_argument("--meter", dest="reprint_meter", help="the meter's latest voucher")
    add_operator_options(reprinting)
    reprinting.add_argument("--json", action="store_true")
    reprinting.set_defaults(handler=_reprint)


def _reprint(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.counter.vouchers import CounterPrinting
    from starpos.settings import Settings
    from starpos.vending.history import find_vouchers, show_vend

    if not (args.bill or args.token or args.reprint_meter):
        raise UsageError("starpos vend reprint: give --bill, --token or --meter")
    with open_database() as database:
        with database.reading() as session:
            found = find_vouchers(
                session, bill=args.bill, token=args.token, meter=args.reprint_meter, limit=1
            )
        bill = found[0]["bill_number"]
        operator = operator_session(database, args)
        CounterPrinting(database, ConfiguredPrinter(Settings())).print_voucher(
            bill, operator, reprint=True
        )
        with database.reading() as session:
            sale = show_vend(session, bill)
    if args.json:
        print_json(sale)
    else:
        print(translate("vend", REPRINTED).format(bill=bill, count=sale["print_count"]))
    return 0
