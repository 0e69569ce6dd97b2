"""The shift at the counter, without Qt: what the window's shift menu calls (issue 13).

Each call blocks on the database or the printer (the window runs it on the worker that
owns the resource). Records come first and prints after: a failed print leaves the record
as it is and raises the printer's error for the window to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import CashMovementKind
from starpos.db.models import PaymentTerm
from starpos.devices.printer.slip import Slip
from starpos.i18n import current_language
from starpos.operators.session import OperatorSession
from starpos.shifts import (
    CloseResult,
    CountLine,
    Movement,
    ShiftInfo,
    ZInfo,
    close_shift,
    correct_z,
    current_shift,
    drawer_denominations,
    end_shift,
    list_z,
    open_shift,
    read_z,
    record_movement,
    record_z_print,
    x_report,
)
from starpos.shifts.close import preview_close
from starpos.shifts.day_close import close_day, preview_day
from starpos.shifts.limits import FloatStanding, float_standing, set_float_limit
from starpos.shifts.pdf import slip_pdf
from starpos.shifts.printing import (
    SlipPrinter,
    company,
    day_close_slip,
    day_pdf,
    print_day,
    x_report_slip,
    z_report_slip,
)
from starpos.shifts.slips import movement_slip


@dataclass(frozen=True)
class DayOnScreen:
    """A day as the day close window shows it: which day, whether every shift of it is
    closed, whether the day is closed already, and its slip."""

    day: date
    all_closed: bool
    closed: bool
    slip: Slip
    #: Prints of the close so far: the next print is a DUPLICATE once it is 1 or more.
    print_count: int = 0


class CounterShifts:
    def __init__(self, database: Database, printer: SlipPrinter) -> None:
        self.database = database
        self.printer = printer

    # -- reads (database worker) ---------------------------------------------------------
    def current(self, operator: OperatorSession) -> ShiftInfo | None:
        return current_shift(self.database, operator)

    def denominations(self) -> tuple[Decimal, ...]:
        with self.database.reading() as session:
            return drawer_denominations(session)

    def payments(self) -> list[tuple[str, str]]:
        """(code, name) of the active payment methods, cash first."""
        with self.database.reading() as session:
            rows = session.execute(
                select(PaymentTerm.code, PaymentTerm.name, PaymentTerm.kind)
                .where(PaymentTerm.active.is_(True))
                .order_by(PaymentTerm.code)
            ).all()
        return [(c, n) for c, n, k in sorted(rows, key=lambda r: (str(r[2]) != "cash", r[0]))]

    def x_slip(self, operator: OperatorSession, shift_id: int) -> Slip:
        return x_report_slip(self.database, operator, x_report(self.database, operator, shift_id))

    def preview_close(
        self, supervisor: OperatorSession, shift_id: int
    ) -> tuple[tuple[CountLine, ...], Decimal]:
        return preview_close(self.database, supervisor, shift_id)

    def z_slip(self, till: str, number: int, *, duplicate: bool = False) -> Slip:
        return z_report_slip(
            self.database, read_z(self.database, till, number), duplicate=duplicate
        )

    def z_pdf(self, till: str, number: int) -> bytes:
        return slip_pdf(self.z_slip(till, number))

    def z_list(self, till: str, limit: int = 200) -> list[ZInfo]:
        """The till's Zs, newest first (corrections among them)."""
        return list_z(self.database, till, limit)

    # -- records (database worker) -------------------------------------------------------
    def open(
        self, operator: OperatorSession, pieces: Mapping[Decimal, int], total: Decimal | None
    ) -> ShiftInfo:
        if any(pieces.values()):
            return open_shift(self.database, operator, float_pieces=pieces)
        return open_shift(self.database, operator, float_total=total or Decimal(0))

    def move(
        self,
        operator: OperatorSession,
        shift_id: int,
        kind: CashMovementKind,
        amount: Decimal,
        reason: str,
    ) -> Movement:
        return record_movement(self.database, operator, shift_id, kind, amount, reason)

    def end(
        self,
        operator: OperatorSession,
        shift_id: int,
        cash_pieces: Mapping[Decimal, int],
        others: Mapping[str, Decimal],
    ) -> ShiftInfo:
        counted = dict(others)
        if not any(cash_pieces.values()):
            counted.setdefault("cash", Decimal(0))
        return end_shift(
            self.database,
            operator,
            shift_id,
            counted,
            cash_pieces={k: v for k, v in cash_pieces.items() if v} or None,
        )

    def close(self, supervisor: OperatorSession, shift_id: int, reason: str) -> CloseResult:
        return close_shift(self.database, supervisor, shift_id, approve_reason=reason)

    def correct(
        self,
        operator: OperatorSession,
        till: str,
        number: int,
        reason: str,
        counted: Mapping[str, Decimal],
    ) -> ZInfo:
        """A correction of Z ``number``: a new Z that refers to it (the first stays as it was)."""
        return correct_z(self.database, operator, till, number, reason, dict(counted))

    def day_preview(self, supervisor: OperatorSession, day: date | None = None) -> DayOnScreen:
        """``day`` (default: today, the utility's clock) at the supervisor's sales point: as
        it stands before its close, or as its close recorded it (SHF-18)."""
        found = preview_day(self.database, supervisor, day)
        return DayOnScreen(
            found.business_date, not found.unclosed, found.closed,
            day_close_slip(self.database, found), found.print_count,
        )  # fmt: skip

    def close_day(self, supervisor: OperatorSession, day: date | None = None) -> date:
        """Close ``day`` (as ``starpos shift day-close``): the day closed, to print."""
        return close_day(self.database, supervisor, day).business_date

    def day_pdf(self, supervisor: OperatorSession, day: date) -> bytes:
        """The day as PDF (a copy once its close was printed, SHF-21)."""
        return day_pdf(self.database, supervisor, day)

    def float_standing(self, viewer: OperatorSession) -> list[FloatStanding]:
        return float_standing(self.database, viewer)

    def set_float_limit(
        self, administrator: OperatorSession, standing: FloatStanding, limit: Decimal | None
    ) -> bool:
        """Set the limit ``standing`` names (a sales point's or an operator's); False when
        it was that already."""
        whose = {standing.kind: standing.code}
        return set_float_limit(
            self.database, administrator, limit,
            sales_point=whose.get("sales_point"), operator=whose.get("operator"),
        )  # fmt: skip

    # -- paper (printer worker) ----------------------------------------------------------
    def print_movement(self, movement: Movement) -> None:
        self.printer.print_slip(movement_slip(movement, company(self.database), current_language()))

    def print_slip(self, slip: Slip) -> None:
        self.printer.print_slip(slip)

    def print_day(self, operator: OperatorSession, day: date) -> int | None:
        """Print the day (counted once closed: the first print is the original)."""
        return print_day(self.database, self.printer, operator, day)

    def print_z(self, operator: OperatorSession, till: str, number: int) -> int:
        z = read_z(self.database, till, number)
        self.printer.print_slip(z_report_slip(self.database, z, duplicate=z.print_count > 0))
        return record_z_print(self.database, operator, till, number)
