"""The head office's ghost vending check (``starpos server check``; docs/sync.md,
"Reconciliation at the head office"; SYN-60): a counter's books that agree are clean; a
token made by talking to the module directly is raised when the counter's verdict arrives
after its sync, and once a later sale is booked the check names the energy missing between
the two sales; the central store changed behind the server's back is named per terminal.
Real processes throughout: PostgreSQL, ``starpos server run``, a counter with its module
emulator, and every step a ``starpos`` command.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from starpos.audit.log import AuditKind
from starpos.db.models import ReceivedEvent
from starpos.devices.sm.driver import MeterKeyRef
from tests.integration.sync.sync_world import HeadOffice, run_starpos
from tests.integration.sync.test_sync_credit_blocks import sync
from tests.integration.vend.vend_world import demo_keys

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def check(head_office: HeadOffice, *options: str) -> tuple[int, dict[str, Any]]:
    done = run_starpos(head_office.folder, "server", "check", "--json", *options)
    assert done.stderr == "", done.stderr
    return done.returncode, json.loads(done.stdout)


def kinds(report: dict[str, Any]) -> list[str]:
    return sorted(finding["kind"] for finding in report["findings"])


def test_a_ghost_token_is_raised_after_the_sync_and_named_between_two_sales(
    head_office: HeadOffice, make_counters: Any
) -> None:
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    first, second, third = counter.meters[:3]
    for meter in (first, second):
        sold = counter.sell(meter, "20")
        assert sold.returncode == 0, sold.stderr
    assert sync(counter)["reconcile"]["findings"] == []
    code, clean = check(head_office)
    assert (code, clean["agrees"], clean["modules"], clean["tokens"]) == (0, True, 1, 2)
    assert clean["terminals"] == 1 and clean["events"] > 0
    said = run_starpos(head_office.folder, "server", "check")
    assert said.returncode == 0 and "agree" in said.stdout, said.stdout

    # 12.3 kWh out of the module with no sale: the insider's ghost token.
    assert counter.module is not None
    info = next(k for k in demo_keys() if k.info.register == second.key_register).info
    key = MeterKeyRef(second.pan, second.key_register, info.sgc, second.ti, info.krn, info.ken)
    with counter.module.module() as module:
        module.issue_credit_token(key, 0, 9_000_000, 123)
    sync(counter)
    raised = json.loads(run_starpos(head_office.folder, "server", "findings", "--json").stdout)
    assert [row["kind"] for row in raised] == ["module_books_disagree"]
    assert "energy_beyond_ledger" in raised[0]["details"] and "ghost" in raised[0]["problem"]
    code, report = check(head_office)
    assert code == 2 and kinds(report) == ["module_books_disagree"]

    # The next sale's module balance is 12.3 kWh short of what the two sales before it left.
    later = counter.sell(third, "20")
    assert later.returncode == 0, later.stderr
    bill = json.loads(later.stdout)["bill_number"]
    sync(counter)
    code, report = check(head_office)
    assert code == 2
    (gap,) = [f for f in report["findings"] if f["kind"] == "module_energy_unrecorded"]
    assert (gap["at"], Decimal(str(gap["missing_kwh"]))) == (bill, Decimal("12.3"))
    text = run_starpos(head_office.folder, "server", "check")
    assert text.returncode == 2 and "do NOT agree" in text.stdout and bill in text.stdout

    # The central store changed behind the server's back: one event rewritten, one removed.
    with head_office.database() as database, database.unit_of_work() as uow:
        seqs = uow.session.scalars(
            select(ReceivedEvent.seq)
            .where(ReceivedEvent.kind == AuditKind.VEND.value)
            .order_by(ReceivedEvent.seq)
        ).all()
        rewritten, removed = seqs[1], seqs[3]
        uow.session.execute(
            update(ReceivedEvent)
            .where(ReceivedEvent.seq == rewritten)
            .values(details=ReceivedEvent.details + " ")
        )
        uow.session.execute(delete(ReceivedEvent).where(ReceivedEvent.seq == removed))
        uow.commit()
    code, report = check(head_office, "--terminal", counter.terminal)
    stored = {f["kind"]: f for f in report["findings"] if f["kind"].startswith("stored_")}
    assert code == 2 and set(stored) == {"stored_event_rewritten", "stored_events_missing"}
    assert stored["stored_event_rewritten"]["seq"] == rewritten
    assert stored["stored_events_missing"]["next"] == removed + 1

    unknown = run_starpos(head_office.folder, "server", "check", "--terminal", "T99")
    assert unknown.returncode != 0 and "T99" in unknown.stderr
    assert unknown.stderr.strip().count("\n") == 0 and "Traceback" not in unknown.stderr
