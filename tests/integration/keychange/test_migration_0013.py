"""Migration 0013 on both databases: a token operation may now be a token cancel's zero
token or a replaced meter's remainder (the kind's CHECK constraint was widened in place),
and the models' view of it is the database's."""

from __future__ import annotations

from sqlalchemy import inspect

from starpos.bootstrap.database import open_database
from starpos.db import migrate
from tests.support.store_backends import both_backends


def _kind_check(database) -> str:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        checks = inspect(connection).get_check_constraints("token_operations")
    (kind,) = [c["sqltext"] for c in checks if "set_power_limit" in str(c["sqltext"])]
    return str(kind)


@both_backends
def test_the_token_operation_kinds_take_token_cancel_and_remainder_credit(
    store_backend: str, empty_store_url: str
) -> None:
    with open_database() as database:
        assert database.schema_revision() == migrate.head_revision()
        check = _kind_check(database)
    assert "token_cancel" in check
    assert "remainder_credit" in check
