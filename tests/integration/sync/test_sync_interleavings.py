"""Any interleaving of two terminals' pushes (slices sent out of order, resent, repeated)
is taken exactly once, in chain order: a property test over the head office's uplink on a
real PostgreSQL store.

A model says what each event's answer must be (at or below the last applied: duplicate; the
next one: applied; further on: the first gap stops the push and the rest wait), and at the
end, every chain sent whole, the head office holds each event once and each sale once, with
the sums of the sales the terminals made.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from starpos.audit.log import Actor, AuditKind
from starpos.db.enums import CustomerStatus, MeterMedium, VendState
from starpos.db.models import Customer, Meter, ReceivedEvent, Vend
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import enrol, entries, findings, push, verdicts
from tests.integration.sync.test_sync_sale_batch import pending_facts

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

TERMINALS = (("T01", "CASH1", "SP01"), ("T03", "CASH2", "SP02"))
SALES_PER_TERMINAL = 3
_runs = itertools.count(1)

#: A push: (terminal index, first position, how many events).
pushes = st.lists(
    st.tuples(st.integers(0, 1), st.integers(1, 2 * SALES_PER_TERMINAL), st.integers(1, 4)),
    max_size=12,
)


@dataclass
class Terminal:
    key_id: str
    key: Any
    chain: list[dict[str, Any]]
    applied: int = 0


def _terminals(office: HeadOffice, folder: Path, run: int) -> list[Terminal]:
    with office.transaction() as session:
        meters = session.execute(
            select(Meter.number, Customer.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.KEYPAD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.number)
            .limit(2 * SALES_PER_TERMINAL)
        ).all()
    made = []
    for index, (terminal, operator, sales_point) in enumerate(TERMINALS):
        key_id, key = enrol(office, terminal)
        actor = Actor(operator, sales_point, terminal)
        written = []
        for sale in range(SALES_PER_TERMINAL):
            meter, customer = meters[index * SALES_PER_TERMINAL + sale]
            bill, tid = f"R{run}-{terminal}-{sale}", 10_000 * run + 10 * index + sale
            subject = f"vend:{bill}"
            pending = pending_facts(bill, meter, customer, tid, net_amount="12.50")
            issued = {"step": "issued", "tid": tid, "token_kwh": "100.0", "token": f"{tid:020d}"}
            written += [(AuditKind.VEND, subject, pending, actor),
                        (AuditKind.VEND, subject, issued, actor)]  # fmt: skip
        chain = entries(folder / f"run-{run}-{terminal}", written)
        made.append(Terminal(key_id, key, chain))
    return made


def _expected(terminal: Terminal, first: int, sent: int) -> list[tuple[int, str]]:
    """The model's answers to positions ``first``.. (and its new last applied)."""
    answers, applied, stopped = [], terminal.applied, False
    for seq in range(first, first + sent):
        if stopped or seq > applied + 1:
            stopped = True
            answers.append((seq, "retry_later"))
        elif seq <= applied:
            answers.append((seq, "duplicate"))
        else:
            applied = seq
            answers.append((seq, "applied"))
    terminal.applied = applied
    return answers


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=pushes)
def test_any_interleaving_of_pushes_is_taken_once_in_chain_order(
    office: HeadOffice, tmp_path: Path, plan: list[tuple[int, int, int]]
) -> None:
    run = next(_runs)
    terminals = _terminals(office, tmp_path, run)
    for index, first, count in plan:
        terminal = terminals[index]
        events = terminal.chain[first - 1 : first - 1 + count]
        if not events:
            continue
        reply = push(office, terminal.key_id, terminal.key, events)
        got = [(seq, verdict) for seq, verdict, _ in verdicts(reply)]
        assert got == _expected(terminal, first, len(events))
    for terminal in terminals:  # everything, whole, as a counter finally sends it
        reply = push(office, terminal.key_id, terminal.key, terminal.chain)
        _expected(terminal, 1, len(terminal.chain))
        assert {verdict for _, verdict, _ in verdicts(reply)} <= {"applied", "duplicate"}

    with office.transaction() as session:
        stored = session.scalar(
            select(func.count())
            .select_from(ReceivedEvent)
            .where(ReceivedEvent.enrolment_id.in_([t.key_id for t in terminals]))
        )
        sales = session.execute(
            select(func.count(), func.sum(Vend.net_amount)).where(
                Vend.bill_number.like(f"R{run}-%"), Vend.state == VendState.ISSUED
            )
        ).one()
    assert stored == sum(len(t.chain) for t in terminals)
    assert sales == (2 * SALES_PER_TERMINAL, Decimal("12.50") * 2 * SALES_PER_TERMINAL)
    assert findings(office) == []
