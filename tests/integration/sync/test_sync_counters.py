"""Three counters sell offline, then push: the head office's totals are their ledgers'.

Everything is a real process: PostgreSQL, ``starpos server run``, and per counter its
module emulator and every ``starpos vend`` / ``starpos sync`` command.
"""

from __future__ import annotations

import json

import pytest

from tests.integration.sync.sync_world import ZERO, Counter, HeadOffice, bills

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_three_counters_sell_offline_and_the_head_office_adds_up_to_their_ledgers(
    head_office: HeadOffice, make_counters: object
) -> None:
    counters: list[Counter] = make_counters(3)  # type: ignore[operator]
    for counter in counters:
        counter.enrol(head_office)

    head_office.server.stop()
    for index, counter in enumerate(counters):
        for sale, net in enumerate(("40.00", "25.50")):
            sold = counter.sell(counter.meters[2 * index + sale], net)
            assert sold.returncode == 0, sold.stderr

    offline = counters[0].push()
    assert offline.returncode == 2
    assert "cannot be reached" in offline.stderr
    assert len(offline.stderr.strip().splitlines()) == 1
    waiting = [counter.status().waiting for counter in counters]
    assert all(count >= 5 for count in waiting)  # the seed, and two steps per sale

    head_office.server.start()
    for counter, count in zip(counters, waiting, strict=True):
        pushed = counter.push()
        assert pushed.returncode == 0, pushed.stderr
        assert json.loads(pushed.stdout)["applied"] == count
        assert counter.status().waiting == 0

    ledgers = sum((counter.totals() for counter in counters), ZERO)
    assert ledgers.sales == 6
    assert head_office.totals() == ledgers
    status = json.loads(head_office.run("server", "status", "--json").stdout)
    by_terminal = {row["terminal"]: row for row in status["sales"]}
    for counter in counters:
        mine = counter.totals()
        row = by_terminal[counter.terminal]
        assert (row["sales"], row["net_amount"], row["token_kwh"]) == (
            mine.sales, str(mine.net), str(mine.kwh)
        )  # fmt: skip
    with head_office.database() as central:
        central_bills = bills(central)
    counter_bills = []
    for counter in counters:
        with counter.database() as local:
            counter_bills += bills(local)
    assert central_bills == sorted(counter_bills)
    assert head_office.findings() == []

    again = counters[0].push()
    assert json.loads(again.stdout)["sent"] == 0
    assert head_office.totals() == ledgers
