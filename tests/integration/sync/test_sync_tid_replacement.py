"""Two counters offline sell to one meter in the same minute with the same TID; the head
office books both, raises ``tid_collision`` and keeps a due for the sale it booked second.
The due comes down with the meter; only the counter that made that sale issues the
replacement (same energy, new TID, no money), once; it travels up and the head office
books it over the first token. Pushed again from the start (a lost answer), nothing moves
(docs/sync.md, "TID collision"; SYN-51).

Real processes throughout: PostgreSQL, ``starpos server run``, each counter's module
emulator and every ``starpos`` command at the counters.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import Meter, TokenOperation, TokenReplacementDue
from starpos.db.parameters import utility_now
from starpos.sts.tid import tid_for
from tests.integration.sync.sync_world import ZERO, Counter, HeadOffice, run_starpos

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[[int], list[Counter]]
SUPERVISOR = ("--operator", "SUP1", "--password-stdin")


def _dues(database: Database) -> list[tuple[Any, ...]]:
    with database.reading() as session:
        return [
            (row.bill_number, row.state.value, row.replacement, row.energy_kwh, row.amount)
            for row in session.scalars(
                select(TokenReplacementDue).order_by(TokenReplacementDue.bill_number)
            )
        ]


def _replacements(database: Database) -> list[tuple[Any, ...]]:
    with database.reading() as session:
        return [
            (row.request_id, row.state.value, row.tid, row.energy_kwh, row.tokens)
            for row in session.scalars(
                select(TokenOperation)
                .where(TokenOperation.kind == "tid_replacement")
                .order_by(TokenOperation.id)
            )
        ]


def _same_next_tid(counters: list[Counter], number: str) -> None:
    """Both stores know the meter's last TID as the same minute ahead of now: their next
    sales to it get the same TID whatever minute they run in (two counters apart)."""
    with counters[0].database() as database, database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == number)).one()
        ahead = tid_for(utility_now(session), meter.tid_base_year) + 600
    for counter in counters:
        with sqlite3.connect(counter.folder / "starpos.db") as connection:
            connection.execute("UPDATE meters SET last_tid = ? WHERE number = ?", (ahead, number))


def _replace(counter: Counter, number: str, bill: str) -> Any:
    return run_starpos(
        counter.folder, "token", "replace", "--meter", number, "--bill", bill, *SUPERVISOR,
        "--terminal", counter.terminal, "--json", stdin="super-demo\n",
    )  # fmt: skip


def test_the_counter_that_sold_second_replaces_its_collided_token_once(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    second, first = make_counters(2)  # T01 syncs second: its sale is the one to replace
    for counter in (second, first):
        counter.enrol(head_office)
        assert counter.push().returncode == 0
        counter.pull()
    meter = first.meters[0]
    _same_next_tid([first, second], meter.number)

    head_office.server.stop()  # both apart from the head office
    sold = {}
    for counter, net in ((first, "30.00"), (second, "40.00")):
        done = counter.sell(meter, net)
        assert done.returncode == 0, done.stderr
        sold[counter.terminal] = json.loads(done.stdout)
    assert sold[first.terminal]["tid"] == sold[second.terminal]["tid"]
    bill = sold[second.terminal]["bill_number"]
    head_office.server.start()

    for counter in (first, second):
        pushed = counter.push()
        assert pushed.returncode == 0, pushed.stderr
    assert [kind for kind, _, _ in head_office.findings()] == ["tid_collision"]
    with head_office.database() as central:
        (due,) = _dues(central)
    assert due[:3] == (bill, "open", None)

    for counter in (first, second):
        counter.pull()
    for counter in (first, second):
        with counter.database() as local:
            assert _dues(local) == [due]  # come down with the meter
    # The counter that did not make the sale may not replace it: nothing doubled.
    refused = _replace(first, meter.number, bill)
    assert refused.returncode != 0 and "only that counter" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    shown = run_starpos(second.folder, "token", "replacements", "--meter", meter.number)
    assert bill in shown.stdout and "needs a replacement" in shown.stdout

    replaced = _replace(second, meter.number, bill)
    assert replaced.returncode == 0, replaced.stderr
    answer = json.loads(replaced.stdout)
    assert answer["state"] == "issued" and answer["tid"] > sold[second.terminal]["tid"]
    with second.database() as local:
        at_counter = _replacements(local)
        assert _dues(local)[0][1:3] == ("replaced", answer["operation"])
    assert [row[0] for row in at_counter] == [answer["operation"]]

    pushed = second.push()
    assert pushed.returncode == 0, pushed.stderr
    with head_office.database() as central:
        assert _dues(central) == [(bill, "replaced", answer["operation"], *due[3:])]
        assert _replacements(central) == at_counter
    assert [kind for kind, _, _ in head_office.findings()] == ["tid_collision"]
    assert head_office.totals() == first.totals() + second.totals() + ZERO  # both sales stand

    # The answer lost: the counter sends everything again; the head office takes nothing.
    with sqlite3.connect(second.folder / "starpos.db") as connection:
        connection.execute("UPDATE sync_state SET acknowledged_seq = 0")
    again = second.push()
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["applied"] == 0
    with head_office.database() as central:
        assert _dues(central) == [(bill, "replaced", answer["operation"], *due[3:])]
        assert _replacements(central) == at_counter
    assert [kind for kind, _, _ in head_office.findings()] == ["tid_collision"]

    # The head office's row, pulled, is the counter's; a second replacement is refused.
    second.pull()
    with second.database() as local:
        assert _dues(local)[0][1:3] == ("replaced", answer["operation"])
    twice = _replace(second, meter.number, bill)
    assert twice.returncode != 0 and "already replaced" in twice.stderr
