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


def login_place(database: Database, args: argparse.Namespace) -> tuple[str | None, str | None]:
    """Where a password login of this command happens: (terminal, sales point). The terminal
    as :func:`acting_terminal` finds it, and its sales point unless ``--sales-point`` names
    one, so the operator's right to work there is checked as at the window's login. This
    computer's terminal that the store does not know yet (a store being set up) is none."""
    given = getattr(args, "terminal", None) or None
    terminal = acting_terminal(database, args)
    at = terminal_sales_point(database, terminal)
    if at is None and not given:
        terminal = None
    return terminal, getattr(args, "sales_point", None) or at
