"""An empty store gets STAR (password star, all rights, changed at the first login) and a
set-up checklist that says truthfully what is done; the demo can still be seeded over it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.models import NumberingRule, Operator, PaymentTerm
from starpos.demo.seed import seed_demo
from starpos.masterdata import bill_numbers
from starpos.masterdata.records import add_record
from starpos.masterdata.setup_checklist import is_ready, setup_checklist
from starpos.masterdata.starting_kit import start_empty
from starpos.operators import permissions
from starpos.operators.errors import PasswordChangeRequiredError, WrongCredentialsError
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from tests.integration.admin.admin_world import Utility


def test_star_logs_in_with_star_and_must_change_it_first(empty_store: Database) -> None:
    assert start_empty(empty_store) is True
    assert start_empty(empty_store) is False  # once only
    star = login(empty_store, "STAR", "star")
    assert star.must_change_password and star.permissions == permissions.ALL
    with pytest.raises(PasswordChangeRequiredError):
        add_record(empty_store, star, "branch", {"code": "BR01", "name": "Main"})
    change_password(empty_store, "STAR", "star", "a-better-one")
    with pytest.raises(WrongCredentialsError):
        login(empty_store, "STAR", "star")
    star = login(empty_store, "STAR", "a-better-one")
    add_record(empty_store, star, "branch", {"code": "BR01", "name": "Main"})
    with empty_store.reading() as session:
        # A rule for every bill type, token cancel and payment change (TOK-19) and
        # registration (BO-21) included.
        assert session.scalar(select(func.count()).select_from(NumberingRule)) == len(
            bill_numbers.BILL_TYPES
        )
        assert session.scalars(select(PaymentTerm.code)).all() == ["CASH"]


def test_the_checklist_follows_the_store(empty_store: Database) -> None:
    start_empty(empty_store)
    with empty_store.reading() as session:
        items = setup_checklist(session, "T01")
    assert [item.done for item in items] == [False] * 8 and not is_ready(items)


def test_a_set_up_utility_is_ready(utility: Utility) -> None:
    with utility.database.reading() as session:
        assert is_ready(setup_checklist(session, "T01"))
        # Another computer, not yet a terminal, is the one thing left to do there.
        undone = [i.key for i in setup_checklist(session, "T09") if not i.done]
    assert undone == ["terminal"]


def test_the_demo_seeds_over_the_starting_kit(empty_store: Database) -> None:
    start_empty(empty_store)
    seed_demo(empty_store, customers=3, spare_meters=1)
    with empty_store.reading() as session:
        star = session.scalars(select(Operator).where(Operator.code == "STAR")).one()
        assert star.sales_point is not None and star.sales_point.code == "SP01"
        terms = session.scalars(select(PaymentTerm.code).order_by(PaymentTerm.code)).all()
    assert terms == ["BANK", "CARD", "CASH", "CHQ", "MOMO"]
    assert login(empty_store, "CASH1", "cash-demo").code == "CASH1"
