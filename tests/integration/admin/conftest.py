"""Each test's own empty store, and the small utility of :mod:`.admin_world` on it.

A test marked ``@both_backends`` (``tests.support.store_backends``) runs on SQLite and on a
throwaway PostgreSQL database (the head office's back office works on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from starpos.bootstrap.database import open_database
from starpos.db import Database
from tests.integration.admin.admin_world import Utility, set_up
from tests.support.store_backends import POSTGRESQL


@pytest.fixture
def empty_store(store_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if store_backend == POSTGRESQL:
        request.getfixturevalue("empty_postgres_url")  # database.url points at it
    with open_database() as database:
        yield database


@pytest.fixture
def utility(empty_store: Database) -> Utility:
    return set_up(empty_store)
