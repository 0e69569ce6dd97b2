"""A meter flagged for a key change at the head office is flagged at the counters: the
counter's next sale carries the key change tokens, the head office books the flag issued
and delivered with them, and no counter makes a second key change (decisions SYN-55,
SYN-56). A counter enrolled with a head office refuses to flag or unflag, and says where.

Real processes throughout: PostgreSQL, ``starpos server run``, the counters' module
emulators and every ``starpos`` command at the head office and the counters.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import KeyChangeFlag, Meter, Vend
from starpos.devices.sm import kmc
from tests.integration.sync.sync_world import Counter, HeadOffice, run_starpos
from tests.integration.tokenops.ops_world import all_keys

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[..., list[Counter]]
#: Register 1's next revision (KRN 2): the demo meters' new key (tokenops' ops_world).
NEW_KEY = ("--new-register", "3", "--new-krn", "2")
ENGINEER = ("--operator", "ENG1", "--password-stdin")


def _keychange(folder: Any, *args: str) -> Any:
    return run_starpos(folder, "keychange", *args, *ENGINEER, stdin="eng-demo\n")


def _flags(database: Database, meter: str) -> list[tuple[Any, ...]]:
    """(request id, state, tokens, bill of the sale that holds it) of the meter's flags."""
    with database.reading() as session:
        return [
            (request_id, state.value, tokens, bill)
            for request_id, state, tokens, bill in session.execute(
                select(KeyChangeFlag.request_id, KeyChangeFlag.state, KeyChangeFlag.tokens,
                       Vend.bill_number)
                .join(Meter, Meter.id == KeyChangeFlag.meter_id)
                .outerjoin(Vend, Vend.id == KeyChangeFlag.vend_id)
                .where(Meter.number == meter)
                .order_by(KeyChangeFlag.request_id)
            )
        ]  # fmt: skip


def _key(database: Database, meter: str) -> tuple[Any, ...]:
    with database.reading() as session:
        row = session.execute(
            select(Meter.key_register, Meter.krn).where(Meter.number == meter)
        ).one()
        return tuple(row)


def _with_new_keys(counter: Counter) -> None:
    """The counter's module also holds the keys meters move to (a utility loads them)."""
    assert counter.module is not None
    with counter.module.module() as driver:
        kmc.provision(driver, all_keys(), 0, counter.module.kmc_dir)


def _sync(counter: Counter) -> dict[str, Any]:
    """A push, then a pull (as ``sync run`` does): the report of the pull. A pull while the
    counter's own entries wait keeps its flags as they are (``Part.records``)."""
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    return counter.pull()


def _sell(counter: Counter, meter: Any) -> dict[str, Any]:
    sold = counter.sell(meter, "40.00")
    assert sold.returncode == 0, sold.stderr
    answer: dict[str, Any] = json.loads(sold.stdout)
    return answer


def test_a_flag_set_at_the_head_office_is_sold_once_and_booked_there(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    t01, t03 = make_counters(2)
    for counter in (t01, t03):
        counter.enrol(head_office)
        _with_new_keys(counter)
    meter = t01.meters[0]
    flagged = _keychange(
        head_office.folder, "flag", "--meter", meter.number, *NEW_KEY, "--yes", "--json"
    )
    assert flagged.returncode == 0, flagged.stderr
    with head_office.database() as office:
        ((request_id, state, _, _),) = _flags(office, meter.number)
    assert state == "flagged"

    # Both counters pull the flag with the meter.
    for counter in (t01, t03):
        assert _sync(counter)["tables"].get("key_change_flags") == 1
        with counter.database() as local:
            assert _flags(local, meter.number) == [(request_id, "flagged", None, None)]

    # T01's next sale carries the key change tokens before its credit token.
    sold = _sell(t01, meter)
    tokens = " ".join(sold["key_change_tokens"])
    assert len(sold["key_change_tokens"]) == 2
    bill = sold["bill_number"]
    with t01.database() as local:
        assert _flags(local, meter.number) == [(request_id, "delivered", tokens, bill)]
        assert _key(local, meter.number) == ("3", 2)

    pushed = t01.push()
    assert pushed.returncode == 0, pushed.stderr
    assert head_office.findings() == []
    # Booked by the push's batch (the key change's own entries by themselves), not by the
    # step-by-step fallback.
    assert "sales not booked together" not in head_office.server.log_tail(1000)
    with head_office.database() as office:
        booked = _flags(office, meter.number)
        assert booked == [(request_id, "delivered", tokens, bill)]
        assert _key(office, meter.number) == ("3", 2)

    # The pull after the push: the flag stays delivered with its tokens and its sale, at
    # T01 and at T03, which now sells on the new key without a second key change.
    for counter in (t01, t03):
        _sync(counter)
        with counter.database() as local:
            ((_, state, kept, _),) = _flags(local, meter.number)
            assert (state, kept) == ("delivered", tokens)
            assert _key(local, meter.number) == ("3", 2)
    with t01.database() as local:
        assert _flags(local, meter.number) == booked
    assert _sell(t03, meter)["key_change_tokens"] == []
    _sync(t03)
    _sync(t01)  # T03's TID too (two sales in one minute would be a TID collision)
    assert _sell(t01, meter)["key_change_tokens"] == []

    # The answer lost: T01 sends everything again; nothing is booked twice.
    with sqlite3.connect(t01.folder / "starpos.db") as connection:
        connection.execute("UPDATE sync_state SET acknowledged_seq = 0")
    for counter in (t01, t01, t03):
        resent = counter.push()
        assert resent.returncode == 0, resent.stderr
    with head_office.database() as office:
        assert _flags(office, meter.number) == booked
    assert head_office.findings() == []


def test_an_enrolled_counter_refuses_to_flag_or_unflag_and_changes_nothing(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1, modules=False)
    counter.enrol(head_office)
    flagged, other = counter.meters[0].number, counter.meters[1].number
    assert (
        _keychange(head_office.folder, "flag", "--meter", flagged, *NEW_KEY, "--yes").returncode
        == 0
    )
    _sync(counter)
    with counter.database() as local:
        before = _flags(local, flagged)
    assert [row[1] for row in before] == ["flagged"]

    for args in (("flag", "--meter", other, *NEW_KEY, "--yes"), ("unflag", flagged)):
        refused = _keychange(counter.folder, *args)
        assert refused.returncode != 0
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert "Traceback" not in refused.stderr
        assert head_office.server.url in refused.stderr and "back office" in refused.stderr
    with counter.database() as local:
        assert _flags(local, flagged) == before
        assert _flags(local, other) == []


def test_a_flag_withdrawn_at_the_head_office_while_a_counter_sold_it_is_booked_issued(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    _with_new_keys(counter)
    meter = counter.meters[0]
    assert (
        _keychange(head_office.folder, "flag", "--meter", meter.number, *NEW_KEY, "--yes")
    ).returncode == 0
    _sync(counter)
    # Withdrawn at the head office; the counter, offline, sells with the flag it has.
    withdrawn = _keychange(head_office.folder, "unflag", meter.number)
    assert withdrawn.returncode == 0, withdrawn.stderr
    sold = _sell(counter, meter)
    assert len(sold["key_change_tokens"]) == 2
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    # The sale is a fact and the meter is on its new key: the flag is booked with it.
    with head_office.database() as office:
        ((_, state, tokens, bill),) = _flags(office, meter.number)
        assert (state, tokens, bill) == (
            "delivered", " ".join(sold["key_change_tokens"]), sold["bill_number"],
        )  # fmt: skip
        assert _key(office, meter.number) == ("3", 2)
    assert head_office.findings() == []
