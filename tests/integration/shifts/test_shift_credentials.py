"""Issue 13: ``starpos shift`` acts only for an authenticated operator, as ``starpos vend``.

Before: every shift command acted as whatever ``--operator`` or ``$STARPOS_OPERATOR`` named,
with no password, so anyone who could run ``starpos`` could take cash out of a drawer, close
a shift as a supervisor or lift a float limit. Now each one needs the ``starpos login``
session or the operator's password; without it, or with a wrong one, it is refused in one
line, non-zero, and nothing changes in the store.

The refusal matrix runs ``starpos.cli.main`` in this process (the entry point the child
process runs; thirty child processes would cost a minute); one refusal of each kind also
goes through a real child process.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.cli import main
from starpos.db import Database
from starpos.db.models import (
    AuditEntry,
    CashMovement,
    DayClose,
    Operator,
    SalesPoint,
    Shift,
    ShiftCount,
    ZReport,
)
from starpos.operators.login import acting_as
from starpos.shifts import close_shift, end_shift
from tests.integration.vend.vend_world import World
from tests.support.login import log_in
from tests.support.shifts import open_shift_for


def store_state(database: Database) -> dict[str, Any]:
    """What a shift command may change, as rows (the login bookkeeping left out)."""
    with database.reading() as session:
        return {
            "shifts": session.execute(
                select(Shift.id, Shift.state, Shift.till, Shift.closed_by_id).order_by(Shift.id)
            ).all(),
            "movements": session.execute(select(CashMovement.id)).all(),
            "counts": session.execute(
                select(ShiftCount.shift_id, ShiftCount.payment, ShiftCount.counted)
            ).all(),
            "z": session.execute(select(ZReport.id, ZReport.print_count)).all(),
            "days": session.execute(select(DayClose.id)).all(),
            "limits": session.execute(
                select(SalesPoint.code, SalesPoint.float_limit).order_by(SalesPoint.code)
            ).all()
            + session.execute(
                select(Operator.code, Operator.float_limit).order_by(Operator.code)
            ).all(),
            "audit": session.execute(
                select(AuditEntry.id).where(AuditEntry.kind != "login_failed")
            ).all(),
        }


def a_day_to_act_on(world: World) -> tuple[int, Path]:
    """Z 1 on T01, CASH1's open shift on T01 again, and CASH2's shift at SP02 counted (the
    one a close would close); the shift id to close, and where a Z's PDF would go."""
    database = world.database
    cash1 = acting_as(database, Actor("CASH1", "SP01", "T01"))
    first = open_shift_for(database, "CASH1", "SP01", "T01", Decimal("10.00"))
    end_shift(database, cash1, first.shift_id, {"cash": Decimal("10.00")})
    close_shift(database, acting_as(database, Actor("SUP1", "SP01")), first.shift_id)
    open_shift_for(database, "CASH1", "SP01", "T01", Decimal("10.00"))
    demo = open_shift_for(database, "CASH2", "SP02")  # the demo seed opened it
    end_shift(database, acting_as(database, Actor("CASH2", "SP02")), demo.shift_id,
              {"cash": Decimal(0)})  # fmt: skip
    return demo.shift_id, world.folder / "z.pdf"


def commands(ended: int, pdf: Path) -> list[list[str]]:
    """Every shift command that acts, as it would succeed with the right credentials."""
    at_t01 = ["--terminal", "T01"]
    return [
        ["open", "--terminal", "T02", "--float", "10"],
        ["drop", "5", "--reason", "to the safe", *at_t01],
        ["pickup", "5", "--reason", "collected", *at_t01],
        ["paid-in", "5", "--reason", "change", *at_t01],
        ["paid-out", "5", "--reason", "taxi", *at_t01],
        ["drawer", "--reason", "look", *at_t01],
        ["x", "--json", *at_t01],
        ["end", "--cash", "10", *at_t01],
        ["count", "--shift", str(ended), "--cash", "1"],
        ["close", "--shift", str(ended), "--sales-point", "SP02", "--approve-reason", "ok"],
        ["z", "--till", "T01", "--pdf", str(pdf)],
        ["reprint", "--till", "T01", "--number", "1"],
        ["correct", "--till", "T01", "--number", "1", "--reason", "r", "--counted", "CASH=1"],
        ["day-close", "--sales-point", "SP01"],
        ["float-limit", "--of-sales-point", "SP01", "--amount", "50"],
    ]


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str],
    stdin: str = "",
) -> tuple[int, str]:  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["shift", *argv])
    captured = capsys.readouterr()
    assert captured.out == "", (argv, captured.out)
    return code, captured.err


def run_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str],
    stdin: str = "",
) -> Any:  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["shift", *argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def refused_in_one_line(code: int, err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == 1 and "Traceback" not in err, err
    assert any(word in lines[0] for word in words), err


def test_every_shift_command_refuses_without_credentials_or_with_a_wrong_password(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STARPOS_OPERATOR", raising=False)
    ended, pdf = a_day_to_act_on(world)
    before = store_state(world.database)
    # Four wrong passwords per operator: a fifth would lock the account (also a refusal,
    # but this test wants to read "wrong password" each time).
    guessers = ["CASH1", "CASH2", "CASH3", "SUP1"]
    for number, argv in enumerate(commands(ended, pdf)):
        refused_in_one_line(*run(capsys, monkeypatch, argv), "No operator is logged in")
        who = guessers[number % len(guessers)]
        wrong = [*argv, "--operator", who, "--password-stdin"]
        refused_in_one_line(*run(capsys, monkeypatch, wrong, "guess\n"), "password is wrong")
    # How a code is given is _credentials' (its own tests): an empty code is no code, and
    # $STARPOS_OPERATOR names an operator, it is no password.
    opening = commands(ended, pdf)[0]
    empty = run(capsys, monkeypatch, [*opening, "--operator", " "])
    refused_in_one_line(*empty, "No operator is logged in")
    monkeypatch.setenv("STARPOS_OPERATOR", "SUP1")
    refused_in_one_line(*run(capsys, monkeypatch, opening), "no terminal to ask the password")
    assert store_state(world.database) == before
    assert not pdf.exists()


def test_the_close_takes_the_supervisors_own_credentials(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STARPOS_OPERATOR", raising=False)
    ended, _ = a_day_to_act_on(world)
    log_in("CASH1", "cash-demo", terminal="T01")  # the cashier's session at the till
    x = run_json(capsys, monkeypatch, ["x", "--json"])
    assert x["shift"]["till"] == "T01" and "expected" not in x  # the blind X, by the session
    close = ["close", "--shift", str(ended), "--json"]
    refused_in_one_line(*run(capsys, monkeypatch, close), "permission close_shift")
    # The session stays within what a login may: CASH1 works at SP01 only.
    elsewhere = [*close, "--sales-point", "SP02"]
    refused_in_one_line(*run(capsys, monkeypatch, elsewhere), "only log in at sales point SP01")
    close = elsewhere
    # The supervisor's code with the cashier's password is a wrong password.
    as_sup1 = [*close, "--operator", "SUP1", "--password-stdin"]
    refused_in_one_line(*run(capsys, monkeypatch, as_sup1, "cash-demo\n"), "password is wrong")
    # A session moved to a terminal the store does not know is refused too.
    refused_in_one_line(*run(capsys, monkeypatch, ["x", "--terminal", "ZZZ"]), "ZZZ")
    closed = run_json(capsys, monkeypatch, as_sup1, "super-demo\n")
    assert closed["z"]["till"] == "@SP02"
    with world.database.reading() as session:
        closer = session.scalar(
            select(Operator.code).join(Shift, Shift.closed_by_id == Operator.id)
            .where(Shift.id == ended)
        )  # fmt: skip
    assert closer == "SUP1"


def test_a_child_process_is_refused_the_same_way(world: World, run_starpos) -> None:  # type: ignore[no-untyped-def]
    before = store_state(world.database)
    env = {"STARPOS_OPERATOR": ""}
    bare = run_starpos("shift", "open", "--float", "10", **env)
    wrong = run_starpos("shift", "paid-out", "5", "--reason", "taxi", "--operator", "CASH1",
                        "--password-stdin", input="guess\n", **env)  # fmt: skip
    for done, words in ((bare, "No operator is logged in"), (wrong, "password is wrong")):
        assert isinstance(done, subprocess.CompletedProcess)
        refused_in_one_line(done.returncode, done.stderr, words)
    assert store_state(world.database) == before
