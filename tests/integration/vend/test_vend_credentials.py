"""Issue 17 §1: no energy without an authenticated operator.

Before: ``starpos vend`` sold with no operator at all, with ``--operator STAR`` or
``--operator ''`` (which fell back to STAR) and no password, and ignored ``--terminal ZZZ``.
Now a sale needs the ``starpos login`` session or ``--operator`` with the password; every
refusal is one line, non-zero, and nothing is sold.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.commands._credentials import session_path
from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, OperatorSessionRow
from starpos.operators.command_sessions import resume
from starpos.operators.errors import SessionEndedError
from tests.integration.vend.vend_world import World, module_balance, vend_rows
from tests.support.processes import REPO_ROOT, child_env, starpos_command
from tests.support.shifts import open_shift_for


def starpos(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(**env),
        cwd=REPO_ROOT,
    )


def refused_in_one_line(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr


def nothing_sold(world: World, balance: Decimal) -> None:
    assert [row for row in vend_rows(world.database) if row["tokens"]] == []
    assert module_balance(world.url) == balance


def test_without_credentials_nothing_is_sold(world: World) -> None:
    balance = module_balance(world.url)
    assert starpos("logout").returncode == 0  # the fixture's cashier leaves
    meter = world.meters[0].number
    refused_in_one_line(starpos("vend", "--meter", meter, "--amount", "20"), "No operator")
    # An empty code is no code, and STAR is no default any more.
    empty = starpos("vend", "--meter", meter, "--amount", "20", "--operator", "")
    refused_in_one_line(empty, "No operator is logged in")
    star = starpos("vend", "--meter", meter, "--amount", "20", "--operator", "STAR")
    refused_in_one_line(star, "--password-stdin")
    wrong = starpos(
        "vend", "--meter", meter, "--amount", "20", "--operator", "CASH1", "--password-stdin",
        stdin="guess\n",
    )  # fmt: skip
    refused_in_one_line(wrong, "password is wrong")
    # STAR's demo password must be changed first: it may do nothing else.
    first = starpos(
        "vend", "--meter", meter, "--amount", "20", "--operator", "STAR", "--password-stdin",
        stdin="star\n",
    )  # fmt: skip
    refused_in_one_line(first, "must choose a new password")
    nothing_sold(world, balance)


def test_a_password_on_the_command_line_sells_as_that_operator(world: World) -> None:
    assert starpos("logout").returncode == 0
    sold = starpos(
        "vend", "--meter", world.meters[0].number, "--amount", "20", "--operator", "CASH2",
        "--password-stdin", "--sales-point", "SP02", "--json", stdin="cash-demo\n",
    )  # fmt: skip
    assert sold.returncode == 0, sold.stderr
    bill = json.loads(sold.stdout)["bill_number"]
    with world.database.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.subject == f"vend:{bill}").order_by(AuditEntry.id)
        ).first()
    assert entry is not None and entry.operator_code == "CASH2"


def test_an_unknown_terminal_is_refused(world: World) -> None:
    balance = module_balance(world.url)
    meter = world.meters[0].number
    done = starpos("vend", "--meter", meter, "--amount", "20", "--terminal", "ZZZ")
    refused_in_one_line(done, "no terminal with the code ZZZ")
    login = starpos("login", "--operator", "CASH1", "--password-stdin", "--terminal", "ZZZ",
                    stdin="cash-demo\n")  # fmt: skip
    refused_in_one_line(login, "no terminal with the code ZZZ")
    nothing_sold(world, balance)
    open_shift_for(world.database, "CASH1", "SP01", "T01")  # a known till, with its shift
    at_t01 = starpos("vend", "--meter", meter, "--amount", "20", "--terminal", "T01", "--json")
    assert at_t01.returncode == 0, at_t01.stderr


def test_login_keeps_an_owner_only_session_and_logout_ends_it(world: World) -> None:
    assert starpos("logout").returncode == 0
    logged = starpos("login", "--operator", "CASH1", "--password-stdin", "--hours", "2",
                     "--json", stdin="cash-demo\n")  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    path = session_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    token = json.loads(path.read_text(encoding="utf-8"))["token"]
    with world.database.reading() as session:
        stored = session.scalars(select(OperatorSessionRow)).all()
    assert token not in {row.token_hash for row in stored}  # only its hash is kept
    sold = starpos("vend", "--meter", world.meters[0].number, "--amount", "20", "--json")
    assert sold.returncode == 0, sold.stderr

    # Expired: two hours on, the same token is refused.
    with pytest.raises(SessionEndedError):
        resume(world.database, token, now=utc_now() + timedelta(hours=2, minutes=1))
    # Readable by others: refused, never used.
    os.chmod(path, 0o644)
    loose = starpos("vend", "--meter", world.meters[0].number, "--amount", "20")
    refused_in_one_line(loose, "other users may read it")
    os.chmod(path, 0o600)

    out = starpos("logout")
    assert out.returncode == 0 and "CASH1 logged out" in out.stdout
    assert not path.exists()
    with pytest.raises(SessionEndedError):
        resume(world.database, token)
    with world.database.reading() as session:
        kinds = session.scalars(
            select(AuditEntry.kind).where(AuditEntry.subject == "operator:CASH1")
        ).all()
    assert kinds[-2:] == ["login", "logout"] or kinds[-1] == "logout"
    refused_in_one_line(
        starpos("vend", "--meter", world.meters[0].number, "--amount", "20"), "No operator"
    )


def test_an_operator_without_the_permission_is_refused(world: World) -> None:
    balance = module_balance(world.url)
    done = starpos(
        "vend", "--meter", world.meters[0].number, "--amount", "20", "--operator", "ENG1",
        "--password-stdin", stdin="eng-demo\n",
    )  # fmt: skip
    refused_in_one_line(done, "does not have the permission vend")
    nothing_sold(world, balance)
