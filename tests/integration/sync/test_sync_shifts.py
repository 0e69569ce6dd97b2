"""Two counters' shifts, cash, closes, Zs and a day close reach the head office's own tables
(docs/shifts.md, "At the head office"): the head office lists every terminal's Zs with the
counters' numbers, totals and hashes, a lost acknowledgement doubles nothing, and a Z
chained to a forged hash becomes a finding.

Real processes throughout: PostgreSQL, ``starpos server run``, and per counter its module
emulator and every ``starpos vend`` / ``starpos shift`` / ``starpos sync`` command.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import ShiftState
from starpos.db.models import CashMovement, DayClose, Shift, Terminal, Vend, ZReport
from tests.integration.sync.sync_proxy import DROP_ANSWERS, PASS, lossy_proxy
from tests.integration.sync.sync_world import Counter, HeadOffice, run_starpos

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[[int], list[Counter]]
PASSWORDS = {"SUP1": "super-demo"}
FORGED = "f" * 64


def _run(counter: Counter, operator: str, *args: str) -> dict[str, Any]:
    """``starpos shift ...`` at the counter's till by ``operator``; it must succeed."""
    done = run_starpos(
        counter.folder, "shift", *args, "--operator", operator, "--password-stdin",
        "--terminal", counter.terminal, "--json",
        stdin=PASSWORDS.get(operator, "cash-demo") + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def _sell(counter: Counter, meter: int, net: str) -> None:
    sold = counter.sell(counter.meters[meter], net)
    assert sold.returncode == 0, sold.stderr


def _shift_day(
    counter: Counter, sales: tuple[str, ...], counted: str, *, meter: int = 0, reason: str = ""
) -> int:
    """The cashier's shift on the till: sales (each to another meter, from ``meter`` on),
    cash moved, the blind count, the close; the Z's number."""
    for index, net in enumerate(sales):
        _sell(counter, meter + index, net)
    shift = _run(counter, counter.operator, "paid-in", "10.00", "--reason", "change")["shift"]
    _run(counter, counter.operator, "drop", "20.00", "--reason", "to the safe")
    _run(counter, counter.operator, "end", "--shift", str(shift), "--cash", counted)
    closed = _run(counter, "SUP1", "close", "--shift", str(shift), "--approve-reason", reason)
    counter.shift_open = False
    return int(closed["z"]["number"])


def _zs(database: Database, terminal: str | None = None) -> list[tuple[Any, ...]]:
    """Every Z (of ``terminal`` at the head office) as the chain and the paper show it."""
    with database.reading() as session:
        query = select(ZReport).order_by(ZReport.till, ZReport.number)
        if terminal is not None:
            query = query.join(Terminal, Terminal.id == ZReport.terminal_id).where(
                Terminal.code == terminal
            )
        return [
            (z.till, z.number, z.kind.value, z.grand_net, z.grand_kwh, z.grand_sales,
             z.audit_head_id, z.audit_head_hash, z.previous_hash, z.z_hash, z.body)
            for z in session.scalars(query)
        ]  # fmt: skip


def _sales_in_shifts(database: Database) -> set[tuple[str, str]]:
    """(bill, the shift's id in every store) of each sale made in a shift."""
    with database.reading() as session:
        rows = session.execute(
            select(Vend.bill_number, Shift.request_id).join(Shift, Shift.id == Vend.shift_id)
        ).all()
        return {(bill, shift) for bill, shift in rows}


def _push(counter: Counter) -> dict[str, Any]:
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    answer: dict[str, Any] = json.loads(pushed.stdout)
    return answer


def _at_office(head_office: HeadOffice, *args: str) -> subprocess.CompletedProcess[str]:
    return run_starpos(
        head_office.folder, "shift", *args, "--operator", "SUP1", "--password-stdin",
        stdin="super-demo\n",
    )  # fmt: skip


def test_two_counters_shifts_zs_and_day_close_reach_the_head_office(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    riverside, greenhill = make_counters(2)
    with lossy_proxy(head_office.server.port) as proxy:
        riverside.enrol(head_office, url=proxy.url)
        greenhill.enrol(head_office)

        # Riverside: two shifts, two Zs. Greenhill: a short drawer approved, the demo's
        # own shift of its sales point closed too, then the day.
        assert _shift_day(riverside, ("40.00", "25.50"), "55.50") == 1
        riverside.open_shift()
        assert _shift_day(riverside, ("30.00",), "20.00", meter=2) == 2
        assert (
            _shift_day(greenhill, ("50.00",), "33.00", meter=10, reason="short, counted twice") == 1
        )
        demo = run_starpos(greenhill.folder, "shift", "list", "--json", "--state", "open")
        (left,) = [s for s in json.loads(demo.stdout) if s["till"] == "@SP02"]
        _run(greenhill, "CASH2", "end", "--shift", str(left["shift"]), "--cash", "0.00")
        _run(greenhill, "SUP1", "close", "--shift", str(left["shift"]))
        day = _run(greenhill, "SUP1", "day-close", "--print")
        assert set(day["tills"]) == {"T03", "@SP02"} and day["print_count"] == 1
        # A reprint (SHF-21) travels too: the head office keeps the count, finding nothing.
        assert _run(greenhill, "SUP1", "day-reprint")["print_count"] == 2

        # The acknowledgement of Riverside's push is lost: the resend doubles nothing.
        waiting = riverside.status().waiting
        proxy.mode = DROP_ANSWERS
        assert riverside.push().returncode == 2
        assert proxy.dropped >= 1
        proxy.mode = PASS
        again = _push(riverside)
        assert (again["applied"], again["duplicates"]) == (0, waiting)
        _push(greenhill)

        with head_office.database() as office:
            for counter in (riverside, greenhill):
                with counter.database() as local:
                    assert _zs(office, counter.terminal) == _zs(local)
            riverside_zs = _zs(office, "T01")
            assert [(z[0], z[1]) for z in riverside_zs] == [("T01", 1), ("T01", 2)]
            # Grand totals never reset: the second Z carries the first's.
            assert riverside_zs[-1][3:6] == (Decimal("95.50"), riverside.totals().kwh, 3)
            with office.reading() as session:
                shifts = session.scalars(
                    select(Shift)
                    .join(Terminal, Terminal.id == Shift.terminal_id)
                    .where(Terminal.code == "T03", Shift.till == "T03")
                ).all()
                assert [(s.state, s.variance, s.variance_reason) for s in shifts] == [
                    (ShiftState.CLOSED, Decimal("-7.00"), "short, counted twice")
                ]
                moved = session.execute(
                    select(CashMovement.kind, CashMovement.amount).where(
                        CashMovement.shift_id == shifts[0].id
                    )
                ).all()
                assert len(moved) == 2
                (closed_day,) = session.scalars(
                    select(DayClose).where(DayClose.terminal_id.is_not(None))
                ).all()
                assert set(json.loads(closed_day.body)["tills"]) == {"T03", "@SP02"}
                assert closed_day.print_count == 2
        assert head_office.findings() == []

        listing = _at_office(head_office, "z", "--list", "--json")
        assert listing.returncode == 0, listing.stderr
        tills = {(z["terminal"], z["till"], z["number"]) for z in json.loads(listing.stdout)["z"]}
        assert tills == {("T01", "T01", 1), ("T01", "T01", 2), ("T03", "T03", 1),
                         ("T03", "@SP02", 1)}  # fmt: skip
        mine = _at_office(head_office, "z", "--list", "--of-terminal", "T03", "--json")
        assert {z["till"] for z in json.loads(mine.stdout)["z"]} == {"T03", "@SP02"}
        days = _at_office(head_office, "days", "--of-sales-point", "SP02", "--json")
        assert days.returncode == 0, days.stderr
        (listed_day,) = json.loads(days.stdout)["days"]
        assert (listed_day["terminal"], listed_day["tills"]) == ("T03", day["tills"])
        for counter in (riverside, greenhill):
            with counter.database() as local, head_office.database() as office:
                assert _sales_in_shifts(office) >= _sales_in_shifts(local)
        # The X of a terminal's first shift, at the head office: the counter's figures.
        listed = run_starpos(head_office.folder, "shift", "list", "--of-terminal", "T01", "--json")
        first = min(s["shift"] for s in json.loads(listed.stdout) if s["till"] == "T01")
        x = _at_office(head_office, "x", "--shift", str(first), "--json")
        assert x.returncode == 0, x.stderr
        figures = json.loads(x.stdout)
        assert (figures["sales_count"], Decimal(str(figures["sales_net"]))) == (2, Decimal("65.50"))
        assert Decimal(str(figures["expected"]["CASH"])) == Decimal("55.50")
        verified = run_starpos(head_office.folder, "shift", "verify", "--json")
        assert json.loads(verified.stdout)["intact"] is True, verified.stdout

        # Someone edits Riverside's store before its next push: Z 2's hash is replaced, so
        # the next Z is chained to a hash the head office never saw.
        with sqlite3.connect(riverside.folder / "starpos.db") as connection:
            connection.execute(
                "UPDATE z_reports SET z_hash = ? WHERE till = 'T01' AND number = 2", (FORGED,)
            )
        riverside.open_shift()
        assert _shift_day(riverside, ("42.00",), "32.00", meter=3) == 3
        assert _push(riverside)["applied"] > 0
    findings = head_office.findings()
    assert [(kind, terminal) for kind, terminal, _ in findings] == [("z_chain_broken", "T01")]
    with head_office.database() as office:
        numbers = [z[1] for z in _zs(office, "T01")]
    assert numbers == [1, 2, 3]  # the Z stands as the counter made it; the finding says why
