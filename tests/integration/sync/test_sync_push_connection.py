"""A push runs on one pooled connection (SYN-43): its nonce is spent there by a statement
that commits by itself, then its events are applied there in one transaction. One
checkout (and one liveness ping) a push instead of two, with every check as before: a
replay is refused, a push that fails leaves its nonce spent and nothing else, and the
connection goes back to the pool in its default isolation level."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from starpos.db.column_types import utc_now
from starpos.server import handlers, uplink
from starpos.server.store import HeadOffice
from starpos.sync.client import EVENTS_PATH
from tests.integration.sync.sync_requests import chain, enrol, signed_request, stored

pytestmark = pytest.mark.postgres


@pytest.fixture
def checkouts(office: HeadOffice) -> Iterator[list[object]]:
    """Every connection taken from the pool while the test runs."""
    taken: list[object] = []

    def record(dbapi_connection: object, *_: Any) -> None:
        taken.append(dbapi_connection)

    event.listen(office.database.engine, "checkout", record)
    try:
        yield taken
    finally:
        event.remove(office.database.engine, "checkout", record)


def _body(events: list[dict[str, object]]) -> bytes:
    return json.dumps({"protocol": 1, "events": events}).encode()


def test_a_push_takes_one_connection_and_its_replay_is_still_refused(
    office: HeadOffice, tmp_path: Path, checkouts: list[object]
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 3)
    request = signed_request(key, key_id, EVENTS_PATH, _body(events))
    checkouts.clear()
    applied = handlers.push(office, request, utc_now())
    assert applied.status == 200
    assert [r["verdict"] for r in applied.body["results"]] == ["applied"] * 3
    assert len(checkouts) == 1
    replayed = handlers.push(office, request, utc_now())
    assert (replayed.status, replayed.body["error"]) == (401, "replayed")
    assert stored(office) == 3


def test_a_push_that_fails_keeps_its_nonce_spent_and_applies_nothing(
    office: HeadOffice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 2)
    request = signed_request(key, key_id, EVENTS_PATH, _body(events))

    def broken(*_: Any) -> None:
        raise RuntimeError("the push's transaction fails")

    monkeypatch.setattr(uplink, "apply_batch", broken)
    with pytest.raises(RuntimeError):
        handlers.push(office, request, utc_now())
    monkeypatch.undo()
    assert stored(office) == 0
    replayed = handlers.push(office, request, utc_now())
    assert (replayed.status, replayed.body["error"]) == (401, "replayed")
    assert stored(office) == 0


def test_the_connection_goes_back_to_the_pool_as_it_came(
    office: HeadOffice, tmp_path: Path
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 1)
    handlers.push(office, signed_request(key, key_id, EVENTS_PATH, _body(events)), utc_now())
    with office.transaction() as session:
        level = session.execute(text("SHOW transaction_isolation")).scalar()
        in_block = session.execute(text("SELECT now() = statement_timestamp()")).scalar()
    assert level == "read committed"
    # Inside a transaction now() is its start, earlier than this statement's own time.
    assert in_block is False
