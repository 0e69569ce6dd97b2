"""A signed request's nonce is spent before the request does anything (SYN-40): a replay of
the same bytes is refused even when the first try applied nothing because its transaction
rolled back, or its server process died before the commit; the counter's own retry, signed
afresh, is applied once."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from starpos.db.column_types import utc_now
from starpos.server import handlers, uplink
from starpos.server.handlers import BEFORE_COMMIT, Reply
from starpos.server.store import HeadOffice
from starpos.sync.client import EVENTS_PATH
from starpos.vending import crash_points
from tests.integration.sync.sync_requests import chain, enrol, push, signed_request, stored

pytestmark = pytest.mark.postgres


class Killed(BaseException):
    """The server process dying where the hook is called (nothing after it runs)."""


@pytest.fixture
def dies_before_commit() -> Iterator[None]:
    def hook(step: str) -> None:
        if step == BEFORE_COMMIT:
            raise Killed(step)

    crash_points.install_hook(hook)
    try:
        yield
    finally:
        crash_points.install_hook(None)


def _body(events: list[dict[str, object]]) -> bytes:
    return json.dumps({"protocol": 1, "events": events}).encode()


def test_a_request_whose_push_died_before_its_commit_cannot_be_replayed(
    office: HeadOffice, tmp_path: Path, dies_before_commit: None
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 3)
    request = signed_request(key, key_id, EVENTS_PATH, _body(events))
    with pytest.raises(Killed):
        handlers.push(office, request, utc_now())
    assert stored(office) == 0
    crash_points.install_hook(None)
    replayed = handlers.push(office, request, utc_now())
    assert (replayed.status, replayed.body["error"]) == (401, "replayed")
    assert stored(office) == 0
    resent = push(office, key_id, key, events)  # the counter signs its retry afresh
    assert [r["verdict"] for r in resent.body["results"]] == ["applied"] * 3
    assert stored(office) == 3


def test_a_request_whose_push_failed_cannot_be_replayed(
    office: HeadOffice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 2)
    request = signed_request(key, key_id, EVENTS_PATH, _body(events))
    applied = uplink.apply_batch

    def fails_after_applying(*args: object, **kwargs: object) -> object:
        applied(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("the push's transaction rolls back")

    monkeypatch.setattr(uplink, "apply_batch", fails_after_applying)
    with pytest.raises(RuntimeError):
        handlers.push(office, request, utc_now())
    monkeypatch.undo()
    assert stored(office) == 0
    replayed = handlers.push(office, request, utc_now())
    assert (replayed.status, replayed.body["error"]) == (401, "replayed")
    # Refused after the signature was checked (not a push at all): spent all the same.
    malformed = signed_request(key, key_id, EVENTS_PATH, b'{"protocol": 1}')
    assert handlers.push(office, malformed, utc_now()).status == 400
    assert handlers.push(office, malformed, utc_now()).body["error"] == "replayed"
    assert stored(office) == 0


def test_the_same_request_twice_at_once_is_applied_once(office: HeadOffice, tmp_path: Path) -> None:
    key_id, key = enrol(office)
    request = signed_request(key, key_id, EVENTS_PATH, _body(chain(tmp_path / "counter", 2)))
    start = threading.Barrier(2)
    replies: list[Reply] = []

    def send() -> None:
        start.wait()
        replies.append(handlers.push(office, request, utc_now()))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(reply.status for reply in replies) == [200, 401]
    assert [r.body["error"] for r in replies if r.status == 401] == ["replayed"]
    assert stored(office) == 2
