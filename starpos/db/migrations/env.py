"""Alembic environment: runs on the engine StarPOS hands over (see ``starpos.db.migrate``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from starpos.db import models  # noqa: F401  (registers every table on Base.metadata)
from starpos.db.base import Base
from starpos.db.search_index import not_an_index

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    # Run by the alembic command itself (writing a new migration): a scratch database.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")

# One transaction for the whole upgrade, begun before Alembic reads the schema version: on
# SQLite Alembic would otherwise commit after each migration (it treats SQLite's DDL as not
# transactional), releasing the write lock in between, and a second program that read the
# version meanwhile would run the same migration again ("table ... already exists").
with engine.connect() as connection, connection.begin():
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        # Lets a maintainer autogenerate a migration for a subset of the tables.
        include_object=config.attributes.get("include_object"),
        include_name=not_an_index,  # the trigram search indexes are FTS5's (0029)
    )
    with context.begin_transaction():
        context.run_migrations()
