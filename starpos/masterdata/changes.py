"""One administrator's change of master data: its permission, its transaction, its audit entry.

Every change of base data, common data, customers and stock is made inside :func:`changing`:
the operator's permission is checked before anything is read, the change and its audit
entry are written in one transaction, and a refusal raised inside leaves the store as it
was (the unit of work rolls back). The refusals shared by every kind of record (a code
taken, a record still used) live here too, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.errors import StorageError
from starpos.operators.session import OperatorSession

Record = TypeVar("Record")


class CodeTakenError(StorageError):
    code = "storage.code_taken"
    template = "There is already a {what} with the code {code}. Choose another code."


class UnknownRecordError(StorageError):
    code = "storage.unknown_record"
    template = "There is no {what} with the code {code}. Check the code in the list."


class RecordInUseError(StorageError):
    code = "storage.record_in_use"
    template = (
        "Cannot delete {what} {code}: it is still used by {users} ({count}). Change those "
        "first, or keep it."
    )


class BadValueError(StorageError):
    code = "storage.bad_value"
    template = "{field} cannot be {value}: {reason}"


class BadCodeError(StorageError):
    code = "storage.bad_code"
    template = (
        "{code} is not a usable code: use 1 to 20 letters, digits, '-' or '_', without spaces."
    )


@dataclass
class Change:
    """The change being made: its session, and what its audit entry will say."""

    session: Session
    subject: str
    details: dict[str, Any] = field(default_factory=dict)


@contextmanager
def changing(
    database: Database, by: OperatorSession, permission: str, subject: str, action: str
) -> Iterator[Change]:
    """Make one change as ``by``: refused unless ``by`` may ``permission``; the block's
    writes and the audit entry (``subject``, ``action`` and the block's ``details``) commit
    together, or nothing does."""
    by.require(permission)
    with database.unit_of_work() as uow:
        change = Change(uow.session, subject, {"action": action})
        yield change
        uow.session.flush()
        append(
            uow.session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=change.subject[:80],
            details=change.details,
            actor=by.actor,
        )
        uow.commit()


def check_code(code: str) -> str:
    """``code`` as stored (trimmed, upper case); :class:`BadCodeError` when unusable."""
    cleaned = code.strip().upper()
    if not 1 <= len(cleaned) <= 20 or not all(
        c.isascii() and (c.isalnum() or c in "-_") for c in cleaned
    ):
        raise BadCodeError(code=code[:40] or "-")
    return cleaned


def by_code(session: Session, model: type[Record], code: str, what: str) -> Record:
    """The record of ``model`` with ``code``; :class:`UnknownRecordError` naming ``what``."""
    found = session.scalars(
        select(model).where(model.code == code)  # type: ignore[attr-defined]
    ).first()
    if found is None:
        raise UnknownRecordError(what=what, code=code or "-")
    return found


def refuse_taken(session: Session, model: Any, code: str, what: str) -> None:
    """:class:`CodeTakenError` when a ``model`` record already has ``code``."""
    taken = session.scalar(select(func.count()).select_from(model).where(model.code == code))
    if taken:
        raise CodeTakenError(what=what, code=code)


def refuse_in_use(what: str, code: str, count: int, users: str) -> None:
    """:class:`RecordInUseError` when ``count`` records (``users``) still use the record."""
    if count:
        raise RecordInUseError(what=what, code=code, count=count, users=users)
