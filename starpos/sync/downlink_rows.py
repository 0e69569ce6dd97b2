"""How the rows of a downlink answer land in the counter's store (the section reading is
:mod:`starpos.sync.downlink_apply`).

Roots are upserted by key, so local ids stay and what references them keeps pointing at
them; parts are replaced as sets per owner (or upserted by identity); references are turned
from keys into local ids. A row this store's own unacknowledged records changed is kept as
the counter has it until the next push (``sales_unsent``); a row the head office deleted
that this store still uses is kept and reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table, case, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from starpos.sync.errors import DownlinkIncompleteError
from starpos.sync.owned_tables import Part, Root, chains
from starpos.sync.pull_report import GaveWay, PullReport
from starpos.sync.row_codec import Shape, owner_column

#: Ids per ``IN (...)``: well under SQLite's limit on bound values.
IN_CHUNK = 500


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class RowApplier:
    """Rows of one answer applied to the store: roots upserted by key, parts replaced as
    sets, rows the head office deleted removed (or kept and reported while still used)."""

    def __init__(self, session: Session, report: PullReport, *, sales_unsent: bool) -> None:
        self.session = session
        self.connection: Connection = session.connection()
        self.report = report
        #: Events the head office has not acknowledged may be records it has not booked:
        #: the counter then keeps what its records changed (a meter's debt, its key data)
        #: rather than take the head office's older value; the pull after the next push
        #: takes it.
        self.sales_unsent = sales_unsent
        self._ids: dict[str, dict[Any, Any]] = {}
        self._identities: dict[str, dict[tuple[Any, ...], Any]] = {}
        self.upserted: dict[str, list[Any]] = defaultdict(list)
        self.tombstones: dict[str, list[Any]] = defaultdict(list)
        dialect = self.connection.dialect.name
        self._insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        self._greatest = func.greatest if dialect == "postgresql" else func.max

    # Keys to local ids.

    def ids(self, root: Root) -> dict[Any, Any]:
        """``{key: local id}`` of a root's rows (the key itself when it is the id)."""
        found = self._ids.get(root.name)
        if found is None:
            (target,) = {c.name for c in root.table.primary_key.columns}
            rows = self.connection.execute(select(root.key_column, root.table.c[target]))
            found = {key: local for key, local in rows}
            self._ids[root.name] = found
        return found

    def resolve(self, root: Root, key: Any, table: str, row_key: Any) -> Any:
        local = self.ids(root).get(key)
        if local is None:
            raise DownlinkIncompleteError(table=table, key=row_key, missing=f"{root.name} {key}")
        return local

    def owner_ids(self, root: Root, chain: Sequence[Part]) -> list[Any]:
        """Local ids (or keys) the rows of ``chain[-1]`` point at, for the roots sent."""
        ids = self.ids(root)
        owners = [ids[key] for key in self.upserted[root.name] if key in ids]
        if owner_column(chain[0]).name == root.key:
            owners = list(self.upserted[root.name])
        for part in chain[:-1]:
            found: list[Any] = []
            for chunk in _chunks(owners):
                found += self.connection.execute(
                    select(part.table.c.id).where(part.table.c[part.parent_column].in_(chunk))
                ).scalars()
            owners = found
        return owners

    def identities(self, part: Part) -> dict[tuple[Any, ...], Any]:
        """``{(owner id, *identity): id}`` of a part kept by identity (tariff versions)."""
        found = self._identities.get(part.name)
        if found is None:
            columns = [part.table.c[part.parent_column]] + [part.table.c[n] for n in part.identity]
            rows = self.connection.execute(select(part.table.c.id, *columns))
            found = {tuple(row[1:]): row[0] for row in rows}
            self._identities[part.name] = found
        return found

    # Roots.

    def upsert_roots(self, root: Root, shape: Shape, rows: list[list[Any]]) -> None:
        renamed: list[tuple[Any, Any]] = []
        self_references: list[tuple[Any, str, Any]] = []
        key_at = shape.header().index(root.key)
        values: list[dict[str, Any]] = []
        for raw, previous in rows:
            decoded = shape.decode(raw)
            key = decoded[key_at]
            if previous is not None:
                renamed.append((previous, key))
            row: dict[str, Any] = {}
            for column, value in zip(shape.columns, decoded, strict=True):
                target = column.refers_to
                if target is None or value is None:
                    row[column.column.name] = value
                elif target is root:  # a region's parent region: set once all are in
                    row[column.column.name] = None
                    self_references.append((key, column.column.name, value))
                else:
                    row[column.column.name] = self.resolve(target, value, root.name, key)
            values.append(row)
        for previous, key in renamed:
            self._rename(root, previous, key)
        if values:
            self.connection.execute(self._upsert(root, shape), values)
        self._ids.pop(root.name, None)
        keys = [row[root.key] for row in values]
        self.upserted[root.name] += keys
        self.report.rows[root.name] += len(keys)
        for key, name, referenced in self_references:
            local = self.resolve(root, referenced, root.name, key)
            self.connection.execute(
                update(root.table).where(root.key_column == key).values({name: local})
            )

    def _rename(self, root: Root, previous: Any, key: Any) -> None:
        """The head office changed this row's key: the counter's row follows, keeping its id."""
        ids = self.ids(root)
        if key in ids or previous not in ids:
            return
        self.connection.execute(
            update(root.table).where(root.key_column == previous).values({root.key: key})
        )
        self._ids.pop(root.name, None)

    def _upsert(self, root: Root, shape: Shape) -> Any:
        statement = self._insert(root.table)
        excluded = statement.excluded
        changes: dict[str, Any] = {}
        for column in shape.columns:
            name = column.column.name
            if name == root.key or (self.sales_unsent and name in root.record_effects):
                continue
            changes[name] = (
                self._highest(root, name, excluded) if name in root.highest else excluded[name]
            )
        if not changes:
            return statement.on_conflict_do_nothing(index_elements=[root.key_column])
        return statement.on_conflict_do_update(index_elements=[root.key_column], set_=changes)

    def _highest(self, root: Root, name: str, excluded: Any) -> Any:
        """The higher of the counter's value (it may be ahead: a token sold here) and the
        head office's, while both count from the same base; else the base's owner's."""
        mine, theirs = root.table.c[name], excluded[name]
        higher = case(
            (theirs.is_(None), mine),
            (mine.is_(None), theirs),
            else_=self._greatest(mine, theirs),
        )
        if root.counted_from is None:
            return higher
        base_moved = root.table.c[root.counted_from].is_distinct_from(excluded[root.counted_from])
        # A key change to a new base date: its TIDs start again. The counter's base stays its
        # own while its events are unacknowledged, and so does its count.
        return case((base_moved, mine if self.sales_unsent else theirs), else_=higher)

    # Parts.

    def keeps_own(self, part: Part) -> bool:
        """Rows the counter's records make (its cards) stay as it has them while the head
        office may not have booked those records yet: the pull after the next push brings
        the head office's."""
        return self.sales_unsent and part.records

    def start_part(self, root: Root, chain: Sequence[Part]) -> None:
        """A part's rows replace the ones of the roots sent (identity parts: updated)."""
        part = chain[-1]
        if part.identity or self.keeps_own(part):
            return
        column = part.table.c[part.parent_column]
        for chunk in _chunks(self.owner_ids(root, chain)):
            self.connection.execute(delete(part.table).where(column.in_(chunk)))

    def insert_parts(
        self, root: Root, chain: Sequence[Part], shape: Shape, rows: list[list[Any]]
    ) -> list[tuple[Any, ...]]:
        """Write a part's rows; for an identity part, the ``(owner id, *identity)`` written."""
        part = chain[-1]
        if self.keeps_own(part):
            return []
        values: list[dict[str, Any]] = []
        for raw in rows:
            decoded = shape.decode(raw)
            leading, own = decoded[: len(shape.leading)], decoded[len(shape.leading) :]
            owner = self._owner(root, chain, leading)
            row: dict[str, Any] = {part.parent_column: owner}
            for column, value in zip(shape.columns, own, strict=True):
                target = column.refers_to
                row[column.column.name] = (
                    value
                    if target is None or value is None
                    else self.resolve(target, value, part.name, leading[0])
                )
            values.append(row)
        if values:
            self._yield_unsent(root, part, values)
            statement: Any = insert(part.table)
            if part.identity:
                # Updated in place: the counter's sales point at their tariff version.
                upsert = self._insert(part.table)
                conflict = [part.parent_column, *part.identity]
                changes = {
                    c.column.name: upsert.excluded[c.column.name]
                    for c in shape.columns
                    if c.column.name not in conflict
                }
                statement = upsert.on_conflict_do_update(index_elements=conflict, set_=changes)
            self.connection.execute(statement, values)
        self.report.rows[part.name] += len(values)
        if not part.identity:
            return []
        self._identities.pop(part.name, None)
        return [(row[part.parent_column], *(row[name] for name in part.identity)) for row in values]

    def _yield_unsent(self, root: Root, part: Part, values: list[dict[str, Any]]) -> None:
        """Rows of this store the head office did not send give way to the ones it sent
        (``Part.yields``): a card it refused as a second card for the meter ends here, and
        is reported, rather than fail every pull on the one-active-card rule."""
        if part.yields is None or not part.identity:
            return
        column, value, becomes = part.yields
        owners = {row[part.parent_column] for row in values if row.get(column) == value}
        sent = {(row[part.parent_column], *(row[n] for n in part.identity)) for row in values}
        table, parent = part.table, part.table.c[part.parent_column]
        # Named as a person reads them: the owner's key (a meter's number), the identity.
        keys = {local: key for key, local in self.ids(root).items()}
        for chunk in _chunks(sorted(owners)):
            rows = self.connection.execute(
                select(table.c.id, parent, *(table.c[n] for n in part.identity)).where(
                    parent.in_(chunk), table.c[column] == value
                )
            ).all()
            for local, *identity in rows:
                if tuple(identity) in sent:
                    continue
                self.connection.execute(
                    update(table).where(table.c.id == local).values({column: becomes})
                )
                owner, *named = identity
                gave_way = GaveWay(part.name, str(keys.get(owner, owner)), tuple(named))
                self.report.yielded.append(gave_way)

    def _owner(self, root: Root, chain: Sequence[Part], leading: Sequence[Any]) -> Any:
        if owner_column(chain[0]).name == root.key:
            owner = leading[0]
        else:
            owner = self.resolve(root, leading[0], chain[-1].name, leading[0])
        position = 1
        for part in chain[:-1]:
            identity = tuple(leading[position : position + len(part.identity)])
            position += len(part.identity)
            found = self.identities(part).get((owner, *identity))
            if found is None:
                raise DownlinkIncompleteError(
                    table=chain[-1].name, key=leading[0], missing=f"{part.name} {identity}"
                )
            owner = found
        return owner

    def finish_part(self, root: Root, chain: Sequence[Part], sent: set[tuple[Any, ...]]) -> None:
        """Rows of an identity part the head office no longer has (kept while used here)."""
        part = chain[-1]
        if not part.identity or self.keeps_own(part):
            return
        owners = set(self.owner_ids(root, chain))
        for identity, local in list(self.identities(part).items()):
            if identity[0] in owners and identity not in sent:
                self._delete_rows(part.table, part.table.c.id == local, f"{part.name} {identity}")
        self._identities.pop(part.name, None)

    # Deletions.

    def delete_root(self, root: Root, key: Any) -> None:
        local = self.ids(root).get(key)
        if local is None:
            return
        self._delete_rows(root.table, root.key_column == key, f"{root.name} {key}", root, local)

    def _delete_rows(
        self,
        table: Table,
        where: Any,
        name: str,
        root: Root | None = None,
        local: Any = None,
    ) -> None:
        try:
            with self.session.begin_nested():
                if root is not None:
                    self._delete_parts(root, local)
                self.connection.execute(delete(table).where(where))
            self.report.deleted += 1
        except IntegrityError:  # still used here (a sale, a card): kept, and said so
            self.report.kept.append(name)

    def _delete_parts(self, root: Root, local: Any) -> None:
        """A root's parts, the deepest first (not every owner cascades to its parts)."""
        for chain in reversed(chains(root)):
            owners = [local]
            for part in chain[:-1]:
                owners = list(
                    self.connection.execute(
                        select(part.table.c.id).where(part.table.c[part.parent_column].in_(owners))
                    ).scalars()
                )
            part = chain[-1]
            self.connection.execute(
                delete(part.table).where(part.table.c[part.parent_column].in_(owners))
            )
