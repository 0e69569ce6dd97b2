"""An SQLite store as a file: copied online, checked and read without being changed.

The copy uses SQLite's backup API on a connection of the running store's own engine, in one
step: the whole copy is read inside one read transaction, so it is the store as it was at
one instant (a consistent snapshot), and in WAL mode the programs writing meanwhile (a vend
in another process) are not held up. The copy is then switched to a rollback journal so it
is one self-contained file.

A copy (or a backup being restored) is opened read-only (``mode=ro``) for its checks: SQLite's
``integrity_check``, the audit chain (:func:`starpos.audit.log.verify`) and its schema
revision, so checking a backup never changes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from starpos.audit.log import AuditReport, verify
from starpos.db import migrate
from starpos.db.enums import VendState
from starpos.db.models import AuditHead, Vend


def copy_online(engine: Engine, target: Path) -> None:
    """Copy the SQLite store of ``engine`` into the new file ``target`` (a snapshot)."""
    pooled = engine.raw_connection()
    try:
        source = pooled.driver_connection
        assert isinstance(source, sqlite3.Connection)
        destination = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(destination)  # pages=-1: every page in one step, one snapshot
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    finally:
        pooled.close()


def read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


@contextmanager
def read_only_engine(path: Path) -> Iterator[Engine]:
    """An engine on the file ``path`` that cannot change it (nor make it if it is missing)."""
    uri = read_only_uri(path)
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        yield engine
    finally:
        engine.dispose()


def integrity_problems(path: Path) -> list[str]:
    """What SQLite's ``integrity_check`` finds wrong in the file (empty: nothing).

    Raises ``sqlite3.DatabaseError`` for a file that is no SQLite database at all.
    """
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


@dataclass
class StoreSummary:
    """What a store file holds, for a backup's manifest and a restore's report."""

    revision: str | None
    audit: AuditReport
    audit_head: str | None
    vends: int = 0
    last_bill: str | None = None
    pending: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "schema_revision": self.revision,
            "audit_entries": self.audit.entries,
            "audit_head": self.audit_head,
            "audit_intact": self.audit.intact,
            "vends": self.vends,
            "last_bill": self.last_bill,
            "pending_vends": self.pending,
        }


def summarise(path: Path) -> StoreSummary:
    """Schema revision, audit chain (walked in full) and vends of the store file ``path``,
    read-only. Raises ``SQLAlchemyError`` / ``sqlite3.DatabaseError`` for a file that is not
    a store."""
    with read_only_engine(path) as engine, Session(engine) as session:
        revision = migrate.current_revision(engine)
        audit = verify(session)
        head = session.get(AuditHead, 1)
        vends = int(session.scalar(select(func.count()).select_from(Vend)) or 0)
        last_bill = session.scalar(select(Vend.bill_number).order_by(Vend.id.desc()).limit(1))
        pending = list(
            session.scalars(
                select(Vend.bill_number).where(Vend.state == VendState.PENDING).order_by(Vend.id)
            )
        )
        return StoreSummary(
            revision, audit, head.last_hash if head else None, vends, last_bill, pending
        )


#: What reading a file that is not a usable store raises.
STORE_READ_ERRORS = (sqlite3.DatabaseError, SQLAlchemyError, OSError)
