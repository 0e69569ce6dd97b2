"""Migration 0026: a store set up before registrations had their own series (0021) gets a
registration numbering rule in its own style, so its registration bills stop taking sale
numbers; a store that has one, a store not set up yet and an enrolled counter are left alone."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from starpos.bootstrap.database import database_url, open_database
from starpos.db import Database, migrate
from starpos.db.engine import make_engine
from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.db.models import NumberingField, NumberingRule, SyncState
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.numbering_rules import describe, read_rules

FIXED, YEAR, YEAR2 = NumberFieldKind.FIXED, NumberFieldKind.YEAR, NumberFieldKind.YEAR2
POINT = NumberFieldKind.SALES_POINT
DECEMBER = datetime(2026, 12, 3, 10, 0)
_Field = tuple[NumberFieldKind, int | None, str]


def _rule(
    session: Session, bill_type: str, reset: NumberReset, digits: int, *fields: _Field
) -> None:
    rule = NumberingRule(bill_type=bill_type, serial_digits=digits, reset=reset)
    for position, (kind, length, text) in enumerate(fields, start=1):
        rule.fields.append(
            NumberingField(position=position, kind=kind, length=length, fixed_text=text)
        )
    session.add(rule)


def _older_store(build: object) -> None:
    """A store at 0021 (before this migration) with the rules ``build`` adds."""
    engine = make_engine(database_url())
    migrate.upgrade(engine, "0021")
    with Session(engine) as session, session.begin():
        build(session)  # type: ignore[operator]
    engine.dispose()


def _registration(database: Database) -> str:
    with database.reading() as session:
        rules = {rule.bill_type: describe(rule) for rule in read_rules(session)}
    return rules.get(bill_numbers.REGISTRATION, "")


def _take(database: Database) -> str:
    with database.unit_of_work() as uow:
        number = bill_numbers.next_number_or_sales(
            uow.session, bill_numbers.REGISTRATION, NumberingContext(DECEMBER, "SP01")
        )
        uow.commit()
    return number


def test_an_older_store_gets_a_registration_series_in_its_own_style(
    store_backend: str, empty_store_url: str
) -> None:
    def build(session: Session) -> None:
        # This utility writes the whole year and the sales point on its office's bills.
        _rule(session, "vend", NumberReset.MONTHLY, 5, (FIXED, None, "V"), (YEAR2, None, ""))
        _rule(session, "contract_cancellation", NumberReset.YEARLY, 6,
              (FIXED, None, "KC"), (YEAR, None, ""), (POINT, 4, ""))  # fmt: skip

    _older_store(build)
    with open_database() as database:
        assert database.schema_revision() == migrate.head_revision()
        assert _registration(database) == "RG|year|sales_point:4 #6 from 1 yearly"
        # Registrations are numbered in their own series, no longer the sales'.
        assert _take(database) == "RG2026SP01000001"
        assert _take(database) == "RG2026SP01000002"


def test_a_store_without_a_model_rule_gets_the_starting_kit_rule(
    store_backend: str, empty_store_url: str
) -> None:
    _older_store(lambda session: _rule(session, "vend", NumberReset.NEVER, 5, (FIXED, None, "V")))
    with open_database() as database:
        assert _registration(database) == "RG|year2 #5 from 1 yearly"
        assert _take(database) == "RG2600001"


def test_a_store_with_its_own_registration_rule_keeps_it(
    store_backend: str, empty_store_url: str
) -> None:
    _older_store(
        lambda session: _rule(session, "registration", NumberReset.NEVER, 4, (FIXED, None, "REG"))
    )
    with open_database() as database:
        assert _registration(database) == "REG #4 from 1 never"


def test_a_store_not_set_up_or_enrolled_gets_no_rule(
    store_backend: str, empty_store_url: str
) -> None:
    _older_store(lambda session: None)
    with open_database() as database, database.reading() as session:
        assert session.scalars(select(NumberingRule)).all() == []


def test_an_enrolled_counter_waits_for_the_head_office_rule(
    store_backend: str, empty_store_url: str
) -> None:
    def build(session: Session) -> None:
        _rule(session, "contract_cancellation", NumberReset.YEARLY, 5, (FIXED, None, "CC"))
        # Core, with the columns the schema has at 0021 (the model may have more since).
        session.execute(
            insert(SyncState.__table__),  # type: ignore[arg-type]
            {"id": 1, "server_url": "https://head.example", "key_id": "k1",
             "terminal_code": "T01", "sales_point_code": "SP01",
             "enrolled_at": DECEMBER.replace(tzinfo=UTC), "acknowledged_seq": 0,
             "acknowledged_hash": "0" * 64},
        )  # fmt: skip

    _older_store(build)
    with open_database() as database:
        assert _registration(database) == ""
