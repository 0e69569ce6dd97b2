"""``starpos login``: log an operator in for the commands that follow.

``starpos login --operator CODE [--password-stdin] [--sales-point SP] [--terminal T]
[--hours H]`` checks the password (audited like the window's login, with its lockout) and
keeps a session in the data folder (``operator-session.json``, mode 0600) for ``--hours``
(default 8, at most 24). Until it expires, or ``starpos logout`` ends it, ``vend``, the card
flows and the engineering and module commands act as that operator without asking again
(docs/security.md, "Who acts").

Without ``--terminal`` the login is at this computer's terminal (its enrolment's, else the
``terminal.code`` setting; :mod:`starpos.commands._terminal`, as ``vend`` and ``shift``
resolve it), and without ``--sales-point`` at that terminal's sales point, so the operator's
right to work there is checked as at the window's login. A terminal the store does not know
yet (a store being set up) is left out, as the window does.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from starpos.commands._credentials import add_credential_options, save_session
from starpos.commands._output import UsageError, show, whole
from starpos.i18n import tr_noop, translate

LOGGED_IN = tr_noop(
    "login", "Operator {operator} logged in until {until} (UTC). starpos logout ends it."
)
MESSAGES = (LOGGED_IN,)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("login", help="log an operator in for the next commands")
    add_credential_options(parser)
    parser.add_argument("--sales-point", help="sales point code (default: the operator's)")
    parser.add_argument(
        "--hours", type=whole(1, 24), default=8, help="how long the login lasts (default 8)"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=_login)


def _login(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.commands._credentials import read_password
    from starpos.commands._terminal import login_place
    from starpos.operators.command_sessions import begin
    from starpos.operators.login import login

    code = (args.operator or "").strip()
    if not code:
        raise UsageError("starpos login: --operator is required")
    password = read_password(args, code)
    with open_database() as database:
        terminal, place = login_place(database, args)
        operator = login(database, code, password, sales_point_code=place, terminal_code=terminal)
        started = begin(database, operator, timedelta(hours=args.hours))
    path = save_session(started)
    if args.json:
        return show(
            args,
            {
                "operator": started.operator_code,
                "expires_at": started.expires_at,
                "session_file": str(path),
                "must_change_password": operator.must_change_password,
            },
        )
    until = started.expires_at.strftime("%Y-%m-%d %H:%M")
    print(translate("login", LOGGED_IN).format(operator=started.operator_code, until=until))
    return 0
