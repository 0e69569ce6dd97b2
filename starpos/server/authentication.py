"""Who sent a request: the enrolled terminal whose key signed it, or a refusal.

In order: the signature headers have the one accepted shape; the body is what the digest
says; the key id is an enrolment; the signature verifies under its public key; the key is
not revoked; the signed time is within the window of the head office's clock; the nonce
has not been seen from that enrolment within the window. Only then is the nonce stored, in
its own transaction, so a replay is refused even when the first request failed later on.

The time is checked after the signature so that a refused time is known to come from the
terminal itself: its clock is off, which the head office raises (a finding), since the
counter's sale times and TIDs come from that clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from starpos.db.models import SalesPoint, SeenNonce, Terminal, TerminalEnrolment
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
    session: Session,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    now: datetime,
) -> Signer:
    """The signer of a request, its nonce remembered (the caller commits ``session``)."""
    claim = claim_of(headers, body)
    found = session.execute(
        select(TerminalEnrolment, Terminal.code, SalesPoint.code)
        .join(Terminal, Terminal.id == TerminalEnrolment.terminal_id)
        .join(SalesPoint, SalesPoint.id == Terminal.sales_point_id)
        .where(TerminalEnrolment.id == claim.key_id)
    ).first()
    if found is None:
        raise RequestRefused(401, signing.UNKNOWN_KEY)
    enrolment, terminal_code, sales_point_code = found
    try:
        signing.check_signature(
            claim, signing.public_key_from_hex(enrolment.public_key), method, path
        )
    except SignatureProblem as problem:
        raise RequestRefused(401, problem.reason) from problem
    # Checked after the signature: only the key's holder learns that it was revoked.
    if enrolment.revoked_at is not None:
        raise RequestRefused(403, signing.REVOKED)
    signer = Signer(enrolment.id, enrolment.terminal_id, terminal_code, sales_point_code)
    try:
        check_time(claim, now)
    except RequestRefused as refused:
        raise ClockSkewed(signer, claim.created - now.timestamp()) from refused
    seen = session.get(SeenNonce, (enrolment.id, claim.nonce))
    if seen is not None:
        raise RequestRefused(401, signing.REPLAYED)
    session.execute(
        delete(SeenNonce).where(
            SeenNonce.enrolment_id == enrolment.id, SeenNonce.seen_at < now - NONCE_KEPT
        )
    )
    session.add(SeenNonce(enrolment_id=enrolment.id, nonce=claim.nonce, seen_at=now))
    try:
        session.flush()
    except IntegrityError as error:  # the same request twice at the same moment
        raise RequestRefused(401, signing.REPLAYED) from error
    return signer
