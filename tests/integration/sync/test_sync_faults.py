"""Faults between a counter and its head office, each with the same property: nothing lost,
nothing doubled, the head office's totals equal the counter's ledger.

Real processes throughout; a fault is a real SIGKILL (``STARPOS_KILL_AT``), a real cut
connection (a proxy that drops the server's answer), or a real edit of the counter's file.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable

import pytest

from starpos.server.handlers import AFTER_COMMIT, BEFORE_COMMIT
from starpos.sync.push import AFTER_ANSWER
from starpos.vending.crash_points import AFTER_TOKEN_COMMIT
from tests.integration.sync.sync_proxy import DROP_ANSWERS, PASS, lossy_proxy
from tests.integration.sync.sync_world import ZERO, Counter, HeadOffice
from tests.support.processes import REPO_ROOT, child_env, starpos_command

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

KILLED = -9
MakeCounters = Callable[[int], list[Counter]]


def _one_counter(head_office: HeadOffice, make_counters: MakeCounters, sales: int) -> Counter:
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    for sale in range(sales):
        sold = counter.sell(counter.meters[sale], "40.00")
        assert sold.returncode == 0, sold.stderr
    return counter


def _pushed(counter: Counter) -> dict[str, int]:
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    answer: dict[str, int] = json.loads(pushed.stdout)
    return answer


def _agree(head_office: HeadOffice, counter: Counter) -> None:
    """Nothing lost, nothing doubled: every entry stored once, the same sales, same totals."""
    status = counter.status()
    assert status.waiting == 0
    assert head_office.events_stored() == status.last_entry
    assert head_office.totals() == counter.totals() != ZERO


@pytest.mark.parametrize("step", [BEFORE_COMMIT, AFTER_COMMIT])
def test_a_server_killed_during_a_push_loses_and_doubles_nothing(
    head_office: HeadOffice, make_counters: MakeCounters, step: str
) -> None:
    counter = _one_counter(head_office, make_counters, sales=2)
    waiting = counter.status().waiting
    head_office.server.stop()
    head_office.server.start(STARPOS_KILL_AT=step)

    cut = counter.push()
    assert cut.returncode == 2
    assert "cannot be reached" in cut.stderr
    assert head_office.server.wait_dead() == KILLED
    assert counter.status().waiting == waiting  # no answer, so nothing acknowledged

    head_office.server.start()
    answer = _pushed(counter)
    if step == BEFORE_COMMIT:  # rolled back with the process: applied now
        assert (answer["applied"], answer["duplicates"]) == (waiting, 0)
    else:  # committed, never answered: taken already
        assert (answer["applied"], answer["duplicates"]) == (0, waiting)
    _agree(head_office, counter)


def test_a_lost_acknowledgement_is_sent_again_and_taken_once(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1)
    with lossy_proxy(head_office.server.port) as proxy:
        counter.enrol(head_office, url=proxy.url)
        for sale in range(2):
            assert counter.sell(counter.meters[sale], "40.00").returncode == 0
        waiting = counter.status().waiting

        proxy.mode = DROP_ANSWERS
        lost = counter.push()
        assert lost.returncode == 2, lost.stdout
        assert proxy.dropped >= 1
        # The head office applied everything; the counter never heard of it.
        assert head_office.totals() == counter.totals()
        assert counter.status().waiting == waiting

        proxy.mode = PASS
        answer = _pushed(counter)
    assert (answer["applied"], answer["duplicates"]) == (0, waiting)
    _agree(head_office, counter)


def test_the_same_events_sent_twice_and_by_two_pushes_at_once_are_taken_once(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    counter = _one_counter(head_office, make_counters, sales=1)
    first = _pushed(counter)
    # The counter's sync state restored from an older backup: it sends everything again.
    with sqlite3.connect(counter.folder / "starpos.db") as connection:
        connection.execute("UPDATE sync_state SET acknowledged_seq = 0")
    again = _pushed(counter)
    assert (again["applied"], again["duplicates"]) == (0, first["applied"])

    assert counter.sell(counter.meters[1], "30.00").returncode == 0
    waiting = counter.status().waiting
    both = [
        subprocess.Popen(
            starpos_command("--data-dir", str(counter.folder), "sync", "push", "--json"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=REPO_ROOT,
        )
        for _ in range(2)
    ]
    answers = []
    for process in both:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        answers.append(json.loads(out))
    assert sum(answer["applied"] for answer in answers) == waiting
    _agree(head_office, counter)


def test_a_counter_killed_after_a_sale_and_after_the_answer_sends_it_once(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    counter = _one_counter(head_office, make_counters, sales=0)
    killed = counter.sell(counter.meters[0], "40.00", STARPOS_KILL_AT=AFTER_TOKEN_COMMIT)
    assert killed.returncode == KILLED
    assert counter.totals().sales == 1  # committed before the kill: it must travel

    killed_push = counter.push(STARPOS_KILL_AT=AFTER_ANSWER)
    assert killed_push.returncode == KILLED
    assert head_office.totals() == counter.totals()
    waiting = counter.status().waiting
    assert waiting > 0

    answer = _pushed(counter)
    assert (answer["applied"], answer["duplicates"]) == (0, waiting)
    _agree(head_office, counter)


def test_a_tampered_audit_entry_is_refused_and_raised_at_the_head_office(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    counter = _one_counter(head_office, make_counters, sales=1)
    assert _pushed(counter)["applied"] > 0
    before = head_office.totals()
    second = counter.sell(counter.meters[1], "25.50")
    assert second.returncode == 0
    bill = json.loads(second.stdout)["bill_number"]

    # Someone with the file lowers the sale's amount in its entry (and drops the guard).
    with sqlite3.connect(counter.folder / "starpos.db") as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        (seq,) = connection.execute(
            "SELECT id FROM audit_log WHERE subject = ? AND details LIKE '%\"pending\"%'",
            (f"vend:{bill}",),
        ).fetchone()
        connection.execute(
            "UPDATE audit_log SET details = replace(details, '\"25.50\"', '\"2.55\"') WHERE id = ?",
            (seq,),
        )

    for _ in range(2):
        refused = counter.push()
        assert refused.returncode == 2
        assert f"refused event {seq}" in refused.stderr
        assert "chain_broken" in refused.stderr
    assert counter.status().acknowledged_seq == seq - 1
    assert head_office.findings() == [("chain_broken", counter.terminal, seq)]
    assert head_office.totals() == before
    listed = head_office.run("server", "findings")
    assert listed.returncode == 0
    assert "chain_broken" in listed.stdout and f"#{seq}" in listed.stdout


def test_a_revoked_terminal_is_refused(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    counter = _one_counter(head_office, make_counters, sales=0)
    sent = counter.status().waiting  # the seed and the enrolment (a key action)
    assert _pushed(counter)["applied"] == sent
    revoked = head_office.as_installer("server", "revoke", "--terminal", counter.terminal)
    assert revoked.returncode == 0, revoked.stderr

    assert counter.sell(counter.meters[0], "40.00").returncode == 0  # selling never waits
    refused = counter.push()
    assert refused.returncode == 2
    assert "revoked" in refused.stderr
    assert head_office.totals() == ZERO
    assert head_office.events_stored() == sent
    assert counter.status().last_error is not None
