"""What one pull did, as the counter reports it (``starpos sync pull --json``, the
window's sync station)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class GaveWay:
    """A row of this store's that gave way to the head office's, named as a person reads
    it: its part (``cards``), its owner's key (a meter's number) and its identity within
    the owner (a card's issue number)."""

    part: str
    owner: str
    identity: tuple[Any, ...]

    def __str__(self) -> str:
        return " ".join(str(value) for value in (self.part, self.owner, *self.identity))


@dataclass
class PullReport:
    """What one pull did."""

    snapshot: bool = False
    cursor: int = 0
    #: The answer's size on the wire.
    size: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    deleted: int = 0
    #: ``"table key"`` of rows the head office deleted that this store still uses.
    kept: list[str] = field(default_factory=list)
    #: This store's rows that gave way to the head office's (a card it did not book,
    #: ended here: SYN-47).
    yielded: list[GaveWay] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "snapshot": self.snapshot,
            "cursor": self.cursor,
            "bytes": self.size,
            "rows": sum(self.rows.values()),
            "tables": {name: count for name, count in sorted(self.rows.items()) if count},
            "deleted": self.deleted,
            "kept": self.kept,
            "yielded": [str(row) for row in self.yielded],
        }
