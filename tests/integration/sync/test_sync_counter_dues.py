"""A counter changes a meter to postpaid and back, sells to it, and pushes: the sale took
the receivable, the remain and the prearrange, so the second change is SETTLED by that sale
at the head office as at the counter, the first CARRIED at both (decision SYN-32). Pushed
again from the start (a lost answer), nothing moves.

Real processes throughout: PostgreSQL, ``starpos server run``, the counter's module
emulator and every ``starpos`` command at the counter.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import PaymentChange, Vend
from tests.integration.sync.sync_world import Counter, HeadOffice, run_starpos

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[[int], list[Counter]]


def _change(counter: Counter, meter: str, *args: str) -> dict[str, Any]:
    done = run_starpos(
        counter.folder, "meter", "payment-change", meter, *args, "--operator", "SUP1",
        "--password-stdin", "--terminal", counter.terminal, "--json", stdin="super-demo\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def _changes(database: Database) -> list[tuple[Any, ...]]:
    with database.reading() as session:
        return [
            (bill, state.value, sale, receivable, remain, prearrange)
            for bill, state, sale, receivable, remain, prearrange in session.execute(
                select(PaymentChange.bill_number, PaymentChange.state, Vend.bill_number,
                       PaymentChange.receivable, PaymentChange.remain, PaymentChange.prearrange)
                .outerjoin(Vend, Vend.id == PaymentChange.vend_id)
                .order_by(PaymentChange.bill_number)
            )
        ]  # fmt: skip


def test_a_sale_that_settles_a_payment_change_settles_it_at_the_head_office(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    meter = counter.meters[0].number
    assert _change(counter, meter, "--to", "postpaid", "--remain", "7.25")["state"] == "due"
    assert _change(counter, meter, "--to", "prepaid", "--receivable", "10.00")["state"] == "due"
    sold = counter.sell(counter.meters[0], "100.00")
    assert sold.returncode == 0, sold.stderr
    bill = json.loads(sold.stdout)["bill_number"]

    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    assert head_office.findings() == []
    with counter.database() as local, head_office.database() as office:
        at_counter = _changes(local)
        assert [(row[1], row[2]) for row in at_counter] == [("carried", None), ("settled", bill)]
        assert _changes(office) == at_counter

    # The answer lost: the counter sends everything again; the head office takes nothing.
    with sqlite3.connect(counter.folder / "starpos.db") as connection:
        connection.execute("UPDATE sync_state SET acknowledged_seq = 0")
    again = counter.push()
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["applied"] == 0
    with head_office.database() as office:
        assert _changes(office) == at_counter
    assert head_office.findings() == []
