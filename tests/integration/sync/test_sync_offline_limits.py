"""Offline limits set at the head office for a terminal: past the value or the time a counter
may sell without reaching the head office, it stops selling and says how to go on; a sync
lets it sell again. Real processes: PostgreSQL, the server, the counter's commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert, select, update

from starpos.db.column_types import utc_now
from starpos.db.models import OfflineLimit, SyncState, Terminal
from tests.integration.sync.sync_world import Counter, HeadOffice

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[..., list[Counter]]


def _synced(counter: Counter) -> None:
    synced = counter.run("sync", "run", "--json")
    assert synced.returncode == 0, synced.stderr


def _refused(counter: Counter, meter_index: int, net: str) -> str:
    sold = counter.sell(counter.meters[meter_index], net)
    assert sold.returncode == 2, sold.stdout
    lines = sold.stderr.strip().splitlines()
    assert len(lines) == 1 and "starpos sync run" in lines[0]
    return lines[0]


def test_a_counter_past_either_offline_limit_stops_selling_until_it_syncs(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    with head_office.database() as central, central.engine.begin() as connection:
        terminal = connection.execute(
            select(Terminal.id).where(Terminal.code == counter.terminal)
        ).scalar_one()
        connection.execute(
            insert(OfflineLimit).values(
                terminal_id=terminal, max_offline_minutes=60, max_offline_value=Decimal("60.00")
            )
        )
    _synced(counter)  # the limits come down with the master data

    # Value: what the head office has not received, this sale included, up to 60.00.
    assert counter.sell(counter.meters[0], "40.00").returncode == 0
    message = _refused(counter, 1, "30.00")
    assert "offline limit of 60.00" in message and "40.00" in message
    _synced(counter)
    assert counter.sell(counter.meters[1], "30.00").returncode == 0

    # Time: an hour and more since the head office last answered.
    with counter.database() as local, local.engine.begin() as connection:
        connection.execute(
            update(SyncState).values(last_contact_at=utc_now() - timedelta(minutes=125))
        )
    message = _refused(counter, 2, "5.00")
    assert "for 2.1 hours" in message and "for 1.0 hours" in message
    _synced(counter)
    assert counter.sell(counter.meters[2], "5.00").returncode == 0

    _synced(counter)
    assert head_office.totals() == counter.totals()
    assert head_office.totals().sales == 3
