"""The token operation tests' world: the vend tests' demo store and module emulator on a pty,
with two more keys in the module for decoder key changes, and the customer's meter
(:class:`starpos.sts.meter_model.MeterModel`) for any key the module holds.

Keys (registers): 1 and 2 are the demo's (DKGA02/EA07 SGC 123456, DKGA04/EA11 SGC 654321,
both base date 2014); 3 is register 1's next revision (KRN 2); 4 is register 2's (KRN 2);
5 is an old 1993-based key of SGC 123456 (KRN 3) a meter may still be on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.models import Meter, TokenOperation
from starpos.devices.sm import kmc
from starpos.devices.sm.kmf import VendingKey
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.meter_stock import NewMeter, stock_in_new
from starpos.operators.login import login
from starpos.operators.session import OperatorSession
from starpos.sts.meter_model import MeterModel as StsMeter
from starpos.sts.meter_number import LONG_IIN, make_meter_number
from starpos.sts.request import TokenRequest
from starpos.sts.tables import StaTables
from tests.integration.vend.vend_world import demo_keys, start_module, use_module
from tests.support.emulator_process import EmulatorProcess

ENGINEER = ("ENG1", "eng-demo")
ADMIN = ("ADMIN1", "admin-demo")
CASHIER = ("CASH1", "cash-demo")
#: Register -> (SGC, KRN, DKGA, EA, base date) of the keys beyond the demo's two.
EXTRA_KEYS: dict[int, dict[str, Any]] = {
    3: {"sgc": "123456", "krn": 2, "dkga": 2, "ea": 7, "base_date": 2014,
        "vending_key_hex": "1122334455667788"},
    4: {"sgc": "654321", "krn": 2, "dkga": 4, "ea": 11, "base_date": 2014,
        "vending_key_hex": "99" * 20},
    5: {"sgc": "123456", "krn": 3, "dkga": 2, "ea": 7, "base_date": 1993,
        "vending_key_hex": "0f1e2d3c4b5a6978"},
}  # fmt: skip


def all_keys() -> list[VendingKey]:
    extra = [kmc.development_key(register, **spec) for register, spec in EXTRA_KEYS.items()]
    return [*demo_keys(), *extra]


def key_in(register: int) -> VendingKey:
    return next(key for key in all_keys() if key.info.register == register)


@dataclass
class OpsWorld:
    database: Database
    emulator: EmulatorProcess
    folder: Path

    @property
    def url(self) -> str:
        return self.emulator.url

    def operator(self, who: tuple[str, str] = ENGINEER) -> OperatorSession:
        return login(self.database, *who)

    def meter(self, number: str) -> Meter:
        with self.database.reading() as session:
            found = session.scalars(select(Meter).where(Meter.number == number)).one()
            session.expunge(found)
            return found

    def keypad_meters(self, register: int = 1, count: int = 3) -> list[str]:
        """Installed keypad meters on the demo key in ``register``."""
        with self.database.reading() as session:
            return list(
                session.scalars(
                    select(Meter.number)
                    .where(
                        Meter.key_register == str(register),
                        Meter.medium == "keypad",
                        Meter.customer_id.is_not(None),
                    )
                    .order_by(Meter.number)
                    .limit(count)
                )
            )

    def rows(self, batch_id: str | None = None) -> list[TokenOperation]:
        with self.database.reading() as session:
            query = (
                select(TokenOperation)
                .options(joinedload(TokenOperation.meter))
                .order_by(TokenOperation.id)
            )
            if batch_id is not None:
                query = query.where(TokenOperation.batch_id == batch_id)
            found = list(session.scalars(query))
            session.expunge_all()
            return found


def start_world(folder: Path, tables: Path, credit_tenths: int) -> OpsWorld:
    emulator = start_module(folder, tables, credit_tenths=credit_tenths, keys=all_keys())
    use_module(emulator.url)
    return OpsWorld(open_database(), emulator, folder)


def stock_meters(database: Database, count: int, first_serial: int = 30_000_001) -> list[str]:
    """``count`` new keypad meters in stock on the demo key of register 1 (bulk: a batch
    test's list of a thousand)."""
    key = key_in(1).info
    numbers = [make_meter_number(LONG_IIN, "47", first_serial + n).iain for n in range(count)]
    new = [
        NewMeter(
            number=number, sgc=key.sgc, ti=1, krn=key.krn, ken=key.ken, key_type=key.key_type,
            dkga="02", ea="07", tid_base_year=key.base_date, key_register=str(key.register),
        )
        for number in numbers
    ]  # fmt: skip
    with database.unit_of_work() as uow:
        stock_in_new(
            uow.session,
            new,
            model_code="SK-1P",
            branch_code="BR01",
            numbering=NumberingContext(when=datetime.now(), branch_code="BR01"),
        )
        uow.commit()
    return numbers


def customer_meter(meter: Meter, tables: StaTables, register: int | None = None) -> StsMeter:
    """The customer's meter as it stands: the decoder key its key data derives."""
    key = key_in(register if register is not None else int(meter.key_register or 0))
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
    return StsMeter(
        request.decoder_key(), f"{info.ea:02d}", tables, base_date=info.base_date, ken=info.ken
    )


def module_balance(world: OpsWorld) -> Decimal:
    with world.emulator.module() as module:
        return module.balance().balance
