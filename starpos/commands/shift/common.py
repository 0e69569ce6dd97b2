"""What the ``starpos shift`` sub-commands share: the operator who acts, the shift they
mean, the printer, and how a count is typed.

As ``starpos vend``, the command line does not ask for a password (whoever runs it can read
the database file anyway): it acts as ``--operator`` (default ``$STARPOS_OPERATOR``) at
``--sales-point`` (default the operator's own) and ``--terminal``, and checks that
operator's permissions for each action; every action is audited under that code.
"""

from __future__ import annotations

import argparse
import os
from decimal import Decimal
from typing import Any

from starpos.audit.log import Actor
from starpos.commands._output import MONEY, UsageError, number, whole
from starpos.db import Database
from starpos.operators.login import acting_as
from starpos.operators.session import OperatorSession
from starpos.shifts import ShiftInfo, current_shift
from starpos.shifts.denominations import read_pieces
from starpos.shifts.errors import ShiftError


class NoCurrentShiftError(ShiftError):
    code = "shift.no_current"
    template = "{operator} has no shift on {till} that is not closed. Give --shift, or open one."


def add_operator_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", help="operator code (default $STARPOS_OPERATOR)")
    parser.add_argument("--sales-point", help="sales point code (default: the operator's)")
    parser.add_argument("--terminal", help="terminal code (default: none, the sales point's till)")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def add_shift_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--shift", type=whole(1, 2**62), help="shift id (default: the operator's current shift)"
    )


def add_print_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--print", dest="print_it", action="store_true", help="print it on the voucher printer"
    )


def operator_of(database: Database, args: argparse.Namespace) -> OperatorSession:
    code = args.operator or os.environ.get("STARPOS_OPERATOR")
    if not code:
        raise UsageError("--operator is required (or set STARPOS_OPERATOR)")
    return acting_as(database, Actor(code, args.sales_point, args.terminal))


def shift_of(database: Database, operator: OperatorSession, args: argparse.Namespace) -> int:
    if getattr(args, "shift", None):
        return int(args.shift)
    found: ShiftInfo | None = current_shift(database, operator)
    if found is None:
        till = operator.terminal_code or f"@{operator.sales_point_code or '-'}"
        raise NoCurrentShiftError(operator=operator.code, till=till)
    return found.shift_id


def money(text: str) -> Decimal:
    return number(MONEY)(text)


def counted_amounts(values: list[str] | None) -> dict[str, Decimal]:
    """``--counted CARD=12.50`` (repeatable) as {payment: amount}."""
    found: dict[str, Decimal] = {}
    for value in values or []:
        payment, sep, amount = value.partition("=")
        if not sep or not payment.strip():
            raise UsageError(f"--counted {value}: write PAYMENT=AMOUNT, e.g. CARD=12.50")
        found[payment.strip()] = money(amount.strip())
    return found


def pieces(text: str | None) -> dict[Decimal, int] | None:
    """``--cash-count "50x3 20x2 0.25x4"``: a count by denomination."""
    return read_pieces(text) if text else None


def printer() -> Any:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings

    return ConfiguredPrinter(Settings())
