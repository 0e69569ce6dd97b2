"""Who acts: every command that makes energy or money runs as an authenticated operator.

No energy without a record (DESIGN.md rule 10): ``vend``, the card flows, ``card credit``,
``sm issue``, ``sm credit``, ``sm load-kmf`` and the engineering commands act only for an
operator who proved who they are, in this order:

1. ``--operator CODE`` with the password typed at the prompt, or the first line of standard
   input with ``--password-stdin`` (a login, audited like the window's);
2. else the session ``starpos login`` left in the data folder (``operator-session.json``,
   mode 0600, expiring; ``starpos logout`` ends it);
3. else ``$STARPOS_OPERATOR`` with the password as in 1.

Nothing else: no default operator, and an empty code is no code. Without credentials the
command refuses in one line (:class:`~starpos.operators.errors.NotLoggedInError`). The
operator's permission is then checked (:meth:`OperatorSession.require`), so an operator
who must change their password acts on nothing until they have.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from starpos.commands._output import UsageError
from starpos.i18n import tr_noop, translate
from starpos.operators.errors import NotLoggedInError, SessionFileError

# The store is imported by the functions that use it: every ``starpos`` command imports
# this module to register its options, ``starpos card virtual`` among them.
if TYPE_CHECKING:
    from starpos.db import Database
    from starpos.operators.command_sessions import StartedSession
    from starpos.operators.session import OperatorSession

SESSION_FILE = "operator-session.json"
PASSWORD_PROMPT = tr_noop("login", "Password of operator {operator}: ")
#: Why a session file is refused (the reason of ``SessionFileError``).
READABLE = tr_noop("login", "other users may read it")
NOT_OURS = tr_noop("login", "another user owns it")
DAMAGED = tr_noop("login", "it is damaged")
MESSAGES = (PASSWORD_PROMPT, READABLE, NOT_OURS, DAMAGED)


def add_credential_options(parser: argparse.ArgumentParser, *, terminal: bool = True) -> None:
    """``--operator`` and ``--password-stdin`` (and ``--terminal`` unless the command has
    its own)."""
    parser.add_argument("--operator", help="operator code (default: the starpos login session)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the operator's password from the first line of standard input",
    )
    if terminal:
        parser.add_argument("--terminal", help="terminal code (recorded with the action)")


def session_path() -> Path:
    from starpos.paths import data_dir

    return data_dir() / SESSION_FILE


def read_password(args: argparse.Namespace, code: str) -> str:
    """The password from standard input (``--password-stdin``) or typed at the prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--password-stdin: standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask the password on: give it with --password-stdin")
    return getpass.getpass(translate("login", PASSWORD_PROMPT).format(operator=code))


def authenticated(
    database: Database, args: argparse.Namespace, permission: str | None = None
) -> OperatorSession:
    """The operator this command acts for (see the module's docstring), with
    ``permission`` checked when one is named."""
    operator = _who(database, args)
    if permission is not None:
        operator.require(permission)
    return operator


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

    from starpos.commands._terminal import acting_terminal, terminal_sales_point
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


def _who(database: Database, args: argparse.Namespace) -> OperatorSession:
    from starpos.commands._terminal import login_place
    from starpos.operators.command_sessions import resume
    from starpos.operators.login import login

    code = (getattr(args, "operator", None) or "").strip()
    token = None if code else _saved_token()
    if token is not None:
        return resume(database, token)
    code = code or os.environ.get("STARPOS_OPERATOR", "").strip()
    if not code:
        raise NotLoggedInError()
    # As `starpos login` logs in: at this computer's terminal, so the login's audit entry
    # names the till and the operator's right to work at its sales point is checked.
    password = read_password(args, code)
    terminal, place = login_place(database, args)
    return login(database, code, password, sales_point_code=place, terminal_code=terminal)


def save_session(started: StartedSession) -> Path:
    """Write the session's token where the next commands find it: owner-only (0600) from
    the moment the file exists."""
    path = session_path()
    record = {
        "operator": started.operator_code,
        "expires_at": started.expires_at.isoformat(),
        "token": started.token,
    }
    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(record, handle)
    os.replace(temporary, path)
    return path


def forget_session() -> str | None:
    """Remove the session file; the token it held (None when there was none)."""
    path = session_path()
    try:
        token = _saved_token()
    except SessionFileError:
        token = None
    path.unlink(missing_ok=True)
    return token


def _saved_token() -> str | None:
    path = session_path()
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise SessionFileError(path=str(path), reason=translate("login", READABLE))
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise SessionFileError(path=str(path), reason=translate("login", NOT_OURS))
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        token = record["token"]
        datetime.fromisoformat(record["expires_at"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SessionFileError(path=str(path), reason=translate("login", DAMAGED)) from error
    if not isinstance(token, str) or not token:
        raise SessionFileError(path=str(path), reason=translate("login", DAMAGED))
    return token
