"""Who sent a request: the enrolled terminal whose key signed it, or a refusal.

In order: the signature headers have the one accepted shape; the body is what the digest
says; the key id is an enrolment; the signature verifies under its public key; the key is
not revoked; the signed time is within the window of the head office's clock; the nonce
has not been seen from that enrolment within the window. Only then is the nonce stored, in
a commit of its own before the request does anything, so a replay is refused even when the
first request failed later on, its transaction rolled back or its server process killed.
Reading the enrolment and spending the nonce are one statement each, outside any
transaction (SYN-40: kept out of the push's transaction, at the price of one round trip).

The time is checked after the signature so that a refused time is known to come from the
terminal itself: its clock is off, which the head office raises (a finding), since the
counter's sale times and TIDs come from that clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, bindparam, select, text

from starpos.db.models import SalesPoint, SeenNonce, Terminal, TerminalEnrolment
from starpos.server.driver_sql import DriverStatement
from starpos.sync import signing
from starpos.sync.signing import SignatureClaim, SignatureProblem

#: Nonces are kept twice the window: a request older than the window is refused by its
#: time alone, so an older nonce can never be replayed.
NONCE_KEPT = timedelta(seconds=2 * signing.WINDOW_SECONDS)


class RequestRefused(Exception):
    """Refused before anything was done; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class ClockSkewed(RequestRefused):
    """Signed by the terminal, at a time too far from the head office's clock."""

    def __init__(self, signer: Signer, skew_seconds: float) -> None:
        super().__init__(401, signing.STALE)
        self.signer = signer
        self.skew_seconds = skew_seconds


@dataclass(frozen=True)
class Signer:
    """The enrolment a request was signed under, and the terminal it stands for."""

    enrolment_id: str
    terminal_id: int
    terminal_code: str
    sales_point_code: str


def claim_of(headers: Mapping[str, str], body: bytes) -> SignatureClaim:
    """The request's signature claim, checked for shape and body (no key needed)."""
    try:
        claim = signing.read_claim(headers)
        signing.check_digest(claim, body)
    except SignatureProblem as problem:
        raise RequestRefused(401, problem.reason) from problem
    return claim


def check_time(claim: SignatureClaim, now: datetime) -> None:
    try:
        signing.check_time(claim, now.timestamp())
    except SignatureProblem as problem:
        raise RequestRefused(401, problem.reason) from problem


def authenticate(
    connection: Connection,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    now: datetime,
) -> Signer:
    """The signer of a request, its nonce spent (``connection`` in autocommit: each
    statement commits by itself)."""
    claim = claim_of(headers, body)
    found = _SIGNER.rows(connection, {"key_id": claim.key_id})
    if not found:
        raise RequestRefused(401, signing.UNKNOWN_KEY)
    enrolment_id, terminal_id, public_key, revoked_at, terminal_code, sales_point_code = found[0]
    try:
        signing.check_signature(claim, signing.public_key_from_hex(public_key), method, path)
    except SignatureProblem as problem:
        raise RequestRefused(401, problem.reason) from problem
    # Checked after the signature: only the key's holder learns that it was revoked.
    if revoked_at is not None:
        raise RequestRefused(403, signing.REVOKED)
    signer = Signer(enrolment_id, terminal_id, terminal_code, sales_point_code)
    try:
        check_time(claim, now)
    except RequestRefused as refused:
        raise ClockSkewed(signer, claim.created - now.timestamp()) from refused
    spent = _SPEND_NONCE.rows(
        connection,
        {"enrolment": enrolment_id, "nonce": claim.nonce, "now": now, "kept": now - NONCE_KEPT},
    )
    if not spent:  # seen before, or the same request twice at the same moment
        raise RequestRefused(401, signing.REPLAYED)
    return signer


#: The enrolment a key id names, with its terminal and sales point (built once: SYN-43;
#: run on the driver: SYN-48).
_SIGNER = DriverStatement(
    select(
        TerminalEnrolment.id,
        TerminalEnrolment.terminal_id,
        TerminalEnrolment.public_key,
        TerminalEnrolment.revoked_at,
        Terminal.code,
        SalesPoint.code,
    )
    .join(Terminal, Terminal.id == TerminalEnrolment.terminal_id)
    .join(SalesPoint, SalesPoint.id == Terminal.sales_point_id)
    .where(TerminalEnrolment.id == bindparam("key_id"))
)

_NONCES = cast(Table, SeenNonce.__table__)
#: One statement: forget the enrolment's nonces too old to be replayed, and keep this one
#: unless it is already kept (then nothing is returned). A nonce being inserted by a
#: request still running makes this one wait for it, then return nothing.
_SPEND_NONCE = DriverStatement(
    text(
        "WITH pruned AS (DELETE FROM sync_nonces WHERE enrolment_id = :enrolment"
        " AND seen_at < :kept)"
        " INSERT INTO sync_nonces (enrolment_id, nonce, seen_at) VALUES (:enrolment, :nonce, :now)"
        " ON CONFLICT DO NOTHING RETURNING nonce"
    ).bindparams(
        bindparam("enrolment", type_=_NONCES.c.enrolment_id.type),
        bindparam("nonce", type_=_NONCES.c.nonce.type),
        bindparam("now", type_=_NONCES.c.seen_at.type),
        bindparam("kept", type_=_NONCES.c.seen_at.type),
    )
)
