"""The one operator session and its rule: a pending password change allows nothing else.

The counter once handed the window its own copy of the session whose ``may()`` ignored a
pending password change, while the core's refused everything; these pin the one rule.
"""

from __future__ import annotations

import pytest

from starpos.operators import permissions
from starpos.operators.errors import PasswordChangeRequiredError, PermissionDeniedError
from starpos.operators.session import OperatorSession

STAR = OperatorSession("STAR", "STAR (all rights)", permissions.ALL, must_change_password=True)
ANNA = OperatorSession("ANNA", "Anna Cashier", frozenset({permissions.VEND}))


@pytest.mark.parametrize("permission", sorted(permissions.ALL))
def test_a_pending_password_change_allows_nothing_else(permission: str) -> None:
    assert permission in STAR.permissions
    assert not STAR.may(permission)
    with pytest.raises(PasswordChangeRequiredError, match="STAR must choose a new password"):
        STAR.require(permission)


def test_otherwise_the_roles_grants_decide() -> None:
    assert ANNA.may(permissions.VEND)
    ANNA.require(permissions.VEND)
    assert not ANNA.may(permissions.REPRINT)
    with pytest.raises(PermissionDeniedError, match="ANNA does not have the permission reprint"):
        ANNA.require(permissions.REPRINT)


def test_the_sales_point_as_a_person_reads_it() -> None:
    assert ANNA.sales_point == "-"
    here = OperatorSession("ANNA", "Anna", frozenset(), sales_point_code="SP01")
    assert here.sales_point == "SP01"
    named = OperatorSession(
        "ANNA", "Anna", frozenset(), sales_point_code="SP01", sales_point_name="Riverside"
    )
    assert named.sales_point == "Riverside (SP01)"
    assert named.actor.operator_code == "ANNA" and named.actor.sales_point_code == "SP01"
