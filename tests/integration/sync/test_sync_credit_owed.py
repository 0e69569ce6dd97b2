"""The excess of a debt repaid twice is owed back to the customer and the next sale
settles it (docs/sync.md, conflict rules; decision SYN-53).

Two counters pull a meter's debt, both take its repayment while apart, and push: the head
office stops the debt at 0, raises ``debt_overpaid`` and keeps the excess as credit owed to
the meter. Both counters pull it and both sell to the meter again while apart: each sale
returns the credit as a negative line. The first push settles the credit with its sale; the
second is ``credit_returned_twice`` (its sale stands, nothing settled twice). Every push
sent again from the start (a lost answer) changes nothing.

Real processes throughout: PostgreSQL, ``starpos server run``, the counters' module
emulators and every ``starpos`` command at the counters.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update

from starpos.db import Database
from starpos.db.models import Customer, CustomerType, Meter, MeterCreditOwed, Vend
from starpos.masterdata.credit_owed import OWED
from tests.integration.sync.sync_world import Counter, HeadOffice

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[[int], list[Counter]]
DEBT = Decimal("10.00")


def _residential_meter(head_office: HeadOffice, counter: Counter) -> Any:
    """A meter of the counter's whose customer repays 10 % of each sale's Amount (RES),
    given a debt of 10.00 at the head office."""
    numbers = [meter.number for meter in counter.meters]
    with head_office.database() as database, database.unit_of_work() as uow:
        number = uow.session.scalars(
            select(Meter.number)
            .join(Customer, Customer.id == Meter.customer_id)
            .join(CustomerType, CustomerType.id == Customer.customer_type_id)
            .where(CustomerType.code == "RES", Meter.number.in_(numbers))
            .order_by(Meter.number)
        ).first()
        assert number is not None
        uow.session.execute(
            update(Meter).where(Meter.number == number).values(outstanding_debt=DEBT)
        )
        uow.commit()
    return next(meter for meter in counter.meters if meter.number == number)


def _sold(counter: Counter, meter: Any, net: str) -> str:
    done = counter.sell(meter, net)
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["bill_number"])


def _sale(database: Database, bill: str) -> tuple[Decimal, Decimal | None]:
    """(debt repaid, credit owed returned) of a sale."""
    with database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
        returned = {charge.code: charge.amount for charge in vend.charges}.get(OWED)
        return vend.debt_repayment, returned


def _credits(database: Database) -> list[tuple[str, str, Decimal, str, str | None, str | None]]:
    with database.reading() as session:
        return [
            (row.overpaid_terminal, row.overpaid_bill, row.amount, row.state.value,
             row.settled_terminal, row.settled_bill)
            for row in session.scalars(select(MeterCreditOwed).order_by(MeterCreditOwed.id))
        ]  # fmt: skip


def _findings(head_office: HeadOffice) -> list[str]:
    """The kinds found, but ``tid_collision``: two counters selling to one meter in the same
    minute also make the same TID, a conflict of its own (tested on its own)."""
    return sorted(kind for kind, _, _ in head_office.findings() if kind != "tid_collision")


def _push(counter: Counter) -> dict[str, Any]:
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    answer: dict[str, Any] = json.loads(pushed.stdout)
    return answer


def _push_again_from_the_start(counter: Counter) -> None:
    """The answers lost: the counter sends everything again; the head office takes nothing."""
    with sqlite3.connect(counter.folder / "starpos.db") as connection:
        connection.execute("UPDATE sync_state SET acknowledged_seq = 0")
    assert _push(counter)["applied"] == 0


def test_a_debt_repaid_twice_is_owed_back_and_returned_by_the_next_sale(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    first, second = make_counters(2)
    for counter in (first, second):
        counter.enrol(head_office)
    meter = _residential_meter(head_office, first)
    for counter in (first, second):
        counter.open_shift()
        _push(counter)  # what each did before: a pull keeps a meter's debt while it waits
        counter.pull()
    # Apart, both take the repayment of the same debt.
    repaid = [_sold(counter, meter, "100.00") for counter in (first, second)]
    with first.database() as one, second.database() as other:
        (debt_one, _), (debt_other, _) = _sale(one, repaid[0]), _sale(other, repaid[1])
    assert debt_one > 0 and debt_one + debt_other > DEBT
    excess = debt_one + debt_other - DEBT

    _push(first)
    _push(second)
    owed = [(second.terminal, repaid[1], excess, "open", None, None)]
    with head_office.database() as office:
        assert _credits(office) == owed
        with office.reading() as session:
            owing = select(Meter.outstanding_debt).where(Meter.number == meter.number)
            debt = session.scalar(owing)
        assert debt == Decimal("0.00")
    assert _findings(head_office) == ["debt_overpaid"]
    _push_again_from_the_start(second)
    with head_office.database() as office:
        assert _credits(office) == owed

    # Both pull the credit owed and both sell to the meter again, apart.
    for counter in (first, second):
        counter.pull()
        with counter.database() as local:
            assert _credits(local) == owed
    returning = [_sold(counter, meter, "50.00") for counter in (first, second)]
    for counter, bill in zip((first, second), returning, strict=True):
        with counter.database() as local:
            assert _sale(local, bill)[1] == -excess
            assert _credits(local) == [
                (second.terminal, repaid[1], excess, "settled", counter.terminal, bill)
            ]

    _push(first)
    settled = [(second.terminal, repaid[1], excess, "settled", first.terminal, returning[0])]
    with head_office.database() as office:
        assert _credits(office) == settled
        assert _sale(office, returning[0])[1] == -excess
    _push(second)
    with head_office.database() as office:
        assert _credits(office) == settled  # not settled twice; the sale stands
        assert _sale(office, returning[1])[1] == -excess
    assert _findings(head_office) == ["credit_returned_twice", "debt_overpaid"]

    for counter in (first, second):
        _push_again_from_the_start(counter)
    with head_office.database() as office:
        assert _credits(office) == settled
    assert _findings(head_office) == ["credit_returned_twice", "debt_overpaid"]
    # The head office's settlement comes down: the second counter now has the first's.
    second.pull()
    with second.database() as local:
        assert _credits(local) == settled
