"""What each endpoint does, without HTTP: a request's method, path, headers and body in,
a status and a JSON body out (``app`` wires these to Starlette).

Every refusal is ``{"error": code, "server_time": unix seconds}``: the code is stable (the
counter maps it to a translated message) and the time lets a counter with a wrong clock
sign again with the head office's time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from starpos.db import migrate
from starpos.db.models import TerminalEnrolment
from starpos.errors import StorageError
from starpos.server import credit_blocks as credit_block_store
from starpos.server import downlink, enrolment, uplink
from starpos.server.authentication import (
    ClockSkewed,
    RequestRefused,
    Signer,
    authenticate,
    check_time,
    claim_of,
)
from starpos.server.findings import FindingKind, raise_finding
from starpos.server.store import HeadOffice
from starpos.sync import signing
from starpos.sync.client import ENROLMENT_KEY_ID
from starpos.sync.signing import SignatureProblem
from starpos.sync.wire import PROTOCOL, Verdict
from starpos.vending.crash_points import crash_point

#: Crash points (:mod:`starpos.vending.crash_points`) for the kill tests: a push applied in
#: its transaction, not committed; and committed, not answered.
BEFORE_COMMIT = "sync-server-before-commit"
AFTER_COMMIT = "sync-server-after-commit"
ENROLMENT_REFUSED = "enrolment_refused"
BAD_REQUEST = "bad_request"
STORE_UNAVAILABLE = "store_unavailable"


@dataclass(frozen=True)
class Incoming:
    method: str
    path: str
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    #: The query string's values (not covered by the signature: it only says what to read).
    query: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Reply:
    status: int
    body: dict[str, Any]
    #: What the access log says about the request beyond method, path and status.
    log: dict[str, Any] = field(default_factory=dict)
    #: A streamed answer (lines of JSON) instead of ``body``.
    stream: Iterator[bytes] | None = None


def _refusal(status: int, reason: str, now: datetime, **log: Any) -> Reply:
    return Reply(
        status, {"error": reason, "server_time": now.timestamp()}, {"refused": reason, **log}
    )


def guarded(handler: Callable[[HeadOffice, Incoming, datetime], Reply]) -> Callable[..., Reply]:
    """Refusals and an unusable store become answers; anything else is a server fault."""

    def run(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
        try:
            return handler(office, incoming, now)
        except RequestRefused as refused:
            return _refusal(refused.status, refused.reason, now)
        except StorageError as error:
            return _refusal(503, STORE_UNAVAILABLE, now, error=error.message)

    return run


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError as error:
        raise RequestRefused(400, BAD_REQUEST) from error
    if not isinstance(value, dict):
        raise RequestRefused(400, BAD_REQUEST)
    return value


@guarded
def health(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
    with office.transaction() as session:
        session.execute(text("SELECT 1"))
    revision = office.database.schema_revision()
    return Reply(
        200,
        {
            "status": "ok",
            "schema": revision,
            "schema_current": revision == migrate.head_revision(),
            "protocol": PROTOCOL,
            "server_time": now.timestamp(),
        },
    )


@guarded
def enrol(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
    """Redeem a code for the key that signed the request (proof it holds the private half)."""
    claim = claim_of(incoming.headers, incoming.body)
    payload = _json_object(incoming.body)
    code, public_key = payload.get("code"), payload.get("public_key")
    if (
        not isinstance(code, str)
        or not isinstance(public_key, str)
        or claim.key_id != ENROLMENT_KEY_ID
    ):
        raise RequestRefused(400, BAD_REQUEST)
    try:
        key = signing.public_key_from_hex(public_key)
        signing.check_signature(claim, key, incoming.method, incoming.path)
    except (ValueError, SignatureProblem) as error:
        raise RequestRefused(401, signing.BAD_SIGNATURE) from error
    check_time(claim, now)
    try:
        with office.transaction() as session:
            made = enrolment.redeem(session, code, public_key.lower(), now)
    except enrolment.EnrolmentRefused as error:
        raise RequestRefused(403, ENROLMENT_REFUSED) from error
    return Reply(
        200,
        {
            "key_id": made.key_id,
            "terminal": made.terminal,
            "sales_point": made.sales_point,
            "enrolled_at": made.enrolled_at.isoformat(),
            "next_seq": 1,
            "server_time": now.timestamp(),
        },
        {"terminal": made.terminal, "enrolled": made.key_id},
    )


def _signer(
    office: HeadOffice, incoming: Incoming, now: datetime, on: Connection | None = None
) -> Signer:
    """Who signed the request (its nonce stored, on the request's connection ``on`` when
    given); a terminal whose clock is off is refused and raised, once per enrolment while
    the finding is open."""
    try:
        with office.autocommit(on) as connection:
            return authenticate(
                connection, incoming.method, incoming.path, incoming.headers, incoming.body, now
            )
    except ClockSkewed as skewed:
        with office.transaction(on) as session:
            raise_finding(
                session,
                FindingKind.CLOCK_SKEW,
                enrolment_id=skewed.signer.enrolment_id,
                terminal_code=skewed.signer.terminal_code,
                seq=None,
                details={"skew_seconds": round(skewed.skew_seconds)},
            )
        raise


@guarded
def push(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
    with office.connection() as connection:
        signer = _signer(office, incoming, now, connection)
        payload = _json_object(incoming.body)
        events = payload.get("events")
        if payload.get("protocol") != PROTOCOL or not isinstance(events, list):
            raise RequestRefused(400, BAD_REQUEST)
        with office.transaction(connection) as session:
            outcome = uplink.apply_batch(session, signer, events, now)
            crash_point(BEFORE_COMMIT)
    crash_point(AFTER_COMMIT)
    return Reply(
        200,
        {**outcome.as_json(), "server_time": now.timestamp()},
        {
            "terminal": signer.terminal_code,
            "events": len(events),
            "applied": outcome.count(Verdict.APPLIED),
            "duplicates": outcome.count(Verdict.DUPLICATE),
            "rejected": outcome.count(Verdict.REJECTED),
            "next_seq": outcome.next_seq,
        },
    )


@guarded
def terminal(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
    """Who the head office takes the caller for, and which event it expects next."""
    signer = _signer(office, incoming, now)
    with office.transaction() as session:
        found = session.get(TerminalEnrolment, signer.enrolment_id)
        assert found is not None
        next_seq = found.applied_seq + 1
    return Reply(
        200,
        {
            "terminal": signer.terminal_code,
            "sales_point": signer.sales_point_code,
            "next_seq": next_seq,
            "server_time": now.timestamp(),
        },
        {"terminal": signer.terminal_code},
    )


#: Pruning the change feed is a write; a server process does it at most this often.
PRUNE_EVERY_S = 3600.0
_next_prune = 0.0


def _prune_now_and_then(office: HeadOffice, now: datetime) -> None:
    global _next_prune
    if time.monotonic() < _next_prune:
        return
    _next_prune = time.monotonic() + PRUNE_EVERY_S
    with office.transaction() as session:
        downlink.prune(session.connection(), now)


def _cursor(query: Mapping[str, str]) -> int | None:
    raw = query.get("cursor", "")
    if raw == "":
        return None
    if not raw.isdigit() or len(raw) > 19:
        raise RequestRefused(400, BAD_REQUEST)
    return int(raw)


@guarded
def changes(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
    """The master data that changed since the caller's position, or all of it (streamed)."""
    signer = _signer(office, incoming, now)
    cursor = _cursor(incoming.query)
    _prune_now_and_then(office, now)
    resources = ExitStack()
    try:
        connection = resources.enter_context(office.snapshot())
        start = downlink.position(connection, cursor)
    except BaseException:
        resources.close()
        raise

    def stream() -> Iterator[bytes]:
        with resources:
            yield from downlink.answer(connection, start, cursor, now)

    return Reply(
        200,
        {},
        {
            "terminal": signer.terminal_code,
            "cursor": cursor,
            "next_cursor": start.cursor,
            "snapshot": start.snapshot,
        },
        stream=stream(),
    )


@guarded
def credit_blocks(office: HeadOffice, incoming: Incoming, now: datetime) -> Reply:
    """The credit blocks waiting for the signing terminal's module: never another's."""
    signer = _signer(office, incoming, now)
    with office.transaction() as session:
        blocks = credit_block_store.blocks_for(session, signer.terminal_id)
    return Reply(
        200,
        {"blocks": blocks, "server_time": now.timestamp()},
        {"terminal": signer.terminal_code, "blocks": len(blocks)},
    )
