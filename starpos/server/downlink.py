"""The change feed of master data, read for one counter: what changed since its position, or
everything (a snapshot), as lines of JSON.

Every change the head office makes to a table it owns is written by that table's trigger
into ``sync_changes`` with the writing transaction's id (migration 0007). Transaction ids
are handed out when transactions start, not when they commit, so a plain "id greater than
the last one read" would skip a transaction that started earlier and committed later. The
feed's position is therefore ``pg_snapshot_xmin``: every transaction below it has finished,
so everything it wrote is visible. One answer, in one read-only snapshot:

1. its first statement takes the snapshot's ``xmin`` (the counter's next position) and
   ``xmax``;
2. a counter without a position, with one older than what the feed still keeps (pruned
   tombstones), or with one from the future (the store was restored into a new cluster)
   gets a **snapshot**: every row of every owned table;
3. otherwise the keys of every change at or after its position that this snapshot sees,
   each sent once, *as the row is now* (a tombstone when it is gone). A change at or above
   ``xmin`` that is already visible is sent now and again next time (harmless: rows are
   applied by key), so a row never arrives before what it references.

Lines: a header ``{"downlink": 1, "snapshot": ..., "cursor": ...}``; per table a section
header ``{"table": ..., "columns": [...]}``; root rows ``["U", [values], previous key]`` or
tombstones ``["D", key]``; part rows ``[values]`` (the full set for every root sent); and
``{"end": true, "rows": N}``, without which the counter applies nothing.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    String,
    cast,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert

from starpos.db.models import ChangeHorizon, MasterDataChange
from starpos.server.store import one_of
from starpos.sync.owned_tables import ROOTS, Part, Root, chains
from starpos.sync.row_codec import Shape, owner_column, part_shape, root_shape

log = logging.getLogger(__name__)

PROTOCOL = 1
#: How long tombstones are kept: longer than any counter should be offline. A counter away
#: longer takes a snapshot.
RETENTION = timedelta(days=30)
#: Rows per chunk of the streamed answer (and per fetch from the server-side cursor).
CHUNK_ROWS = 2000


@dataclass(frozen=True)
class FeedPosition:
    """Where one answer stands: the counter's next position and whether it is a snapshot."""

    cursor: int
    snapshot: bool
    reason: str


def position(connection: Connection, cursor: int | None) -> FeedPosition:
    """The snapshot's bounds and the decision; must be the transaction's first statement."""
    xmin, xmax = connection.execute(
        text(
            "SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint"
            " FROM pg_current_snapshot() AS s"
        )
    ).one()
    horizon = connection.execute(select(ChangeHorizon.below_xid)).scalar() or 0
    if cursor is None:
        return FeedPosition(xmin, True, "new")
    if cursor < horizon:
        return FeedPosition(xmin, True, "pruned")
    if cursor > xmax:
        return FeedPosition(xmin, True, "future")
    return FeedPosition(xmin, False, "changes")


@dataclass
class _Changed:
    keys: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)


def changed_keys(connection: Connection, cursor: int) -> dict[str, _Changed]:
    """Per root table, every key changed at or after ``cursor`` that this snapshot sees."""
    changes = MasterDataChange.__table__.c
    rows = connection.execute(
        select(
            changes.table_name,
            changes.row_key,
            func.max(changes.previous_key),
        )
        .where(changes.xid >= cursor)
        .group_by(changes.table_name, changes.row_key)
        .order_by(changes.table_name, changes.row_key)
    )
    found: dict[str, _Changed] = defaultdict(_Changed)
    for table_name, key, previous in rows:
        found[table_name].keys.append(key)
        if previous is not None and previous != key:
            found[table_name].previous[key] = previous
    return found


def _key_text(root: Root) -> Any:
    """The key column as text, as the change feed names rows."""
    column = root.key_column
    return column if isinstance(column.type, String) else cast(column, String)


def _among(root: Root, keys: list[str]) -> Any:
    """The root's key (as text) is one of ``keys``."""
    return one_of(_key_text(root), keys)


def _key_value(root: Root, key: str) -> Any:
    """A key from the feed in its column's JSON type."""
    return int(key) if isinstance(root.key_column.type, Integer) else key


def _select(shape: Shape, source: Any) -> Select[Any]:
    """The shape's values from ``source`` (a table or join): references as the referenced
    row's key, read with a correlated lookup on that table's primary key."""
    values: list[Any] = []
    for column in (*shape.leading, *shape.columns):
        if column.refers_to is None:
            values.append(column.column)
            continue
        # Aliased: a region's parent is a row of the same table.
        target = column.refers_to.table.alias()
        (foreign_key,) = column.column.foreign_keys
        values.append(
            select(target.c[column.refers_to.key])
            .where(target.c[foreign_key.column.name] == column.column)
            .scalar_subquery()
        )
    return select(*values).select_from(source)


def rows_query(root: Root, chain: Sequence[Part] = ()) -> Select[Any]:
    """Every row of ``root`` (or of the last part of ``chain``) in its wire shape, in key
    order; works on either database (the tests compare a counter with its head office)."""
    if not chain:
        return _select(root_shape(root), root.table).order_by(root.key_column)
    source: Any = root.table
    owner: Any = root.table
    order: list[Any] = [root.key_column]
    for part in chain:
        target = owner_column(part)
        source = source.join(part.table, part.table.c[part.parent_column] == owner.c[target.name])
        order += [part.table.c[name] for name in part.identity]
        owner = part.table
    shape = part_shape(root, chain)
    return _select(shape, source).order_by(*order)


class _Lines:
    """The answer's lines, gathered into chunks of bytes."""

    def __init__(self) -> None:
        self.pending: list[bytes] = []
        self.rows = 0

    def add(self, value: Any) -> bytes | None:
        self.pending.append(json.dumps(value, separators=(",", ":")).encode())
        if len(self.pending) >= CHUNK_ROWS:
            return self.flush()
        return None

    def flush(self) -> bytes:
        chunk = b"\n".join(self.pending) + b"\n" if self.pending else b""
        self.pending = []
        return chunk


def answer(
    connection: Connection, start: FeedPosition, cursor: int | None, now: datetime
) -> Iterator[bytes]:
    """The lines of one answer, in chunks (``connection`` is in the snapshot ``start`` read)."""
    lines = _Lines()
    header = {
        "downlink": PROTOCOL,
        "snapshot": start.snapshot,
        "reason": start.reason,
        "cursor": start.cursor,
        "server_time": now.timestamp(),
    }
    lines.add(header)
    changed = None if start.snapshot or cursor is None else changed_keys(connection, cursor)
    for root in ROOTS:
        wanted = None if changed is None else changed.get(root.name)
        if changed is not None and wanted is None:
            continue
        yield from _root_lines(connection, root, wanted, lines)
    lines.add({"end": True, "rows": lines.rows})
    yield lines.flush()


def _root_lines(
    connection: Connection, root: Root, wanted: _Changed | None, lines: _Lines
) -> Iterator[bytes]:
    shape = root_shape(root)
    lines.add({"table": root.name, "key": root.key, "columns": shape.header()})
    query = rows_query(root)
    if wanted is not None:
        query = query.where(_among(root, wanted.keys))
    key_index = shape.header().index(root.key)
    sent: set[str] = set()
    result = connection.execution_options(yield_per=CHUNK_ROWS).execute(query)
    for row in result:
        values = shape.encode(row)
        key = str(values[key_index])
        sent.add(key)
        previous = None
        if wanted is not None and key in wanted.previous:
            previous = _key_value(root, wanted.previous[key])
        lines.rows += 1
        chunk = lines.add(["U", values, previous])
        if chunk is not None:
            yield chunk
    if wanted is not None:
        for key in wanted.keys:
            if key not in sent:
                lines.rows += 1
                lines.add(["D", _key_value(root, key)])
    if wanted is not None and not sent:
        return
    for chain in chains(root):
        yield from _part_lines(connection, root, chain, wanted, lines)


def _part_lines(
    connection: Connection,
    root: Root,
    chain: tuple[Part, ...],
    wanted: _Changed | None,
    lines: _Lines,
) -> Iterator[bytes]:
    shape = part_shape(root, chain)
    lines.add({"table": shape.name, "owner": root.name, "columns": shape.header()})
    query = rows_query(root, chain)
    if wanted is not None:
        query = query.where(_among(root, wanted.keys))
    result = connection.execution_options(yield_per=CHUNK_ROWS).execute(query)
    for row in result:
        lines.rows += 1
        chunk = lines.add(shape.encode(row))
        if chunk is not None:
            yield chunk


def prune(connection: Connection, now: datetime, retention: timedelta = RETENTION) -> int:
    """Forget changes older than ``retention`` (counters behind them take a snapshot); the
    number of changes removed."""
    changes = MasterDataChange.__table__.c
    removed = list(
        connection.execute(
            delete(MasterDataChange)
            .where(changes.changed_at < now - retention)
            .returning(changes.xid)
        ).scalars()
    )
    if not removed:
        return 0
    below = max(removed) + 1
    moved = insert(ChangeHorizon).values(id=1, below_xid=below, pruned_at=now)
    connection.execute(
        moved.on_conflict_do_update(
            index_elements=[ChangeHorizon.id],
            set_={
                "below_xid": func.greatest(ChangeHorizon.below_xid, moved.excluded.below_xid),
                "pruned_at": moved.excluded.pruned_at,
            },
        )
    )
    return len(removed)
