"""The card tables in the store: readings are immutable, old vends become keypad sales on
upgrade, and a card bound before its register commit is adopted, not refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from starpos.bootstrap.database import database_url, open_database
from starpos.db import migrate
from starpos.db.engine import make_engine
from starpos.db.models import CardReading
from tests.integration.card_sales.card_world import ADMIN, CASHIER, CardWorld, register_rows


def test_old_vends_become_keypad_sales_when_the_store_is_upgraded(data_dir: Any) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine, "0003")
    with engine.begin() as connection:
        assert "medium" not in {c["name"] for c in _columns(connection, "vends")}
    engine.dispose()
    with open_database() as database, database.engine.connect() as connection:
        medium = {c["name"]: c for c in _columns(connection, "vends")}["medium"]
        tables = set(connection.dialect.get_table_names(connection))
    assert str(medium["default"]).strip("'") == "keypad"
    assert {"cards", "card_readings", "card_tamper_events", "card_vends"} <= tables


def _columns(connection: Any, table: str) -> list[dict[str, Any]]:
    return list(connection.dialect.get_columns(connection, table))


@pytest.mark.pcsc
def test_a_reading_can_be_neither_changed_nor_deleted(world: CardWorld, virtual_card: Any) -> None:
    from starpos.card_sales import check_card, issue_card
    from tests.integration.card_sales.card_world import customer_meter, insert_into_meter

    number = world.meters[0]
    virtual_card()
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    insert_into_meter(world, customer_meter(world, number))
    with world.card() as card:
        check_card(world.database, card, CASHIER)
    with world.database.unit_of_work() as uow:
        (reading,) = uow.session.query(CardReading).all()
        for statement in (
            "UPDATE card_readings SET remaining_kwh = 0",
            "DELETE FROM card_readings",
        ):
            with pytest.raises(IntegrityError, match="immutable"):
                uow.session.execute(text(statement))
        assert reading.id is not None


@pytest.mark.pcsc
def test_a_card_bound_before_the_register_commit_is_adopted(
    world: CardWorld, virtual_card: Any
) -> None:
    from starpos.card_sales import issue_card

    number = world.meters[0]
    card_process = virtual_card()
    with world.card() as card:  # what a crash between the card write and the commit leaves
        card.bind(number, sgc=654321, utility_id=1, issued_at=datetime.now(UTC))
    with world.card() as card:
        issued = issue_card(world.database, card, number, ADMIN)
    assert issued.issue_number == 1
    assert register_rows(world.database, number) == [(card_process.serial, 1, "active")]
