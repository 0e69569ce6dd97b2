"""A seeded store and the embedded module emulator in this test's data folder, as an
installation that sold for a while has them; vends are sold by ``starpos vend`` child
processes, as a cashier's terminal would.

The seeded demo store (tests/fixtures/demo_store.py) is copied into each test's data folder;
the embedded emulator is started there, loaded with the demo keys and credit, and stopped at
the end of the test. The test modules declare the fixture (:func:`world_in`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from starpos.bootstrap.demo import provision_demo_module
from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, PaymentMode
from starpos.db.models import Customer, Meter, MeterModel
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from tests.support.processes import REPO_ROOT, child_env, starpos_command


def sellable_meters(store: Path) -> list[str]:
    """Keypad prepaid meters of active customers with a live contract and a tariff."""
    database = Database.open(f"sqlite:///{store}", upgrade=False)
    with database, database.reading() as session:
        return list(
            session.scalars(
                select(Meter.number)
                .join(Customer, Customer.id == Meter.customer_id)
                .join(MeterModel, MeterModel.id == Meter.model_id)
                .where(
                    Customer.status == CustomerStatus.ACTIVE,
                    Meter.contract_status != ContractStatus.CANCELLED,
                    Meter.medium == MeterMedium.KEYPAD,
                    MeterModel.payment_mode == PaymentMode.PREPAID,
                    Meter.tariff_scheme_id.is_not(None),
                )
                .order_by(Meter.number)
            )
        )


@dataclass
class StoreWorld:
    folder: Path
    meters: list[str]

    @property
    def store(self) -> Path:
        return self.folder / DATABASE_FILE

    def vend(self, meter: str, amount: str = "40", **env: str) -> subprocess.CompletedProcess[str]:
        """``starpos vend`` as a cashier's terminal runs it (operator CASH1)."""
        return subprocess.run(
            vend_command(meter, amount),
            input=CASHIER_PASSWORD,
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(**env),
            cwd=REPO_ROOT,
        )

    def sold(self, meter: str, amount: str = "40") -> dict[str, Any]:
        done = self.vend(meter, amount)
        assert done.returncode == 0, done.stderr
        result: dict[str, Any] = json.loads(done.stdout)
        return result


#: What ``vend_command`` reads on standard input: the cashier logs in with each sale, so a
#: sale after a restore does not depend on a login the restored store never saw.
CASHIER_PASSWORD = "cash-demo\n"


def vend_command(meter: str, amount: str) -> list[str]:
    """``starpos vend`` as CASH1, the password on standard input (:data:`CASHIER_PASSWORD`)."""
    return starpos_command(
        "vend", "--meter", meter, "--amount", amount, "--operator", "CASH1",
        "--password-stdin", "--json",
    )  # fmt: skip


@contextmanager
def world_in(data_dir: Path, seeded: Path) -> Iterator[StoreWorld]:
    """A copy of the ``seeded`` store in ``data_dir``, with the embedded module emulator
    started there and loaded; the emulator is stopped when the block ends."""
    shutil.copyfile(seeded, data_dir / DATABASE_FILE)
    settings = Settings()  # an installer's choices, which a backup keeps
    settings.set("printer.paper_mm", 58)
    settings.save()
    try:
        provision_demo_module()  # starts the embedded emulator in this data folder
        yield StoreWorld(data_dir, sellable_meters(data_dir / DATABASE_FILE))
    finally:
        stop_embedded()
