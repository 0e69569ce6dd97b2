"""A key change sale's audit entries, replayed through the head office's projector, move the
meter to its new key there too, so a later pull of the meter cannot bring the old key back."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select, update

from starpos.audit.log import AuditKind
from starpos.db import Database
from starpos.db.models import AuditEntry, Meter, Terminal, Vend
from starpos.server.projections import TerminalEvent, projector_for
from tests.integration.keychange.sale_world import (
    NEW_2014,
    flag,
    put_on_1993_key,
    sell_to,
    sellable,
)
from tests.integration.tokenops.ops_world import OpsWorld


def replay_sales(counter: Database, office: Database) -> list[object]:
    with counter.reading() as session:
        entries = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.kind == AuditKind.VEND.value)
                .order_by(AuditEntry.id)
            )
        )
        session.expunge_all()
    flags: list[object] = []
    with office.unit_of_work() as uow:
        terminal = uow.session.scalars(select(Terminal).order_by(Terminal.id)).first()
        assert terminal is not None
        for entry in entries:
            projector = projector_for(entry.kind)
            assert projector is not None
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


def test_the_head_office_moves_the_meter_to_its_new_key(
    world: OpsWorld, seeded_database_file: Path, tmp_path: Path
) -> None:
    (number,) = sellable(world, 1)
    shutil.copy(seeded_database_file, tmp_path / "office.db")
    office = Database.open(f"sqlite:///{tmp_path / 'office.db'}")
    try:
        for store in (world.database, office):  # both know the meter on its 1993 key
            with store.unit_of_work() as uow:
                uow.session.execute(
                    update(Meter)
                    .where(Meter.number == number)
                    .values(key_register="5", krn=3, tid_base_year=1993, last_tid=16_000_000)
                )
                uow.commit()
        put_on_1993_key(world, number)
        flag(world, number, NEW_2014)
        result = sell_to(number, world)
        assert replay_sales(world.database, office) == []
        with office.reading() as session:
            meter = session.scalars(select(Meter).where(Meter.number == number)).one()
            sale = session.scalars(select(Vend).where(Vend.bill_number == result.bill_number)).one()
            assert (meter.key_register, meter.krn, meter.tid_base_year, meter.last_tid) == (
                "3", 2, 2014, result.tid,
            )  # fmt: skip
            assert (sale.tid, [t.token for t in sale.tokens]) == (result.tid, [result.token])
    finally:
        office.close()
