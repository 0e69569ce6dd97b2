"""``starpos sm`` commands that act on the module settle a crashed vend first.

A credit update (or a key load, or any token) replaces the module's last answer. Run after
a crash and before recovery, it would bury the crashed vend's token: the module's credit
spent, the token nowhere. So the command takes the vend's lock and recovers first.
"""

from __future__ import annotations

import json
import signal
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.db.enums import VendState
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.vending.crash_points import AFTER_MODULE
from tests.integration.vend.test_vend_kills import module_tokens, starpos, vend
from tests.integration.vend.vend_world import (
    MODULE_ID,
    START_CREDIT_TENTHS,
    World,
    demo_keys,
    issued_kwh,
    meter_model,
    module_balance,
    vend_rows,
)
from tests.support.login import log_in
from tests.support.processes import REPO_ROOT, child_env, starpos_command

START = Decimal(START_CREDIT_TENTHS) / 10
ADDED = Decimal("500.0")


def credit_block(world: World, path: Path) -> Path:
    balance = json.loads(starpos("sm", "balance", "--json").stdout)
    made = starpos(
        "sm", "kmc", "--kmc", str(world.emulator.kmc_dir), "credit-block",
        "--module-id", MODULE_ID, "--sequence", str(balance["next_sequence"]),
        "--kwh", str(ADDED), "--out", str(path),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.slow
def test_a_credit_update_after_a_crashed_vend_recovers_the_vend_first(
    world: World, tables: StaTables, tmp_path: Path
) -> None:
    meter = world.meters[0]
    block = credit_block(world, tmp_path / "credit.smc")
    killed = vend(meter.number, **{ENVIRONMENT_VARIABLE: AFTER_MODULE})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (row,) = vend_rows(world.database)
    assert row["state"] is VendState.PENDING and module_tokens(world)

    credited = subprocess.run(
        starpos_command(
            "sm", "credit", str(block), "--json", "--operator", "INST1", "--password-stdin"
        ),
        input="inst-demo\n", capture_output=True, text=True, timeout=120, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip
    assert credited.returncode == 0, credited.stderr
    assert row["bill"] in credited.stderr  # the cashier is told what was settled
    (row,) = vend_rows(world.database)
    assert row["state"] is VendState.ISSUED
    assert row["tokens"] == module_tokens(world)  # the module's token, booked once
    assert json.loads(credited.stdout)["balance_kwh"] == str(
        START - issued_kwh(world.database) + ADDED
    )

    # Nothing lost: the customer's meter takes the token, the audit chain holds.
    customer_meter = meter_model(meter, tables)
    assert customer_meter.enter(row["tokens"][0]).response is MeterResponse.ACCEPTED
    assert module_balance(world.url) == START + ADDED - issued_kwh(world.database)
    audited = starpos("audit", "verify", "--json")
    assert json.loads(audited.stdout)["intact"] is True, audited.stdout


@pytest.mark.slow
def test_a_token_asked_for_by_hand_after_a_crash_leaves_the_vend_recovered(world: World) -> None:
    meter = world.meters[0]
    killed = vend(meter.number, **{ENVIRONMENT_VARIABLE: AFTER_MODULE})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    lost = module_tokens(world)
    key = next(k for k in demo_keys() if k.info.register == meter.key_register).info

    log_in("ADMIN1", "admin-demo")  # may make free credit, but not on a production module
    asked = starpos(
        "sm", "issue", "credit", "--pan", meter.pan, "--register", str(meter.key_register),
        "--sgc", key.sgc, "--ti", str(meter.ti), "--krn", str(key.krn), "--ken", str(key.ken),
        "--base-date", str(key.base_date), "--kwh", "1.0", "--json",
    )  # fmt: skip
    assert asked.returncode == 2 and "is a production module" in asked.stderr
    (row,) = vend_rows(world.database)  # the crashed vend was settled before the refusal
    assert row["state"] is VendState.ISSUED and row["tokens"] == lost
    assert module_balance(world.url) == START - issued_kwh(world.database)


def test_reading_commands_leave_a_pending_vend_alone(world: World) -> None:
    meter = world.meters[0]
    killed = vend(meter.number, **{ENVIRONMENT_VARIABLE: AFTER_MODULE})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    for command in (("sm", "info"), ("sm", "balance"), ("sm", "last")):
        ran = starpos(*command, "--json")
        assert ran.returncode == 0, ran.stderr
    (row,) = vend_rows(world.database)
    assert row["state"] is VendState.PENDING  # `sm last` still shows its answer
    last = json.loads(starpos("sm", "last", "--json").stdout)
    assert last["tokens"] == module_tokens(world)
