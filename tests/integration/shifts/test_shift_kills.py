"""Kill ``starpos shift`` (SIGKILL, for real) during the blind count and during the Z; after
it the shift is as it was or as it should be, never half-closed, and the Z numbers of the
till have no gap and no duplicate."""

from __future__ import annotations

import json
import signal
import subprocess

import pytest
from sqlalchemy import func, select

from starpos.bootstrap.database import open_database
from starpos.db.enums import ShiftState
from starpos.db.models import Shift, ShiftCount, ZReport
from starpos.shifts.crash_points import (
    AFTER_CLOSE_COMMIT,
    BEFORE_CLOSE_COMMIT,
    BEFORE_COUNT_COMMIT,
)
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from tests.support.processes import REPO_ROOT, child_env, starpos_command

KILLED = -signal.SIGKILL


#: The demo's passwords: each command logs its operator in (resources/demo/master_data.json).
PASSWORDS = {"CASH1": "cash-demo", "SUP1": "super-demo"}


def starpos(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    password = None
    if "--operator" in args:
        password = PASSWORDS[args[args.index("--operator") + 1]] + "\n"
        args = (*args, "--password-stdin")
    return subprocess.run(
        starpos_command("shift", *args),
        input=password,
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(**env),
        cwd=REPO_ROOT,
    )


def ok(*args: str) -> dict:  # type: ignore[type-arg]
    done = starpos(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def shift_state(shift_id: int) -> tuple[ShiftState, int, list[int]]:
    """The shift's state, its count rows, and the Z numbers of its till."""
    with open_database() as database, database.reading() as session:
        shift = session.get(Shift, shift_id)
        assert shift is not None
        counts = session.scalar(
            select(func.count()).select_from(ShiftCount).where(ShiftCount.shift_id == shift_id)
        )
        numbers = session.scalars(
            select(ZReport.number).where(ZReport.till == shift.till).order_by(ZReport.number)
        ).all()
        return ShiftState(shift.state), int(counts or 0), list(numbers)


@pytest.mark.slow
def test_killed_during_the_count_the_shift_stays_open(seeded_store: None) -> None:
    shift = ok("x", "--operator", "CASH1")["shift"]["shift"]
    killed = starpos(
        "end", "--operator", "CASH1", "--cash", "0", **{ENVIRONMENT_VARIABLE: BEFORE_COUNT_COMMIT}
    )
    assert killed.returncode == KILLED, killed.stderr
    assert shift_state(shift) == (ShiftState.OPEN, 0, [])
    ok("end", "--operator", "CASH1", "--cash", "0")
    assert shift_state(shift) == (ShiftState.ENDED, 1, [])


@pytest.mark.slow
def test_killed_during_the_z_no_half_close_no_gap_no_duplicate(seeded_store: None) -> None:
    numbers: list[int] = []
    for kill_at in (BEFORE_CLOSE_COMMIT, AFTER_CLOSE_COMMIT, None):
        opened = ok("open", "--operator", "CASH1", "--terminal", "T02", "--float", "10.00")
        shift = opened["shift"]
        ok("end", "--operator", "CASH1", "--terminal", "T02", "--cash", "10.00")
        close = ("close", "--operator", "SUP1", "--shift", str(shift))
        before = list(numbers)
        if kill_at is not None:
            killed = starpos(*close, **{ENVIRONMENT_VARIABLE: kill_at})
            assert killed.returncode == KILLED, killed.stderr
        state, _, numbers = shift_state(shift)
        if kill_at == BEFORE_CLOSE_COMMIT:  # nothing of the close is left: counted, no Z
            assert (state, numbers) == (ShiftState.ENDED, before)
        if kill_at == AFTER_CLOSE_COMMIT:  # the close and its Z are whole
            assert (state, numbers) == (ShiftState.CLOSED, [*before, len(before) + 1])
        if state == ShiftState.ENDED:
            ok(*close)
        state, _, numbers = shift_state(shift)
        assert state == ShiftState.CLOSED
    assert numbers == [1, 2, 3]
    assert ok("verify")["intact"] is True
    audited = subprocess.run(
        starpos_command("audit", "verify", "--json"), capture_output=True, text=True,
        env=child_env(), cwd=REPO_ROOT, timeout=120,
    )  # fmt: skip
    assert json.loads(audited.stdout)["intact"] is True
