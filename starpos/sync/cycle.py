"""One sync: push what waits, then pull the master data (``starpos sync run``, and what the
window's background worker does every little while).

Push first: the pull then brings the meters' debts as the head office settled them with
this counter's sales included (docs/sync.md, "Applying it"). A push the head office
answered but did not take whole (an event refused, one to retry) still pulls, so master
data keeps coming down while someone looks at the refusal; the push's error is raised
after. A head office that cannot be reached, refuses the signature or revoked the
terminal ends the sync at once.

A sync that may use the module (``starpos sync run``, and the window's background sync
with the module the counter lends it between sales) ends with a reconcile of the module's
books (issue 17: after every start, every credit update and every sync); a verdict that
changed is audited and pushed at once, so the head office sees a disagreement the moment
the counter does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starpos.db import Database
from starpos.errors import StarposError
from starpos.sync import state
from starpos.sync.client import HeadOfficeClient
from starpos.sync.credit_receive import CreditReceipt, ModuleOpener, receive_credit_blocks
from starpos.sync.errors import (
    CreditBlockNotAppliedError,
    EventRefusedError,
    RetryLaterError,
    SyncError,
)
from starpos.sync.keys import load_key
from starpos.sync.pull import pull
from starpos.sync.pull_report import PullReport
from starpos.sync.push import PushReport, push
from starpos.vending.reconcile import ReconcileReport, reconcile
from starpos.vending.reconcile_audit import record_verdict


@dataclass(frozen=True)
class SyncReport:
    pushed: PushReport | None
    pulled: PullReport
    credit: CreditReceipt | None = None
    books: ReconcileReport | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "push": self.pushed.as_dict() if self.pushed is not None else None,
            "pull": self.pulled.as_dict(),
            "credit_blocks": self.credit.as_dict() if self.credit is not None else None,
            "reconcile": self.books.as_dict() if self.books is not None else None,
        }


def sync_once(
    database: Database,
    *,
    full: bool = False,
    open_module: ModuleOpener | None = None,
    raise_credit_failure: bool = True,
) -> SyncReport:
    """Push, then pull (``full``: a snapshot), over one connection. With ``open_module``
    (a command that may use the module), then the head office's credit blocks for this
    terminal's module, and a push of what applying them recorded. A block that failed is
    noted as the sync's error and raised, or (``raise_credit_failure=False``: the window,
    which shows it from the report with the rest of the sync) only noted."""
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
        credit = None
        books = None
        if open_module is not None and answered_but_stopped is None:
            credit = receive_credit_blocks(database, client, open_module)
            books, changed = _reconcile(database, open_module)
            if credit.applied or credit.failed or changed:  # the head office learns it now
                try:
                    push(database, client=client)
                except (EventRefusedError, RetryLaterError) as error:
                    answered_but_stopped = error
    if answered_but_stopped is not None:
        with database.unit_of_work() as uow:  # the pull cleared it; the push still stands
            state.note_error(uow.session, answered_but_stopped.message)
            uow.commit()
        raise answered_but_stopped
    if credit is not None and credit.failed:
        digest, module, why = credit.failed[0]
        problem = CreditBlockNotAppliedError(block=digest, module=module, reason=why.message)
        with database.unit_of_work() as uow:
            state.note_error(uow.session, problem.message)
            uow.commit()
        if raise_credit_failure:
            raise problem
    return SyncReport(pushed, pulled, credit, books)


def _reconcile(
    database: Database, open_module: ModuleOpener
) -> tuple[ReconcileReport | None, bool]:
    """The module's books after the sync, and whether a changed verdict was audited. A module
    that cannot be asked now (unplugged, busy) is not a failed sync: the next start or sync
    reconciles."""
    try:
        with open_module() as module:
            report = reconcile(database, module)
    except StarposError:
        return None, False
    return report, record_verdict(database, report, why="sync")
