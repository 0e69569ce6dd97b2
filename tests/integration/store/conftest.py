"""A fresh, upgraded database per test, and small builders for master data.

Every test here that asks for ``database`` or ``demo_database`` runs twice: on SQLite (the
counter's store) and on a throwaway PostgreSQL server (the central server's database, marked
``postgres``). A test about SQLite itself says so with ``@sqlite_only``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.models import (
    Branch,
    Operator,
    Role,
    RolePermission,
    SalesPoint,
)
from starpos.demo.seed import seed_demo
from starpos.operators.passwords import hash_password
from tests.support.store_backends import BACKENDS, POSTGRESQL, TemplateBuilder


@pytest.fixture(params=BACKENDS)
def store_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(store_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if store_backend == POSTGRESQL:
        request.getfixturevalue("postgres_url")  # the data folder's database.url points there
    with open_database() as database:
        yield database


@pytest.fixture
def sales_points(database: Database) -> tuple[int, int]:
    with database.unit_of_work() as uow:
        branch = Branch(code="BR1", name="Central")
        uow.session.add(branch)
        uow.session.flush()
        first = SalesPoint(code="SP1", name="Market", branch_id=branch.id)
        second = SalesPoint(code="SP2", name="Station", branch_id=branch.id)
        uow.session.add_all([first, second])
        uow.commit()
        return first.id, second.id


# Hashing with the production argon2 parameters costs ~0.1 s; tests share one hash per password.
_HASHES: dict[str, str] = {}


def cached_hash(password: str) -> str:
    if password not in _HASHES:
        _HASHES[password] = hash_password(password)
    return _HASHES[password]


@pytest.fixture
def add_operator(database: Database, sales_points: tuple[int, int]) -> Callable[..., None]:
    def add(
        code: str,
        password: str = "correct horse",
        *,
        permissions: tuple[str, ...] = (),
        **values: object,
    ) -> None:
        with database.unit_of_work() as uow:
            session: Session = uow.session
            operator = Operator(
                code=code,
                name=code.title(),
                password_hash=cached_hash(password),
                sales_point_id=sales_points[0],
                **values,
            )
            if permissions:
                role = Role(code=f"R-{code}", name=f"Role of {code}")
                role.permissions = [RolePermission(permission=p) for p in permissions]
                operator.roles = [role]
            session.add(operator)
            uow.commit()

    return add


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database made once per test session (argon2 and 40 customers)."""
    folder = tmp_path_factory.mktemp("demo-template")
    previous = os.environ.get("STARPOS_DATA_DIR")
    os.environ["STARPOS_DATA_DIR"] = str(folder)
    try:
        with open_database() as database:
            seed_demo(database, customers=40, spare_meters=5, seed=7)
            with database.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        if previous is None:
            del os.environ["STARPOS_DATA_DIR"]
        else:
            os.environ["STARPOS_DATA_DIR"] = previous
    return folder / "starpos.db"


def _seeded_template(url: str) -> None:
    with Database.open(url) as database:
        seed_demo(database, customers=40, spare_meters=5, seed=7)


@pytest.fixture
def demo_database(
    store_backend: str, data_dir: Path, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """A private copy of the demo database for one test."""
    if store_backend == POSTGRESQL:
        copy: Callable[[str, TemplateBuilder], str] = request.getfixturevalue("postgres_copy")
        copy("store-demo", _seeded_template)
    else:
        demo_template: Path = request.getfixturevalue("demo_template")
        shutil.copyfile(demo_template, data_dir / "starpos.db")
    with open_database() as database:
        yield database
