"""Two processes selling into one database at once: bill numbers and TIDs stay unique."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from starpos.db.enums import VendState
from starpos.devices.sm.driver import SecureModule
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.vending.reconcile import reconcile
from tests.integration.vend.vend_world import World, meter_model, start_module, vend_rows
from tests.support.processes import REPO_ROOT, child_env
from tests.support.store_backends import both_backends

LOOP = Path(__file__).with_name("vend_loop.py")
VENDS_EACH = 8


def cashier(url: str, meter: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(LOOP), url, meter, "25.00", str(VENDS_EACH)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=REPO_ROOT,
    )


@pytest.mark.slow
@both_backends
@pytest.mark.parametrize("modules", ["one module", "two modules"])
def test_two_processes_keep_bill_numbers_and_tids_unique(
    world: World, tables: StaTables, tmp_path: Path, tables_path: Path, modules: str
) -> None:
    meter = world.meters[0]
    second = world.emulator
    if modules == "two modules":
        second = start_module(tmp_path / "second", tables_path, module_id="20261123")
    try:
        cashiers = [cashier(world.url, meter.number), cashier(second.url, meter.number)]
        outputs = [process.communicate(timeout=300) for process in cashiers]
        for process, (_, errors) in zip(cashiers, outputs, strict=True):
            assert process.returncode == 0, errors
        sold = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
        assert len(sold) == 2 * VENDS_EACH

        rows = vend_rows(world.database)
        assert [row["state"] for row in rows] == [VendState.ISSUED] * (2 * VENDS_EACH)
        assert len({row["bill"] for row in rows}) == len(rows)
        assert len({row["tid"] for row in rows}) == len(rows)
        customer_meter = meter_model(meter, tables)
        for row in sorted(rows, key=lambda r: r["tid"]):
            assert customer_meter.enter(row["tokens"][0]).response is MeterResponse.ACCEPTED
        for emulator in {world.emulator.url: world.emulator, second.url: second}.values():
            with SecureModule(emulator.url, credential=emulator.credential) as module:
                assert reconcile(world.database, module).agrees
    finally:
        if second is not world.emulator:
            second.stop()
