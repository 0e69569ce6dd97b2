"""The local store: SQLAlchemy 2 models, sessions, a unit of work and Alembic migrations.

``Database.open(url)`` opens (and upgrades) a database (the configured one:
``starpos.bootstrap.database.open_database()``); ``database.unit_of_work()`` is the only way
the core writes. See docs/store.md for the schema and its conventions.
"""

from starpos.db.database import Database
from starpos.db.unit_of_work import UnitOfWork

__all__ = ["Database", "UnitOfWork"]
