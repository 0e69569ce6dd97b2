"""Enrolment at the head office: one-time codes for terminals, their redemption, revocation.

A code is 20 characters of a 32-letter alphabet without look-alikes (100 bits), shown in
groups of five; only its SHA-256 is stored, so a copy of the database does not enrol
anyone. A code names one terminal, expires (24 h by default) and works once. Redeeming it
records the terminal's public key under a new enrolment id, the key id of every request
the terminal signs from then on. Issuing a code, enrolling a key and revoking keys are
key actions: each is in the head office's audit log, in its transaction.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db.column_types import utc_now
from starpos.db.models import EnrolmentCode, SalesPoint, Terminal, TerminalEnrolment
from starpos.server.errors import NothingToRevokeError, UnknownTerminalError

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20
GROUP = 5
DEFAULT_VALIDITY = timedelta(hours=24)


class EnrolmentRefused(Exception):
    """The code is unknown, used or expired, or the key is unusable (never says which)."""


def normalise(code: str) -> str:
    return "".join(char for char in code.upper() if char in ALPHABET)


def code_digest(code: str) -> str:
    return hashlib.sha256(normalise(code).encode("ascii")).hexdigest()


@dataclass(frozen=True)
class IssuedCode:
    code: str
    terminal: str
    sales_point: str
    expires_at: datetime

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "terminal": self.terminal,
            "sales_point": self.sales_point,
            "expires_at": self.expires_at,
        }


def _terminal(session: Session, terminal_code: str) -> tuple[Terminal, SalesPoint]:
    found = session.execute(
        select(Terminal, SalesPoint)
        .join(SalesPoint, SalesPoint.id == Terminal.sales_point_id)
        .where(Terminal.code == terminal_code)
    ).first()
    if found is None:
        raise UnknownTerminalError(terminal=terminal_code)
    return found[0], found[1]


def issue_code(
    session: Session,
    terminal_code: str,
    valid_for: timedelta = DEFAULT_VALIDITY,
    *,
    operator_code: str | None = None,
) -> IssuedCode:
    """A new code for ``terminal_code``, audited as ``operator_code``'s (the head-office
    operator ``starpos server enrol`` authenticated)."""
    terminal, sales_point = _terminal(session, terminal_code)
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    shown = "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))
    expires_at = utc_now() + valid_for
    session.add(
        EnrolmentCode(code_hash=code_digest(raw), terminal_id=terminal.id, expires_at=expires_at)
    )
    append(
        session,
        AuditKind.KEY_ACTION,
        subject=f"terminal:{terminal.code}",
        details={"action": "enrolment code issued", "expires_at": expires_at},
        actor=Actor(operator_code, sales_point.code, terminal.code),
    )
    return IssuedCode(shown, terminal.code, sales_point.code, expires_at)


@dataclass(frozen=True)
class NewEnrolment:
    key_id: str
    terminal: str
    sales_point: str
    enrolled_at: datetime


def redeem(session: Session, code: str, public_key_hex: str, now: datetime) -> NewEnrolment:
    """Spend ``code`` on ``public_key_hex`` (the caller has checked the key signed the request)."""
    row = session.scalars(
        select(EnrolmentCode).where(EnrolmentCode.code_hash == code_digest(code)).with_for_update()
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise EnrolmentRefused()
    known_key = session.scalar(
        select(TerminalEnrolment.id).where(TerminalEnrolment.public_key == public_key_hex)
    )
    if known_key is not None:
        raise EnrolmentRefused()
    terminal = session.get(Terminal, row.terminal_id)
    assert terminal is not None
    sales_point = session.get(SalesPoint, terminal.sales_point_id)
    assert sales_point is not None
    enrolment = TerminalEnrolment(
        id=str(uuid.uuid4()),
        terminal_id=terminal.id,
        public_key=public_key_hex,
        enrolled_at=now,
    )
    session.add(enrolment)
    session.flush()
    row.used_at = now
    row.enrolment_id = enrolment.id
    append(
        session,
        AuditKind.KEY_ACTION,
        subject=f"terminal:{terminal.code}",
        details={"action": "enrolled", "key_id": enrolment.id, "public_key": public_key_hex},
        actor=Actor(sales_point_code=sales_point.code, terminal_code=terminal.code),
    )
    return NewEnrolment(enrolment.id, terminal.code, sales_point.code, now)


def revoke(
    session: Session, terminal_code: str, reason: str, *, operator_code: str | None = None
) -> list[str]:
    """Revoke every valid key of the terminal, audited as ``operator_code``'s; the ids of
    the enrolments revoked."""
    terminal, _ = _terminal(session, terminal_code)
    active = session.scalars(
        select(TerminalEnrolment)
        .where(TerminalEnrolment.terminal_id == terminal.id, TerminalEnrolment.revoked_at.is_(None))
        .with_for_update()
    ).all()
    if not active:
        raise NothingToRevokeError(terminal=terminal_code)
    now = utc_now()
    for enrolment in active:
        enrolment.revoked_at = now
        enrolment.revoked_reason = reason
    revoked = [enrolment.id for enrolment in active]
    append(
        session,
        AuditKind.KEY_ACTION,
        subject=f"terminal:{terminal.code}",
        details={"action": "revoked", "key_ids": revoked, "reason": reason},
        actor=Actor(operator_code, terminal_code=terminal.code),
    )
    return revoked
