"""The administration's refusal check, shared by its tests: a refused change raises its
typed error, leaves the store as it was (the test's own snapshot of what the change could
touch, its audit log included) and says why in French and Chinese too, every placeholder
filled."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.base import Base
from starpos.errors import StarposError
from starpos.i18n import render_error
from tests.integration.admin.admin_world import Utility

Snapshot = Callable[[Database], object]
Refused = Callable[[Utility, type[StarposError], Callable[[], object]], StarposError]


def refusal_check(snapshot: Snapshot) -> Refused:
    """``refused(utility, error, change)``: run ``change``, which must raise ``error`` and
    leave ``snapshot(utility.database)`` as it was; the refusal."""

    def refused(
        utility: Utility, error: type[StarposError], change: Callable[[], object]
    ) -> StarposError:
        before = snapshot(utility.database)
        with pytest.raises(error) as raised:
            change()
        assert snapshot(utility.database) == before
        for lang in ("fr", "zh_CN"):
            text = render_error(raised.value, lang)
            assert "{" not in text and text != raised.value.message
        return raised.value

    return refused


def row_counts(*models: type[Base]) -> Snapshot:
    """A snapshot of how many rows each of ``models`` has."""

    def counted(database: Database) -> tuple[int, ...]:
        with database.reading() as session:
            return tuple(
                int(session.scalar(select(func.count()).select_from(model)) or 0)
                for model in models
            )

    return counted
