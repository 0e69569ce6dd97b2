"""The counter's sync as a window shows it: run one sync, say where it stands.

:meth:`SyncStation.run` is what the window's background worker calls every little while
(never the GUI thread: it waits on the network). It never raises for what the network or
the head office did: the answer is a :class:`SyncView` with the problem in it, which the
status bar shows (online, offline since, events waiting, last sync). Selling never waits
for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from starpos.db import Database
from starpos.errors import StarposError
from starpos.sync import state
from starpos.sync.cycle import sync_once


@dataclass(frozen=True)
class SyncView:
    """Where the counter stands with its head office (times in UTC)."""

    enrolled: bool
    online: bool = False
    offline_since: datetime | None = None
    waiting: int = 0
    last_sync: datetime | None = None
    #: Why the last attempt failed: the error itself when this run met it (translated at
    #: display), else the English text the store kept.
    problem: StarposError | str | None = None


class SyncStation:
    def __init__(self, database: Database) -> None:
        self.database = database

    def view(self, problem: StarposError | None = None) -> SyncView:
        with self.database.reading() as session:
            found = state.status(session)
        if not found.enrolled:
            return SyncView(enrolled=False)
        return SyncView(
            enrolled=True,
            online=found.online,
            offline_since=found.offline_since,
            waiting=found.waiting,
            last_sync=found.last_contact_at,
            problem=problem or found.last_error,
        )

    def run(self) -> SyncView:
        """Sync once if this counter is enrolled; where it stands afterwards."""
        before = self.view()
        if not before.enrolled:
            return before
        try:
            sync_once(self.database)
        except StarposError as problem:  # offline, refused, busy: shown, and tried again
            return self.view(problem)
        return self.view()
