"""The counter's sync as a window shows it: run one sync, say where it stands.

:meth:`SyncStation.run` is what the window's background worker calls every little while
(never the GUI thread: it waits on the network). It never raises for what the network or
the head office did: the answer is a :class:`SyncView` with the problem in it, which the
status bar shows (online, offline since, events waiting, last sync). Selling never waits
for it. A card of this counter's that gave way to the head office's on the pull (SYN-47) is
in the answer too, so the window can say the card in the customer's hand no longer counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from starpos.db import Database
from starpos.errors import StarposError
from starpos.sync import state
from starpos.sync.cycle import sync_once


@dataclass(frozen=True)
class CardGaveWay:
    """A card this counter issued that the head office did not book: another counter's card
    is the meter's, and this one ended here (``replaced``, or removed if nothing used it)."""

    meter: str
    issue_number: int


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
    #: The cards that gave way on this run's pull (a later run does not say them again).
    gave_way: tuple[CardGaveWay, ...] = ()


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
            report = sync_once(self.database)
        except StarposError as problem:  # offline, refused, busy: shown, and tried again
            return self.view(problem)
        return replace(self.view(), gave_way=cards_gave_way(report.pulled.yielded))


def cards_gave_way(yielded: Iterable[str]) -> tuple[CardGaveWay, ...]:
    """The cards among a pull's rows that gave way, named ``cards <meter> <issue number>``
    (``PullReport.yielded``: the part, the meter's number, the card's identity)."""
    found = []
    for row in yielded:
        part, _, named = row.partition(" ")
        meter, _, issue = named.rpartition(" ")
        if part == "cards" and meter and issue.isdigit():
            found.append(CardGaveWay(meter, int(issue)))
    return tuple(found)
