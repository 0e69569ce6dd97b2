"""A counter that belongs to a head office refuses local edits of master data.

The head office owns master data (docs/sync.md): what a counter changed locally would be
overwritten by the next pull, or worse, sold against before it was. So one guard, on every
session's flush, refuses a new, deleted or changed row of a table the head office owns
(:mod:`starpos.sync.owned_tables`) in a store enrolled with a head office, and says where
to make the change. It costs nothing on a sale: only a flush that touches such a row reads
whether the store is enrolled.

What the counter changes itself stays allowed: the columns its own records change (a
meter's debt and last TID after a sale, its key data after a key change token), an
operator's failed logins, lockout and last login, and the password hash a login re-hashes
with newer parameters (it comes with the login's time). The downlink
itself writes with Core statements on the connection, which no flush sees.

A flush does not see an insert or a delete a session executes as a statement either (the
meter stock's bulk stock in, a set of default amounts replaced): the same guard refuses
those of an owned table before they run (decision BO-28). A statement's update is not
refused here: the counter's own records move its meters that way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, RelationshipDirection, Session

from starpos.db.models import Operator, SyncState
from starpos.errors import StarposError
from starpos.sync.owned_tables import ROOTS, owned_table_names, parts_of, root_of

#: ``session.info`` key: tables whose rows a counter's own record changes in this session
#: (a meter replacement moves both meters; SYN-30). The record travels up and the head
#: office books it the same way, so it is not an edit of master data. Set as a literal by
#: ``tokenops.meter_replace`` (which sits below ``sync``).
RECORD_TABLES = "starpos.record_tables"
#: A login re-hashes a password made with older parameters; the hash comes with it.
_REHASH = ("password_hash", "last_login_at")
_installed = False
#: Owned rows only a counter's own records make (its SUN cards: issued, replaced, blanked,
#: each an audit entry the head office books; SYN-38): never an edit of master data.
#: A key change flag is moved only by a sale's statements: flagging stays refused (SYN-56).
_RECORD_PARTS = frozenset(
    part.name for root in ROOTS for part, _ in parts_of(root) if part.records and not part.guarded
)


class MasterDataOwnedError(StarposError):
    code = "sync.master_data_owned"
    template = (
        "This counter belongs to the head office at {server}, which owns the master data "
        "({what} here): make the change in the head office's back office; it reaches this "
        "counter at the next sync."
    )


def install() -> None:
    """Guard every session of this process (the composition root calls it once)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _refuse_owned_edits)
        event.listen(Session, "do_orm_execute", _refuse_owned_statements)
        _installed = True


def _refuse_owned_edits(session: Session, _context: Any, _instances: Any) -> None:
    edited = owned_edit(session)
    if edited is None:
        return
    server = (
        session.connection().execute(select(SyncState.server_url).where(SyncState.id == 1)).scalar()
    )
    if server is not None:
        raise MasterDataOwnedError(server=server, what=edited)


def _refuse_owned_statements(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    session = state.session
    owned = owned_table_names() - frozenset(session.info.get(RECORD_TABLES, ()))
    if name not in owned:
        return
    server = (
        session.connection().execute(select(SyncState.server_url).where(SyncState.id == 1)).scalar()
    )
    if server is not None:
        raise MasterDataOwnedError(server=server, what=name)


def owned_edit(session: Session) -> str | None:
    """The table of the first pending edit of master data in ``session``, or None."""
    owned = owned_table_names() - frozenset(session.info.get(RECORD_TABLES, ())) - _RECORD_PARTS
    for instance in (*session.new, *session.deleted):
        table = _table_of(instance)
        if table in owned:
            return table
    for instance in session.dirty:
        table = _table_of(instance)
        if table in owned and _edited(instance, table):
            return table
    return None


def _table_of(instance: Any) -> str | None:
    table = getattr(type(instance), "__tablename__", None)
    return table if isinstance(table, str) else None


def _edited(instance: Any, table: str) -> bool:
    """Whether a changed row changed more than what the counter keeps for itself."""
    state = inspect(instance)
    changed = set()
    for attribute in state.mapper.column_attrs:
        if state.attrs[attribute.key].history.has_changes():
            changed.add(attribute.key)
    for relationship in state.mapper.relationships:
        # A collection's rows are flushed (and checked) as rows of their own, except the
        # rows of an association table (an operator's roles).
        if relationship.direction is RelationshipDirection.ONETOMANY:
            continue
        if state.attrs[relationship.key].history.has_changes():
            changed.add(relationship.key)
    if not changed:
        return False
    root = root_of(table)
    allowed: set[str] = set()
    if root is not None and root.name == table:
        allowed = set(root.local | root.highest | root.record_effects)
    if isinstance(instance, Operator) and set(_REHASH) <= changed:
        allowed.add("password_hash")
    return not changed <= allowed
