"""The server process over HTTP: health, enrolment from the command line, and requests that
must be refused (unsigned, replayed), sent byte for byte to the running server."""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import AuditEntry
from starpos.server.app import MAX_BODY
from starpos.sync import signing
from starpos.sync.client import EVENTS_PATH, HEALTH_PATH, HeadOfficeClient
from starpos.sync.keys import load_key
from starpos.sync.state import enrolment
from tests.integration.sync.sync_world import HeadOffice, run_starpos

pytestmark = pytest.mark.postgres


def _request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, object]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_the_server_answers_health_and_refuses_unsigned_and_replayed_requests(
    head_office: HeadOffice, tmp_path: Path
) -> None:
    port = head_office.server.port
    status, health = _request(port, "GET", HEALTH_PATH)
    assert (status, health["status"], health["schema_current"]) == (200, "ok", True)

    counter = tmp_path / "counter"
    counter.mkdir()
    wrong = run_starpos(counter, "sync", "enrol", "--server", head_office.server.url, "--code",
                        "AAAAA-BBBBB-CCCCC-DDDDD")  # fmt: skip
    assert wrong.returncode == 2
    assert "refused the enrolment code" in wrong.stderr
    code = head_office.code_for("T01")
    enrolled = run_starpos(counter, "sync", "enrol", "--server", head_office.server.url,
                           "--code", code)  # fmt: skip
    assert enrolled.returncode == 0, enrolled.stderr
    assert "T01" in enrolled.stdout
    key_path = counter / "sync" / "terminal-key.pem"
    assert key_path.stat().st_mode & 0o777 == 0o600
    assert (counter / "sync").stat().st_mode & 0o777 == 0o700
    again = run_starpos(counter, "sync", "enrol", "--server", head_office.server.url,
                        "--code", code)  # fmt: skip
    assert again.returncode == 2 and "already enrolled" in again.stderr

    store = f"sqlite:///{counter / 'starpos.db'}"
    with Database.open(store) as database, database.reading() as session:
        found = enrolment(session)
        audited = session.scalars(select(AuditEntry.details).where(AuditEntry.kind == "key_action"))
        assert [json.loads(details)["key_id"] for details in audited] == [found.key_id]
    assert found is not None
    with head_office.database() as central, central.reading() as session:
        actions = session.scalars(
            select(AuditEntry.details).where(AuditEntry.subject == "terminal:T01")
        )
        assert [json.loads(details)["action"] for details in actions] == [
            "enrolment code issued",
            "enrolled",
        ]
    key = load_key(key_path)
    body = json.dumps({"protocol": 1, "events": []}).encode()

    status, refused = _request(port, "POST", EVENTS_PATH, body)
    assert (status, refused["error"]) == (401, "unsigned")
    status, refused = _request(port, "POST", EVENTS_PATH, b" " * (MAX_BODY + 1))
    assert (status, refused["error"]) == (413, "too_large")

    headers = signing.sign(key, found.key_id, "POST", EVENTS_PATH, body, created=int(time.time()))
    status, accepted = _request(port, "POST", EVENTS_PATH, body, headers)
    assert (status, accepted["next_seq"]) == (200, 1)
    status, replayed = _request(port, "POST", EVENTS_PATH, body, headers)
    assert (status, replayed["error"]) == (401, "replayed")

    # A counter whose clock is a day behind: refused once, then signs with the server's time.
    with HeadOfficeClient(head_office.server.url, key_id=found.key_id, key=key) as client:
        client.clock_offset = -86_400.0
        assert client.terminal()["terminal"] == "T01"
        assert abs(client.clock_offset) < 5
    assert head_office.findings() == [("clock_skew", "T01", None)]

    status_line = head_office.run("server", "status", "--json")
    listed = json.loads(status_line.stdout)["enrolments"]
    assert [(row["terminal"], row["sales_point"]) for row in listed] == [("T01", "SP01")]


def test_a_kept_open_connection_the_server_closed_while_idle_is_opened_again(
    head_office: HeadOffice,
) -> None:
    # uvicorn closes a kept-open connection after 5 s without a request; a counter that
    # pulls a long snapshot, applies it, then asks again meets that closed connection.
    with HeadOfficeClient(head_office.server.url) as client:
        assert client.health()["status"] == "ok"
        time.sleep(6)
        assert client.health()["status"] == "ok"
