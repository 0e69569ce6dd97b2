"""Which database a store test runs on, and the markers that choose.

A store test runs on both databases by asking for ``store_backend`` (``"sqlite"`` unless
parametrized): ``@both_backends`` or a conftest that overrides ``store_backend`` with
``params=BACKENDS``. The PostgreSQL case carries the ``postgres`` marker, so
``-m "not postgres"`` leaves it out. The fixtures are in tests/fixtures/store_backends.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from starpos.db import Database
from starpos.settings import Settings

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
