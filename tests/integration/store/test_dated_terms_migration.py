"""Migration 0022 on a store with data: every charge item's terms and every customer type's
VAT become a first version, in force from the beginning, and price as they did (issue 12;
decision BO-23)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, text

from starpos.bootstrap.database import database_url, open_database
from starpos.db import migrate
from starpos.db.engine import make_engine
from starpos.db.models import ChargeItem, ChargeItemVersion, CustomerType, CustomerTypeVatVersion
from starpos.db.models.dated_terms import BEGINNING
from starpos.masterdata.dated_terms import charge_terms, vat_in_force
from tests.support.store_backends import POSTGRESQL, SQLITE

#: Values as each database stores them: SQLite scaled integers, PostgreSQL NUMERIC.
STORED = {
    SQLITE: {"vat": "75000", "amount": "150", "percent": "30000"},
    POSTGRESQL: {"vat": "7.5", "amount": "1.50", "percent": "3"},
}


def test_existing_terms_become_first_versions(store_backend: str, empty_store_url: str) -> None:
    stored = STORED[store_backend]
    engine = make_engine(database_url())
    migrate.upgrade(engine, "0021")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customer_types (code, name, vat_rate, prearrange_amount,"
                f" repayment_method, fbe_kwh_per_month) VALUES ('RES', 'Residential',"
                f" {stored['vat']}, 0, 'none', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO charge_items (code, name, method, amount, percentage, vat_applies,"
                f" active) VALUES ('SVC', 'Service', 'monthly', {stored['amount']}, NULL,"
                f" true, true), ('LEVY', 'Levy', 'by_amount', NULL, {stored['percent']}, false,"
                " true)"
            )
        )
    engine.dispose()

    with open_database() as database, database.reading() as session:
        assert database.schema_revision() == migrate.head_revision()
        versions = session.execute(
            select(
                ChargeItem.code,
                ChargeItemVersion.effective_from,
                ChargeItemVersion.amount,
                ChargeItemVersion.percentage,
                ChargeItemVersion.vat_applies,
            )
            .join(ChargeItem, ChargeItem.id == ChargeItemVersion.charge_item_id)
            .order_by(ChargeItem.code)
        ).all()
        assert [tuple(v) for v in versions] == [
            ("LEVY", BEGINNING, None, Decimal("3"), False),
            ("SVC", BEGINNING, Decimal("1.50"), None, True),
        ]
        (kind,) = session.scalars(select(CustomerType)).all()
        (vat,) = session.scalars(select(CustomerTypeVatVersion)).all()
        assert (vat.customer_type_id, vat.effective_from, vat.vat_rate) == (
            kind.id,
            BEGINNING,
            Decimal("7.5"),
        )
        # They price any sale there can be, as the columns did before.
        assert vat_in_force(session, kind.id, datetime(2000, 1, 1)) == (Decimal("7.5"), vat.id)
        ids = list(session.scalars(select(ChargeItem.id).order_by(ChargeItem.code)))
        priced = charge_terms(session, ids, datetime(2026, 12, 3, 12, 0))
        assert [(t.code, t.amount, t.percentage) for t in priced] == [
            ("LEVY", None, Decimal("3")),
            ("SVC", Decimal("1.50"), None),
        ]
