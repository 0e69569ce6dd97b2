"""``starpos logout``: end the session ``starpos login`` kept (audited) and remove its file."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.commands._credentials import forget_session
from starpos.i18n import tr_noop, translate

LOGGED_OUT = tr_noop("login", "Operator {operator} logged out.")
NOBODY = tr_noop("login", "No operator was logged in.")
MESSAGES = (LOGGED_OUT, NOBODY)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("logout", help="end the operator's login")
    parser.set_defaults(handler=_logout)


def _logout(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.operators.command_sessions import end

    token = forget_session()
    code = None
    if token is not None:
        with open_database() as database:
            code = end(database, token)
    if code is None:
        print(translate("login", NOBODY))
    else:
        print(translate("login", LOGGED_OUT).format(operator=code))
    return 0
