"""One sync: push what waits, then pull the master data (``starpos sync run``, and what the
window's background worker does every little while).

Push first: the pull then brings the meters' debts as the head office settled them with
this counter's sales included (docs/sync.md, "Applying it"). A push the head office
answered but did not take whole (an event refused, one to retry) still pulls, so master
data keeps coming down while someone looks at the refusal; the push's error is raised
after. A head office that cannot be reached, refuses the signature or revoked the
terminal ends the sync at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starpos.db import Database
from starpos.sync import state
from starpos.sync.client import HeadOfficeClient
from starpos.sync.downlink_apply import PullReport
from starpos.sync.errors import EventRefusedError, RetryLaterError, SyncError
from starpos.sync.keys import load_key
from starpos.sync.pull import pull
from starpos.sync.push import PushReport, push


@dataclass(frozen=True)
class SyncReport:
    pushed: PushReport | None
    pulled: PullReport

    def as_dict(self) -> dict[str, Any]:
        return {
            "push": self.pushed.as_dict() if self.pushed is not None else None,
            "pull": self.pulled.as_dict(),
        }


def sync_once(database: Database, *, full: bool = False) -> SyncReport:
    """Push, then pull (``full``: a snapshot), over one connection."""
    with database.reading() as session:
        found = state.require_enrolment(session)
    with HeadOfficeClient(found.server_url, key_id=found.key_id, key=load_key()) as client:
        answered_but_stopped: SyncError | None = None
        pushed: PushReport | None = None
        try:
            pushed = push(database, client=client)
        except (EventRefusedError, RetryLaterError) as error:
            answered_but_stopped = error
        pulled = pull(database, full=full, client=client)
    if answered_but_stopped is not None:
        with database.unit_of_work() as uow:  # the pull cleared it; the push still stands
            state.note_error(uow.session, answered_but_stopped.message)
            uow.commit()
        raise answered_but_stopped
    return SyncReport(pushed, pulled)
