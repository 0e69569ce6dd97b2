"""Fixtures for the PostgreSQL-only tests (the server itself comes from ``fixtures.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.postgres.fixtures import point_settings_at
from tests.integration.postgres.server import PostgresServer


@pytest.fixture
def empty_postgres_url(postgres_server: PostgresServer, data_dir: object) -> Iterator[str]:
    """A new database with no schema at all; the data folder's setting points at it."""
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    point_settings_at(url)
    yield url
    postgres_server.drop_database(name)
