"""Which terminal a command acts at: one answer for ``vend``, ``shift`` and ``login``.

A command acts at the terminal it is given (``--terminal``), else at the one its ``starpos
login`` session was opened at, else at this installation's: its enrolment's, else the
``terminal.code`` setting (docs/decisions.md SYN-25, SHF-09). Without any of them it acts at
no terminal (the sales point's till, ``@SP01``). A sale and the shift it needs must resolve
the same till, or a cashier who opened a shift is refused the next sale.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

# The store is imported by the functions that use it, as in _credentials: every command
# imports this module when it registers.
if TYPE_CHECKING:
    from starpos.db import Database
    from starpos.operators.session import OperatorSession


def acting_terminal(
    database: Database, args: argparse.Namespace, operator: OperatorSession | None = None
) -> str | None:
    """The terminal this command acts at (see the module's note); ``operator`` is the
    authenticated operator, None before one is (``starpos login`` itself)."""
    given = getattr(args, "terminal", None) or None
    return given or (operator.terminal_code if operator else None) or this_terminal(database)


def this_terminal(database: Database) -> str | None:
    """This installation's terminal: its enrolment's, else the ``terminal.code`` setting.
    Its bill numbers carry the terminal, so two counters of one sales point never make the
    same one (docs/decisions.md SYN-22)."""
    from starpos.masterdata.terminals import this_terminal_code
    from starpos.settings import Settings

    configured = str(Settings().get("terminal.code") or "")
    with database.reading() as session:
        return this_terminal_code(session, configured)


def terminal_sales_point(database: Database, terminal: str | None) -> str | None:
    """The sales point ``terminal`` stands at (None: no terminal, or one the store does not
    know yet); an inactive terminal is refused, as at the window's login."""
    from starpos.masterdata.terminals import terminal_place

    with database.reading() as session:
        place = terminal_place(session, terminal)
    return place.sales_point_code if place else None


def operator_at_till(
    database: Database, args: argparse.Namespace, permission: str | None = None
) -> OperatorSession:
    """The authenticated operator the command acts for, at the till ``starpos vend``
    would sell at: the command's ``--terminal``, else the login's, else this computer's
    (:func:`acting_terminal`), at ``--sales-point``, else that terminal's sales point, else
    the operator's. A login checked the place; a session is moved there under the same
    rules: a known terminal, a sales point the operator may work at."""
    from dataclasses import replace

    from sqlalchemy import select

    from starpos.commands._credentials import authenticated
    from starpos.db.models import Terminal
    from starpos.operators.errors import UnknownTerminalError, WrongSalesPointError
    from starpos.operators.login import sales_point_name
    from starpos.operators.session import find_operator

    operator = authenticated(database, args, permission)
    terminal = acting_terminal(database, args, operator)
    point = (
        getattr(args, "sales_point", None)
        or (terminal_sales_point(database, terminal) if terminal else None)
        or operator.sales_point_code
    )
    if (terminal, point) == (operator.terminal_code, operator.sales_point_code):
        return operator
    with database.reading() as session:
        known = select(Terminal.id).where(Terminal.code == terminal)
        if terminal and session.scalar(known) is None:
            raise UnknownTerminalError(terminal=terminal)
        row = find_operator(session, operator.code)
        home = row.sales_point.code if row.sales_point else None
        if point and home and point != home and not row.may_login_other_sales_points:
            raise WrongSalesPointError(operator=operator.code, home=home, here=point)
        name = sales_point_name(session, point)
    return replace(operator, terminal_code=terminal, sales_point_code=point, sales_point_name=name)
