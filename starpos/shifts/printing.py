"""The shift's paper: X, Z (DUPLICATE from the second print on) and cash movement slips
on the counter's voucher printer, and the Z as PDF. Blocking printer I/O (a window runs it
off its GUI thread); a failed print raises the printer's error and records nothing."""

from __future__ import annotations

from typing import Any, Protocol

from PIL import Image

from starpos.db import Database
from starpos.db.parameters import system_parameters
from starpos.devices.printer.slip import Slip
from starpos.i18n import current_language
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts.cash import Movement
from starpos.shifts.pdf import slip_pdf
from starpos.shifts.slips import movement_slip, x_slip, z_slip
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
    """Print a Z (marked DUPLICATE once it was printed before) and count the print."""
    z = read_z(database, till, number)
    printer.print_slip(z_report_slip(database, z, duplicate=z.print_count > 0))
    return record_z_print(database, operator, till, number)


def z_pdf(database: Database, till: str, number: int | None = None) -> bytes:
    """The Z as PDF (the original's rows: an export is not a print)."""
    z = read_z(database, till, number)
    return slip_pdf(z_report_slip(database, z, duplicate=False))


def print_movement(database: Database, printer: SlipPrinter, movement: Movement) -> None:
    """The movement's slip, with the drawer kick (when a drawer is configured)."""
    printer.print_slip(movement_slip(movement, company(database), current_language()))
