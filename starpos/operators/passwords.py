"""Passwords: argon2id hashes, an operator's own change and an administrator's reset.

Hashed with argon2-cffi's defaults (RFC 9106's second recommended profile: argon2id,
64 MiB, 3 passes). A password an administrator sets is temporary: its operator must choose
a new one before doing anything else (:mod:`starpos.operators.session`).
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import Operator
from starpos.operators import permissions
from starpos.operators.errors import PasswordTooWeakError, WrongCredentialsError
from starpos.operators.session import OperatorSession, find_operator

MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` is the one ``password_hash`` was made from."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def verify_for_nobody(password: str) -> None:
    """Take as long as :func:`verify_password` would for an operator that does not exist,
    so the time of an answer never tells which operator codes exist."""
    verify_password(_dummy_hash(), password)


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's (rehash at login)."""
    return _hasher.check_needs_rehash(password_hash)


@cache
def _dummy_hash() -> str:
    return _hasher.hash("no such operator")


def change_password(
    database: Database, operator_code: str, old_password: str, new_password: str
) -> None:
    """Change a password knowing the old one (manual 7.1); clears "must change"."""
    if (
        len(new_password) < MIN_PASSWORD_LENGTH
        or new_password == old_password
        or new_password.casefold() == operator_code.casefold()
    ):
        raise PasswordTooWeakError(minimum=MIN_PASSWORD_LENGTH)
    with database.unit_of_work() as uow:
        operator = uow.session.scalars(
            select(Operator).where(Operator.code == operator_code)
        ).first()
        if operator is None or not verify_password(operator.password_hash, old_password):
            raise WrongCredentialsError()
        operator.password_hash = hash_password(new_password)
        operator.must_change_password = False
        operator.password_changed_at = utc_now()
        append(
            uow.session,
            AuditKind.PASSWORD_CHANGE,
            subject=f"operator:{operator_code}",
            actor=Actor(operator_code),
        )
        uow.commit()


def reset_password(
    database: Database, by: OperatorSession, operator_code: str, temporary_password: str
) -> None:
    """Give an operator a temporary password they must change at their next login."""
    by.require(permissions.ADMIN_OPERATORS)
    if len(temporary_password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooWeakError(minimum=MIN_PASSWORD_LENGTH)
    with database.unit_of_work() as uow:
        operator = find_operator(uow.session, operator_code)
        operator.password_hash = hash_password(temporary_password)
        operator.must_change_password = True
        operator.locked_until = None
        operator.failed_logins = 0
        append(
            uow.session,
            AuditKind.PASSWORD_CHANGE,
            subject=f"operator:{operator_code}",
            details={"action": "reset by administrator"},
            actor=by.actor,
        )
        uow.commit()
