"""Migrations on both databases: a fresh database matches the models, an older database is
upgraded in place and keeps its data, downgrade and refusal of a newer schema; then what is
particular to SQLite (its connection settings, the URL setting)."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from starpos.bootstrap.database import database_url, open_database
from starpos.db import migrate
from starpos.db.base import Base
from starpos.db.engine import make_engine
from starpos.db.migrate import DatabaseTooNewError
from starpos.db.search_index import not_an_index
from starpos.sync.owned_tables import owned_table_names
from tests.support.processes import child_env, starpos_command
from tests.support.store_backends import POSTGRESQL, SQLITE

#: The PostgreSQL triggers that keep the audit log and the card readings append-only.
GUARDS = {
    ("audit_log", "audit_log_append_only"),
    ("card_readings", "card_readings_immutable"),
    ("card_tamper_events", "card_tamper_events_immutable"),
}

#: The PostgreSQL triggers that write every change of master data into the downlink's
#: change feed (migration 0007): one set per table the head office owns.
CAPTURES = {
    (table, trigger)
    for table in owned_table_names()
    for trigger in ("sync_capture_insert", "sync_capture_update", "sync_capture_delete")
}

#: A customer type of revision 0001 as each database holds it: SQLite as scaled integers
#: (15 % and 50.0 kWh), PostgreSQL as NUMERIC (the decimals themselves). What is inserted,
#: then what the upgraded database reads back.
OLD_CUSTOMER_TYPE = {
    SQLITE: ("150000", "500", ("RES", 150000, 500)),
    POSTGRESQL: ("15", "50.0", ("RES", Decimal("15.0000"), Decimal("50.0"))),
}


def _guards(url: str) -> set[tuple[str, str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT c.relname, t.tgname FROM pg_trigger t"
                    " JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                )
            )
            return {(table, name) for table, name in rows}
    finally:
        engine.dispose()


def test_a_new_database_gets_the_schema_the_models_describe(
    store_backend: str, empty_store_url: str, data_dir: Path
) -> None:
    with open_database() as database:
        assert database.engine.dialect.name == store_backend
        assert database.schema_revision() == migrate.head_revision()
        with database.engine.connect() as connection:
            # The trigram search indexes are FTS5's, not models (migration 0027).
            context = MigrationContext.configure(connection, opts={"include_name": not_an_index})
            differences = compare_metadata(context, Base.metadata)
            money = {
                column["name"]: column["type"]
                for column in inspect(connection).get_columns("vends")
            }
    assert differences == []
    if store_backend == SQLITE:
        assert (data_dir / "starpos.db").exists()
    else:
        assert str(money["amount"]) == "NUMERIC(16, 2)"
        assert str(money["energy_kwh"]) == "NUMERIC(14, 1)"
        assert str(money["vat_rate"]) == "NUMERIC(9, 4)"
        assert _guards(empty_store_url) == GUARDS | CAPTURES


def test_an_older_database_is_upgraded_on_open_and_keeps_its_data(
    store_backend: str, empty_store_url: str
) -> None:
    vat_rate, fbe_kwh, stored = OLD_CUSTOMER_TYPE[store_backend]
    engine = make_engine(database_url())
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        assert "vends" not in inspect(connection).get_table_names()
        connection.execute(
            text(
                "INSERT INTO customer_types (code, name, vat_rate, prearrange_amount,"
                f" repayment_method, fbe_kwh_per_month) VALUES ('RES', 'Residential', {vat_rate},"
                f" 0, 'none', {fbe_kwh})"
            )
        )
    engine.dispose()

    with open_database() as database:
        assert database.schema_revision() == migrate.head_revision()
        with database.engine.connect() as connection:
            tables = inspect(connection).get_table_names()
            row = connection.execute(
                text("SELECT code, vat_rate, fbe_kwh_per_month FROM customer_types")
            ).one()
            head = connection.execute(text("SELECT last_id FROM audit_head")).scalar_one()
    assert {"vends", "vend_charges", "vend_tokens", "audit_log", "card_readings"} <= set(tables)
    assert tuple(row) == stored
    assert head == 0


def test_downgrade_then_upgrade_round_trips(store_backend: str, empty_store_url: str) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine)
    migrate.downgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    if store_backend == POSTGRESQL:
        assert _guards(empty_store_url) == set()
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()
    if store_backend == POSTGRESQL:
        assert _guards(empty_store_url) == GUARDS | CAPTURES


def test_a_database_from_a_newer_starpos_is_refused(empty_store_url: str) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseTooNewError) as raised:
        open_database()
    assert "9999" in raised.value.message


def test_two_programs_opening_a_new_database_at_once_both_succeed(
    store_backend: str, empty_store_url: str
) -> None:
    # The migration takes the writer lock first: one program makes the schema, the others
    # wait, then find it made (DDL is transactional on PostgreSQL).
    children = [
        subprocess.Popen(
            starpos_command("db", "init"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for _ in range(3)
    ]
    try:
        results = [child.communicate(timeout=120) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert [child.returncode for child in children] == [0, 0, 0], results
    engine = make_engine(database_url())
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()
    if store_backend == POSTGRESQL:
        assert _guards(empty_store_url) == GUARDS | CAPTURES


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(data_dir: Path) -> None:
    with open_database() as database, database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_the_url_setting_points_elsewhere(data_dir: Path, tmp_path: Path) -> None:
    from starpos.settings import Settings

    other = tmp_path / "elsewhere.db"
    settings = Settings()
    settings.set("database.url", f"sqlite:///{other}")
    settings.save()
    with open_database():
        pass
    assert other.exists()
    assert not (data_dir / "starpos.db").exists()
    create_engine(f"sqlite:///{other}").dispose()
