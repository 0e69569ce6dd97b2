"""Requests to the head office as a counter signs them, for tests that call the server's
handlers in process (the same functions the HTTP app calls), and audit chains to send."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, ReceivedEvent
from starpos.server import handlers
from starpos.server.enrolment import issue_code
from starpos.server.findings import list_findings
from starpos.server.handlers import Incoming, Reply
from starpos.server.store import HeadOffice
from starpos.sync import signing
from starpos.sync.client import CHANGES_PATH, ENROL_PATH, ENROLMENT_KEY_ID, EVENTS_PATH
from starpos.sync.keys import new_key, public_hex
from starpos.sync.wire import WireEvent
from tests.support.migrated_store import new_migrated_store


def signed_request(
    key: Ed25519PrivateKey,
    key_id: str,
    path: str,
    body: bytes,
    created: int | None = None,
    method: str = "POST",
    query: dict[str, str] | None = None,
) -> Incoming:
    headers = signing.sign(key, key_id, method, path, body, created=created or int(time.time()))
    return Incoming(
        method, path, {name.lower(): value for name, value in headers.items()}, body, query or {}
    )


def enrol(office: HeadOffice, terminal: str = "T01") -> tuple[str, Ed25519PrivateKey]:
    with office.transaction() as session:
        code = issue_code(session, terminal).code
    key = new_key()
    body = json.dumps({"code": code, "public_key": public_hex(key)}).encode()
    reply = handlers.enrol(
        office, signed_request(key, ENROLMENT_KEY_ID, ENROL_PATH, body), utc_now()
    )
    assert reply.status == 200, reply.body
    return str(reply.body["key_id"]), key


def push(office: HeadOffice, key_id: str, key: Ed25519PrivateKey, events: list[Any]) -> Reply:
    body = json.dumps({"protocol": 1, "events": events}).encode()
    return handlers.push(office, signed_request(key, key_id, EVENTS_PATH, body), utc_now())


def changes(
    office: HeadOffice, key_id: str, key: Ed25519PrivateKey, cursor: int | None
) -> list[Any]:
    """The downlink's answer for ``cursor`` (None: a snapshot), as the values of its lines."""
    query = {} if cursor is None else {"cursor": str(cursor)}
    request = signed_request(key, key_id, CHANGES_PATH, b"", method="GET", query=query)
    reply = handlers.changes(office, request, utc_now())
    assert reply.status == 200, reply.body
    assert reply.stream is not None
    return [json.loads(line) for line in b"".join(reply.stream).splitlines()]


def chain(folder: Path, count: int, terminal: str | None = "T01") -> list[dict[str, Any]]:
    """``count`` login entries of a store of its own, as a counter sends them."""
    actor = Actor("CASH1", "SP01", terminal)
    return entries(
        folder,
        [(AuditKind.LOGIN, f"operator:CASH{n}", {"number": n}, actor) for n in range(count)],
    )


def verdicts(reply: Reply) -> list[tuple[int, str, str | None]]:
    assert reply.status == 200, reply.body
    return [(a["seq"], a["verdict"], a["reason"]) for a in reply.body["results"]]


def stored(office: HeadOffice) -> int:
    with office.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(ReceivedEvent)) or 0)


def findings(office: HeadOffice) -> list[tuple[str, int | None]]:
    with office.transaction() as session:
        return [(f.kind, f.seq) for f in list_findings(session)]


def entries(
    folder: Path, written: Sequence[tuple[AuditKind, str, dict[str, Any], Actor]]
) -> list[dict[str, Any]]:
    """The whole chain of the store in ``folder`` after appending ``written``, as sent."""
    folder.mkdir(exist_ok=True)
    store = folder / "starpos.db"
    url = f"sqlite:///{store}" if store.exists() else new_migrated_store(store)
    with Database.open(url) as database:
        with database.unit_of_work() as uow:
            for kind, subject, details, actor in written:
                append(uow.session, kind, subject=subject, details=details, actor=actor)
            uow.commit()
        with database.reading() as session:
            rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
            return [WireEvent.of_entry(row).as_json() for row in rows]
