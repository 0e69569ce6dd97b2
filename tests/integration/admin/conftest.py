"""Each test's own empty store, and the small utility of :mod:`.admin_world` on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from starpos.bootstrap.database import open_database
from starpos.db import Database
from tests.integration.admin.admin_world import Utility, set_up


@pytest.fixture
def empty_store() -> Iterator[Database]:
    with open_database() as database:
        yield database


@pytest.fixture
def utility(empty_store: Database) -> Utility:
    return set_up(empty_store)
