"""Terminals' Zs and day closes into the head office's ``z_reports`` and ``day_closes``,
each kept with the terminal whose store made it (docs/shifts.md, "At the head office").

A Z is a fact: it is booked as the counter made it, with its own number, hashes and grand
totals, so ``starpos shift verify`` at the head office walks every terminal's chain of Zs
as the counter would. What it disagrees with becomes a finding, never a change:

* ``z_number_repeated``: the terminal's till has a Z of that number already (the first one
  stays; this one is kept in the chain only);
* ``z_number_gap``: it is not the number after the till's last Z at the head office;
* ``z_chain_broken``: its previous hash is not the hash of the till's previous Z here;
* ``z_hash_wrong``: its own hash does not match what it says;
* ``z_grand_totals``: its grand totals are not the previous Z's plus its own figures (grand
  totals never reset: NF525 / KassenSichV);
* ``z_audit_head``: the audit head it pins is not the entry just before it in the chain the
  head office verified for the terminal (a Z pins the head in the transaction that appends
  its own entry: ``starpos.shifts.zreport.make_z``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import GENESIS_HASH, canonical_json
from starpos.db.enums import ZKind
from starpos.db.models import DayClose, Operator, SalesPoint, Shift, ZReport
from starpos.server.findings import FindingKind, Flag
from starpos.shifts.zreport import z_hash

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent


def _z(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    ref, till, number = str(facts["z"]), str(facts["till"]), int(facts["number"])
    if session.scalar(select(ZReport.id).where(ZReport.request_id == ref)) is not None:
        return []
    where = {"till": till, "number": number, "z": ref}
    same = _terminal_z(session, event, till, number)
    if same is not None:
        held = {"held_hash": same.z_hash, "sent_hash": facts.get("z_hash")}
        return [Flag(FindingKind.Z_NUMBER_REPEATED, {**where, **held})]
    flags: list[Flag] = []
    previous = session.scalars(
        select(ZReport)
        .where(ZReport.terminal_id == event.terminal_id, ZReport.till == till)
        .order_by(ZReport.number.desc())
        .limit(1)
    ).first()
    expected = previous.number + 1 if previous is not None else 1
    if number != expected:
        flags.append(Flag(FindingKind.Z_NUMBER_GAP, {**where, "expected": expected}))
    row = _row(session, event, till, number)
    if number == expected:
        flags += _follows(row, previous, facts, where)
    if "previous_hash" in facts and "made_at" in facts:
        shift_ref = facts.get("shift")
        recomputed = z_hash(row, shift_ref, facts.get("corrects"))
        if recomputed != row.z_hash:
            flags.append(Flag(FindingKind.Z_HASH_WRONG, {**where, "recomputed": recomputed}))
    pinned = [row.audit_head_id, row.audit_head_hash]
    chain = [event.seq - 1, event.previous_hash]
    if event.previous_hash and pinned != chain:
        flags.append(Flag(FindingKind.Z_AUDIT_HEAD, {**where, "pinned": pinned, "chain": chain}))
    if facts.get("shift") and row.shift_id is None:
        flags.append(Flag(FindingKind.UNKNOWN_REFERENCE, {**where, "missing": ["shift"]}))
    session.add(row)
    session.flush()
    return flags


def _terminal_z(session: Session, event: TerminalEvent, till: str, number: Any) -> ZReport | None:
    row: ZReport | None = session.scalars(
        select(ZReport).where(
            ZReport.terminal_id == event.terminal_id,
            ZReport.till == till,
            ZReport.number == number,
        )
    ).first()
    return row


def _row(session: Session, event: TerminalEvent, till: str, number: int) -> ZReport:
    """The Z as the counter made it (its hash is recomputable from this row)."""
    facts = event.details
    shift_id = None
    if facts.get("shift"):
        shift_id = session.scalar(
            select(Shift.id).where(
                Shift.request_id == facts["shift"], Shift.terminal_id == event.terminal_id
            )
        )
    corrects = facts.get("corrects")
    corrected = _terminal_z(session, event, till, corrects) if corrects is not None else None
    head = facts.get("audit_head") or [0, GENESIS_HASH]
    made_at = facts.get("made_at")
    return ZReport(
        request_id=str(facts["z"]),
        till=till,
        terminal_id=event.terminal_id,
        number=number,
        kind=ZKind(facts.get("kind", ZKind.CLOSE.value)),
        shift_id=shift_id,
        corrects_id=corrected.id if corrected is not None else None,
        made_at=datetime.fromisoformat(made_at) if made_at else event.occurred_at,
        made_by=str(facts.get("made_by", event.operator_code or "")),
        body=canonical_json(facts.get("body", {})),
        grand_net=Decimal(str(facts["grand_net"])),
        grand_kwh=Decimal(str(facts["grand_kwh"])),
        grand_sales=int(facts["grand_sales"]),
        audit_head_id=int(head[0]),
        audit_head_hash=str(head[1]),
        # A Z sent before its entry carried the link: unknown here, never guessed.
        previous_hash=str(facts.get("previous_hash", "")),
        z_hash=str(facts["z_hash"]),
        print_count=0,
    )


def _follows(
    row: ZReport, previous: ZReport | None, facts: dict[str, Any], where: dict[str, Any]
) -> list[Flag]:
    """The checks a Z that takes the next number passes: its link and its grand totals."""
    flags: list[Flag] = []
    held = previous.z_hash if previous is not None else GENESIS_HASH
    if "previous_hash" in facts and row.previous_hash != held:
        link = {"previous_hash": row.previous_hash, "held_hash": held}
        flags.append(Flag(FindingKind.Z_CHAIN_BROKEN, {**where, **link}))
    body = facts.get("body", {})
    own = (Decimal(0), Decimal(0), 0)
    if row.kind is ZKind.CLOSE and "sales_net" in body:
        own = (Decimal(body["sales_net"]), Decimal(body["energy_kwh"]), int(body["sales_count"]))
    base = (
        (previous.grand_net, previous.grand_kwh, previous.grand_sales)
        if previous is not None
        else (Decimal(0), Decimal(0), 0)
    )
    expected = (base[0] + own[0], base[1] + own[1], base[2] + own[2])
    sent = (row.grand_net, row.grand_kwh, row.grand_sales)
    if sent != expected:
        totals = {"sent": list(sent), "expected": list(expected), "previous": list(base)}
        flags.append(Flag(FindingKind.Z_GRAND_TOTALS, {**where, **totals}))
    return flags


def _z_printed(session: Session, event: TerminalEvent) -> list[Flag]:
    row = session.scalars(
        select(ZReport).where(
            ZReport.request_id == event.details.get("z"), ZReport.terminal_id == event.terminal_id
        )
    ).first()
    if row is None:
        missing = {"z": event.details.get("z"), "missing": ["z"]}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, missing)]
    row.print_count = max(row.print_count, int(event.details.get("copy", 1)))
    return []


def _day_printed(session: Session, event: TerminalEvent) -> list[Flag]:
    """A counter printed its day close again (SHF-21): the head office keeps the count."""
    row = session.scalars(
        select(DayClose).where(
            DayClose.request_id == event.details.get("day_close"),
            DayClose.terminal_id == event.terminal_id,
        )
    ).first()
    if row is None:
        missing = {"day_close": event.details.get("day_close"), "missing": ["day_close"]}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, missing)]
    row.print_count = max(row.print_count, int(event.details.get("copy", 1)))
    return []


def _day_closed(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = dict(event.details)
    ref = str(facts.pop("day_close"))
    if session.scalar(select(DayClose.id).where(DayClose.request_id == ref)) is not None:
        return []
    facts.pop("step", None)
    day = date.fromisoformat(str(facts.pop("date")))
    point_code = event.subject.split(":")[1] if event.subject.count(":") == 2 else ""
    point = session.scalar(select(SalesPoint.id).where(SalesPoint.code == point_code))
    operator = session.scalar(select(Operator.id).where(Operator.code == event.operator_code))
    if point is None or operator is None:
        missing = [name for name, found in (("sales_point", point), ("operator", operator))
                   if found is None]  # fmt: skip
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"day_close": ref, "missing": missing})]
    session.add(
        DayClose(
            request_id=ref,
            sales_point_id=point,
            business_date=day,
            terminal_id=event.terminal_id,
            closed_at=event.occurred_at,
            operator_id=operator,
            body=canonical_json(facts),
        )
    )
    session.flush()
    return []


#: The steps of a ``shift`` entry booked here (the shift's own: server/shift_projection.py).
STEPS: dict[str, Callable[[Session, TerminalEvent], list[Flag]]] = {
    "z": _z,
    "z_printed": _z_printed,
    "day_closed": _day_closed,
    "day_printed": _day_printed,
}
