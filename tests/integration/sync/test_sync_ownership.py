"""A counter enrolled with a head office refuses local edits of master data, and only them:
logins and their lockouts go on, and a store that is not enrolled edits as before.

On a real store opened through the composition root, which installs the guard.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import Customer, Operator, SyncState
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.customers import register_customer
from starpos.operators.errors import WrongCredentialsError
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.sync.ownership import MasterDataOwnedError

WHEN = NumberingContext(datetime(2026, 12, 2, 10, 0), sales_point_code="SP01")
SERVER = "http://head-office.test:8470"


def _enrol(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(
            SyncState(
                id=1,
                server_url=SERVER,
                key_id="-",
                terminal_code="T01",
                sales_point_code="SP01",
                enrolled_at=datetime.now(UTC),
            )
        )
        uow.commit()


def _register(database: Database) -> None:
    with database.unit_of_work() as uow:
        register_customer(uow.session, name="Local Shop", customer_type_code="RES", numbering=WHEN)
        uow.commit()


def _customers(database: Database) -> int:
    with database.reading() as session:
        return len(session.scalars(select(Customer.id)).all())


def test_a_store_without_a_head_office_edits_its_master_data(demo_database: Database) -> None:
    before = _customers(demo_database)
    _register(demo_database)
    assert _customers(demo_database) == before + 1


def test_an_enrolled_counter_refuses_master_data_edits_and_says_where_to_make_them(
    demo_database: Database,
) -> None:
    _enrol(demo_database)
    before = _customers(demo_database)
    with pytest.raises(MasterDataOwnedError) as refused:
        _register(demo_database)
    assert SERVER in refused.value.message
    assert "customers" in refused.value.message and "back office" in refused.value.message
    assert _customers(demo_database) == before

    with pytest.raises(MasterDataOwnedError):
        change_password(demo_database, "CASH1", "cash-demo", "a-new-password-1")
    assert login(demo_database, "CASH1", "cash-demo").code == "CASH1"


def test_an_enrolled_counter_still_keeps_its_own_logins_and_lockouts(
    demo_database: Database,
) -> None:
    _enrol(demo_database)
    with pytest.raises(WrongCredentialsError):
        login(demo_database, "CASH1", "not-the-password")
    with demo_database.reading() as session:
        failed = session.scalar(select(Operator.failed_logins).where(Operator.code == "CASH1"))
    assert failed == 1
    session_ = login(demo_database, "CASH1", "cash-demo")
    assert session_.code == "CASH1"
    with demo_database.reading() as session:
        operator = session.scalars(select(Operator).where(Operator.code == "CASH1")).one()
    assert (operator.failed_logins, operator.last_login_at is not None) == (0, True)
