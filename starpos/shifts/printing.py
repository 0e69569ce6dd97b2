"""The shift's paper: X, Z and day close (DUPLICATE from the second print on) and cash
movement slips on the counter's voucher printer, and the Z and the day close as PDF.
Blocking printer I/O (a window runs it off its GUI thread); a failed print raises the
printer's error and records nothing."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PIL import Image

from starpos.db import Database
from starpos.db.parameters import system_parameters
from starpos.devices.printer.slip import Slip
from starpos.i18n import current_language
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts.cash import Movement
from starpos.shifts.day_close import DayPreview, preview_day, record_day_print
from starpos.shifts.day_slip import day_slip
from starpos.shifts.pdf import slip_pdf
from starpos.shifts.slips import moment, movement_slip, x_slip, z_slip
from starpos.shifts.totals import ShiftTotals
from starpos.shifts.zreport import ZInfo, read_z, record_z_print


class SlipPrinter(Protocol):
    """The counter's printer (``starpos.bootstrap.printer.ConfiguredPrinter``)."""

    def print_slip(self, slip: Slip) -> Any: ...

    def preview_slip(self, slip: Slip) -> Image.Image: ...


def company(database: Database) -> str:
    with database.reading() as session:
        return system_parameters(session).company_name


def x_report_slip(database: Database, operator: OperatorSession, totals: ShiftTotals) -> Slip:
    """The X as the operator may see it (the expected cash only for a supervisor)."""
    return x_slip(
        totals,
        company(database),
        show_expected=operator.may(permissions.CLOSE_SHIFT),
        language=current_language(),
    )


def z_report_slip(database: Database, z: ZInfo, *, duplicate: bool) -> Slip:
    return z_slip(z, company(database), duplicate=duplicate, language=current_language())


def print_z(
    database: Database, printer: SlipPrinter, operator: OperatorSession, till: str, number: int
) -> int:
    """Print a Z (marked DUPLICATE once it was printed before, or at a head office: the
    counter that made it printed the original) and count the print."""
    z = read_z(database, till, number)
    printer.print_slip(z_report_slip(database, z, duplicate=z.printed_before))
    return record_z_print(database, operator, till, number)


def z_pdf(database: Database, till: str, number: int | None = None) -> bytes:
    """The Z as PDF (the original's rows: an export is not a print)."""
    z = read_z(database, till, number)
    return slip_pdf(z_report_slip(database, z, duplicate=False))


def day_close_slip(database: Database, found: DayPreview, *, duplicate: bool = False) -> Slip:
    """A day as it stands (its shifts still open named), or as its close recorded it."""
    closed = None
    if found.closed_at is not None:
        closed = (moment(found.closed_at.isoformat()), found.closed_by or "-")
    # A closed day shows its record only (a shift opened after the close is not on it).
    unclosed = () if found.closed else tuple((i, t, c, str(s)) for i, t, c, s in found.unclosed)
    return day_slip(
        found.sales_point, found.business_date, found.body, company(database),
        unclosed=unclosed, preview=not found.closed, duplicate=duplicate, closed=closed,
        language=current_language(),
    )  # fmt: skip


def print_day(
    database: Database, printer: SlipPrinter, operator: OperatorSession, day: date | None = None
) -> int | None:
    """Print ``day`` (default: today) of the operator's sales point. A closed day's first
    print is its original, each later one says DUPLICATE; every print of a closed day is
    counted and audited: the new count. A day not closed prints as a preview, uncounted
    (None)."""
    found = preview_day(database, operator, day)
    printer.print_slip(day_close_slip(database, found, duplicate=found.print_count > 0))
    if not found.closed:
        return None
    return record_day_print(database, operator, found.business_date)


def day_pdf(database: Database, operator: OperatorSession, day: date | None = None) -> bytes:
    """``day`` as PDF: once the close was printed, a copy (DUPLICATE); not a print."""
    found = preview_day(database, operator, day)
    return slip_pdf(day_close_slip(database, found, duplicate=found.print_count > 0))


def print_movement(database: Database, printer: SlipPrinter, movement: Movement) -> None:
    """The movement's slip, with the drawer kick (when a drawer is configured)."""
    printer.print_slip(movement_slip(movement, company(database), current_language()))
