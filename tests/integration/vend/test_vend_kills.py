"""Kill the vend process (SIGKILL, for real) at each step; restart, recover, and count.

After recovery the ledger, the module's balance and the tokens must agree: every token
the module made (its own event log says which) is booked exactly once, and the balance
fell by exactly what the ledger booked.
"""

from __future__ import annotations

import json
import signal
import subprocess
from decimal import Decimal

import pytest

from starpos.db.enums import VendState
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.vending.crash_points import (
    AFTER_MODULE,
    AFTER_PENDING,
    AFTER_TOKEN_COMMIT,
    BEFORE_TOKEN_COMMIT,
)
from tests.integration.vend.vend_world import (
    START_CREDIT_TENTHS,
    World,
    issued_kwh,
    meter_model,
    module_balance,
    vend_rows,
)
from tests.support.processes import REPO_ROOT, child_env, starpos_command
from tests.support.store_backends import both_backends

START = Decimal(START_CREDIT_TENTHS) / 10


def starpos(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args),
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(**env),
        cwd=REPO_ROOT,
    )


def vend(meter: str, net: str = "40.00", **env: str) -> subprocess.CompletedProcess[str]:
    return starpos("vend", "--meter", meter, "--amount", net, "--json", **env)


def module_tokens(world: World) -> list[str]:
    return [e["token"] for e in world.emulator.events() if e["event"] == "credit_token"]


def assert_books_agree(world: World) -> None:
    rows = vend_rows(world.database)
    booked = [token for row in rows for token in row["tokens"]]
    assert sorted(booked) == sorted(module_tokens(world)), "a token lost or doubled"
    assert all(row["state"] is not VendState.PENDING for row in rows)
    assert module_balance(world.url) == START - issued_kwh(world.database)
    reconciled = starpos("vend", "reconcile", "--json")
    assert reconciled.returncode == 0, reconciled.stderr
    assert json.loads(reconciled.stdout)["agrees"] is True
    audited = starpos("audit", "verify", "--json")
    assert json.loads(audited.stdout)["intact"] is True, audited.stdout


@pytest.mark.slow
@both_backends  # on PostgreSQL the server rolls back what the killed process left open
@pytest.mark.parametrize(
    ("step", "settled_as"),
    [
        (AFTER_PENDING, VendState.FAILED),
        (AFTER_MODULE, VendState.ISSUED),
        (BEFORE_TOKEN_COMMIT, VendState.ISSUED),
        (AFTER_TOKEN_COMMIT, VendState.ISSUED),
    ],
)
def test_a_vend_killed_at_each_step_is_settled_without_loss_or_double(
    world: World, tables: StaTables, step: str, settled_as: VendState
) -> None:
    meter = world.meters[0]
    killed = vend(meter.number, **{ENVIRONMENT_VARIABLE: step})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (row,) = vend_rows(world.database)
    expected_before = VendState.ISSUED if step == AFTER_TOKEN_COMMIT else VendState.PENDING
    assert row["state"] is expected_before

    recovered = starpos("vend", "recover", "--json")
    assert recovered.returncode == 0, recovered.stderr
    report = json.loads(recovered.stdout)
    (row,) = vend_rows(world.database)
    assert row["state"] is settled_as
    if step in (AFTER_MODULE, BEFORE_TOKEN_COMMIT):
        assert report["recovered"] == [row["bill"]]
    if step == AFTER_PENDING:
        assert report["failed"] == [row["bill"]]
        assert module_tokens(world) == []

    # The shop goes on: the next vend works, and the customer's meter takes every token once.
    after = vend(meter.number)
    assert after.returncode == 0, after.stderr
    customer_meter = meter_model(meter, tables)
    for token in [t for r in vend_rows(world.database) for t in r["tokens"]]:
        assert customer_meter.enter(token).response is MeterResponse.ACCEPTED
    assert customer_meter.credit == issued_kwh(world.database)
    assert_books_agree(world)


@pytest.mark.slow
def test_the_next_vend_settles_a_crashed_one_first(world: World, tables: StaTables) -> None:
    meter, other = world.meters[0], world.meters[1]
    killed = vend(meter.number, **{ENVIRONMENT_VARIABLE: AFTER_MODULE})
    assert killed.returncode == -signal.SIGKILL
    # No explicit recovery: the next vend (another meter) must not bury the lost answer.
    after = vend(other.number)
    assert after.returncode == 0, after.stderr
    states = [row["state"] for row in vend_rows(world.database)]
    assert states == [VendState.ISSUED, VendState.ISSUED]
    assert_books_agree(world)
