"""What a counter records about its token operations travels in its audit entries and is
booked at the head office by the ``token_operation`` projector (docs/sync.md): the counter's
real entries, replayed in-process into a second copy of the demo store, give the same rows,
and a key change moves the meter's key data there too."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.models import AuditEntry, Meter, Terminal, TokenOperation
from starpos.server.findings import FindingKind
from starpos.server.projections import TerminalEvent, projector_for
from starpos.tokenops import KeyTarget, Order, one_meter, open_batch, plan_batch, run_batch
from tests.integration.tokenops.ops_world import ADMIN, OpsWorld

FIELDS = ("request_id", "batch_id", "position", "kind", "state", "value", "energy_kwh", "tid",
          "tokens", "module_id", "module_key_ref", "module_request_digest", "module_sequence",
          "module_balance_before", "print_count")  # fmt: skip


def make(world: OpsWorld, order: Order, number: str, who: tuple[str, str] | None = None) -> str:
    operator = world.operator(who) if who else world.operator()
    plan = plan_batch(world.database, operator, order, one_meter(number))
    batch = open_batch(world.database, operator, plan)
    with open_configured_module() as access:
        run_batch(world.database, access, operator, batch)
    return batch


def replay(counter: Database, office: Database) -> list[object]:
    """Every audit entry of the counter through the head office's projectors, in order."""
    with counter.reading() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        session.expunge_all()
    flags: list[object] = []
    with office.unit_of_work() as uow:
        terminal = uow.session.scalars(select(Terminal).order_by(Terminal.id)).first()
        assert terminal is not None
        for entry in entries:
            projector = projector_for(entry.kind)
            if projector is None or entry.kind != AuditKind.TOKEN_OPERATION.value:
                continue
            event = TerminalEvent(
                enrolment_id="test", terminal_id=terminal.id, terminal_code=terminal.code,
                sales_point_code="SP01", seq=entry.id, kind=entry.kind,
                occurred_at=entry.occurred_at, operator_code=entry.operator_code,
                sales_point_claimed=entry.sales_point_code, subject=entry.subject,
                details=TerminalEvent.parse_details(entry.details),
            )  # fmt: skip
            flags += projector(uow.session, event)
        uow.commit()
    return flags


def rows(database: Database) -> list[tuple[object, ...]]:
    with database.reading() as session:
        found = session.scalars(select(TokenOperation).order_by(TokenOperation.request_id))
        return [tuple(getattr(row, name) for name in FIELDS) for row in found]


def key_data(database: Database, number: str) -> tuple[object, ...]:
    with database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == number)).one()
        return (meter.key_register, meter.sgc, meter.krn, meter.ti, meter.tid_base_year)


def test_every_step_is_booked_at_the_head_office_as_the_counter_booked_it(
    world: OpsWorld, seeded_database_file: Path, tmp_path: Path
) -> None:
    first, second = world.keypad_meters(register=1, count=2)
    make(world, Order(Kind.SET_POWER_LIMIT, 7000), first)
    make(world, Order(Kind.FREE_CREDIT, Decimal("8.8")), first, ADMIN)
    make(world, Order(Kind.TEST, 3), second)
    make(world, Order(Kind.KEY_CHANGE, key=KeyTarget(register=3, krn=2)), second)
    shutil.copy(seeded_database_file, tmp_path / "office.db")
    office = Database.open(f"sqlite:///{tmp_path / 'office.db'}")
    try:
        assert replay(world.database, office) == []
        assert rows(office) == rows(world.database)
        assert key_data(office, second) == key_data(world.database, second) == (
            "3", "123456", 2, world.meter(second).ti, 2014,
        )  # fmt: skip
        # The same events again (a push retried) change nothing.
        replay(world.database, office)
        assert rows(office) == rows(world.database)
    finally:
        office.close()


def test_an_unknown_meter_at_the_head_office_is_a_finding(
    world: OpsWorld, seeded_database_file: Path, tmp_path: Path
) -> None:
    (number,) = world.keypad_meters(count=1)
    make(world, Order(Kind.CLEAR_TAMPER), number)
    shutil.copy(seeded_database_file, tmp_path / "office.db")
    office = Database.open(f"sqlite:///{tmp_path / 'office.db'}")
    try:
        with office.unit_of_work() as uow:  # the head office does not know this meter
            meter = uow.session.scalars(select(Meter).where(Meter.number == number)).one()
            meter.number = "99999999999"
            uow.commit()
        flags = replay(world.database, office)
        assert [getattr(flag, "kind", None) for flag in flags] == [
            FindingKind.UNKNOWN_REFERENCE,
            FindingKind.UNKNOWN_REFERENCE,
        ]
        assert rows(office) == []
    finally:
        office.close()
