"""Kill a token batch (SIGKILL, for real) at each step of its third token; settle, resume, and
count: every token the module made (its own event log says which) is booked exactly once,
the module's credit fell by exactly the free credit booked, every meter takes its token.
"""

from __future__ import annotations

import json
import signal
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.db.enums import TokenOperationState as State
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE, HIT_VARIABLE
from starpos.tokenops.batch import (
    AFTER_MODULE,
    AFTER_PENDING,
    AFTER_TOKEN_COMMIT,
    BEFORE_TOKEN_COMMIT,
)
from tests.integration.tokenops.conftest import START_CREDIT_TENTHS
from tests.integration.tokenops.ops_world import OpsWorld, customer_meter, module_balance
from tests.support.processes import REPO_ROOT, child_env, starpos_command

START = Decimal(START_CREDIT_TENTHS) / 10
#: kind on the command line, its value option, the module's event for its token, its login.
KINDS = {
    "free-credit": (("--kwh", "2.5"), "credit_token", ("ADMIN1", "admin-demo")),
    "power-limit": (("--watts", "3000"), "management_token", ("ENG1", "eng-demo")),
}


def starpos(*args: str, password: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args),
        input=f"{password}\n" if password else "",
        capture_output=True,
        text=True,
        timeout=180,
        env=child_env(**env),
        cwd=REPO_ROOT,
    )


def module_tokens(world: OpsWorld, event: str) -> list[str]:
    return [e["token"] for e in world.emulator.events() if e["event"] == event]


def assert_books_agree(world: OpsWorld, event: str, batch: str, tables: StaTables) -> None:
    rows = world.rows(batch)
    assert [row.state for row in rows] == [State.ISSUED] * len(rows)
    booked = [token for row in rows for token in row.token_list]
    assert sorted(booked) == sorted(module_tokens(world, event)), "a token lost or doubled"
    assert len(set(booked)) == len(booked)
    energy = sum((row.energy_kwh for row in rows), Decimal("0.0"))
    assert module_balance(world) == START - energy
    with world.emulator.module() as module:
        assert module.counters().total_issued == energy
    for row in rows:  # each meter takes its token, once
        meter = customer_meter(world.meter(row.meter.number), tables)
        assert meter.enter(row.token_list[0]).response is MeterResponse.ACCEPTED
        assert meter.enter(row.token_list[0]).response is MeterResponse.USED
    audited = starpos("audit", "verify", "--json")
    assert json.loads(audited.stdout)["intact"] is True, audited.stdout


def meter_file(world: OpsWorld, folder: Path) -> Path:
    path = folder / "meters.csv"
    numbers = world.keypad_meters(register=1, count=5)
    path.write_text("meter,remark\n" + "".join(f"{n},x\n" for n in numbers), encoding="utf-8")
    return path


def issue(kind: str, path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    value, _, (code, password) = KINDS[kind]
    return starpos(
        "engineering", "issue", kind, "--file", str(path), *value, "--operator", code,
        "--password-stdin", "--yes", "--json", password=password, **env,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize(
    ("step", "issued_before", "settled"),
    [
        # Row 3 PENDING, the module not asked: back to its batch.
        (AFTER_PENDING, 2, ("returned_to_planned", 3)),
        # The module made row 3's token; recovery books it from its last answer.
        (AFTER_MODULE, 2, ("recovered", 3)),
        (BEFORE_TOKEN_COMMIT, 2, ("recovered", 3)),
        # Row 3's token and row 4's PENDING step went in one commit: row 4 goes back.
        (AFTER_TOKEN_COMMIT, 3, ("returned_to_planned", 4)),
    ],
)
def test_a_batch_killed_at_each_step_resumes_without_loss_or_double(
    world: OpsWorld,
    tables: StaTables,
    tmp_path: Path,
    kind: str,
    step: str,
    issued_before: int,
    settled: tuple[str, int],
) -> None:
    _, event, (code, password) = KINDS[kind]
    killed = issue(kind, meter_file(world, tmp_path), **{ENVIRONMENT_VARIABLE: step,
                                                         HIT_VARIABLE: "3"})  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    rows = world.rows()
    batch = rows[0].batch_id
    states = [row.state for row in rows]
    assert states.count(State.ISSUED) == issued_before
    assert states.count(State.PENDING) == 1

    recovered = starpos("engineering", "recover", "--json")
    assert recovered.returncode == 0, recovered.stderr
    report = json.loads(recovered.stdout)
    outcome, position = settled
    assert report[outcome] == [f"{batch}/{position}"]
    if outcome == "returned_to_planned":  # the module never made that one
        assert len(module_tokens(world, event)) == issued_before

    resumed = starpos(
        "engineering", "resume", batch, "--operator", code, "--password-stdin", "--json",
        password=password,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["outcome"]["issued"] == 5
    assert_books_agree(world, event, batch, tables)


@pytest.mark.slow
def test_a_sale_settles_a_crashed_batch_before_it_acts(
    world: OpsWorld, tables: StaTables, tmp_path: Path
) -> None:
    killed = issue(
        "free-credit", meter_file(world, tmp_path), **{ENVIRONMENT_VARIABLE: AFTER_MODULE}
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    batch = world.rows()[0].batch_id
    # No recovery asked for: the next sale must not bury the batch's token under its own.
    (other,) = world.keypad_meters(register=2, count=1)
    sold = starpos(
        "vend", "--meter", other, "--amount", "40.00", "--operator", "CASH1",
        "--password-stdin", password="cash-demo",
    )  # fmt: skip
    assert sold.returncode == 0, sold.stderr
    rows = world.rows(batch)
    assert rows[0].state is State.ISSUED
    assert rows[0].token_list == module_tokens(world, "credit_token")[:1]
    assert [row.state for row in rows[1:]] == [State.PLANNED] * 4
