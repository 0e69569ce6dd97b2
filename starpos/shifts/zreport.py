"""The Z: a till's closing record, numbered per till without gaps, never changed once made
(a correction is a new Z that refers to it), chained to the till's previous Z by hash, with
grand totals that never reset and the head of the audit chain at the moment it was made
(NF525 / KassenSichV style; decision SHF-2).

``z_hash = SHA-256(previous_hash || canonical JSON of [till, number, kind, shift, corrects,
made_at, made_by, body, grand totals, audit head])``. Changing a Z row breaks its own hash,
removing one breaks the numbering and the link of the next; :func:`verify_z` names every
break (``starpos shift verify``). Numbers are allocated inside the writing transaction that
makes the Z, and ``(till, number)`` is unique, so two closes can never take one number and a
killed close leaves no gap (it commits whole or not at all).

The print count is the only column that changes after the Z is made; it is outside the
hash, and every print is audited.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from starpos.audit.log import GENESIS_HASH, Actor, AuditKind, append, canonical_json
from starpos.audit.log import head as audit_head
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import ZKind
from starpos.db.models import Shift, Terminal, ZReport
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.records import terminal_code


@dataclass(frozen=True)
class ZInfo:
    """A Z as printed: its place in the till's chain and everything on it."""

    till: str
    number: int
    kind: ZKind
    made_at: datetime
    made_by: str
    body: dict[str, Any]
    grand_net: Decimal
    grand_kwh: Decimal
    grand_sales: int
    audit_head_id: int
    audit_head_hash: str
    z_hash: str
    previous_hash: str
    print_count: int
    corrects: int | None
    #: At a head office, the terminal whose store made it (None: made in this store).
    terminal: str | None = None

    @property
    def printed_before(self) -> bool:
        """Its next paper is a copy (DUPLICATE): printed here before, or made in another
        store, whose counter holds the original (SHF-25)."""
        return self.print_count > 0 or self.terminal is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "terminal": self.terminal,
            "till": self.till,
            "number": self.number,
            "kind": self.kind.value,
            "made_at": self.made_at,
            "made_by": self.made_by,
            "corrects": self.corrects,
            "grand_totals": {
                "net": self.grand_net,
                "kwh": self.grand_kwh,
                "sales": self.grand_sales,
            },
            "audit_head": {"id": self.audit_head_id, "hash": self.audit_head_hash},
            "z_hash": self.z_hash,
            "previous_hash": self.previous_hash,
            "print_count": self.print_count,
            "body": self.body,
        }


def z_hash(row: ZReport, shift_ref: str | None, corrects: int | None) -> str:
    fields = [
        row.till,
        row.number,
        ZKind(row.kind).value,
        shift_ref,
        corrects,
        row.made_at.isoformat(),
        row.made_by,
        row.body,
        row.grand_net,
        row.grand_kwh,
        row.grand_sales,
        row.audit_head_id,
        row.audit_head_hash,
    ]
    text = row.previous_hash + canonical_json(fields)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def last_z(session: Session, till: str) -> ZReport | None:
    """This store's latest Z of ``till`` (a head office also keeps its terminals')."""
    return session.scalars(
        select(ZReport)
        .where(ZReport.till == till, ZReport.terminal_id.is_(None))
        .order_by(ZReport.number.desc())
        .limit(1)
    ).first()


def make_z(
    session: Session,
    *,
    till: str,
    kind: ZKind,
    actor: Actor,
    body: dict[str, Any],
    net: Decimal,
    kwh: Decimal,
    sales: int,
    shift: Shift | None = None,
    corrects: ZReport | None = None,
) -> ZReport:
    """In the caller's writing transaction: the till's next Z, chained and audited."""
    previous = last_z(session, till)
    head = audit_head(session)  # as this transaction sees it: the entry just before the Z's
    row = ZReport(
        request_id=str(uuid.uuid4()),
        till=till,
        number=(previous.number + 1) if previous else 1,
        kind=kind,
        shift_id=shift.id if shift else None,
        corrects_id=corrects.id if corrects else None,
        # Seconds only: what is hashed must read back identically on every database.
        made_at=utc_now().replace(microsecond=0),
        made_by=actor.operator_code or "",
        body=canonical_json(body),
        grand_net=(previous.grand_net if previous else Decimal(0)) + net,
        grand_kwh=(previous.grand_kwh if previous else Decimal("0.0")) + kwh,
        grand_sales=(previous.grand_sales if previous else 0) + sales,
        audit_head_id=head.last_id,
        audit_head_hash=head.last_hash,
        previous_hash=previous.z_hash if previous else GENESIS_HASH,
    )
    row.z_hash = z_hash(
        row, shift.request_id if shift else None, corrects.number if corrects else None
    )
    session.add(row)
    session.flush()
    append(
        session,
        AuditKind.SHIFT,
        subject=f"z:{till}:{row.number}",
        details={
            "step": "z",
            "z": row.request_id,
            "till": till,
            "number": row.number,
            "kind": kind.value,
            "shift": shift.request_id if shift else None,
            "corrects": corrects.number if corrects else None,
            "grand_net": row.grand_net,
            "grand_kwh": row.grand_kwh,
            "grand_sales": row.grand_sales,
            "audit_head": [row.audit_head_id, row.audit_head_hash],
            # With these the head office recomputes the Z's hash and checks its link to the
            # till's previous Z (server/z_projection.py).
            "made_at": row.made_at,
            "made_by": row.made_by,
            "previous_hash": row.previous_hash,
            "z_hash": row.z_hash,
            "body": body,
        },
        actor=actor,
    )
    return row


def z_info(session: Session, row: ZReport) -> ZInfo:
    corrects = (
        session.scalar(select(ZReport.number).where(ZReport.id == row.corrects_id))
        if row.corrects_id
        else None
    )
    return ZInfo(
        till=row.till,
        number=row.number,
        kind=ZKind(row.kind),
        made_at=row.made_at,
        made_by=row.made_by,
        body=json.loads(row.body),
        grand_net=row.grand_net,
        grand_kwh=row.grand_kwh,
        grand_sales=row.grand_sales,
        audit_head_id=row.audit_head_id,
        audit_head_hash=row.audit_head_hash,
        z_hash=row.z_hash,
        previous_hash=row.previous_hash,
        print_count=row.print_count,
        corrects=corrects,
        terminal=terminal_code(session, row.terminal_id),
    )


def find_z(session: Session, till: str, number: int) -> ZReport:
    row = session.scalars(
        select(ZReport)
        .where(ZReport.till == till, ZReport.number == number)
        .order_by(ZReport.terminal_id.nulls_first())  # this store's own first
    ).first()
    if row is None:
        raise errors.UnknownZError(till=till, number=number)
    return row


def latest_z(session: Session, till: str) -> ZReport | None:
    """The till's latest Z: this store's own, else (at a head office) a terminal's."""
    return (
        last_z(session, till)
        or session.scalars(
            select(ZReport).where(ZReport.till == till).order_by(ZReport.id.desc()).limit(1)
        ).first()
    )


def read_z(database: Database, till: str, number: int | None = None) -> ZInfo:
    """A till's Z by number (None: its latest)."""
    with database.reading() as session:
        row = find_z(session, till, number) if number is not None else latest_z(session, till)
        if row is None:
            raise errors.UnknownZError(till=till, number="-")
        return z_info(session, row)


def list_z(
    database: Database, till: str | None = None, limit: int = 50, *, terminal: str | None = None
) -> list[ZInfo]:
    """The latest Zs (of ``till``; of ``terminal``: made in its store, at a head office, or
    on its till in this one)."""
    with database.reading() as session:
        query = select(ZReport).order_by(ZReport.id.desc()).limit(limit)
        if till:
            query = query.where(ZReport.till == till)
        if terminal:
            terminal_id = select(Terminal.id).where(Terminal.code == terminal).scalar_subquery()
            query = query.where(
                or_(
                    ZReport.terminal_id == terminal_id,
                    and_(ZReport.terminal_id.is_(None), ZReport.till == terminal),
                )
            )
        return [z_info(session, row) for row in session.scalars(query)]


def record_z_print(database: Database, operator: OperatorSession, till: str, number: int) -> int:
    """Count one print of a Z and audit it; the new count (2 and up: a DUPLICATE)."""
    with database.unit_of_work() as uow:
        session = uow.session
        row = find_z(session, till, number)
        row.print_count += 1
        append(
            session,
            AuditKind.SHIFT,
            subject=f"z:{till}:{number}",
            details={"step": "z_printed", "z": row.request_id, "copy": row.print_count},
            actor=operator.actor,
        )
        count = row.print_count
        uow.commit()
    return count


def correct_z(
    database: Database,
    operator: OperatorSession,
    till: str,
    number: int,
    reason: str,
    counted: dict[str, Decimal],
) -> ZInfo:
    """A correction of Z ``number``: a new Z that refers to it, with the counts as they
    should have been and why. The corrected Z stays as it was; sales do not change, so the
    grand totals carry over unchanged."""
    operator.require(permissions.CLOSE_SHIFT)
    reason = reason.strip()
    if not reason:
        raise errors.ReasonRequiredError(action="correction")
    with database.unit_of_work() as uow:
        session = uow.session
        original = find_z(session, till, number)
        expected = _expected_of(session, original)
        lines = {
            payment: {
                "expected": expected.get(payment, Decimal(0)),
                "counted": amount,
                "variance": amount - expected.get(payment, Decimal(0)),
            }
            for payment, amount in counted.items()
        }
        row = make_z(
            session,
            till=till,
            kind=ZKind.CORRECTION,
            actor=operator.actor,
            body={"corrects": number, "reason": reason, "counts": lines},
            net=Decimal(0),
            kwh=Decimal("0.0"),
            sales=0,
            corrects=original,
        )
        info = z_info(session, row)
        uow.commit()
    return info


def _expected_of(session: Session, row: ZReport) -> dict[str, Decimal]:
    """What the close expected per payment method. A correction keeps no expectation of
    its own: a correction of a correction compares with the close at the chain's start
    (decision SHF-20)."""
    while row.corrects_id is not None:
        row = session.get_one(ZReport, row.corrects_id)
    return {k: Decimal(v) for k, v in json.loads(row.body).get("expected", {}).items()}


@dataclass(frozen=True)
class ZProblem:
    till: str
    number: int
    problem: str

    def as_dict(self) -> dict[str, Any]:
        return {"till": self.till, "number": self.number, "problem": self.problem}


def verify_z(session: Session) -> tuple[int, list[ZProblem]]:
    """Walk every till's chain of Zs: (how many Zs, every problem found)."""
    problems: list[ZProblem] = []
    checked = 0
    shift_refs = {row[0]: row[1] for row in session.execute(select(Shift.id, Shift.request_id))}
    numbers: dict[int, int] = {}
    chain: tuple[int | None, str] | None = None
    expected_number, previous = 1, GENESIS_HASH
    # A chain is a till of a store: this one's, or at a head office one of a terminal's.
    rows = session.scalars(
        select(ZReport).order_by(ZReport.terminal_id.nulls_first(), ZReport.till, ZReport.number)
    ).all()
    for row in rows:
        numbers[row.id] = row.number
    for row in rows:
        checked += 1
        if (row.terminal_id, row.till) != chain:
            chain, expected_number, previous = (row.terminal_id, row.till), 1, GENESIS_HASH
        if row.number != expected_number:
            missing = f"Z {expected_number} to {row.number - 1} are missing"
            problems.append(ZProblem(row.till, row.number, missing))
        if row.previous_hash != previous:
            problems.append(ZProblem(row.till, row.number, "it does not follow the Z before it"))
        shift_ref = shift_refs.get(row.shift_id) if row.shift_id else None
        corrects = numbers.get(row.corrects_id) if row.corrects_id else None
        if z_hash(row, shift_ref, corrects) != row.z_hash:
            problems.append(ZProblem(row.till, row.number, "its content was changed"))
        previous, expected_number = row.z_hash, row.number + 1
    return checked, problems
