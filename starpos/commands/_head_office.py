"""The head office's store as the ``starpos server`` commands use it."""

from __future__ import annotations

from typing import Any


def open_head_office() -> Any:
    """This data folder's store as the head office (the caller closes its database)."""
    from starpos.bootstrap.database import open_database
    from starpos.server.store import HeadOffice

    database = open_database()
    try:
        return HeadOffice(database)
    except BaseException:
        database.close()
        raise
