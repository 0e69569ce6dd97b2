"""What the head office knows about its terminals: their keys, how far each chain is
applied, and what their projected sales add up to (``starpos server status``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.db.enums import VendState
from starpos.db.models import SalesPoint, SyncFinding, Terminal, TerminalEnrolment, Vend

#: The states of a sale whose credit reached the meter: what the totals count.
MADE = (VendState.ISSUED, VendState.PRINTED)


@dataclass(frozen=True)
class EnrolmentRow:
    terminal: str
    sales_point: str
    key_id: str
    enrolled_at: datetime
    revoked_at: datetime | None
    applied_seq: int
    last_seen_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "terminal": self.terminal,
            "sales_point": self.sales_point,
            "key_id": self.key_id,
            "enrolled_at": self.enrolled_at,
            "revoked_at": self.revoked_at,
            "applied_seq": self.applied_seq,
            "last_seen_at": self.last_seen_at,
        }


@dataclass(frozen=True)
class SalesTotal:
    terminal: str | None
    sales: int
    net_amount: Decimal
    token_kwh: Decimal

    def as_dict(self) -> dict[str, Any]:
        return {
            "terminal": self.terminal,
            "sales": self.sales,
            "net_amount": self.net_amount,
            "token_kwh": self.token_kwh,
        }


@dataclass(frozen=True)
class ServerStatus:
    enrolments: list[EnrolmentRow]
    totals: list[SalesTotal]
    open_findings: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "enrolments": [row.as_dict() for row in self.enrolments],
            "sales": [total.as_dict() for total in self.totals],
            "open_findings": self.open_findings,
        }


def server_status(session: Session) -> ServerStatus:
    enrolments = [
        EnrolmentRow(
            terminal, sales_point, e.id, e.enrolled_at, e.revoked_at, e.applied_seq, e.last_seen_at
        )
        for e, terminal, sales_point in session.execute(
            select(TerminalEnrolment, Terminal.code, SalesPoint.code)
            .join(Terminal, Terminal.id == TerminalEnrolment.terminal_id)
            .join(SalesPoint, SalesPoint.id == Terminal.sales_point_id)
            .order_by(Terminal.code, TerminalEnrolment.enrolled_at)
        )
    ]
    totals = [
        SalesTotal(terminal, int(count), net or Decimal("0.00"), kwh or Decimal("0.0"))
        for terminal, count, net, kwh in session.execute(
            select(
                Terminal.code,
                func.count(Vend.id),
                func.sum(Vend.net_amount),
                func.sum(Vend.token_kwh),
            )
            .select_from(Vend)
            .outerjoin(Terminal, Terminal.id == Vend.terminal_id)
            .where(Vend.state.in_(MADE))
            .group_by(Terminal.code)
            .order_by(Terminal.code)
        )
    ]
    open_findings = session.scalar(
        select(func.count()).select_from(SyncFinding).where(SyncFinding.resolved_at.is_(None))
    )
    return ServerStatus(enrolments, totals, int(open_findings or 0))
