"""Card sale flows against the real PC/SC stack (pcscd + vpcd + ``starpos card virtual``)
and a copy of the seeded demo store per test.

The PC/SC fixtures are tests/fixtures/cards.py's; the seeded store is
tests/fixtures/demo_store.py's; the world and its helpers are in card_world.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.bootstrap.database import open_database
from starpos.db.engine import DATABASE_FILE
from starpos.db.enums import MeterMedium
from starpos.db.models import Meter
from starpos.devices.card.keys import load_master_key
from tests.integration.card_sales.card_world import CardWorld
from tests.support.virtual_cards import VirtualCardProcess


@pytest.fixture
def world(
    data_dir: Path,
    seeded_database_file: Path,
    key_file: Path,
    pcscd: list[str],
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
    virtual_card: Callable[..., VirtualCardProcess],
) -> Callable[..., VirtualCardProcess]:
    return virtual_card
