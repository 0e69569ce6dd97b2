"""A small demo utility and a secure module emulator on a real pty, for the vend tests.

The demo database is seeded once per session (hashing the operators' passwords is the slow
part) and copied into each test's data folder. Each test gets its own emulator process on
a pty, loaded with the demo keys under key bytes the test knows, so a token can be decoded
by :class:`starpos.sts.meter_model.MeterModel` just as the customer's meter would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, PaymentMode, VendState
from starpos.db.models import AuditEntry, Customer, Meter, MeterModel, Vend
from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.kmf import VendingKey
from starpos.paths import resources_dir
from starpos.settings import Settings
from starpos.sts.meter_model import MeterModel as StsMeter
from starpos.sts.request import TokenRequest
from starpos.sts.tables import StaTables
from tests.support.emulator_process import EmulatorProcess

MODULE_ID = "20261122"
#: The module's credit at the start of each test: 20,000.0 kWh, in tenths.
START_CREDIT_TENTHS = 200_000


def demo_keys(**changes: Any) -> list[VendingKey]:
    """The demo keys with known key bytes (``changes``: other key fields, e.g. activation)."""
    spec = json.loads((resources_dir() / "demo" / "keys.json").read_text(encoding="utf-8"))
    keys = []
    for entry in spec["keys"]:
        fields = {**entry, **changes}  # the demo key bytes are public (keys.json)
        register = int(fields.pop("register"))
        keys.append(kmc.development_key(register, **fields))
    return keys


def start_module(
    folder: Path,
    tables: Path,
    credit_tenths: int = START_CREDIT_TENTHS,
    module_id: str = MODULE_ID,
    keys: list[VendingKey] | None = None,
) -> EmulatorProcess:
    """An emulator process on a pty with the demo keys and ``credit_tenths`` of credit."""
    emulator = EmulatorProcess(folder / "module", folder / "kmc", tables, "--pty")
    first = () if (folder / "module").exists() else ("--module-id", module_id)
    emulator.start("--pty", *first)
    if first:
        with SecureModule(emulator.url, credential=emulator.credential) as module:
            kmc.provision(module, keys or demo_keys(), credit_tenths, emulator.kmc_dir)
    return emulator


def use_module(url: str) -> None:
    """Point this data folder's ``sm.url`` at ``url`` (what an installer does)."""
    settings = Settings()
    settings.set("sm.url", url)
    settings.save()


@dataclass(frozen=True)
class DemoMeter:
    number: str
    pan: str
    key_register: int
    ti: int
    customer_code: str


def sellable_meters(database: Database) -> list[DemoMeter]:
    """Keypad prepaid meters of active customers with a live contract and a tariff."""
    with database.reading() as session:
        rows = session.execute(
            select(Meter.number, Meter.pan, Meter.key_register, Meter.ti, Customer.code)
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
        ).all()
    return [DemoMeter(n, p, int(r or 0), ti, c) for n, p, r, ti, c in rows]


@dataclass
class World:
    """What a vend test gets: its copy of the demo, its emulator, the demo's sellable meters."""

    database: Database
    emulator: EmulatorProcess
    meters: list[DemoMeter]
    folder: Path

    @property
    def url(self) -> str:
        return self.emulator.url


def meter_model(meter: DemoMeter, tables: StaTables) -> StsMeter:
    """The customer's meter: holds the decoder key its vending key derives for its PAN."""
    key = next(k for k in demo_keys() if k.info.register == meter.key_register)
    info = key.info
    request = TokenRequest.from_mapping(
        {
            "dkga": f"{info.dkga:02d}",
            "ea": f"{info.ea:02d}",
            "vending_key_hex": key.key.hex(),
            "key_type": info.key_type,
            "sgc": info.sgc,
            "ti": meter.ti,
            "krn": info.krn,
            "ken": info.ken,
            "base_date": info.base_date,
            "pan": meter.pan,
            "token_class": 0,
            "token_subclass": 0,
        }
    )
    return StsMeter(request.decoder_key(), f"{info.ea:02d}", tables, ken=info.ken)


def module_balance(url: str) -> Decimal:
    with SecureModule(url) as module:
        return module.balance().balance


def vend_rows(database: Database) -> list[dict[str, Any]]:
    with database.reading() as session:
        vends = session.scalars(select(Vend).order_by(Vend.id)).all()
        return [
            {
                "bill": v.bill_number,
                "state": VendState(v.state),
                "meter_id": v.meter_id,
                "tid": v.tid,
                "token_kwh": v.token_kwh,
                "tokens": [t.token for t in v.tokens],
            }
            for v in vends
        ]


def issued_kwh(database: Database) -> Decimal:
    return sum((r["token_kwh"] for r in vend_rows(database) if r["state"] in _MADE), Decimal("0.0"))


_MADE = (VendState.ISSUED, VendState.PRINTED)


def audit_kinds(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(select(AuditEntry.kind).order_by(AuditEntry.id)))


def count_vends(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Vend)) or 0)
