"""What the ``starpos shift`` sub-commands share: the operator who acts, the shift they
mean, the printer, and how a count is typed.

Every command that acts (the drawer, the X, the close, the Z, the day close, the float
limit) runs, as ``starpos vend`` does, for an authenticated operator
(:mod:`starpos.commands._credentials`: the ``starpos login`` session, or ``--operator`` /
``$STARPOS_OPERATOR`` with the password; no credentials, nothing done). A close is the
supervisor's own act, so it takes the supervisor's own credentials. ``--terminal`` and
``--sales-point`` say where; without them a command acts at the till ``starpos vend`` sells
at (:mod:`starpos.commands._terminal`: the login's terminal, else this computer's, at its
sales point; else the operator's sales point), so the shift a cashier opens is the one their
next sale finds. That operator's permissions are checked for each action, and every action
is audited under that code.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from starpos.commands._credentials import add_credential_options, operator_at_till
from starpos.commands._output import MONEY, UsageError, number, whole
from starpos.db import Database
from starpos.operators.session import OperatorSession
from starpos.shifts import ShiftInfo, current_shift
from starpos.shifts.denominations import read_pieces
from starpos.shifts.errors import ShiftError


class NoCurrentShiftError(ShiftError):
    code = "shift.no_current"
    template = "{operator} has no shift on {till} that is not closed. Give --shift, or open one."


def add_operator_options(parser: argparse.ArgumentParser) -> None:
    add_credential_options(parser, terminal=False)
    parser.add_argument(
        "--sales-point", help="sales point code (default: the terminal's, else the operator's)"
    )
    parser.add_argument(
        "--terminal", help="terminal code (default: the login's, else this computer's)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def add_shift_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--shift", type=whole(1, 2**62), help="shift id (default: the operator's current shift)"
    )


def add_print_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--print", dest="print_it", action="store_true", help="print it on the voucher printer"
    )


def operator_of(
    database: Database, args: argparse.Namespace, permission: str | None = None
) -> OperatorSession:
    """The authenticated operator the command acts for, at the till ``starpos vend`` would
    sell at (:func:`~starpos.commands._credentials.operator_at_till`)."""
    return operator_at_till(database, args, permission)


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
    """``--counted CARD=12.50`` (repeatable) as {payment: amount}. A card batch may be
    below zero (``CARD=-29.00``: it paid back more than it took); the count refuses that
    for the drawer's cash."""
    found: dict[str, Decimal] = {}
    for value in values or []:
        payment, sep, amount = value.partition("=")
        if not sep or not payment.strip():
            raise UsageError(f"--counted {value}: write PAYMENT=AMOUNT, e.g. CARD=12.50")
        digits = amount.strip()
        sign = -1 if digits.startswith("-") else 1
        found[payment.strip()] = sign * money(digits.removeprefix("-"))
    return found


def pieces(text: str | None) -> dict[Decimal, int] | None:
    """``--cash-count "50x3 20x2 0.25x4"``: a count by denomination."""
    return read_pieces(text) if text else None


def printer() -> Any:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings

    return ConfiguredPrinter(Settings())
