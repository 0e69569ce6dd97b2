"""A counter's day with its corrections reaches the head office as the counter booked it
(decisions SYN-29, SYN-30, SYN-33): a sale cancelled, a payment change, a meter replaced
with its remainder token and its charges paid in cash. After one push the head office's
sale is CANCELLED with the counter's refund and charge, the payment change and the
replacement (meters, stock, contract, the remainder token, the bill's lines, paid, change
and the paid-in) are the counter's, each shift's X at the head office agrees with the
counter's to the cent, ``starpos shift list`` names the terminal, and nothing is raised.

Real processes throughout: PostgreSQL, ``starpos server run``, the counter's module
emulator and every ``starpos`` command at the counter.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import MeterMedium, StockStatus
from starpos.db.models import (
    CashMovement,
    Customer,
    Meter,
    MeterReplacement,
    MeterReplacementCharge,
    PaymentChange,
    ReplacementReason,
    Shift,
    TokenCancel,
    TokenOperation,
    Vend,
)
from tests.integration.sync.sync_world import Counter, HeadOffice, run_starpos

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[[int], list[Counter]]
PASSWORDS = {"SUP1": "super-demo", "ENG1": "eng-demo", "CASH1": "cash-demo"}


def _as(counter: Counter, operator: str, *args: str) -> dict[str, Any]:
    """A ``starpos`` command at the counter's till by ``operator``; it must succeed."""
    done = run_starpos(
        counter.folder, *args, "--operator", operator, "--password-stdin",
        "--terminal", counter.terminal, "--json", stdin=PASSWORDS[operator] + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def _records(database: Database) -> dict[str, Any]:
    """What must be the same in both stores, by codes."""
    with database.reading() as session:

        def bill(vend_id: int) -> tuple[str, str]:
            vend = session.get(Vend, vend_id)
            assert vend is not None
            return vend.bill_number, vend.state.value

        def meter(meter_id: int) -> tuple[Any, ...]:
            m = session.get(Meter, meter_id)
            assert m is not None
            owner = session.get(Customer, m.customer_id) if m.customer_id else None
            code = owner.code if owner else None
            return (m.number, m.stock_status.value, m.contract_status.value, m.condition.value,
                    code, m.outstanding_debt, m.install_date)  # fmt: skip

        cancels = [
            (c.bill_number, c.state.value, c.amount, c.charge, c.refund, bill(c.vend_id))
            for c in session.scalars(select(TokenCancel).order_by(TokenCancel.bill_number))
        ]
        changes = [
            (p.bill_number, meter(p.meter_id)[0], p.from_mode.value, p.to_mode.value, p.remain,
             p.state.value)
            for p in session.scalars(select(PaymentChange).order_by(PaymentChange.bill_number))
        ]  # fmt: skip
        replacements = []
        for row in session.scalars(select(MeterReplacement).order_by(MeterReplacement.id)):
            operation = session.get(TokenOperation, row.operation_id)
            assert operation is not None
            cash = session.get(CashMovement, row.cash_movement_id) if row.cash_movement_id else None
            lines = [
                (line.code, line.name, line.amount, line.charge_item_id is not None)
                for line in session.scalars(
                    select(MeterReplacementCharge)
                    .where(MeterReplacementCharge.replacement_id == row.id)
                    .order_by(MeterReplacementCharge.position)
                )
            ]
            replacements.append(
                (row.bill_number, row.charges, row.remainder_kwh, meter(row.old_meter_id),
                 meter(row.new_meter_id), operation.state.value, operation.tokens,
                 row.paid, row.change_given, lines,
                 (cash.request_id, cash.kind.value, cash.amount) if cash else None)
            )  # fmt: skip
        return {"cancels": cancels, "changes": changes, "replacements": replacements}


def _open_shifts(session: Session, till: str) -> dict[str, int]:
    """The till's open shifts by their own id (the same in both stores): their ids here."""
    rows = session.execute(
        select(Shift.request_id, Shift.id).where(Shift.till == till, Shift.state == "open")
    )
    return {request_id: shift_id for request_id, shift_id in rows}


def test_a_cancel_a_payment_change_and_a_replacement_reach_the_head_office(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1)
    # The demo's engineer keeps a shift of their own for the replacement's cash (TOK-24).
    counter.enrol(head_office)
    sold = [counter.sell(counter.meters[n], net) for n, net in ((0, "40.00"), (1, "25.00"))]
    assert all(done.returncode == 0 for done in sold), [done.stderr for done in sold]
    bill = json.loads(sold[0].stdout)["bill_number"]

    cancelled = _as(counter, "SUP1", "token", "cancel", "--bill", bill, "--reason", "wrong meter")
    assert cancelled["state"] == "done"
    changed = _as(counter, "SUP1", "meter", "payment-change", counter.meters[2].number,
                  "--to", "postpaid", "--remain", "7.25")  # fmt: skip
    assert changed["state"] == "due"
    with counter.database() as database, database.reading() as session:
        spare = session.scalars(
            select(Meter.number)
            .where(Meter.stock_status == StockStatus.IN_STOCK, Meter.medium == MeterMedium.KEYPAD)
            .order_by(Meter.number)
        ).first()
        # A reason with a charge (the demo's RPL, taxed): the bill's lines and a paid-in.
        reason = session.scalars(
            select(ReplacementReason.code)
            .where(ReplacementReason.charge_items.any())
            .order_by(ReplacementReason.id)
        )
        reason_code = reason.first()
    assert spare is not None and reason_code is not None
    # The engineer's own shift on the till: the replacement's charges go into its drawer.
    opened = run_starpos(
        counter.folder, "shift", "open", "--operator", "ENG1", "--password-stdin",
        "--terminal", counter.terminal, "--float", "0", stdin=PASSWORDS["ENG1"] + "\n",
    )  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    # An enrolled counter replaces a meter: its own record, not an edit of master data.
    replaced = _as(
        counter, "ENG1", "meter", "replace", counter.meters[3].number, spare,
        "--reason", reason_code, "--remainder", "3.5", "--condition", "scrap",
        "--paid", "50.00",
    )  # fmt: skip
    assert replaced["state"] == "issued", replaced
    assert Decimal(replaced["charges"]) > 0 and Decimal(replaced["change"]) > 0

    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    assert counter.status().waiting == 0
    assert head_office.findings() == []

    with counter.database() as local, head_office.database() as office:
        at_counter, at_office = _records(local), _records(office)
        assert at_office == at_counter
        assert [c[1] for c in at_office["cancels"]] == ["done"]
        assert at_office["replacements"][0][5] == "issued"
        assert at_office["replacements"][0][9] and at_office["replacements"][0][10] is not None
        with office.reading() as session:
            vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
            assert vend.state.value == "cancelled"
            shifts = _open_shifts(session, counter.terminal)
        with local.reading() as session:
            own = _open_shifts(session, counter.terminal)
    assert sorted(shifts) == sorted(own) and len(own) == 2  # the cashier's and the engineer's

    # Each shift's X at the head office: the counter's figures, the cancel's refund and the
    # replacement's paid-in included.
    cancels = 0
    for request_id, shift in shifts.items():
        x_office = run_starpos(
            head_office.folder, "shift", "x", "--shift", str(shift), "--json",
            "--operator", "SUP1", "--password-stdin", stdin="super-demo\n",
        )  # fmt: skip
        assert x_office.returncode == 0, x_office.stderr
        x_counter = _as(counter, "SUP1", "shift", "x", "--shift", str(own[request_id]))
        figures = json.loads(x_office.stdout)
        for key in ("sales_count", "sales_net", "expected", "cancels"):
            assert figures[key] == x_counter[key], key
        cancels += figures["cancels"]["count"]
    assert cancels == 1

    # The power vending report (manual 5.3) of every sale at both: the cancelled one says so.
    keys = ("bill", "meter", "net", "energy_kwh", "state")
    reported = []
    for folder in (counter.folder, head_office.folder):
        done = run_starpos(folder, "report", "power-vending", "--state", "any", "--json")
        assert done.returncode == 0, done.stderr
        rows = sorted(json.loads(done.stdout), key=lambda row: row["bill"])
        reported.append([tuple(row[key] for key in keys) for row in rows])
    assert reported[0] == reported[1] and len(reported[0]) == 2
    assert [row[4] for row in reported[1] if row[0] == bill] == ["cancelled"]

    listed = run_starpos(head_office.folder, "shift", "list", "--of-terminal", counter.terminal)
    assert listed.returncode == 0, listed.stderr
    assert all(line.split()[1] == counter.terminal for line in listed.stdout.splitlines())
