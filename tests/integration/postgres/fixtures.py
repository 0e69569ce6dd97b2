"""Fixtures that put a test's store on PostgreSQL (a pytest plugin: tests/conftest.py loads it).

One throwaway server per test session (:mod:`tests.integration.postgres.server`). A test gets
its own database, copied from a template that was migrated (or seeded) once, and its data
folder's ``database.url`` setting points at it, so ``open_database()`` and every child
``starpos`` process of the test use it. The database is dropped after the test.

A store test runs on both databases by asking for ``store_backend`` (``"sqlite"`` unless
parametrized): ``@both_backends`` or a conftest that overrides ``store_backend`` with
``params=BACKENDS``. The PostgreSQL case carries the ``postgres`` marker, so
``-m "not postgres"`` leaves it out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from starpos.db import Database
from starpos.settings import Settings
from tests.integration.postgres.server import PostgresServer, missing_reason

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BACKENDS = (SQLITE, pytest.param(POSTGRESQL, marks=pytest.mark.postgres, id=POSTGRESQL))
both_backends = pytest.mark.parametrize("store_backend", BACKENDS, indirect=True)
sqlite_only = pytest.mark.parametrize("store_backend", [SQLITE], indirect=True)

#: Builds a template database at the URL it is given (and closes its connections).
TemplateBuilder = Callable[[str], None]


def migrated_schema(url: str) -> None:
    with Database.open(url):
        pass


def point_settings_at(url: str) -> None:
    """Make ``url`` this data folder's database (what an installer's setting does)."""
    settings = Settings()
    settings.set("database.url", url)
    settings.save()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's server, started on first use and removed at the end, even on failure."""
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_copy(
    postgres_server: PostgresServer, data_dir: Path
) -> Iterator[Callable[[str, TemplateBuilder], str]]:
    """``postgres_copy(key, build)``: a fresh copy of the template ``key`` for this test.

    The data folder's ``database.url`` now points at the copy; its URL is returned.
    """
    made: list[str] = []

    def copy(key: str, build: TemplateBuilder) -> str:
        template = postgres_server.template(key, build)
        name = postgres_server.create_database(template=template)
        made.append(name)
        url = postgres_server.url(name)
        point_settings_at(url)
        return url

    yield copy
    for name in made:
        postgres_server.drop_database(name)


@pytest.fixture
def postgres_url(postgres_copy: Callable[[str, TemplateBuilder], str]) -> str:
    """A database migrated to head for this test; the data folder's setting points at it."""
    return postgres_copy("schema", migrated_schema)


@pytest.fixture
def empty_postgres_url(postgres_server: PostgresServer, data_dir: Path) -> Iterator[str]:
    """A new database with no schema at all; the data folder's setting points at it."""
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    point_settings_at(url)
    yield url
    postgres_server.drop_database(name)


@pytest.fixture
def store_backend(request: pytest.FixtureRequest) -> str:
    """Which database the test's store is on: ``sqlite`` unless parametrized."""
    return str(getattr(request, "param", SQLITE))
