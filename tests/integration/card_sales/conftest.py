"""Card sale flows against the real PC/SC stack (pcscd + vpcd + ``starpos card virtual``)
and a copy of the seeded demo store per test.

The PC/SC fixtures are the card layer's (tests/integration/card/conftest.py); the seeded
store is the vend tests' (tests/integration/vend/conftest.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import CardVend, IssuedCard, Meter, Vend
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from starpos.vending.sale import VendRequest
from tests.integration.card.conftest import (  # noqa: F401 (fixtures)
    READER_0,
    READER_1,
    VirtualCardProcess,
    key_file,
    pcscd,
    pcscd_service,
    virtual_card,
)
from tests.integration.vend.conftest import seeded_database_file  # noqa: F401 (fixture)

CASHIER = Actor("CASH1")  # may vend and check
ADMIN = Actor("ADMIN1")  # may issue, replace and blank cards, may not vend


def sale(meter: str, net: str = "50.00", operator: str = "CASH1", **values: object) -> VendRequest:
    return VendRequest(meter=meter, net=Decimal(net), operator_code=operator, **values)  # type: ignore[arg-type]


@dataclass
class CardWorld:
    database: Database
    key: bytes
    key_file: Path
    meters: list[str]  # the demo's card meters with an active customer

    @contextmanager
    def card(self, reader: str = READER_0) -> Iterator[SunCard]:
        """The card in ``reader``, through pcscd (a new connection, as a new insertion)."""
        service = PcscReaders()
        try:
            with service.connect(reader) as connection:
                yield SunCard(connection, self.key)
        finally:
            service.close()


@pytest.fixture
def world(
    data_dir: Path,
    seeded_database_file: Path,  # noqa: F811
    key_file: Path,  # noqa: F811
    pcscd: list[str],  # noqa: F811
) -> Iterator[CardWorld]:
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    with open_database() as database:
        with database.reading() as session:
            meters = list(
                session.scalars(
                    select(Meter.number)
                    .where(Meter.medium == MeterMedium.CARD, Meter.customer_id.is_not(None))
                    .order_by(Meter.id)
                )
            )
        yield CardWorld(database, load_master_key(key_file), key_file, meters)


@pytest.fixture
def fresh_card(
    virtual_card: Callable[..., VirtualCardProcess],  # noqa: F811
) -> Callable[..., VirtualCardProcess]:
    return virtual_card


NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)


def customer_meter(world: CardWorld, number: str) -> VirtualMeter:
    """The customer's SUN meter (the model in this process), holding the utility key."""
    with world.database.reading() as session:
        sgc = session.scalars(select(Meter.sgc).where(Meter.number == number)).one()
    return VirtualMeter(MeterState(number, int(sgc), 1, world.key.hex(), int(NOW.timestamp())))


def insert_into_meter(world: CardWorld, meter: VirtualMeter, reader: str = READER_0) -> str:
    """A card contact with the meter, through PC/SC; returns the meter's load status."""
    with world.card(reader) as card:
        return meter.load_card(card, commit=lambda: None).status


def ledger(database: Database) -> list[dict[str, object]]:
    """Every vend row with its card side, oldest first."""
    with database.reading() as session:
        rows = session.execute(
            select(Vend, CardVend)
            .outerjoin(CardVend, CardVend.vend_id == Vend.id)
            .order_by(Vend.id)
        ).all()
        return [
            {
                "bill": vend.bill_number,
                "state": VendState(vend.state),
                "medium": MeterMedium(vend.medium),
                "token_kwh": vend.token_kwh,
                "net": vend.net_amount,
                "sequence": card_vend.sequence if card_vend else None,
            }
            for vend, card_vend in rows
        ]


def register_rows(database: Database, number: str) -> list[tuple[str, int, str]]:
    """(serial, issue number, state) of the meter's cards, oldest first."""
    with database.reading() as session:
        rows = session.execute(
            select(IssuedCard.serial, IssuedCard.issue_number, IssuedCard.state)
            .join(Meter, Meter.id == IssuedCard.meter_id)
            .where(Meter.number == number)
            .order_by(IssuedCard.id)
        ).all()
        return [(serial, issue, str(state)) for serial, issue, state in rows]
