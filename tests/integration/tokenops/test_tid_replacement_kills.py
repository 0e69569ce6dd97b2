"""Kill ``starpos token replace`` (SIGKILL, for real) at each step of the replacement token;
recover; the due ends REPLACED by exactly one replacement the module made once, with the
sale's energy under a new TID the meter takes, and the audit chain intact (docs/sync.md,
"TID collision"; SYN-51)."""

from __future__ import annotations

import json
import signal
import subprocess

import pytest
from sqlalchemy import select

from starpos.db.enums import TokenOperationKind, TokenOperationState, TokenReplacementState
from starpos.db.models import TokenOperation, TokenReplacementDue, Vend
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.tokenops.batch import STEPS
from tests.integration.tokenops.ops_world import OpsWorld, customer_meter
from tests.integration.tokenops.test_tid_replacement import collided
from tests.integration.tokenops.test_token_cancel_kills import starpos


def replace(number: str, bill: str, **env: str) -> subprocess.CompletedProcess[str]:
    return starpos(
        "token", "replace", "--meter", number, "--bill", bill, "--operator", "SUP1",
        "--password-stdin", "--terminal", "T01", "--json", stdin="super-demo\n", **env,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS)
def test_a_replacement_killed_at_each_step_is_made_once_and_taken_by_the_meter(
    world: OpsWorld, tables: StaTables, step: str
) -> None:
    number, sale = collided(world)
    killed = replace(number, sale.bill_number, **{ENVIRONMENT_VARIABLE: step})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    recovered = starpos("vend", "recover", "--json")
    assert recovered.returncode == 0, recovered.stderr
    again = replace(number, sale.bill_number)
    if again.returncode != 0:
        # Recovery finished it: asked again, the counter says so in one line, nothing made.
        assert "already replaced" in again.stderr and "Traceback" not in again.stderr
        assert again.stderr.strip().count("\n") == 0

    with world.database.reading() as session:
        (row,) = session.scalars(
            select(TokenOperation).where(TokenOperation.kind == TokenOperationKind.TID_REPLACEMENT)
        ).all()
        due = session.scalars(select(TokenReplacementDue)).one()
        token_kwh = session.scalar(
            select(Vend.token_kwh).where(Vend.bill_number == sale.bill_number)
        )
        assert (row.state, row.energy_kwh) == (TokenOperationState.ISSUED, token_kwh)
        assert (due.state, due.replacement) == (TokenReplacementState.REPLACED, row.request_id)
        replacement = row.tokens
    made = [
        e["token"] for e in world.emulator.events()
        if e["event"] == "credit_token" and e["token"] != sale.token
    ]  # fmt: skip
    assert made == [replacement], "the replacement made twice or not at all"
    meter = customer_meter(world.meter(number), tables)
    assert meter.enter(sale.token).response is MeterResponse.ACCEPTED  # the other counter's
    assert meter.enter(sale.token).response is MeterResponse.USED
    before = meter.credit
    assert meter.enter(replacement).response is MeterResponse.ACCEPTED
    assert meter.credit - before == token_kwh
    audited = starpos("audit", "verify", "--json")
    assert json.loads(audited.stdout)["intact"] is True, audited.stdout
