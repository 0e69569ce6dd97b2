"""A counter enrolled with a head office takes its master data from there (docs/sync.md):
every ``starpos admin`` change of it is refused in one translated line with a non-zero exit
and the store as it was, the meter stock's bulk inserts included (decision BO-28)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime

from starpos.bootstrap.database import open_database
from starpos.db.models import SyncState
from starpos.sts.meter_number import make_meter_number
from tests.integration.admin.star_commands import star_on_a_new_store

Run = Callable[..., subprocess.CompletedProcess[str]]
HEAD_OFFICE = "https://head-office.example"
FIRST, LAST = (make_meter_number("600727", "58", 30_000_000 + n).iain for n in (1, 4))


def test_an_enrolled_counter_refuses_every_admin_change(run_starpos: Run) -> None:
    star = star_on_a_new_store(run_starpos)

    for record in (
        ("system", "set", "--company-name", "Lakeside Power", "--currency", "USD"),
        ("branch", "add", "--code", "BR01", "--name", "Lakeside"),
        ("meter-model", "add", "--code", "KP1", "--name", "Keypad"),
    ):
        assert star(*record).returncode == 0
    with open_database() as database, database.unit_of_work() as uow:
        uow.session.add(
            SyncState(
                server_url=HEAD_OFFICE,
                key_id="k1",
                terminal_code="T01",
                sales_point_code="SP01",
                enrolled_at=datetime.now(UTC),
            )
        )
        uow.commit()

    def stock() -> object:
        listed = run_starpos("admin", "meter", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        return json.loads(listed.stdout)["total"]

    for change in (
        ("branch", "add", "--code", "BR02", "--name", "Hill"),
        ("meter", "stock-in-range", FIRST, LAST, "--model", "KP1", "--branch", "BR01",
         "--sgc", "600101", "--ti", "1"),
        ("meter", "stock-in", FIRST, "--model", "KP1", "--branch", "BR01", "--sgc", "600101",
         "--ti", "1"),
    ):  # fmt: skip
        refused = star(*change)
        assert refused.returncode == 2, (change, refused.stdout)
        assert refused.stderr.count("\n") == 1 and HEAD_OFFICE in refused.stderr, refused.stderr
    assert stock() == 0
    french = star("meter", "stock-in-range", FIRST, LAST, "--model", "KP1", "--branch", "BR01",
                  "--sgc", "600101", "--ti", "1", lang="fr")  # fmt: skip
    assert french.returncode == 2 and "siège" in french.stderr, french.stderr
    assert stock() == 0
