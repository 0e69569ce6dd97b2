"""A push's sales booked together: the same rules as :mod:`starpos.server.sale_projection`,
a few statements per push instead of about fifteen round trips per sale.

Sale steps of one push are booked in phases that keep every sale's own order: every
PENDING entry (:mod:`starpos.server.sale_openings`), then the later steps in chain order,
on the vends and meters read (and locked, meters in id order) once, the tokens inserted
and the vends and meters updated in one statement each. The flags are
the ones the step-by-step projection raises for the same events.

The caller runs it in a savepoint; if anything unexpected fails, it books the same events
step by step instead, where a failing event flags itself and the others stand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import String, Table, bindparam, exists, select, text
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.db.enums import VendState
from starpos.db.models import Meter, Vend, VendCharge, VendToken
from starpos.server import bulk, credit_owed, key_change_projection
from starpos.server.card_projection import note_sold
from starpos.server.driver_sql import DriverStatement
from starpos.server.findings import FindingKind, Flag
from starpos.server.payment_settlement import DUE_CODES, IssuedSale, settle_dues
from starpos.server.projections import TerminalEvent
from starpos.server.sale_openings import open_all
from starpos.server.sale_owner import opened_by
from starpos.server.sale_projection import CREDIT_TOKEN, ISSUED_STEPS, KEY_CHANGE_STEPS, bill_of
from starpos.server.store import any_of, one_of

#: The kinds of entry booked here; anything else goes through its own projector.
KINDS = frozenset({AuditKind.VEND.value, AuditKind.VEND_FAILED.value, AuditKind.REPRINT.value})
_TOKENS = cast(Table, VendToken.__table__)
_MADE = (VendState.ISSUED, VendState.PRINTED)
# One statement per push, not per row: each statement on meters also runs the change
# feed's trigger (migration 0007) once.
_SET_VENDS = DriverStatement(
    text(
        "UPDATE vends AS v SET state = u.state, issued_at = u.issued_at,"
        " printed_at = u.printed_at, failed_at = u.failed_at, failure_reason = u.failure_reason,"
        " print_count = u.print_count"
        " FROM unnest(CAST(:ids AS bigint[]), CAST(:states AS varchar[]),"
        " CAST(:issued AS timestamptz[]), CAST(:printed AS timestamptz[]),"
        " CAST(:failed AS timestamptz[]), CAST(:reasons AS text[]), CAST(:prints AS integer[]))"
        " AS u(id, state, issued_at, printed_at, failed_at, failure_reason, print_count)"
        " WHERE v.id = u.id"
    )
)
_SET_METERS = DriverStatement(
    text(
        "UPDATE meters AS m SET last_tid = u.last_tid, outstanding_debt = u.debt,"
        " prearrange_due = u.due"
        " FROM unnest(CAST(:ids AS integer[]), CAST(:tids AS integer[]),"
        " CAST(:debts AS numeric[]), CAST(:dues AS boolean[])) AS u(id, last_tid, debt, due)"
        " WHERE m.id = u.id"
    )
)

# The statements below are built once (SYN-43): a push of a few sales spent more processor
# building and caching them than PostgreSQL spent running them.
#: The terminal's vends a push's later steps name, locked, each with whether it carried a
#: payment change's line (read with the row, so the common sale costs no statement more).
_OWN_VENDS = DriverStatement(
    select(
        Vend.id,
        Vend.bill_number,
        Vend.state,
        Vend.meter_id,
        Vend.tid,
        Vend.debt_repayment,
        Vend.prearrange,
        Vend.print_count,
        Vend.issued_at,
        Vend.printed_at,
        Vend.failed_at,
        Vend.failure_reason,
        exists()
        .where(VendCharge.vend_id == Vend.id, one_of(VendCharge.code, DUE_CODES))
        .label("lined"),
        key_change_projection.holds_flag(Vend.id).label("keyed"),
    )
    .where(
        Vend.terminal_id == bindparam("terminal"),
        any_of(Vend.bill_number, "bills"),
        # Not the old store's sale of the same bill (SYN-42).
        opened_by(bindparam("enrolment", type_=String)),
    )
    .with_for_update()
)
#: The meters the issued sales settle, locked in id order, so two pushes that settle the
#: same meters take turns instead of deadlocking. NO KEY UPDATE: another push inserting a
#: vend of this meter holds KEY SHARE on it (its foreign key) and must not deadlock with
#: this lock.
_LOCKED_METERS = DriverStatement(
    select(Meter.id, Meter.number, Meter.last_tid, Meter.outstanding_debt, Meter.prearrange_due)
    .where(any_of(Meter.id, "ids"))
    .order_by(Meter.id)
    .with_for_update(key_share=True)
)
_MADE_TIDS = DriverStatement(
    select(Vend.meter_id, Vend.tid, Vend.bill_number)
    .where(any_of(Vend.meter_id, "meters"), any_of(Vend.tid, "tids"), one_of(Vend.state, _MADE))
    .order_by(Vend.id)
)


@dataclass
class _Vend:
    """A vend of this terminal as this push leaves it."""

    id: int
    bill: str
    state: VendState
    meter_id: int
    tid: int | None
    debt_repayment: Decimal
    prearrange: Decimal
    print_count: int
    issued_at: datetime | None
    printed_at: datetime | None
    failed_at: datetime | None
    failure_reason: str | None
    lined: bool  # it carried a payment change's line (payment_settlement)
    keyed: bool  # it holds a key change flag (key_change_projection)
    changed: bool = False


@dataclass
class _Meter:
    id: int
    number: str
    last_tid: int | None
    outstanding_debt: Decimal
    prearrange_due: bool
    changed: bool = False


def project(session: Session, events: list[TerminalEvent]) -> dict[int, list[Flag]]:
    """Book ``events`` (one terminal's, in chain order, kinds of :data:`KINDS`); the flags
    raised, by sequence number."""
    flags: dict[int, list[Flag]] = defaultdict(list)
    if not events:
        return flags
    # The statements here run on the Core connection, which does not flush the session as
    # its own execute did: what the push's other projectors left pending goes first.
    session.flush()
    terminal_id, enrolment_id = events[0].terminal_id, events[0].enrolment_id
    pending = [e for e in events if e.kind == AuditKind.VEND.value and _step(e) == "pending"]
    open_all(session, pending, flags)
    later = [e for e in events if not (e.kind == AuditKind.VEND.value and _step(e) == "pending")]
    if later:
        _later_steps(session, terminal_id, enrolment_id, later, flags)
    return flags


def alone(kind: str, details: str) -> bool:
    """Whether a sale entry (its kind and details as they came) is booked by itself, in
    chain order, rather than here: a key change sale's PENDING and its tokens (rare; they
    move the meter's key and the head office's flag, SYN-55). Only an entry that names a key
    change is parsed."""
    if kind != AuditKind.VEND.value or '"key_change' not in details:
        return False
    facts = TerminalEvent.parse_details(details)
    step = facts.get("step")
    return step in KEY_CHANGE_STEPS or (step == "pending" and bool(facts.get("key_change")))


def _step(event: TerminalEvent) -> Any:
    return event.details.get("step")


def _later_steps(
    session: Session,
    terminal_id: int,
    enrolment_id: str,
    events: list[TerminalEvent],
    flags_of: dict[int, list[Flag]],
) -> None:
    bills = {bill_of(event) for event in events}
    # The columns of _OWN_VENDS are _Vend's fields, in order.
    vends = {
        row[1]: _Vend(*row)
        for row in _OWN_VENDS.rows(
            session.connection(),
            {"terminal": terminal_id, "bills": list(bills), "enrolment": enrolment_id},
        )
    }
    issuing = [
        vends[bill_of(e)]
        for e in events
        if e.kind == AuditKind.VEND.value and _step(e) in ISSUED_STEPS and bill_of(e) in vends
    ]
    meters = _meters(session, issuing)
    made_before = _made_tids(session, issuing)
    tokens: list[dict[str, Any]] = []
    settling: list[IssuedSale] = []
    overpaid: list[credit_owed.Overpaid] = []
    returning: list[credit_owed.Returning] = []
    for event in events:
        flags = flags_of[event.seq]
        vend = vends.get(bill_of(event))
        step = _step(event)
        if event.kind == AuditKind.VEND.value and step not in ISSUED_STEPS and step != "printed":
            continue
        if vend is None:
            named = event.details.get("step", event.kind)
            flags.append(Flag(FindingKind.SALE_NOT_FOUND, {"bill": bill_of(event), "step": named}))
            continue
        if event.kind == AuditKind.VEND_FAILED.value:
            if vend.state is VendState.PENDING:
                vend.state, vend.failed_at, vend.changed = VendState.FAILED, event.occurred_at, True
                vend.failure_reason = event.details.get("reason")
                if vend.keyed:
                    key_change_projection.released(session, [vend.id])
        elif event.kind == AuditKind.VEND.value and step in ISSUED_STEPS:
            if vend.state is VendState.PENDING:
                settling.append(
                    IssuedSale(
                        vend.id, vend.meter_id, vend.prearrange, event.occurred_at, vend.lined
                    )
                )
                returned = credit_owed.returned_credits(event.details)
                if returned:
                    returning.append(
                        credit_owed.Returning(
                            event.seq, vend.meter_id, meters[vend.meter_id].number,
                            event.terminal_code, vend.bill, returned, event.occurred_at,
                        )
                    )  # fmt: skip
                if vend.keyed:
                    key_change_projection.delivered(session, [vend.id], event.occurred_at)
            flags += _issue(vend, meters[vend.meter_id], event, made_before, tokens, overpaid)
        else:  # printed, reprint
            if vend.state is VendState.ISSUED:
                vend.state, vend.printed_at = VendState.PRINTED, event.occurred_at
            vend.print_count = max(vend.print_count, int(event.details.get("print_count", 1)))
            vend.changed = True
    _write(session, vends.values(), meters.values(), tokens)
    settle_dues(session, terminal_id, enrolment_id, settling)
    if overpaid:
        credit_owed.owe(session, overpaid)
    for seq, raised in credit_owed.settle(session, returning).items():
        flags_of[seq] += raised
    # Card sales issued: their meters' card credit moved on (SYN-45).
    carded = {
        vends[bill_of(e)].id
        for e in events
        if e.kind == AuditKind.VEND.value
        and _step(e) in ISSUED_STEPS
        and e.details.get("medium") == "card"
        and bill_of(e) in vends
        and vends[bill_of(e)].state in _MADE
    }
    note_sold(session, sorted(carded))


def _meters(session: Session, issuing: list[_Vend]) -> dict[int, _Meter]:
    """The meters the issued sales settle, locked (:data:`_LOCKED_METERS`)."""
    ids = sorted({vend.meter_id for vend in issuing})
    if not ids:
        return {}
    rows = _LOCKED_METERS.rows(session.connection(), {"ids": ids})
    return {row[0]: _Meter(*row) for row in rows}


def _made_tids(session: Session, issuing: list[_Vend]) -> dict[tuple[int, int], list[str]]:
    """Bills of tokens already made for (meter, TID) pairs these sales issue."""
    pairs: set[tuple[int, int]] = set()
    for vend in issuing:
        if vend.tid is not None:
            pairs.add((vend.meter_id, vend.tid))
    if not pairs:
        return {}
    found: dict[tuple[int, int], list[str]] = defaultdict(list)
    for meter_id, tid, bill in _MADE_TIDS.rows(
        session.connection(),
        {"meters": list({meter for meter, _ in pairs}), "tids": list({tid for _, tid in pairs})},
    ):
        if tid is not None and (meter_id, tid) in pairs:
            found[(meter_id, tid)].append(bill)
    return found


def _issue(
    vend: _Vend,
    meter: _Meter,
    event: TerminalEvent,
    made: dict[tuple[int, int], list[str]],
    tokens: list[dict[str, Any]],
    overpaid: list[credit_owed.Overpaid],
) -> list[Flag]:
    flags: list[Flag] = []
    if vend.state is VendState.PENDING:
        vend.state, vend.issued_at, vend.changed = VendState.ISSUED, event.occurred_at, True
    if vend.tid is not None:
        if meter.last_tid is None or meter.last_tid < vend.tid:
            meter.last_tid, meter.changed = vend.tid, True
        same = made.setdefault((meter.id, vend.tid), [])
        others = [bill for bill in same if bill != vend.bill]
        if others:
            flags.append(
                Flag(
                    FindingKind.TID_COLLISION,
                    {"bill": vend.bill, "meter": meter.number, "tid": vend.tid, "other": others[0]},
                )
            )
        if vend.bill not in same:
            same.append(vend.bill)
    token = event.details.get("token")
    if token:
        tokens.append(
            {
                "vend_id": vend.id,
                "position": 1,
                "kind": CREDIT_TOKEN,
                "token": token,
                "tid": vend.tid,
                "created_at": event.occurred_at,
            }
        )
    if vend.debt_repayment > 0 or vend.prearrange > 0:
        repaid = min(meter.outstanding_debt, vend.debt_repayment)
        meter.outstanding_debt -= repaid
        if vend.prearrange > 0:
            meter.prearrange_due = False
        meter.changed = True
        if repaid < vend.debt_repayment:
            # Two offline counters both took this debt (docs/sync.md, conflicts): the
            # excess is owed back to the customer (SYN-53).
            overpaid.append(
                credit_owed.Overpaid(
                    meter.id, event.terminal_code, vend.bill, vend.debt_repayment - repaid,
                    event.occurred_at,
                )
            )  # fmt: skip
            flags.append(
                Flag(
                    FindingKind.DEBT_OVERPAID,
                    {
                        "bill": vend.bill,
                        "meter": meter.number,
                        "repaid": vend.debt_repayment,
                        "owed": repaid,
                        "excess": vend.debt_repayment - repaid,
                    },
                )
            )
    return flags


def _write(session: Session, vends: Any, meters: Any, tokens: list[dict[str, Any]]) -> None:
    connection = session.connection()
    changed = [v for v in vends if v.changed]
    if changed:
        _SET_VENDS.run(
            connection,
            {
                "ids": [v.id for v in changed],
                "states": [v.state.value for v in changed],
                "issued": [v.issued_at for v in changed],
                "printed": [v.printed_at for v in changed],
                "failed": [v.failed_at for v in changed],
                "reasons": [v.failure_reason for v in changed],
                "prints": [v.print_count for v in changed],
            },
        )
    moved = [m for m in meters if m.changed]
    if moved:
        _SET_METERS.run(
            connection,
            {
                "ids": [m.id for m in moved],
                "tids": [m.last_tid for m in moved],
                "debts": [m.outstanding_debt for m in moved],
                "dues": [m.prearrange_due for m in moved],
            },
        )
    if tokens:
        bulk.insert_rows(connection, _TOKENS, tokens)
