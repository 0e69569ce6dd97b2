"""The counter's sync as a window shows it: run one sync, say where it stands.

:meth:`SyncStation.run` is what the window's background worker calls every little while
(never the GUI thread: it waits on the network). It never raises for what the network or
the head office did: the answer is a :class:`SyncView` with the problem in it, which the
status bar shows (online, offline since, events waiting, last sync). Selling never waits
for it. A card of this counter's that gave way to the head office's on the pull (SYN-47) is
in the answer too, so the window can say the card in the customer's hand no longer counts.

Given the module the counter lends between sales (``open_module``:
:meth:`starpos.counter.ModuleLink.lent`), the run also applies the head office's credit
blocks for it (:func:`~starpos.sync.cycle.sync_once`): the answer says the credit received,
the block that failed and why, or the blocks left for the next run because a sale was using
the module. The module being absent or failing stops nothing else of the sync.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from starpos.db import Database
from starpos.errors import StarposError
from starpos.sync import state
from starpos.sync.credit_receive import CreditReceipt, ModuleOpener
from starpos.sync.cycle import sync_once
from starpos.sync.errors import CreditBlockNotAppliedError
from starpos.sync.pull_report import GaveWay


@dataclass(frozen=True)
class CardGaveWay:
    """A card this counter issued that the head office did not book: another counter's card
    is the meter's, and this one ended here (``replaced``, or removed if nothing used it)."""

    meter: str
    issue_number: int


@dataclass(frozen=True)
class CreditReceived:
    """A credit block from the head office, applied to this counter's module."""

    module_id: str
    operator: str
    operation: str
    amount_kwh: Decimal
    balance_kwh: Decimal
    at: datetime


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
    #: The credit blocks this run applied to the module.
    credited: tuple[CreditReceived, ...] = ()
    #: Why this run's credit blocks were not applied (one per block that failed).
    credit_failed: tuple[CreditBlockNotAppliedError, ...] = ()
    #: How many blocks this run left for the next one: a sale was using the module.
    credit_waiting: int = 0


class SyncStation:
    def __init__(self, database: Database, open_module: ModuleOpener | None = None) -> None:
        """``open_module``: the module to apply credit blocks with (None: none here)."""
        self.database = database
        self.open_module = open_module

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
            report = sync_once(
                self.database, open_module=self.open_module, raise_credit_failure=False
            )
        except StarposError as problem:  # offline, refused, busy: shown, and tried again
            return self.view(problem)
        failed = credit_failures(report.credit)
        after = self.view(failed[0] if failed else None)
        if failed:  # the head office answered: only the module's part went wrong
            after = replace(after, online=True, offline_since=None)
        return replace(
            after,
            gave_way=cards_gave_way(report.pulled.yielded),
            credited=credits_received(report.credit, after.last_sync),
            credit_failed=failed,
            credit_waiting=len(report.credit.waiting) if report.credit is not None else 0,
        )


def credits_received(
    receipt: CreditReceipt | None, at: datetime | None
) -> tuple[CreditReceived, ...]:
    """The applied blocks of ``receipt`` (``CreditReceipt.applied``: the credit's facts)."""
    if receipt is None or at is None:
        return ()
    return tuple(
        CreditReceived(
            module_id=str(applied["module_id"]),
            operator=str(applied["operator"]),
            operation=str(applied["operation"]),
            amount_kwh=Decimal(applied["amount_kwh"]),
            balance_kwh=Decimal(applied["balance_kwh"]),
            at=at,
        )
        for applied in receipt.applied
    )


def credit_failures(receipt: CreditReceipt | None) -> tuple[CreditBlockNotAppliedError, ...]:
    if receipt is None:
        return ()
    return tuple(
        CreditBlockNotAppliedError(block=digest, module=module, reason=why)
        for digest, module, why in receipt.failed
    )


def cards_gave_way(yielded: Iterable[GaveWay]) -> tuple[CardGaveWay, ...]:
    """The cards among a pull's rows that gave way (``PullReport.yielded``)."""
    return tuple(
        CardGaveWay(row.owner, int(row.identity[0])) for row in yielded if row.part == "cards"
    )
