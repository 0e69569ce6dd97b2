"""The audit chain against an anchor kept outside the store.

A chain is keyless: whoever holds the file can delete the last entries and move
``audit_head``, or rewrite an entry and recompute every later hash, and the chain still
verifies. An anchor is the head as somebody outside the file saw it (the secure module
journals one with every acting command, docs/sm-protocol.md 3.2): entry ``entry_count``
had hash ``head_hash``. A history cut back before that entry, or rewritten up to it,
disagrees with the anchor. What came after the last anchor is not covered by it (the
ledger check and the other anchors are; docs/security.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.models import AuditEntry, AuditHead


@dataclass(frozen=True)
class AnchorCheck:
    """``agrees`` when the chain holds entry ``entry_count`` with ``head_hash``; otherwise
    ``problem`` says how it disagrees, and ``chain_hash`` is what the store has there
    (None: no such entry)."""

    source: str
    entry_count: int
    head_hash: str
    chain_entries: int
    chain_hash: str | None
    problem: str | None

    @property
    def agrees(self) -> bool:
        return self.problem is None

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "agrees": self.agrees,
            "anchored_entry": self.entry_count,
            "anchored_hash": self.head_hash,
            "chain_entries": self.chain_entries,
            "chain_hash": self.chain_hash,
            "problem": self.problem,
        }


#: The problems, by code (their sentences are translated where they are shown).
CUT = "cut"
REWRITTEN = "rewritten"


def check_anchor(session: Session, source: str, head_hash: str, entry_count: int) -> AnchorCheck:
    """Whether the store's chain agrees with the anchor ``(head_hash, entry_count)`` that
    ``source`` (e.g. ``module 12345678``) holds."""
    head = session.get(AuditHead, 1)
    entries = head.last_id if head is not None else 0
    if entry_count == 0:
        return AnchorCheck(source, 0, head_hash, entries, None, None)
    stored = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == entry_count))
    if stored is None or entries < entry_count:
        return AnchorCheck(source, entry_count, head_hash, entries, stored, CUT)
    if stored != head_hash.lower():
        return AnchorCheck(source, entry_count, head_hash, entries, stored, REWRITTEN)
    return AnchorCheck(source, entry_count, head_hash, entries, stored, None)
