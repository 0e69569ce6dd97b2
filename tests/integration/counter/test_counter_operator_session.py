"""The counter hands the window the core's operator session, with the core's rule."""

from __future__ import annotations

import pytest

from starpos.counter import CounterAuth
from starpos.db import Database
from starpos.operators import permissions
from starpos.operators.errors import PasswordChangeRequiredError


def test_stars_first_login_at_the_counter_may_only_change_the_password(
    demo_database: Database,
) -> None:
    auth = CounterAuth(demo_database)
    star = auth.login("STAR", "star")
    assert star.must_change_password and star.permissions == permissions.ALL
    # The counter's own copy of the session used to answer yes to every one of these.
    assert [name for name in sorted(permissions.ALL) if star.may(name)] == []
    with pytest.raises(PasswordChangeRequiredError):
        star.require(permissions.VEND)
    auth.change_password("STAR", "star", "a much better one")
    changed = auth.login("STAR", "a much better one")
    assert all(changed.may(name) for name in permissions.ALL)
    assert changed.sales_point == "Riverside Office (SP01)"
