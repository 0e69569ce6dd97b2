"""Every report test runs on SQLite (a counter's store) and PostgreSQL (the head office's),
each on its own copy of the hand-made world (:mod:`report_world`), built once per backend."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from starpos.bootstrap.database import open_database
from starpos.db import Database
from tests.integration.reports.report_world import build_world
from tests.support.store_backends import BACKENDS, POSTGRESQL, TemplateBuilder


@pytest.fixture(params=BACKENDS)
def store_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-world")
    path = folder / "starpos.db"
    build_world(f"sqlite:///{path}")
    with Database.open(f"sqlite:///{path}") as database, database.engine.connect() as link:
        link.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def world(store_backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The hand-made world on the test's backend; ``open_database()`` and ``starpos`` find it."""
    if store_backend == POSTGRESQL:
        copy: Callable[[str, TemplateBuilder], str] = request.getfixturevalue("postgres_copy")
        copy("report-world", build_world)
    else:
        template: Path = request.getfixturevalue("world_template")
        shutil.copyfile(template, data_dir / "starpos.db")
    with open_database() as database:
        yield database
