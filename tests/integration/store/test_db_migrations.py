"""Migrations: a fresh database matches the models; an older database is upgraded in place."""

from __future__ import annotations

import subprocess
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
from tests.support.processes import child_env, starpos_command


def test_a_new_database_gets_the_schema_the_models_describe(data_dir: Path) -> None:
    with open_database() as database:
        assert database.schema_revision() == migrate.head_revision()
        with database.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert (data_dir / "starpos.db").exists()


def test_an_older_database_is_upgraded_on_open_and_keeps_its_data(data_dir: Path) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        assert "vends" not in inspect(connection).get_table_names()
        connection.execute(
            text(
                "INSERT INTO customer_types (code, name, vat_rate, prearrange_amount,"
                " repayment_method, fbe_kwh_per_month) VALUES ('RES', 'Residential', 150000,"
                " 0, 'none', 500)"
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
    assert {"vends", "vend_charges", "vend_tokens", "audit_log"} <= set(tables)
    # Stored as scaled integers on SQLite: 15 % and 50.0 kWh.
    assert tuple(row) == ("RES", 150000, 500)
    assert head == 0


def test_downgrade_then_upgrade_round_trips(data_dir: Path) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine)
    migrate.downgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_a_database_from_a_newer_starpos_is_refused(data_dir: Path) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseTooNewError) as raised:
        open_database()
    assert "9999" in raised.value.message


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


def test_two_programs_opening_a_new_database_at_once_both_succeed(data_dir: Path) -> None:
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
