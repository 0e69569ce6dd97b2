"""Checked bills (manual 3.1): a stock bill, or the bill that stocked a meter out for a
registration, is checked once someone has verified it, and a checked bill does not change.

A check is a fact about a bill, so it lives where the facts of the back office travel: the
audit log (decision BO-19). Checking appends ``bill:NUMBER`` / ``checked``; unchecking,
which needs the permission "Uncheck", appends ``unchecked``; a bill is checked when its
latest entry says so. Whatever would change a bill's lines asks :func:`refuse_checked`
first (today: deleting a meter, which deletes its movements).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, StockMovement
from starpos.errors import StorageError
from starpos.masterdata.changes import changing
from starpos.operators import permissions
from starpos.operators.session import OperatorSession

CHECKED = "checked"
UNCHECKED = "unchecked"
#: The kinds of a meter's history for its bills' checks (``stock_list.KIND_TERMS``).
HISTORY_KINDS = {CHECKED: "bill_checked", UNCHECKED: "bill_unchecked"}


class UnknownBillError(StorageError):
    code = "storage.unknown_bill"
    template = "There is no stock bill {bill}. Check the number in the meter's history."


class BillCheckedError(StorageError):
    code = "storage.bill_checked"
    template = (
        "Bill {bill} is checked and cannot change. Someone with the permission to uncheck "
        "bills must uncheck it first."
    )


class BillAlreadyCheckedError(StorageError):
    code = "storage.bill_already_checked"
    template = "Bill {bill} is already checked (by {operator}, {when})."


class BillNotCheckedError(StorageError):
    code = "storage.bill_not_checked"
    template = "Bill {bill} is not checked: there is nothing to uncheck."


@dataclass(frozen=True)
class BillCheck:
    """Who checked or unchecked a bill last, and when."""

    bill: str
    checked: bool
    at: datetime
    operator: str


def _subject(bill: str) -> str:
    return f"bill:{bill}"


def bill_events(session: Session, bills: Iterable[str]) -> list[BillCheck]:
    """Every check and uncheck of ``bills``, oldest first."""
    subjects = {_subject(bill): bill for bill in bills}
    if not subjects:
        return []
    rows = session.execute(
        select(
            AuditEntry.subject, AuditEntry.occurred_at, AuditEntry.operator_code, AuditEntry.details
        )
        .where(
            AuditEntry.subject.in_(subjects),
            AuditEntry.kind == AuditKind.MASTER_DATA_CHANGE.value,
        )
        .order_by(AuditEntry.id)
    ).all()
    events = []
    for subject, at, operator, details in rows:
        facts = json.loads(details)
        if facts.get("action") not in (CHECKED, UNCHECKED):
            continue
        # The audit entry's time is to the second; a history orders by this one.
        when = datetime.fromisoformat(facts["at"]) if "at" in facts else at
        events.append(
            BillCheck(subjects[subject], facts["action"] == CHECKED, when, operator or "")
        )
    return events


def checked_bills(session: Session, bills: Iterable[str]) -> dict[str, BillCheck]:
    """Of ``bills``, those checked now, with who checked them and when."""
    latest: dict[str, BillCheck] = {}
    for event in bill_events(session, bills):
        latest[event.bill] = event
    return {bill: event for bill, event in latest.items() if event.checked}


def refuse_checked(session: Session, bills: Iterable[str]) -> None:
    """:class:`BillCheckedError` naming the first of ``bills`` that is checked."""
    checked = checked_bills(session, set(bills))
    if checked:
        raise BillCheckedError(bill=min(checked))


def _require_bill(session: Session, bill: str) -> None:
    found = session.scalar(
        select(func.count()).select_from(StockMovement).where(StockMovement.bill_number == bill)
    )
    if not found:
        raise UnknownBillError(bill=bill or "-")


def check_bill(database: Database, by: OperatorSession, number: str) -> None:
    """Mark stock bill ``number`` checked: from now on it does not change."""
    bill = number.strip().upper()
    with changing(database, by, permissions.MANAGE_METERS, _subject(bill), CHECKED) as change:
        session = change.session
        _require_bill(session, bill)
        done = checked_bills(session, [bill]).get(bill)
        if done is not None:
            when = f"{done.at:%Y-%m-%d %H:%M}"
            raise BillAlreadyCheckedError(bill=bill, operator=done.operator, when=when)
        change.details.update(bill=bill, at=utc_now())


def uncheck_bill(database: Database, by: OperatorSession, number: str) -> None:
    """Take the check off bill ``number`` (permission "Uncheck"), so it may change again."""
    bill = number.strip().upper()
    with changing(database, by, permissions.UNCHECK, _subject(bill), UNCHECKED) as change:
        session = change.session
        _require_bill(session, bill)
        if bill not in checked_bills(session, [bill]):
            raise BillNotCheckedError(bill=bill)
        change.details.update(bill=bill, at=utc_now())
