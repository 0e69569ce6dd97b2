"""The demo's engineer replaces a meter with charges end to end (TOK-24): ENG1, on the demo's
ENGINEER role as it is (no ``vend``), opens a shift, replaces a meter paying its charges,
reads the X with the charges in the expected cash and counts the drawer, all through
``starpos``; a second replacement paid by mobile money is counted under it (TOK-25). The
engineer still may not sell credit, and an operator who takes no money at the counter may
not open a shift (nothing written)."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from starpos.db.models import Shift
from starpos.operators import permissions
from starpos.operators.errors import PermissionDeniedError
from starpos.shifts.lifecycle import open_shift
from starpos.shifts.slips import x_slip
from starpos.shifts.totals import x_report
from tests.integration.keychange.sale_world import sellable
from tests.integration.tokenops.ops_world import ENGINEER, OpsWorld, stock_meters
from tests.integration.tokenops.replace_world import FLOAT, rpl_with_vat
from tests.support.processes import REPO_ROOT, child_env, starpos_command


def engineer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args, "--operator", "ENG1", "--password-stdin", "--json"),
        input="eng-demo\n", capture_output=True, text=True, timeout=300, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip


def answer(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_demo_engineer_keeps_a_shift_for_a_replacement_with_charges(world: OpsWorld) -> None:
    eng1 = world.operator(ENGINEER)
    assert not eng1.may(permissions.VEND) and eng1.may(permissions.REPLACE_METER)
    old, old2 = sellable(world, 1, 2)
    new, new2 = stock_meters(world.database, 2)
    _, due = rpl_with_vat(world, old)

    opened = answer(engineer("shift", "open", "--float", str(FLOAT)))
    replaced = answer(
        engineer("meter", "replace", old, new, "--reason", "TAMPER", "--remainder", "2.0",
                 "--paid", "50")
    )  # fmt: skip
    assert (Decimal(str(replaced["charges"])), Decimal(str(replaced["paid"]))) == (due, 50)
    assert replaced["state"] == "printed" or replaced["token"]
    # A second replacement's charges by mobile money: not in the drawer, under its method.
    refused = engineer("meter", "replace", old2, new2, "--reason", "TAMPER", "--payment", "gold")
    assert refused.returncode != 0 and "There is no payment method gold" in refused.stderr
    by_momo = answer(
        engineer("meter", "replace", old2, new2, "--reason", "TAMPER", "--payment", "MOMO")
    )
    assert (by_momo["payment"], Decimal(str(by_momo["change"]))) == ("MOMO", 0)
    x = answer(engineer("shift", "x"))
    charges = x["charges"]
    assert isinstance(charges, list) and [c["payment"] for c in charges] == ["MOMO"]
    movements = x["movements"]
    assert isinstance(movements, list)
    assert [(m["kind"], Decimal(str(m["total"]))) for m in movements] == [("paid_in", due)]
    totals = x_report(world.database, eng1, int(str(opened["shift"])))
    assert totals.expected_cash == FLOAT + due
    # The X paper says where the mobile money came from: a line of its own (TOK-30).
    paper = x_slip(totals, "Utility", show_expected=True).text()
    assert (
        "Bill charges paid by MOMO (1)" in paper and str(Decimal(str(charges[0]["total"]))) in paper
    )
    ended = answer(engineer("shift", "end", "--cash", str(FLOAT + due)))
    assert ended["state"] == "ended" and ended["shift"] == opened["shift"]

    # Keeping a drawer is not selling: the engineer's sale is refused as before.
    refused = engineer("vend", old, "10.00")
    assert refused.returncode != 0
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr


def shifts(world: OpsWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Shift)) or 0)


def test_an_operator_who_takes_no_money_opens_no_shift(world: OpsWorld) -> None:
    before = shifts(world)
    installer = world.operator(("INST1", "inst-demo"))
    with pytest.raises(PermissionDeniedError) as refused:
        open_shift(world.database, installer, float_total=FLOAT)
    assert "vend/replace_meter/register_customer" in refused.value.message
    assert shifts(world) == before
