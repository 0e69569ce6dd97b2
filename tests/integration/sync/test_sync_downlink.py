"""The downlink with real processes: PostgreSQL, ``starpos server run``, and every counter
action a ``starpos`` command (``sync enrol``, ``sync pull``, ``vend``, ``sync push``).

Master data edited at the head office reaches every counter, deletions included; a new
counter takes a full snapshot and sells from it; a transaction that commits after a later
one is not skipped by the feed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import delete, func, insert, select, update

from starpos.db import Database
from starpos.db.models import (
    Customer,
    DefaultAmount,
    MasterDataChange,
    Meter,
    OfflineLimit,
    Operator,
    Terminal,
)
from starpos.operators.login import login
from starpos.operators.passwords import hash_password
from tests.integration.sync.sync_world import Counter, HeadOffice
from tests.integration.vend.vend_world import sellable_meters

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[..., list[Counter]]


def _count(database: Database, model: type) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _customer_name(database: Database, code: str) -> str | None:
    with database.reading() as session:
        return session.scalar(select(Customer.name).where(Customer.code == code))


def test_master_data_edited_at_the_head_office_reaches_every_counter(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    counters = make_counters(2, modules=False)
    for counter in counters:
        counter.enrol(head_office)
        assert counter.pull()["snapshot"] is True

    with head_office.database() as central, central.engine.begin() as connection:
        connection.execute(
            update(Customer).where(Customer.code == "C0000003").values(name="Edited Centrally")
        )
        connection.execute(
            update(Operator)
            .where(Operator.code == "CASH1")
            .values(password_hash=hash_password("new-central-password"))
        )
        connection.execute(delete(DefaultAmount).where(DefaultAmount.position == 5))
        terminal = connection.execute(select(Terminal.id).where(Terminal.code == "T01")).scalar()
        connection.execute(
            insert(OfflineLimit).values(
                terminal_id=terminal, max_offline_minutes=120, max_offline_value=Decimal("500")
            )
        )

    for counter in counters:
        report = counter.pull()
        assert report["snapshot"] is False
        assert report["deleted"] == 1
        assert set(report["tables"]) == {
            "customers", "operators", "operator_roles", "terminals", "sync_offline_limits"
        }  # fmt: skip
        with counter.database() as local:
            assert _customer_name(local, "C0000003") == "Edited Centrally"
            assert login(local, "CASH1", "new-central-password").code == "CASH1"
            assert _count(local, DefaultAmount) == 4
            with local.reading() as session:
                limit = session.scalars(select(OfflineLimit)).one()
            assert (limit.max_offline_minutes, limit.max_offline_value) == (120, Decimal("500"))
        assert counter.pull()["rows"] == 0  # nothing more since

    # The counter's sync state: online, then offline since its last sync.
    counter = counters[0]
    online = json.loads(counter.run("sync", "status", "--json").stdout)
    assert (online["online"], online["offline_since"]) == (True, None)
    assert online["last_sync_at"] is not None and online["waiting"] > 0
    head_office.server.stop()
    cut = counter.run("sync", "run")
    assert cut.returncode == 2 and "cannot be reached" in cut.stderr
    offline = json.loads(counter.run("sync", "status", "--json").stdout)
    assert offline["online"] is False
    assert offline["offline_since"] == online["last_sync_at"]
    shown = counter.run("sync", "status").stdout
    assert "offline since" in shown and "Events waiting" in shown


def test_a_new_counter_enrols_takes_a_full_snapshot_and_sells_from_it(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1, seeded=False)
    counter.enrol(head_office)
    report = counter.pull()
    assert report["snapshot"] is True
    with head_office.database() as central, counter.database() as local:
        for model in (Customer, Meter, Operator, DefaultAmount):
            assert _count(local, model) == _count(central, model) > 0
        meters = sellable_meters(local)
    status = json.loads(counter.run("sync", "status", "--json").stdout)
    assert status["downlink_cursor"] == report["cursor"]

    sold = counter.sell(meters[0], "40.00")
    assert sold.returncode == 0, sold.stderr
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    assert head_office.totals() == counter.totals()
    assert head_office.totals().sales == 1
    assert head_office.findings() == []


def test_a_transaction_that_commits_late_is_not_skipped(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1, modules=False)
    counter.enrol(head_office)
    counter.pull()
    dsn = head_office.url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as late, psycopg.connect(dsn, autocommit=True) as early:
        # A starts first (its transaction id is the lower one) and stays open ...
        late.execute("UPDATE customers SET name = 'Late Edit' WHERE code = 'C0000001'")
        # ... while B, started after it, commits.
        early.execute("UPDATE customers SET name = 'Early Edit' WHERE code = 'C0000002'")

        first = counter.pull()
        with counter.database() as local:
            assert _customer_name(local, "C0000002") == "Early Edit"
            assert _customer_name(local, "C0000001") != "Late Edit"
        late.commit()

    second = counter.pull()
    assert second["snapshot"] is False and second["cursor"] > first["cursor"]
    with counter.database() as local:
        assert _customer_name(local, "C0000001") == "Late Edit"
        assert _customer_name(local, "C0000002") == "Early Edit"
    # Why a plain "change id greater than the last one read" would have lost it: A's change
    # has the lower id, and B's (the higher one) had already been read.
    with head_office.database() as central, central.reading() as session:
        ids = dict(
            session.execute(
                select(MasterDataChange.row_key, func.max(MasterDataChange.id))
                .where(MasterDataChange.row_key.in_(("C0000001", "C0000002")))
                .group_by(MasterDataChange.row_key)
            ).all()
        )
    assert ids["C0000001"] < ids["C0000002"]
