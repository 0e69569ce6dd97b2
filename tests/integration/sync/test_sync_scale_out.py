"""Past one server process: two ``starpos server run`` on one PostgreSQL behind a balancer,
and PostgreSQL itself going down under a running server. The property is the one every
sync test holds: nothing lost, nothing doubled, the head office adds up to the ledgers.

Real processes throughout: PostgreSQL, two server processes, each counter's module and its
``starpos vend`` / ``starpos sync push`` commands; the balancer is a TCP proxy.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

import pytest

from tests.integration.sync.sync_balancer import balancer
from tests.integration.sync.sync_world import ZERO, Counter, HeadOffice, ServerProcess
from tests.support.postgres_server import PostgresServer
from tests.support.processes import REPO_ROOT, child_env, starpos_command

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[[int], list[Counter]]


def _sell(counter: Counter, first: int, count: int) -> None:
    """Counters of one demo share its meters: each sells its own (``terminal`` picks a
    tenth of them), since two modules selling one meter in one minute make one TID twice,
    which the head office rightly flags."""
    offset = 10 * int(counter.terminal[1:])
    for sale in range(offset + first, offset + first + count):
        sold = counter.sell(counter.meters[sale], "30.00")
        assert sold.returncode == 0, sold.stderr


def _push_at_once(counters: list[Counter]) -> list[dict[str, int]]:
    """Every counter's ``sync push`` started together; their answers."""
    running = [
        subprocess.Popen(
            starpos_command("--data-dir", str(counter.folder), "sync", "push", "--json"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=REPO_ROOT,
        )
        for counter in counters
    ]
    answers = []
    for process in running:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        answers.append(json.loads(out))
    return answers


def _agree(head_office: HeadOffice, counters: list[Counter]) -> None:
    ledgers = sum((counter.totals() for counter in counters), ZERO)
    assert all(counter.status().waiting == 0 for counter in counters)
    assert head_office.events_stored() == sum(c.status().last_entry for c in counters)
    assert head_office.totals() == ledgers != ZERO
    assert head_office.findings() == []


def test_two_server_processes_on_one_store_take_every_event_once(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    second = ServerProcess(head_office.folder).start()
    try:
        with balancer([head_office.server.port, second.port]) as front:
            counters = make_counters(2)
            for counter in counters:
                counter.enrol(head_office, url=front.url)
                _sell(counter, 0, 2)
            _push_at_once(counters)
            assert all(count > 0 for count in front.served.values()), front.served

            # One process goes away (a rolling restart): the other serves everything.
            head_office.server.stop()
            for counter in counters:
                _sell(counter, 2, 1)
            _push_at_once(counters)
    finally:
        second.stop()
    _agree(head_office, counters)


def test_postgresql_down_under_a_running_server_loses_and_doubles_nothing(
    head_office: HeadOffice, make_counters: MakeCounters, postgres_server: PostgresServer
) -> None:
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    _sell(counter, 0, 2)
    waiting = counter.status().waiting

    postgres_server.crash()
    try:
        refused = counter.push()
    finally:
        postgres_server.start_again()
    assert refused.returncode == 2, refused.stdout
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert counter.status().waiting == waiting  # nothing acknowledged
    assert head_office.server.process is not None
    assert head_office.server.process.poll() is None  # the server outlived its database

    # The same server process, its pooled connections dead, serves again.
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    assert json.loads(pushed.stdout)["applied"] == waiting
    _agree(head_office, [counter])
