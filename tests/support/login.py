"""An operator logged in for the ``starpos`` commands a test runs, as ``starpos login`` does.

Commands that make energy or money act only for an authenticated operator
(docs/security.md, "Who acts"). A test logs one in once, in its data folder, instead of
weakening that rule: the same session file ``starpos login`` writes, made in-process so it
costs one password check, not a child process.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta

from starpos.bootstrap.database import open_database
from starpos.commands._credentials import save_session
from starpos.operators.command_sessions import begin
from starpos.operators.login import login

#: The demo's cashier (resources/demo/master_data.json).
CASHIER = ("CASH1", "cash-demo")
ENGINEER = ("ENG1", "eng-demo")
ADMINISTRATOR = ("ADMIN1", "admin-demo")


def log_in(
    code: str = CASHIER[0],
    password: str = CASHIER[1],
    *,
    terminal: str | None = None,
    sales_point: str | None = None,
    hours: int = 8,
) -> None:
    """Log ``code`` in for the commands run on this test's data folder (its store must
    exist and know the operator)."""
    with open_database() as database:
        operator = login(
            database, code, password, sales_point_code=sales_point, terminal_code=terminal
        )
        save_session(begin(database, operator, timedelta(hours=hours)))


#: STAR after its first login: the demo's "star" must be changed before STAR may act.
SUPERUSER = ("STAR", "star-all-rights")


def log_in_superuser() -> None:
    """Log STAR in (every permission), changing the demo's first password as a person must."""
    from starpos.operators.errors import WrongCredentialsError
    from starpos.operators.passwords import change_password

    with open_database() as database, suppress(WrongCredentialsError):  # changed already
        change_password(database, SUPERUSER[0], "star", SUPERUSER[1])
    log_in(*SUPERUSER)
