"""The close of a sales point's business day: every shift opened that day closed, the day's
totals per till and per operator (from the Zs, which are what was closed), and the secure
module's credit used against the energy sold. One record per sales point and day, made
once, audited (it travels to the head office like a sale), never a day still to come
(decision SHF-22); its prints are counted, so only the first paper is the original
(decision SHF-21)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append, canonical_json
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import ShiftState, VendState
from starpos.db.models import DayClose, Operator, SalesPoint, Shift, Terminal, Vend, ZReport
from starpos.db.parameters import to_utc, utility_now
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.records import place_of

_VENDS = cast(Table, Vend.__table__)
_MADE = (VendState.ISSUED, VendState.PRINTED)


@dataclass(frozen=True)
class DayCloseResult:
    sales_point: str
    business_date: date
    body: dict[str, Any]
    #: At a head office, the terminal whose store closed it (None: this store).
    terminal: str | None = None

    def as_dict(self) -> dict[str, Any]:
        day = self.business_date.isoformat()
        mine = {"sales_point": self.sales_point, "date": day, **self.body}
        return mine if self.terminal is None else {"terminal": self.terminal, **mine}


@dataclass(frozen=True)
class DayPreview:
    """A day before its close: its shifts (id, till, cashier, state) and the totals of those
    already closed. A day closed already gives the totals its close recorded (SHF-18),
    when and by whom."""

    sales_point: str
    business_date: date
    shifts: tuple[tuple[int, str, str, ShiftState], ...]
    body: dict[str, Any]
    closed: bool
    closed_at: datetime | None = None
    closed_by: str | None = None
    #: How many times the close was printed (0: not yet; a print after the first is a copy).
    print_count: int = 0

    @property
    def unclosed(self) -> tuple[tuple[int, str, str, ShiftState], ...]:
        return tuple(shift for shift in self.shifts if shift[3] != ShiftState.CLOSED)


def preview_day(
    database: Database, supervisor: OperatorSession, day: date | None = None
) -> DayPreview:
    """What :func:`close_day` would close (and what keeps it from closing), changing nothing."""
    supervisor.require(permissions.CLOSE_SHIFT)
    with database.reading() as session:
        place = place_of(session, supervisor)
        day = day or utility_now(session).date()
        start, end = _day_bounds(session, day)
        record = session.execute(
            select(DayClose.body, DayClose.closed_at, DayClose.print_count, Operator.code)
            .join(Operator, Operator.id == DayClose.operator_id)
            .where(
                DayClose.sales_point_id == place.sales_point_id,
                DayClose.business_date == day,
                DayClose.terminal_id.is_(None),
            )
        ).first()
        rows = session.execute(
            select(Shift.id, Shift.till, Operator.code, Shift.state)
            .join(Operator, Operator.id == Shift.operator_id)
            .where(
                Shift.sales_point_id == place.sales_point_id,
                Shift.opened_at >= start,
                Shift.opened_at < end,
            )
            .order_by(Shift.id)
        ).all()
        shifts = tuple((int(i), str(t), str(c), ShiftState(s)) for i, t, c, s in rows)
        if record is not None:  # what the close recorded, not the totals read again
            return DayPreview(
                place.sales_point_code, day, shifts, json.loads(record.body), True,
                record.closed_at, str(record.code), int(record.print_count),
            )  # fmt: skip
        done = [shift[0] for shift in shifts if shift[3] == ShiftState.CLOSED]
        body = _totals(session, done, place.sales_point_id, start, end)
    return DayPreview(place.sales_point_code, day, shifts, json.loads(canonical_json(body)), False)


def _day_bounds(session: Session, day: date) -> tuple[datetime, datetime]:
    start = to_utc(session, datetime.combine(day, time()))
    return start, to_utc(session, datetime.combine(day + timedelta(days=1), time()))


def close_day(
    database: Database, supervisor: OperatorSession, day: date | None = None
) -> DayCloseResult:
    """Close ``day`` (default: today, the utility's clock) of the supervisor's sales point."""
    supervisor.require(permissions.CLOSE_SHIFT)
    with database.unit_of_work() as uow:
        session = uow.session
        place = place_of(session, supervisor)
        today = utility_now(session).date()
        day = day or today
        if day > today:  # the window's date field stops at the same "today"
            raise errors.DayNotComeError(day=day, sales_point=place.sales_point_code, today=today)
        start, end = _day_bounds(session, day)
        done = session.scalar(
            select(DayClose.id).where(
                DayClose.sales_point_id == place.sales_point_id,
                DayClose.business_date == day,
                DayClose.terminal_id.is_(None),  # this store's; a head office keeps terminals'
            )
        )
        if done is not None:
            raise errors.DayAlreadyClosedError(day=day, sales_point=place.sales_point_code)
        shifts = session.scalars(
            select(Shift).where(
                Shift.sales_point_id == place.sales_point_id,
                Shift.opened_at >= start,
                Shift.opened_at < end,
            )
        ).all()
        unclosed = [shift.id for shift in shifts if shift.state != ShiftState.CLOSED]
        if unclosed:
            raise errors.OpenShiftsRemainError(
                sales_point=place.sales_point_code,
                count=len(unclosed),
                shifts=", ".join(str(i) for i in unclosed),
            )
        body = _totals(session, [shift.id for shift in shifts], place.sales_point_id, start, end)
        row = DayClose(
            request_id=str(uuid.uuid4()),
            sales_point_id=place.sales_point_id,
            business_date=day,
            closed_at=utc_now(),
            operator_id=place.operator_id,
            body=canonical_json(body),
        )
        session.add(row)
        session.flush()
        append(
            session,
            AuditKind.SHIFT,
            subject=f"day:{place.sales_point_code}:{day.isoformat()}",
            details={"step": "day_closed", "day_close": row.request_id, "date": day, **body},
            actor=place.actor,
        )
        uow.commit()
    return DayCloseResult(place.sales_point_code, day, json.loads(canonical_json(body)))


def record_day_print(database: Database, operator: OperatorSession, day: date) -> int:
    """Count one print of the close of ``day`` at the operator's sales point and audit it;
    the new count (2 and up: a DUPLICATE)."""
    with database.unit_of_work() as uow:
        session = uow.session
        place = place_of(session, operator)
        row = session.scalars(
            select(DayClose).where(
                DayClose.sales_point_id == place.sales_point_id,
                DayClose.business_date == day,
                DayClose.terminal_id.is_(None),
            )
        ).first()
        if row is None:
            raise errors.DayNotClosedError(day=day, sales_point=place.sales_point_code)
        row.print_count += 1
        append(
            session,
            AuditKind.SHIFT,
            subject=f"day:{place.sales_point_code}:{day.isoformat()}",
            details={"step": "day_printed", "day_close": row.request_id, "copy": row.print_count},
            actor=operator.actor,
        )
        count = row.print_count
        uow.commit()
    return count


def _totals(
    session: Session, shift_ids: list[int], sales_point_id: int, start: datetime, end: datetime
) -> dict[str, Any]:
    per_till: dict[str, dict[str, Any]] = {}
    per_operator: dict[str, dict[str, Any]] = {}
    day_cancels = {"count": 0, "refund": Decimal(0), "energy_kwh": Decimal(0)}
    zs = session.scalars(select(ZReport).where(ZReport.shift_id.in_(shift_ids))).all()
    for z in zs:
        body = json.loads(z.body)
        net, kwh = Decimal(body["sales_net"]), Decimal(body["energy_kwh"])
        count = int(body["sales_count"])
        cancels = _cancels_of(body)
        for key in day_cancels:
            day_cancels[key] += cancels[key]
        for key, table in ((z.till, per_till), (body.get("cashier", ""), per_operator)):
            line = table.setdefault(
                key, {"z": [], "sales": 0, "net": Decimal(0), "kwh": Decimal(0), "cancels": 0,
                      "refund": Decimal(0)}
            )  # fmt: skip
            line["z"].append(z.number)
            line["sales"] += count
            line["net"] += net
            line["kwh"] += kwh
            line["cancels"] += cancels["count"]
            line["refund"] += cancels["refund"]
    sold, module_used = (
        session.connection()
        .execute(
            select(
                func.coalesce(func.sum(_VENDS.c.token_kwh), 0),
                func.coalesce(
                    func.sum(_VENDS.c.token_kwh).filter(_VENDS.c.module_id.is_not(None)), 0
                ),
            ).where(
                _VENDS.c.sales_point_id == sales_point_id,
                _VENDS.c.state.in_(_MADE),
                _VENDS.c.created_at >= start,
                _VENDS.c.created_at < end,
            )
        )
        .one()
    )
    sold, module_used = Decimal(sold), Decimal(module_used)
    return {
        "shifts": len(shift_ids),
        "tills": per_till,
        "operators": {code: line for code, line in per_operator.items() if code},
        "cancels": day_cancels,
        "energy_sold_kwh": sold,
        "module_credit_used_kwh": module_used,
        "energy_not_from_module_kwh": sold - module_used,
    }


def _cancels_of(body: dict[str, Any]) -> dict[str, Any]:
    """A Z's token cancels (SHF-08); a Z made before kept only their count and the
    cancelled sales' net, which was then taken off its sales."""
    cancels = body.get("cancels", {})
    return {
        "count": int(cancels.get("count", 0)),
        "refund": Decimal(cancels.get("refund", cancels.get("net", 0))),
        "energy_kwh": Decimal(cancels.get("energy_kwh", 0)),
    }


def list_day_closes(
    database: Database,
    *,
    sales_point: str | None = None,
    terminal: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[DayCloseResult]:
    """The days closed (at a head office every terminal's too), by sales point, terminal
    and business date (an empty bound: the whole range), oldest first."""
    with database.reading() as session:
        query = (
            select(DayClose, SalesPoint.code, Terminal.code)
            .join(SalesPoint, SalesPoint.id == DayClose.sales_point_id)
            .outerjoin(Terminal, Terminal.id == DayClose.terminal_id)
            .order_by(DayClose.business_date, SalesPoint.code, DayClose.id)
        )
        if sales_point:
            query = query.where(SalesPoint.code == sales_point)
        if terminal:
            query = query.where(Terminal.code == terminal)
        if since:
            query = query.where(DayClose.business_date >= since)
        if until:
            query = query.where(DayClose.business_date <= until)
        return [
            DayCloseResult(point, row.business_date, json.loads(row.body), terminal_code)
            for row, point, terminal_code in session.execute(query)
        ]
