"""The window's services on the real store, auth, pricing and module, on their workers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.counter import CounterAuth
from starpos.db import Database
from starpos.db.enums import CustomerStatus
from starpos.db.models import Customer, Meter
from starpos.operators.errors import LoginForbiddenError, WrongCredentialsError
from starpos.settings import Settings
from starpos.ui.core_services import AuthOnWorkers, on_workers
from starpos.ui.threading.workers import JobFailure, Worker, WrongThreadError

pytestmark = pytest.mark.slow


@pytest.fixture
def database_worker() -> Iterator[Worker]:
    worker = Worker("database")
    yield worker
    worker.stop()


def on_worker(qtbot: QtBot, worker: Worker, function: Callable[..., Any], *args: Any) -> Any:
    """Run ``function`` on ``worker`` like the window does; return or raise its answer."""
    answers: list[Any] = []
    worker.submit(function, *args, on_done=answers.append, on_failed=answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    if isinstance(answers[0], JobFailure):
        raise answers[0].error
    return answers[0]


def test_login_as_the_store_decides(
    qtbot: QtBot, demo_database: Database, database_worker: Worker
) -> None:
    core = AuthOnWorkers(CounterAuth(demo_database))
    session = on_worker(qtbot, database_worker, core.login, "cash1", "cash-demo")
    assert session.code == "CASH1"
    assert session.name == "Amina Cashier"
    assert session.may("vend") and not session.may("installer_settings")
    star = on_worker(qtbot, database_worker, core.login, "STAR", "star")
    assert star.must_change_password
    with pytest.raises(WrongCredentialsError):
        on_worker(qtbot, database_worker, core.login, "CASH1", "wrong")
    with pytest.raises(LoginForbiddenError):
        on_worker(qtbot, database_worker, core.login, "GONE1", "cash-demo")
    with pytest.raises(WrongThreadError):
        core.login("CASH1", "cash-demo")


def test_rules_look_up_and_quote(
    qtbot: QtBot, demo_database: Database, database_worker: Worker
) -> None:
    _, reads = on_workers(*counter_on(demo_database, Settings()))
    rules = on_worker(qtbot, database_worker, reads.rules)
    assert [a.net for a in rules.default_amounts][:3] == [
        Decimal("5.00"),
        Decimal("10.00"),
        Decimal("20.00"),
    ]
    assert rules.payment_methods[0].is_cash
    with demo_database.reading() as session:
        meter = session.scalars(
            select(Meter).join(Customer).where(Customer.status == CustomerStatus.ACTIVE)
        ).first()
        assert meter is not None
        number, name = meter.number, meter.customer.name
    card = on_worker(qtbot, database_worker, reads.look_up, number)
    assert card.name == name
    assert not card.blacklisted
    quote = on_worker(qtbot, database_worker, reads.quote, number, Decimal("50.00"))
    assert quote.net == Decimal("50.00")
    assert quote.amount + sum(line.amount for line in quote.lines) == quote.net
    assert quote.energy_kwh > 0


def test_a_blacklisted_customer_comes_with_the_reason(
    qtbot: QtBot, demo_database: Database, database_worker: Worker
) -> None:
    with demo_database.unit_of_work() as uow:
        meter = uow.session.scalars(select(Meter).where(Meter.customer_id.is_not(None))).first()
        assert meter is not None
        meter.customer.status = CustomerStatus.BLACKLISTED
        meter.customer.remark = "meter bypassed, inspection 2026-11-03"
        number = meter.number
        uow.commit()
    _, reads = on_workers(*counter_on(demo_database, Settings()))
    card = on_worker(qtbot, database_worker, reads.look_up, number)
    assert card.blacklisted
    assert card.blacklist_reason == "meter bypassed, inspection 2026-11-03"


def test_the_module_is_never_touched_from_the_gui_thread(demo_database: Database) -> None:
    _, counter = on_workers(*counter_on(demo_database, Settings()))
    with pytest.raises(WrongThreadError):
        counter.module_state()
