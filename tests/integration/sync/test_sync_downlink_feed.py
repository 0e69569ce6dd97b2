"""The downlink request by request: the head office's change feed on a real PostgreSQL store
(its triggers), answered by the same handler the HTTP app calls, applied to a counter's
real SQLite store. What the counter holds afterwards is compared with the head office,
table by table, in the shape rows travel in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.orm import aliased

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import ChargeOccasion, StockMovementKind
from starpos.db.models import (
    Branch,
    ChargeItem,
    Customer,
    CustomerType,
    CustomerTypeCharge,
    DefaultAmount,
    Meter,
    MeterModel,
    OfflineLimit,
    Region,
    StockMovement,
    SyncState,
    Terminal,
)
from starpos.server import downlink
from starpos.server.store import HeadOffice
from starpos.sync.downlink_apply import apply_answer
from starpos.sync.errors import ProtocolError
from starpos.sync.owned_tables import ROOTS, chains
from starpos.sync.pull_report import PullReport
from tests.integration.sync.sync_requests import changes, enrol

pytestmark = pytest.mark.postgres


def owned_rows(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the head office owns, as it travels (keys, not ids), table by table."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    for root in ROOTS:
        found[root.name] = [tuple(row) for row in connection.execute(downlink.rows_query(root))]
        for chain in chains(root):
            query = downlink.rows_query(root, chain)
            found[chain[-1].name] = sorted(
                (tuple(row) for row in connection.execute(query)), key=repr
            )
    return found


def same_master_data(office: HeadOffice, counter: Database) -> None:
    with office.database.engine.connect() as central, counter.engine.connect() as local:
        theirs, ours = owned_rows(central), owned_rows(local)
    for table, rows in theirs.items():
        assert ours[table] == rows, table


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Database]:
    """A new counter's store: the schema, enrolled, nothing else yet."""
    with Database.open(f"sqlite:///{tmp_path / 'counter.db'}") as database:
        with database.unit_of_work() as uow:
            uow.session.add(
                SyncState(
                    id=1,
                    server_url="http://head-office.test",
                    key_id="-",
                    terminal_code="T01",
                    sales_point_code="SP01",
                    enrolled_at=datetime.now(UTC),
                )
            )
            uow.commit()
        yield database


def apply(counter: Database, lines: list[Any]) -> PullReport:
    with counter.unit_of_work() as uow:
        report = apply_answer(uow.session, lines, datetime.now(UTC))
        uow.commit()
    return report


def cursor_of(counter: Database) -> int | None:
    with counter.reading() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        return state.downlink_cursor


def edit(office: HeadOffice, *statements: Any) -> None:
    """Change the head office's master data, in one transaction of its own."""
    with office.database.engine.begin() as connection:
        for statement in statements:
            connection.execute(statement)


def test_a_new_counter_gets_everything_the_head_office_owns(
    office: HeadOffice, counter: Database
) -> None:
    key_id, key = enrol(office)
    lines = changes(office, key_id, key, None)
    assert (lines[0]["snapshot"], lines[0]["reason"]) == (True, "new")
    report = apply(counter, lines)
    assert report.snapshot
    assert report.rows["customers"] == 40
    assert report.rows["operators"] > 0 and report.rows["tariff_versions"] > 0
    assert cursor_of(counter) == lines[0]["cursor"] == report.cursor
    same_master_data(office, counter)


def test_changes_deletions_and_renames_reach_the_counter(
    office: HeadOffice, counter: Database
) -> None:
    key_id, key = enrol(office)
    apply(counter, changes(office, key_id, key, None))
    with office.database.engine.connect() as connection:
        residential = connection.execute(
            select(CustomerType.id).where(CustomerType.code == "RES")
        ).scalar_one()
        levy = connection.execute(
            select(ChargeItem.id).where(ChargeItem.code == "LEVY")
        ).scalar_one()
        terminal = connection.execute(select(Terminal.id).where(Terminal.code == "T01")).scalar()
    edit(
        office,
        update(Customer).where(Customer.code == "C0000001").values(name="Renamed Customer"),
        delete(DefaultAmount).where(DefaultAmount.position == 1),
        update(Region).where(Region.code == "P1").values(code="PN"),
        # A part changed is its owner changed: the customer type comes down with its charges.
        delete(CustomerTypeCharge).where(
            CustomerTypeCharge.customer_type_id == residential,
            CustomerTypeCharge.charge_item_id == levy,
        ),
        insert(OfflineLimit).values(terminal_id=terminal, max_offline_minutes=90),
    )
    lines = changes(office, key_id, key, cursor_of(counter))
    assert lines[0]["snapshot"] is False
    tables = {line["table"] for line in lines if isinstance(line, dict) and "table" in line}
    assert {"customers", "default_amounts", "regions", "customer_types"} <= tables
    assert "meters" not in tables  # only what changed comes down
    report = apply(counter, lines)
    assert report.deleted == 1
    same_master_data(office, counter)
    with counter.reading() as session:
        assert session.scalar(select(Region.code).where(Region.code == "PN")) == "PN"
        province = aliased(Region)
        districts = session.scalars(
            select(Region.code)
            .join(province, province.id == Region.parent_id)
            .where(province.code == "PN")
        ).all()
        assert districts  # the renamed province's districts still point at it

    # Nothing changed since: nothing comes down, the position stays usable.
    again = changes(office, key_id, key, cursor_of(counter))
    assert [line for line in again if isinstance(line, list)] == []
    apply(counter, again)
    same_master_data(office, counter)


def test_a_deleted_row_this_counter_still_uses_is_kept_and_reported(
    office: HeadOffice, counter: Database
) -> None:
    key_id, key = enrol(office)
    apply(counter, changes(office, key_id, key, None))
    with office.database.engine.begin() as connection:
        model = connection.execute(select(MeterModel.id).limit(1)).scalar_one()
        branch = connection.execute(select(Branch.id).limit(1)).scalar_one()
        connection.execute(
            insert(Meter).values(
                number="47100099999", pan="600727047100099999", model_id=model, sgc="123456",
                ti=1, krn=1, branch_id=branch,
            )
        )  # fmt: skip
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    with counter.engine.begin() as connection:  # a record of this counter's own
        meter = connection.execute(
            select(Meter.id).where(Meter.number == "47100099999")
        ).scalar_one()
        branch = connection.execute(select(Branch.id).limit(1)).scalar_one()
        connection.execute(
            insert(StockMovement).values(
                bill_number="SI-LOCAL-1", kind=StockMovementKind.IN_NEW, meter_id=meter,
                branch_id=branch, moved_at=datetime.now(UTC),
            )
        )  # fmt: skip
    edit(office, delete(Meter).where(Meter.number == "47100099999"))

    lines = changes(office, key_id, key, cursor_of(counter))
    assert ["D", "47100099999"] in lines
    report = apply(counter, lines)
    assert (report.deleted, report.kept) == (0, ["meters 47100099999"])
    assert cursor_of(counter) == report.cursor  # the rest applied; the feed moved on


def test_a_cut_answer_applies_nothing(office: HeadOffice, counter: Database) -> None:
    key_id, key = enrol(office)
    lines = changes(office, key_id, key, None)
    with pytest.raises(ProtocolError):
        apply(counter, lines[:-1])
    with counter.reading() as session:
        assert session.scalar(select(Customer.id).limit(1)) is None
    assert cursor_of(counter) is None


def test_a_counter_behind_the_pruned_feed_or_ahead_of_it_gets_a_snapshot(
    office: HeadOffice, counter: Database
) -> None:
    key_id, key = enrol(office)
    first = changes(office, key_id, key, None)
    apply(counter, first)
    cursor = first[0]["cursor"]
    edit(office, update(DefaultAmount).where(DefaultAmount.position == 2).values(amount=12))
    with office.database.engine.begin() as connection:  # the edit is older than retention
        connection.execute(text("UPDATE sync_changes SET changed_at = now() - interval '40 days'"))
        assert downlink.prune(connection, datetime.now(UTC), timedelta(days=30)) > 0
        assert downlink.prune(connection, datetime.now(UTC), timedelta(days=30)) == 0

    behind = changes(office, key_id, key, cursor)
    assert (behind[0]["snapshot"], behind[0]["reason"]) == (True, "pruned")
    apply(counter, behind)
    same_master_data(office, counter)
    with counter.reading() as session:
        amount = session.scalar(select(DefaultAmount.amount).where(DefaultAmount.position == 2))
    assert amount == Decimal("12.00")

    # A position the store never gave out (a head office restored into a new cluster).
    ahead = changes(office, key_id, key, 10**15)
    assert (ahead[0]["snapshot"], ahead[0]["reason"]) == (True, "future")


def test_a_charge_item_used_by_a_customer_type_comes_with_its_code(
    office: HeadOffice, counter: Database
) -> None:
    key_id, key = enrol(office)
    apply(counter, changes(office, key_id, key, None))
    with office.database.engine.begin() as connection:
        new_item = connection.execute(
            insert(ChargeItem)
            .values(code="NEWFEE", name="New fee", method="by_times", amount=Decimal("2.00"))
            .returning(ChargeItem.id)
        ).scalar_one()
        residential = connection.execute(
            select(CustomerType.id).where(CustomerType.code == "RES")
        ).scalar_one()
        connection.execute(
            insert(CustomerTypeCharge).values(
                customer_type_id=residential, charge_item_id=new_item, occasion=ChargeOccasion.VEND
            )
        )
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    same_master_data(office, counter)


def test_a_counter_keeps_what_its_own_records_changed_until_the_head_office_has_them(
    office: HeadOffice, counter: Database
) -> None:
    key_id, key = enrol(office)
    apply(counter, changes(office, key_id, key, None))
    with office.database.engine.connect() as connection:
        number = connection.execute(
            select(Meter.number).order_by(Meter.number).limit(1)
        ).scalar_one()
    with counter.engine.begin() as connection:  # a sale settled the debt, a key change ...
        connection.execute(update(Meter).where(Meter.number == number).values(
            outstanding_debt=Decimal("0.00"), last_tid=900, ken=7))  # fmt: skip
    with counter.unit_of_work() as uow:  # ... both still to be pushed
        append(uow.session, AuditKind.LOGIN, subject="operator:CASH1")
        uow.commit()
    built = date(2025, 3, 1)
    edit(office, update(Meter).where(Meter.number == number).values(
        outstanding_debt=Decimal("25.00"), last_tid=500, ken=1, ex_factory_date=built))  # fmt: skip

    base = _meter(counter, number)[3]
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert _meter(counter, number) == (Decimal("0.00"), 900, 7, base, built)

    with counter.engine.begin() as connection:  # pushed and acknowledged
        connection.execute(update(SyncState).values(acknowledged_seq=1))
    # A key change at the head office to a new base date: the meter's TIDs start again.
    new_base = 2035 if base != 2035 else 2014
    edit(office, update(Meter).where(Meter.number == number).values(
        ken=2, tid_base_year=new_base, last_tid=None))  # fmt: skip
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert _meter(counter, number) == (Decimal("25.00"), None, 2, new_base, built)

    edit(office, update(Meter).where(Meter.number == number).values(last_tid=40))
    with counter.engine.begin() as connection:  # a token sold here since
        connection.execute(update(Meter).where(Meter.number == number).values(last_tid=41))
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert _meter(counter, number)[1] == 41  # the higher of the two, on the same base


def _meter(database: Database, number: str) -> tuple[Any, ...]:
    with database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == number)).one()
        return (
            meter.outstanding_debt,
            meter.last_tid,
            meter.ken,
            meter.tid_base_year,
            meter.ex_factory_date,
        )
