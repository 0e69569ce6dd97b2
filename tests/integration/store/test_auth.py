"""Login, lockout, forbid login, sales points, STAR's first login and permissions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from starpos.audit.log import verify
from starpos.db import Database
from starpos.db.models import AuditEntry, Operator, SystemParameters
from starpos.operators import permissions
from starpos.operators.errors import (
    LoginForbiddenError,
    OperatorLockedError,
    PasswordChangeRequiredError,
    PasswordTooWeakError,
    PermissionDeniedError,
    UnknownOperatorError,
    WrongCredentialsError,
    WrongSalesPointError,
)
from starpos.operators.lockout import LOCKOUT, MAX_FAILED_LOGINS, unlock_operator
from starpos.operators.login import login
from starpos.operators.passwords import change_password, reset_password
from starpos.operators.roles import set_role_permissions

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def _audit_kinds(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(select(AuditEntry.kind).order_by(AuditEntry.id)))


def test_a_right_password_logs_in_with_the_roles_permissions(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("ANNA", permissions=(permissions.VEND, permissions.REPRINT))
    session = login(database, "ANNA", "correct horse", sales_point_code="SP1", now=NOW)
    assert session.permissions == {permissions.VEND, permissions.REPRINT}
    assert session.may(permissions.VEND)
    with pytest.raises(
        PermissionDeniedError, match="ANNA does not have the permission cancel_token"
    ):
        session.require(permissions.CANCEL_TOKEN)
    assert _audit_kinds(database) == ["login"]


def test_unknown_operator_and_wrong_password_get_the_same_answer(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("ANNA")
    with pytest.raises(WrongCredentialsError) as unknown:
        login(database, "NOBODY", "correct horse", now=NOW)
    with pytest.raises(WrongCredentialsError) as wrong:
        login(database, "ANNA", "wrong", now=NOW)
    assert unknown.value.message == wrong.value.message
    assert _audit_kinds(database) == ["login_failed", "login_failed"]


def test_repeated_wrong_passwords_lock_the_operator_for_a_while(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("ANNA")
    for attempt in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(WrongCredentialsError):
            login(database, "ANNA", f"guess {attempt}", now=NOW)
    with pytest.raises(OperatorLockedError, match="locked after 5 wrong passwords"):
        login(database, "ANNA", "last guess", now=NOW)
    # Locked: even the right password is refused until the lockout ends.
    with pytest.raises(OperatorLockedError):
        login(database, "ANNA", "correct horse", now=NOW + LOCKOUT - timedelta(seconds=1))
    session = login(database, "ANNA", "correct horse", now=NOW + LOCKOUT)
    assert session.code == "ANNA"
    with database.reading() as db:
        operator = db.scalars(select(Operator).where(Operator.code == "ANNA")).one()
        assert operator.failed_logins == 0
        assert operator.locked_until is None


def test_a_right_password_resets_the_count_of_failures(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("ANNA")
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(WrongCredentialsError):
            login(database, "ANNA", "wrong", now=NOW)
    login(database, "ANNA", "correct horse", now=NOW)
    with pytest.raises(WrongCredentialsError):
        login(database, "ANNA", "wrong", now=NOW)  # a fresh count: not locked


def test_forbid_login(database: Database, add_operator: Callable[..., None]) -> None:
    add_operator("GONE", forbid_login=True)
    with pytest.raises(LoginForbiddenError, match="GONE may not log in"):
        login(database, "GONE", "correct horse", now=NOW)


def test_other_sales_points_only_when_allowed(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("HOME")
    add_operator("ROAM", may_login_other_sales_points=True)
    with pytest.raises(WrongSalesPointError, match="only log in at sales point SP1, not at SP2"):
        login(database, "HOME", "correct horse", sales_point_code="SP2", now=NOW)
    assert login(database, "HOME", "correct horse", sales_point_code="SP1", now=NOW)
    roaming = login(database, "ROAM", "correct horse", sales_point_code="SP2", now=NOW)
    assert roaming.sales_point_code == "SP2"


def test_star_has_everything_but_must_change_the_password_first(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("STAR", "star", is_superuser=True, must_change_password=True)
    first = login(database, "STAR", "star", now=NOW)
    assert first.permissions == permissions.ALL
    assert first.must_change_password
    with pytest.raises(PasswordChangeRequiredError):
        first.require(permissions.VEND)
    with pytest.raises(PasswordTooWeakError):
        change_password(database, "STAR", "star", "short")
    with pytest.raises(WrongCredentialsError):
        change_password(database, "STAR", "not star", "a much better one")
    change_password(database, "STAR", "star", "a much better one")
    with pytest.raises(WrongCredentialsError):
        login(database, "STAR", "star", now=NOW)
    second = login(database, "STAR", "a much better one", now=NOW)
    assert not second.must_change_password
    second.require(permissions.ENGINEERING_TOKENS)


def test_a_permission_change_is_audited(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("BOSS", permissions=(permissions.ADMIN_OPERATORS,))
    add_operator("ANNA", permissions=(permissions.VEND,))
    boss = login(database, "BOSS", "correct horse", now=NOW)
    set_role_permissions(database, boss, "R-ANNA", {permissions.VEND, permissions.REPRINT})
    anna = login(database, "ANNA", "correct horse", now=NOW)
    assert anna.permissions == {permissions.VEND, permissions.REPRINT}
    with database.reading() as session:
        change = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "permission_change")
        ).one()
        assert change.subject == "role:R-ANNA"
        assert change.operator_code == "BOSS"
        assert '"added":["reprint"]' in change.details
        assert verify(session).intact


def test_passwords_are_stored_as_argon2id_hashes(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("ANNA")
    with database.reading() as session:
        stored = session.scalars(select(Operator.password_hash)).one()
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored


def test_an_administrator_unlocks_and_resets_a_password(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("BOSS", permissions=(permissions.ADMIN_OPERATORS,))
    add_operator("ANNA", permissions=(permissions.VEND,))
    for attempt in range(MAX_FAILED_LOGINS):
        with pytest.raises((WrongCredentialsError, OperatorLockedError)):
            login(database, "ANNA", f"guess {attempt}", now=NOW)
    with pytest.raises(OperatorLockedError):
        login(database, "ANNA", "correct horse", now=NOW)
    boss = login(database, "BOSS", "correct horse", now=NOW)
    unlock_operator(database, boss, "ANNA")
    anna = login(database, "ANNA", "correct horse", now=NOW)
    with pytest.raises(PermissionDeniedError):
        unlock_operator(database, anna, "BOSS")
    reset_password(database, boss, "ANNA", "temporary-1")
    reset = login(database, "ANNA", "temporary-1", now=NOW)
    assert reset.must_change_password
    with pytest.raises(UnknownOperatorError):
        unlock_operator(database, boss, "NOBODY")
    assert _audit_kinds(database).count("master_data_change") == 1  # the unlock
    assert _audit_kinds(database).count("password_change") == 1


def test_the_lockout_says_until_when_on_the_utility_clock(
    database: Database, add_operator: Callable[..., None]
) -> None:
    add_operator("ANNA")
    for attempt in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(WrongCredentialsError):
            login(database, "ANNA", f"guess {attempt}", now=NOW)
    # No time zone set up yet: the time is given in UTC, and says so.
    with pytest.raises(OperatorLockedError, match="after 08:15 UTC"):
        login(database, "ANNA", "last guess", now=NOW)
    with database.unit_of_work() as uow:
        uow.session.add(
            SystemParameters(id=1, company_name="Utility", currency="XOF", time_zone="Africa/Lagos")
        )
        uow.commit()
    with pytest.raises(OperatorLockedError, match="after 09:15 or ask"):  # UTC+1
        login(database, "ANNA", "correct horse", now=NOW)
