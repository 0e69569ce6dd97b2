"""Bill numbers are unique across the terminals of one sales point: the rules of the bills a
counter makes carry the terminal, in a new store and (migration 0015) in an older one, and
the set-up checklist names a rule that does not while a sales point has several terminals."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from starpos.bootstrap.database import database_url, open_database
from starpos.db import Database, migrate
from starpos.db.engine import make_engine
from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.db.models import (
    Branch,
    NumberingField,
    NumberingRule,
    SalesPoint,
    Terminal,
)
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext, next_number
from starpos.masterdata.setup_checklist import TERMINAL_NUMBERING, setup_checklist
from starpos.masterdata.starting_kit import start_empty

DECEMBER = datetime(2026, 12, 2, 10, 0)


def _take(database: Database, bill_type: str, terminal: str) -> str:
    context = NumberingContext(DECEMBER, sales_point_code="SP01", terminal_code=terminal)
    with database.unit_of_work() as uow:
        number = next_number(uow.session, bill_type, context)
        uow.commit()
    return number


def _rule(session: Session, bill_type: str, reset: NumberReset, *fields: tuple) -> None:
    rule = NumberingRule(bill_type=bill_type, serial_digits=5, reset=reset)
    for position, (kind, length, text) in enumerate(fields, start=1):
        rule.fields.append(
            NumberingField(position=position, kind=kind, length=length, fixed_text=text)
        )
    session.add(rule)


def _kinds(database: Database, bill_type: str) -> list[str]:
    with database.reading() as session:
        rule = session.get(NumberingRule, bill_type)
        assert rule is not None
        return [str(field.kind) for field in rule.fields]


def _one_point_two_terminals(session: Session) -> None:
    branch = Branch(code="BR01", name="Central")
    session.add(branch)
    session.flush()
    point = SalesPoint(code="SP01", name="Riverside", branch_id=branch.id)
    session.add(point)
    session.flush()
    session.add_all(
        [
            Terminal(code="T01", name="Counter 1", sales_point_id=point.id),
            Terminal(code="T02", name="Counter 2", sales_point_id=point.id),
        ]
    )


def test_a_new_store_numbers_each_terminal_on_its_own(database: Database) -> None:
    start_empty(database)
    with database.unit_of_work() as uow:
        _one_point_two_terminals(uow.session)
        uow.commit()
    # Two counters, each with its own store, would both start at 00001: the terminal
    # keeps their numbers apart, and the whole number fits the manual's 20 characters.
    assert _take(database, "vend", "T01") == "V2612SP01T0100001"
    assert _take(database, "vend", "T02") == "V2612SP01T0200001"
    assert _take(database, "replacement", "T02") == "RP26T0200001"
    with database.reading() as session:
        assert bill_numbers.counter_rules_without_terminal(session) == []
        assert TERMINAL_NUMBERING not in [i.key for i in setup_checklist(session, "T01")]


def test_the_checklist_names_sales_numbering_without_the_terminal(
    database: Database, run_starpos: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    start_empty(database)
    with database.unit_of_work() as uow:
        _one_point_two_terminals(uow.session)
        uow.session.execute(
            delete(NumberingField).where(
                NumberingField.bill_type == "vend",
                NumberingField.kind == NumberFieldKind.TERMINAL,
            )
        )
        uow.commit()
    with database.reading() as session:
        assert bill_numbers.counter_rules_without_terminal(session) == ["vend"]
        items = setup_checklist(session, "T01")
    assert [(i.key, i.done) for i in items if i.key == TERMINAL_NUMBERING] == [
        (TERMINAL_NUMBERING, False)
    ]
    # What the administrator reads from ``starpos admin checklist`` (no login needed).
    shown = run_starpos("admin", "checklist")
    assert shown.returncode == 0, shown.stderr
    assert "The terminal in the numbering of sales and replacements" in shown.stdout
    as_json = json.loads(run_starpos("admin", "checklist", "--json").stdout)
    assert {"key": TERMINAL_NUMBERING, "done": False} in as_json["items"]
    assert as_json["ready"] is False
    # One terminal per sales point: no two counters share a series, nothing to fix.
    with database.unit_of_work() as uow:
        uow.session.execute(delete(Terminal).where(Terminal.code == "T02"))
        uow.commit()
    with database.reading() as session:
        assert bill_numbers.counter_rules_without_terminal(session) == []


def test_an_older_store_gets_the_terminal_in_its_counter_bills(
    store_backend: str, empty_store_url: str
) -> None:
    engine = make_engine(database_url())
    migrate.upgrade(engine, "0010")
    with Session(engine) as session, session.begin():
        _one_point_two_terminals(session)
        fixed, year2, month = NumberFieldKind.FIXED, NumberFieldKind.YEAR2, NumberFieldKind.MONTH
        point = NumberFieldKind.SALES_POINT
        _rule(session, "vend", NumberReset.MONTHLY,
              (fixed, None, "V"), (year2, None, ""), (month, None, ""), (point, 4, ""))  # fmt: skip
        _rule(session, "replacement", NumberReset.YEARLY, (fixed, None, "RP"), (year2, None, ""))
        _rule(session, "customer", NumberReset.NEVER, (fixed, None, "C"))
        # 11 + 2 + 5 = 18 characters: with a 3-character terminal it would not fit.
        _rule(session, "token_cancel", NumberReset.YEARLY,
              (fixed, None, "TOKENCANCEL"), (year2, None, ""))  # fmt: skip
    engine.dispose()

    with open_database() as database:
        assert database.schema_revision() == migrate.head_revision()
        assert _kinds(database, "vend") == ["fixed", "year2", "month", "sales_point", "terminal"]
        assert _kinds(database, "replacement") == ["fixed", "year2", "terminal"]
        assert _kinds(database, "customer") == ["fixed"]  # the back office's own bills
        assert _kinds(database, "token_cancel") == ["fixed", "year2"]  # left as it was
        assert _take(database, "vend", "T01") != _take(database, "vend", "T02")
        # A sale made without a terminal is numbered as before.
        assert _take(database, "vend", "") == "V2612SP0100001"
        with database.reading() as session:
            left = bill_numbers.counter_rules_without_terminal(session)
            names = session.scalars(select(Terminal.code).order_by(Terminal.code)).all()
    assert left == ["token_cancel"] and names == ["T01", "T02"]
