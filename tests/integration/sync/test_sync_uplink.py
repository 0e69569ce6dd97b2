"""The head office's side of a push, request by request, on a real PostgreSQL store.

The requests are signed as a counter signs them and go through the same handlers the HTTP
app calls (the HTTP layer itself is covered by the process tests); the events are real
audit entries of a real SQLite store.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from starpos.audit.log import GENESIS_HASH, Actor, AuditKind, append, entry_hash, verify
from starpos.db import Database, migrate
from starpos.db.column_types import utc_now
from starpos.db.engine import make_engine
from starpos.db.models import AuditEntry
from starpos.server import handlers
from starpos.server.enrolment import issue_code, revoke
from starpos.server.handlers import Incoming, Reply
from starpos.server.store import HeadOffice
from starpos.sync.client import ENROL_PATH, ENROLMENT_KEY_ID, EVENTS_PATH
from starpos.sync.keys import new_key, public_hex
from starpos.sync.wire import WireEvent
from tests.integration.sync.sync_requests import (
    chain,
    enrol,
    findings,
    push,
    signed_request,
    stored,
    verdicts,
)

pytestmark = pytest.mark.postgres


def test_each_event_is_applied_once_and_a_resend_is_answered_as_duplicates(
    office: HeadOffice, tmp_path: Path
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 5)
    first = push(office, key_id, key, events)
    assert verdicts(first) == [(seq, "applied", None) for seq in range(1, 6)]
    assert first.body["next_seq"] == 6
    again = push(office, key_id, key, events)
    assert verdicts(again) == [(seq, "duplicate", None) for seq in range(1, 6)]
    assert stored(office) == 5


def test_an_event_after_a_gap_waits_for_the_ones_before_it(
    office: HeadOffice, tmp_path: Path
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 5)
    reply = push(office, key_id, key, events[2:])
    assert verdicts(reply) == [
        (3, "retry_later", "gap"),
        (4, "retry_later", "stopped"),
        (5, "retry_later", "stopped"),
    ]
    assert reply.body["next_seq"] == 1
    assert stored(office) == 0


def test_a_changed_entry_is_refused_and_raised_once(office: HeadOffice, tmp_path: Path) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 4)
    events[2]["details"] = events[2]["details"].replace('"number":2', '"number":20')
    for _ in range(2):
        reply = push(office, key_id, key, events)
        assert verdicts(reply)[2:] == [
            (3, "rejected", "chain_broken"),
            (4, "retry_later", "stopped"),
        ]
    assert stored(office) == 2
    assert findings(office) == [("chain_broken", 3)]


def test_an_entry_rewritten_after_it_was_taken_is_refused(
    office: HeadOffice, tmp_path: Path
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 3)
    push(office, key_id, key, events)
    # Whoever holds the store rewrites entry 2 and hashes it again: it still links to 1.
    rewritten = WireEvent.from_json({**events[1], "details": '{"number":99}'})
    events[1] = {**events[1], "details": rewritten.details, "entry_hash": entry_hash(rewritten)}
    reply = push(office, key_id, key, events)
    assert verdicts(reply) == [
        (1, "duplicate", None),
        (2, "rejected", "history_rewritten"),
        (3, "retry_later", "stopped"),
    ]
    assert findings(office) == [("history_rewritten", 2)]


def test_a_copied_store_sent_by_another_terminal_is_refused(
    office: HeadOffice, tmp_path: Path
) -> None:
    first_id, first_key = enrol(office, "T01")
    second_id, second_key = enrol(office, "T03")
    events = chain(tmp_path / "counter", 2, terminal=None)
    push(office, first_id, first_key, events)
    reply = push(office, second_id, second_key, events)
    assert verdicts(reply)[0] == (1, "rejected", "event_id_reused")
    assert ("event_id_reused", 1) in findings(office)


def test_an_entry_naming_another_terminal_stands_and_is_flagged(
    office: HeadOffice, tmp_path: Path
) -> None:
    key_id, key = enrol(office, "T01")
    events = chain(tmp_path / "counter", 2, terminal="T04")
    assert [v for _, v, _ in verdicts(push(office, key_id, key, events))] == ["applied"] * 2
    assert findings(office) == [("terminal_mismatch", 1), ("terminal_mismatch", 2)]


def test_a_malformed_event_is_refused(office: HeadOffice, tmp_path: Path) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 1)
    reply = push(office, key_id, key, [{**events[0], "occurred_at": "noon"}])
    assert verdicts(reply) == [(1, "rejected", "malformed")]


def test_unsigned_stale_replayed_foreign_and_revoked_requests_are_refused(
    office: HeadOffice, tmp_path: Path
) -> None:
    key_id, key = enrol(office)
    events = chain(tmp_path / "counter", 1)
    body = json.dumps({"protocol": 1, "events": events}).encode()
    now = utc_now()

    unsigned = handlers.push(office, Incoming("POST", EVENTS_PATH, {}, body), now)
    assert (unsigned.status, unsigned.body["error"]) == (401, "unsigned")

    stale = signed_request(key, key_id, EVENTS_PATH, body, created=int(time.time()) - 3600)
    refused = handlers.push(office, stale, now)
    assert (refused.status, refused.body["error"]) == (401, "stale_signature")
    assert abs(refused.body["server_time"] - now.timestamp()) < 1
    # Signed by the terminal itself: its clock is an hour off, which is raised (once).
    handlers.push(
        office, signed_request(key, key_id, EVENTS_PATH, body, int(time.time()) - 3600), now
    )
    assert findings(office) == [("clock_skew", None)]

    foreign = signed_request(new_key(), key_id, EVENTS_PATH, body)
    assert handlers.push(office, foreign, now).body["error"] == "bad_signature"
    unknown = signed_request(key, "0b0b0b0b-0000-4000-8000-000000000000", EVENTS_PATH, body)
    assert handlers.push(office, unknown, now).body["error"] == "unknown_key"
    assert stored(office) == 0

    signed = signed_request(key, key_id, EVENTS_PATH, body)
    assert handlers.push(office, signed, now).status == 200
    replayed = handlers.push(office, signed, now)
    assert (replayed.status, replayed.body["error"]) == (401, "replayed")

    with office.transaction() as session:
        revoke(session, "T01", "stolen")
    revoked = push(office, key_id, key, chain(tmp_path / "counter", 1))
    assert (revoked.status, revoked.body["error"]) == (403, "revoked")
    assert stored(office) == 1


def test_an_enrolment_code_works_once_within_its_time_for_the_key_thatsigned_request(
    office: HeadOffice,
) -> None:
    with office.transaction() as session:
        code = issue_code(session, "T01").code
        expired = issue_code(session, "T03", timedelta(seconds=-1)).code

    def enrol(code: str, key: Ed25519PrivateKey, signer: Ed25519PrivateKey) -> Reply:
        body = json.dumps({"code": code, "public_key": public_hex(key)}).encode()
        request = signed_request(signer, ENROLMENT_KEY_ID, ENROL_PATH, body)
        return handlers.enrol(office, request, utc_now())

    key = new_key()
    # Signed by another key than the one it enrols: whoever sent it does not hold that key.
    assert enrol(code, key, new_key()).body["error"] == "bad_signature"
    assert enrol(expired, key, key).body["error"] == "enrolment_refused"
    made = enrol(code.lower().replace("-", " "), key, key)
    assert (made.status, made.body["terminal"], made.body["sales_point"]) == (200, "T01", "SP01")
    other = new_key()
    assert enrol(code, other, other).body["error"] == "enrolment_refused"


def test_a_store_from_before_event_ids_is_upgraded_and_its_whole_chain_travels(
    office: HeadOffice, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0004")
    previous = GENESIS_HASH
    with engine.begin() as connection:  # two entries as StarPOS wrote them before 0005
        for number in (1, 2):
            entry = AuditEntry(
                id=number, occurred_at=utc_now().replace(microsecond=0), kind="login",
                operator_code="CASH1", sales_point_code="SP01", terminal_code="T01",
                subject="operator:CASH1", details="{}", previous_hash=previous, event_id=None,
            )  # fmt: skip
            previous = entry_hash(entry)
            connection.execute(
                text(
                    "INSERT INTO audit_log (id, occurred_at, kind, operator_code, "
                    "sales_point_code, terminal_code, subject, details, previous_hash, "
                    "entry_hash) VALUES (:id, :at, 'login', 'CASH1', 'SP01', 'T01', "
                    "'operator:CASH1', '{}', :previous, :hash)"
                ),
                {"id": number, "at": entry.occurred_at.replace(tzinfo=None),
                 "previous": entry.previous_hash, "hash": previous},
            )  # fmt: skip
        connection.execute(
            text("UPDATE audit_head SET last_id = 2, last_hash = :hash"), {"hash": previous}
        )
    engine.dispose()

    with Database.open(url) as database:
        with database.unit_of_work() as uow:
            append(uow.session, AuditKind.LOGOUT, actor=Actor("CASH1", "SP01", "T01"))
            uow.commit()
        with database.reading() as session:
            assert verify(session).intact
            entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
            events = [WireEvent.of_entry(entry).as_json() for entry in entries]
    assert [event["event_id"] is None for event in events] == [True, True, False]
    key_id, key = enrol(office)
    assert [v for _, v, _ in verdicts(push(office, key_id, key, events))] == ["applied"] * 3


def test_an_entry_timed_in_another_zone_hashes_as_it_reads_back(
    office: HeadOffice, tmp_path: Path
) -> None:
    """The hash covers the time as stored (UTC): an entry given a local time (a login at the
    counter's wall clock) still verifies, and reaches the head office unbroken."""
    lagos = datetime(2026, 12, 2, 9, 30, tzinfo=ZoneInfo("Africa/Lagos"))
    with Database.open(f"sqlite:///{tmp_path / 'store.db'}") as database:
        with database.unit_of_work() as uow:
            append(uow.session, AuditKind.LOGIN, actor=Actor("CASH1", "SP01", "T01"), at=lagos)
            uow.commit()
        with database.reading() as session:
            assert verify(session).intact
            entry = session.scalars(select(AuditEntry)).one()
            assert entry.occurred_at == lagos
            events = [WireEvent.of_entry(entry).as_json()]
    key_id, key = enrol(office)
    assert verdicts(push(office, key_id, key, events)) == [(1, "applied", None)]
