"""What the head office sent down, applied to the counter's store in one transaction.

The answer (lines of JSON, :mod:`starpos.server.downlink`) is read from the spool file it
was written to and applied section by section in the caller's transaction: roots upserted
by key (``INSERT ... ON CONFLICT (key) DO UPDATE``, so local ids stay and what references
them, the counter's sales above all, keeps pointing at them), parts replaced as sets (or
upserted by identity: tariff versions), references turned from keys into local ids. Rows
the head office deleted go last, dependents first; a row this store still uses (a customer
with sales here) is kept and reported. The feed position moves in the same transaction,
so a pull that fails half-way leaves nothing applied and the position where it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from starpos.db.models import AuditHead, SyncState
from starpos.sync.downlink_rows import RowApplier
from starpos.sync.errors import ProtocolError
from starpos.sync.owned_tables import BY_NAME, ROOTS, Part, Root, chains
from starpos.sync.pull_report import PullReport
from starpos.sync.row_codec import Shape, part_shape, root_shape

PROTOCOL = 1
BATCH = 1000


@dataclass
class _Section:
    root: Root
    chain: tuple[Part, ...]
    shape: Shape
    rows: list[Any] = field(default_factory=list)
    sent: set[tuple[Any, ...]] = field(default_factory=set)


def apply_answer(session: Session, lines: Iterable[Any], now: datetime) -> PullReport:
    """Apply one answer in ``session``'s transaction (the caller commits), feed position
    included. Raises :class:`ProtocolError` for an answer that is cut or not understood."""
    values = iter(lines)
    header = next(values, None)
    if not isinstance(header, dict) or header.get("downlink") != PROTOCOL:
        raise ProtocolError(detail="downlink answer without its header")
    cursor = header.get("cursor")
    if not isinstance(cursor, int) or isinstance(cursor, bool) or cursor < 0:
        raise ProtocolError(detail="downlink answer without a position")
    report = PullReport(snapshot=bool(header.get("snapshot")), cursor=cursor)
    applier = RowApplier(session, report, sales_unsent=_events_waiting(session))
    section: _Section | None = None
    counted = 0
    for value in values:
        if isinstance(value, dict) and value.get("end") is True:
            _flush(applier, section, final=True)
            if value.get("rows") != counted:
                raise ProtocolError(detail="downlink answer with rows missing")
            _finish(applier, report, now)
            return report
        if isinstance(value, dict):
            _flush(applier, section, final=True)
            section = _open_section(applier, value)
            continue
        if section is None or not isinstance(value, list):
            raise ProtocolError(detail="downlink row outside a table")
        counted += 1
        if not section.chain:
            if len(value) == 2 and value[0] == "D":
                applier.tombstones[section.root.name].append(value[1])
                continue
            if len(value) != 3 or value[0] != "U" or not isinstance(value[1], list):
                raise ProtocolError(detail=f"downlink row of {section.root.name}")
            section.rows.append((value[1], value[2]))
        else:
            section.rows.append(value)
        if len(section.rows) >= BATCH:
            _flush(applier, section, final=False)
    raise ProtocolError(detail="downlink answer cut short")


def _open_section(applier: RowApplier, header: dict[str, Any]) -> _Section:
    name = header.get("table")
    owner = header.get("owner")
    root = BY_NAME.get(str(owner if owner is not None else name))
    if root is None:
        raise ProtocolError(detail=f"downlink table {name}")
    chain: tuple[Part, ...] = ()
    if owner is not None:
        chain = next((c for c in chains(root) if c[-1].name == name), ())
        if not chain:
            raise ProtocolError(detail=f"downlink table {name}")
        shape = part_shape(root, chain)
        applier.start_part(root, chain)
    else:
        shape = root_shape(root)
    if header.get("columns") != shape.header():
        raise ProtocolError(detail=f"downlink columns of {name}")
    return _Section(root, chain, shape)


def _flush(applier: RowApplier, section: _Section | None, *, final: bool) -> None:
    if section is None:
        return
    rows, section.rows = section.rows, []
    if not section.chain:
        applier.upsert_roots(section.root, section.shape, rows)
        return
    written = applier.insert_parts(section.root, section.chain, section.shape, rows)
    section.sent.update(written)
    if final:
        applier.finish_part(section.root, section.chain, section.sent)


def _events_waiting(session: Session) -> bool:
    last = session.scalar(select(AuditHead.last_id)) or 0
    acknowledged = session.scalar(select(SyncState.acknowledged_seq)) or 0
    return bool(last > acknowledged)


def _finish(applier: RowApplier, report: PullReport, now: datetime) -> None:
    """Deletions (dependents first), then the new position, in the same transaction."""
    for root in reversed(ROOTS):
        keys = list(applier.tombstones.get(root.name, ()))
        if report.snapshot:
            sent = set(applier.upserted[root.name])
            keys += [key for key in applier.ids(root) if key not in sent]
        for key in keys:
            applier.delete_root(root, key)
    applier.connection.execute(
        update(SyncState)
        .where(SyncState.id == 1)
        .values(downlink_cursor=report.cursor, last_pull_at=now, last_contact_at=now)
    )
