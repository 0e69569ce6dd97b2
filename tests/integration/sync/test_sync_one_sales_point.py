"""Two counters of one sales point, each with its own store, sell offline and then push: each
numbers its bills in its own series (the terminal is in the number), so the head office
books both sales and finds no bill number clash.

Real processes as in test_sync_counters.py: PostgreSQL, ``starpos server run``, and per
counter its module emulator and every ``starpos vend`` / ``starpos sync`` command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.sync.sync_world import ZERO, Counter, HeadOffice, bills, make_counter

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_two_counters_of_one_sales_point_sell_offline_without_a_bill_number_clash(
    head_office: HeadOffice, tmp_path: Path
) -> None:
    # Riverside counters 1 and 2 (both SP01), the same cashier, a module each.
    counters: list[Counter] = []
    try:
        for terminal, module_id in (("T01", "30000005"), ("T02", "30000006")):
            counters.append(make_counter(tmp_path / terminal, terminal, "CASH1", module_id))
        for counter in counters:
            counter.enrol(head_office)

        head_office.server.stop()
        sold_bills = []
        for index, counter in enumerate(counters):
            sold = counter.sell(counter.meters[index], "30.00")
            assert sold.returncode == 0, sold.stderr
            sold_bills.append(json.loads(sold.stdout)["bill_number"])
        # Each counter's first sale of the month: the same serial, told apart by the terminal.
        assert sold_bills[0][-5:] == sold_bills[1][-5:] == "00001"
        assert "SP01T01" in sold_bills[0] and "SP01T02" in sold_bills[1]

        head_office.server.start()
        for counter in counters:
            pushed = counter.push()
            assert pushed.returncode == 0, pushed.stderr
            report = json.loads(pushed.stdout)
            assert report["applied"] == report["sent"] > 0, report
            assert counter.status().waiting == 0

        assert head_office.findings() == []  # no bill_number_taken
        ledgers = sum((counter.totals() for counter in counters), ZERO)
        assert ledgers.sales == 2 and head_office.totals() == ledgers
        with head_office.database() as central:
            central_bills = bills(central)
        counter_bills = []
        for counter in counters:
            with counter.database() as local:
                counter_bills += bills(local)
        assert central_bills == sorted(counter_bills)
        assert sorted(sold_bills) == [bill for bill, *_ in central_bills]
    finally:
        for counter in counters:
            if counter.module is not None:
                counter.module.stop()
