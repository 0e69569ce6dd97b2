"""The paper of a bill made outside a sale, as the commands that make it ask for it: a meter
replacement's, a payment change's, a registration's (``--print``, ``--preview FILE``, and a
``...-bill BILL`` command that prints it again, marked REPRINT and audited). One home for
what the three did alike; each names its bill's voucher functions, looked up only when paper
is asked for (the printer stack is not loaded to run a command that prints nothing)."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import print_json
from starpos.i18n import translate


@dataclass(frozen=True)
class BillPaper:
    """A bill's voucher: ``module``'s ``preview(database, printer, bill)`` (an image, nothing
    recorded) and ``print(database, printer, operator, bill)`` (the print count); the
    permission a look at the paper needs; what the command says once it printed (context
    ``tokenops``, with ``{bill}`` and ``{count}``)."""

    module: str
    preview: str
    print: str
    permission: str
    printed: str

    def _functions(self) -> tuple[Callable[..., Any], Callable[..., Any]]:
        found = importlib.import_module(self.module)
        return getattr(found, self.preview), getattr(found, self.print)


def add_paper_options(parser: argparse.ArgumentParser, what: str) -> None:
    """``--print``, ``--preview FILE``, ``--json`` on the command that makes the bill."""
    parser.add_argument("--print", action="store_true", help=f"print the {what} bill")
    parser.add_argument("--preview", type=Path, help="write the bill as the paper shows it")
    parser.add_argument("--json", action="store_true")


def add_reprint_command(
    actions: Any,
    name: str,
    what: str,
    add_operator_options: Callable[[argparse.ArgumentParser], None],
    handler: Callable[[argparse.Namespace], int],
) -> None:
    """``NAME BILL [--preview FILE] [--json]``: the bill printed again."""
    again = actions.add_parser(name, help=f"print a {what}'s bill again (marked REPRINT)")
    again.add_argument("bill", help=f"the {what}'s bill number")
    add_operator_options(again)
    again.add_argument("--preview", type=Path, help="only write the bill as the paper shows it")
    again.add_argument("--json", action="store_true")
    again.set_defaults(handler=handler)


def _printer() -> Any:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings

    return ConfiguredPrinter(Settings())


def paper_of(
    paper: BillPaper, database: Any, operator: Any, bill: str, args: argparse.Namespace
) -> None:
    """After the bill is made: its preview and its first print, as the options ask."""
    if not (args.print or args.preview):
        return
    preview, print_bill = paper._functions()
    printer = _printer()
    if args.preview:
        preview(database, printer, bill).save(args.preview)
    if args.print:
        print_bill(database, printer, operator, bill)


def print_again(
    paper: BillPaper,
    args: argparse.Namespace,
    operator_of: Callable[[Any, argparse.Namespace], Any],
) -> int:
    """The ``...-bill BILL`` command: a preview (nothing recorded), else a counted print."""
    preview, print_bill = paper._functions()
    printer = _printer()
    with open_database() as database:
        operator = operator_of(database, args)
        if args.preview:  # a look at the paper: nothing printed, nothing recorded
            operator.require(paper.permission)
            preview(database, printer, args.bill).save(args.preview)
            return 0
        count = print_bill(database, printer, operator, args.bill)
    if args.json:
        print_json({"bill_number": args.bill.strip(), "print_count": count})
    else:
        print(translate("tokenops", paper.printed).format(bill=args.bill.strip(), count=count))
    return 0
