"""Kill ``starpos token cancel`` (SIGKILL, for real) at each step of its zero-energy token;
recover; the cancel ends DONE with exactly one zero token made by the module, the sale
CANCELLED, the meter refusing the cancelled token, the audit chain intact."""

from __future__ import annotations

import json
import signal
import subprocess

import pytest
from sqlalchemy import select

from starpos.db.enums import TokenCancelState, VendState
from starpos.db.models import TokenCancel, Vend
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.tokenops.batch import (
    AFTER_MODULE,
    AFTER_PENDING,
    AFTER_TOKEN_COMMIT,
    BEFORE_TOKEN_COMMIT,
)
from tests.integration.keychange.sale_world import sell_to, sellable
from tests.integration.tokenops.ops_world import OpsWorld, customer_meter
from tests.support.processes import REPO_ROOT, child_env, starpos_command


def starpos(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args), input=stdin, capture_output=True, text=True, timeout=120,
        env=child_env(**env), cwd=REPO_ROOT,
    )  # fmt: skip


def cancel(bill: str, **env: str) -> subprocess.CompletedProcess[str]:
    return starpos(
        "token", "cancel", "--bill", bill, "--reason", "sold to the wrong meter",
        "--operator", "SUP1", "--password-stdin", "--json", stdin="super-demo\n", **env,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    "step", [AFTER_PENDING, AFTER_MODULE, BEFORE_TOKEN_COMMIT, AFTER_TOKEN_COMMIT]
)
def test_a_token_cancel_killed_at_each_step_ends_done_with_one_zero_token(
    world: OpsWorld, tables: StaTables, step: str
) -> None:
    (number,) = sellable(world, 1)
    sale = sell_to(number, world)
    killed = cancel(sale.bill_number, **{ENVIRONMENT_VARIABLE: step})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    recovered = starpos("vend", "recover", "--json")
    assert recovered.returncode == 0, recovered.stderr
    if step == AFTER_PENDING:
        # The module never made the zero token: the supervisor runs the cancel again and it
        # takes up the same cancel (same bill, same row), never a second one.
        again = cancel(sale.bill_number)
        assert again.returncode == 0, again.stderr
    with world.database.reading() as session:
        (row,) = session.scalars(select(TokenCancel)).all()
        state = session.scalars(select(Vend.state).where(Vend.id == row.vend_id)).one()
        assert (row.state, state) == (TokenCancelState.DONE, VendState.CANCELLED)
    zero_tokens = [
        e["token"] for e in world.emulator.events()
        if e["event"] == "credit_token" and e["amount_tenths"] == 0
    ]  # fmt: skip
    assert len(zero_tokens) == 1, "the zero token made twice or not at all"
    meter = customer_meter(world.meter(number), tables)
    meter.tid_memory = 1
    assert meter.enter(zero_tokens[0]).response is MeterResponse.ACCEPTED
    assert meter.enter(sale.token).response is MeterResponse.OLD
    audited = starpos("audit", "verify", "--json")
    assert json.loads(audited.stdout)["intact"] is True, audited.stdout
