"""The customer search (manual 4.1) on SQLite's trigram indexes (migration 0029, BO-32) and on
PostgreSQL: the same answers as the plain LIKE pass over every row, with accents, letter case,
ID numbers, LIKE's own characters and meter numbers; and the indexes kept true by every writer
(registration, a change, a bulk insert like the downlink's and ``db bench``'s), at once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import insert, or_, select, union
from sqlalchemy import text as sql

from starpos.db import Database, migrate
from starpos.db.enums import CustomerStatus
from starpos.db.models import Customer, CustomerType, Meter
from starpos.masterdata import customer_search
from starpos.masterdata.customer_changes import change_customer
from starpos.masterdata.customers import list_customers
from starpos.masterdata.registration import MeterContract, register_with_meters
from tests.integration.admin.admin_world import FIRST, LAST, Utility
from tests.support.store_backends import SQLITE, both_backends

pytestmark = both_backends

#: (code, name, ID number): accents in both cases, mixed case, LIKE's % _ \, Chinese
PEOPLE = [
    ("C0000101", "Émile Zola", "FR-1840-04"),
    ("C0000102", "émile zola", None),
    ("C0000103", "ÉMILE ZOLA", "fr-1840-05"),
    ("C0000104", "Ngozi O'Brien", "NG/77/123456"),
    ("C0000105", "陈伟 Chen Wei", "110101199003070011"),
    ("C0000106", "100% Power_Co", "50%_OFF"),
    ("C0000107", "Back\\slash Ltd", "A\\B"),
    ("c0000108", "lower code", "X"),
    ("C0000109", "Mensah Kwame", "GH-0011223"),
    ("C0000110", "Kwame MENSAH", "gh-0011224"),
]

#: Searches: parts of names, codes, ID numbers in every case; shorter than a trigram; none.
SEARCHES = [
    "émile", "ÉMILE", "Émile", "emile", "zola", "ZOLA", "ile zo", "é", "É", "fr-1840", "FR-18",
    "NG/77", "o'brien", "O'BRIEN", "陈伟", "陈", "chen wei", "100%", "%", "_", "50%_",
    "power_co", "\\", "k\\s", "a\\b", "c00001", "C0000108", "code", "mensah", "MENSAH",
    "kwame m", "gh-001122", "0011", "11", "1", "Ada", "lake", "zz-nobody", "x", "ll",
    "Lakeside", FIRST[3:9], FIRST[-4:], FIRST, LAST[2:8], "600727",
]  # fmt: skip


def _insert_people(database: Database) -> None:
    """As the head office's downlink and ``db bench`` write them: rows, not registrations."""
    with database.unit_of_work() as uow:
        session = uow.session
        type_id = session.scalars(select(CustomerType.id)).first()
        session.execute(
            insert(Customer),
            [
                {
                    "code": code, "name": name, "address": "1 Lake Road", "telephone": "",
                    "id_number": id_number, "customer_type_id": type_id, "region_id": None,
                    "status": CustomerStatus.ACTIVE, "corporation": "", "tax_reference": "",
                    "bank_id": None, "bank_account": "", "registered_on": date(2026, 1, 2),
                    "remark": "", "created_at": datetime.now(UTC),
                }
                for code, name, id_number in PEOPLE
            ],
        )  # fmt: skip
        uow.commit()


def _scanned(database: Database, text: str) -> list[str]:
    """The answer without any index: LIKE (SQLite) or ILIKE (PostgreSQL) on every row, as
    the search was before migration 0029."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    with database.reading() as session:
        sqlite = session.get_bind().dialect.name == SQLITE

        def contains(column: Any) -> Any:
            return (column.like if sqlite else column.ilike)(pattern, escape="\\")

        parts: list[Any] = [
            select(Customer.id).where(
                or_(contains(Customer.code), contains(Customer.name), contains(Customer.id_number))
            )
        ]
        if text.isascii() and text.isdigit():
            parts.append(select(Meter.customer_id).where(Meter.number.like(pattern, escape="\\")))
        found = select(Customer.code).where(Customer.id.in_(union(*parts)))
        return list(session.scalars(found.order_by(Customer.code)))


def _found(database: Database, text: str, exact: bool = False) -> list[str]:
    with database.reading() as session:
        return [c.code for c in list_customers(session, text, limit=1000, exact=exact)]


@pytest.mark.parametrize("dense", [customer_search.DENSE, 0], ids=["few", "many"])
def test_a_search_answers_as_the_scan_did(
    utility: Utility, dense: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "many": every search takes the way of a common word (the walk by code).
    monkeypatch.setattr(customer_search, "DENSE", dense)
    _insert_people(utility.database)
    for text in SEARCHES:
        assert _found(utility.database, text) == _scanned(utility.database, text), text
    assert _found(utility.database, "ile zo")[:1] == ["C0000101"]
    assert _found(utility.database, FIRST[3:9]) == [utility.customer_code]


def test_an_exact_search_is_unchanged(utility: Utility) -> None:
    _insert_people(utility.database)
    assert _found(utility.database, "c0000101", exact=True) == ["C0000101"]
    assert _found(utility.database, "c0000108", exact=True) == ["c0000108"]
    assert _found(utility.database, "Émile Zola", exact=True) == ["C0000101"]
    assert _found(utility.database, "émile", exact=True) == []
    assert _found(utility.database, "50%_OFF", exact=True) == ["C0000106"]
    assert _found(utility.database, FIRST, exact=True) == [utility.customer_code]
    assert _found(utility.database, FIRST[:-1], exact=True) == []


def test_a_changed_or_new_customer_is_found_at_once(utility: Utility) -> None:
    database, star = utility.database, utility.star
    assert _found(database, "Ada Lake") == [utility.customer_code]
    change_customer(database, star, utility.customer_code, {"name": "Adaeze Okafor"})
    assert _found(database, "Okafor") == [utility.customer_code]
    assert _found(database, "ze oka") == [utility.customer_code]
    assert _found(database, "Ada Lake") == []
    change_customer(database, star, utility.customer_code, {"id_number": "NIN-998877"})
    assert _found(database, "998877") == [utility.customer_code]
    with database.reading() as session:  # a meter of the range still in stock
        second = session.scalars(
            select(Meter.number).where(Meter.customer_id.is_(None)).order_by(Meter.number)
        ).first()
    assert second is not None
    code = register_with_meters(
        database, star, name="Yaw Boateng", customer_type_code="RES",
        meters=[MeterContract(second, "RES")],
    )  # fmt: skip
    assert _found(database, "boateng") == [code]
    assert _found(database, second[2:10]) == [code]


def test_the_index_is_built_from_what_the_store_holds(utility: Utility) -> None:
    """A store upgraded to 0029 finds the customers it already had."""
    _insert_people(utility.database)
    engine = utility.database.engine
    migrate.downgrade(engine, "0026")
    migrate.upgrade(engine)
    for text in ("zola", "ile zo", "NG/77", FIRST[3:9]):
        assert _found(utility.database, text) == _scanned(utility.database, text), text


def test_an_upsert_like_the_downlinks_is_found_by_its_new_name(
    utility: Utility, store_backend: str
) -> None:
    """The head office's downlink writes a counter's customers with INSERT ... ON CONFLICT
    DO UPDATE (starpos.sync.downlink_apply): the index follows."""
    if store_backend == SQLITE:
        from sqlalchemy.dialects.sqlite import insert as upsert
    else:
        from sqlalchemy.dialects.postgresql import insert as upsert
    _insert_people(utility.database)
    with utility.database.unit_of_work() as uow:
        row = uow.session.execute(
            select(Customer.__table__).where(Customer.code == "C0000109")
        ).one()
        statement = upsert(Customer.__table__).values({**row._asdict(), "name": "Akosua Asantewaa"})
        uow.session.execute(
            statement.on_conflict_do_update(
                index_elements=["code"], set_={"name": statement.excluded.name}
            )
        )
        uow.commit()
    assert _found(utility.database, "asantewaa") == ["C0000109"]
    assert _found(utility.database, "mensah") == ["C0000110"]


def test_a_store_without_the_indexes_scans(utility: Utility, store_backend: str) -> None:
    """As a store migrated by a Python whose SQLite has no FTS5 trigrams (0029 skips them)."""
    if store_backend != SQLITE:
        pytest.skip("PostgreSQL never has them")
    _insert_people(utility.database)
    with utility.database.unit_of_work() as uow:
        for index in ("customer_search", "meter_search"):
            for action in ("insert", "delete", "update"):
                uow.session.execute(sql(f"DROP TRIGGER {index}_{action}"))
            uow.session.execute(sql(f"DROP TABLE {index}"))
        uow.commit()
    change_customer(utility.database, utility.star, utility.customer_code, {"name": "Ama Lake"})
    for found in ("zola", "ÉMILE", "ama l", FIRST[3:9], "x"):
        assert _found(utility.database, found) == _scanned(utility.database, found), found
