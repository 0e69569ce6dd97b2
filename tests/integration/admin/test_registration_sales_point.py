"""A registration bill keeps the sales point it was made at (decision BO-31, migration 0027):
the terminal's, as a sale does; a store holding bills made before gets theirs from the
registrations' audit entries when it upgrades."""

from __future__ import annotations

from sqlalchemy import select

from starpos.db import migrate
from starpos.db.models import RegistrationBill, SalesPoint
from tests.integration.admin.admin_world import Utility
from tests.integration.admin.test_registration_bill import registered


def _made_at(utility: Utility) -> list[tuple[str, str | None]]:
    with utility.database.reading() as session:
        rows = session.execute(
            select(RegistrationBill.bill_number, SalesPoint.code)
            .outerjoin(SalesPoint, SalesPoint.id == RegistrationBill.sales_point_id)
            .order_by(RegistrationBill.bill_number)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_the_bill_keeps_where_it_was_made_and_old_bills_get_it_on_upgrade(
    utility: Utility,
) -> None:
    # The utility's first customer was registered by STAR (no home) at no terminal: the
    # bill names no sales point, as its paper did. This one is made at the counter T01 (SP01).
    bill = registered(utility)
    (first, _), _ = _made_at(utility)
    assert _made_at(utility) == [(first, None), (bill, "SP01")]

    engine = utility.database.engine
    migrate.downgrade(engine, "0026")  # a store from before: its bills have no sales point
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _made_at(utility) == [(first, None), (bill, "SP01")]
