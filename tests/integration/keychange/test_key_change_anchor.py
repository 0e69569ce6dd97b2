"""A key change sale journals the store's audit head with the module like any sale (issue 17
section 4): before, neither its ``SM?TK`` nor the credit token after it carried an anchor,
so the entries of a key change sale could be cut from the log without disagreeing with
the module."""

from __future__ import annotations

from sqlalchemy import func, select

from starpos.db.models import AuditEntry
from tests.integration.keychange.sale_world import (
    NEW_2014,
    flag,
    put_on_1993_key,
    sell_to,
    sellable,
)
from tests.integration.tokenops.ops_world import OpsWorld


def _first_entry(world: OpsWorld, bill: str) -> AuditEntry:
    with world.database.reading() as session:
        first = session.scalar(
            select(func.min(AuditEntry.id)).where(AuditEntry.subject == f"vend:{bill}")
        )
        entry = session.get(AuditEntry, first)
        assert entry is not None
        return entry


def _entry(world: OpsWorld, entry_id: int) -> AuditEntry:
    with world.database.reading() as session:
        entry = session.get(AuditEntry, entry_id)
        assert entry is not None
        return entry


def test_a_key_change_sale_anchors_its_pending_entry_with_the_module(world: OpsWorld) -> None:
    (number,) = sellable(world, 1)
    put_on_1993_key(world, number)
    flag(world, number, NEW_2014)

    result = sell_to(number, world)

    assert len(result.key_change_tokens) == 2
    pending = _first_entry(world, result.bill_number)
    with world.emulator.module() as module:
        anchor = module.audit_anchor()
    # The module holds a head that includes the sale's own PENDING entry: cutting the sale
    # out of the log disagrees with it.
    assert anchor is not None and anchor.entry_count >= pending.id
    assert anchor.head_hash == _entry(world, anchor.entry_count).entry_hash
