"""The Shift menu's "Day close…": the day chosen in :class:`DayCloseDialog` read on the
database worker, closed there, printed on the printer worker (at once after the close, and
again on Print), and saved as PDF (the Z's PDF maker, :mod:`starpos.shifts.pdf`). After the
close the window shows the day as its close recorded it (decision SHF-18)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from starpos.devices.printer.slip import Slip
from starpos.ui.supervisor.day_close_dialog import DayCloseDialog
from starpos.ui.supervisor.shift_context import ShiftMenuPlumbing
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr


class DayClose:
    def __init__(self, menu: ShiftMenuPlumbing) -> None:
        self.menu = menu
        self.dialog: DayCloseDialog | None = None

    def open(self) -> None:
        menu = self.menu
        counter, session = menu.context.counter, menu.context.session
        dialog = DayCloseDialog(parent=menu.window)
        self.dialog = dialog

        def read(day: date | None) -> None:
            menu._db(counter.shift_day_preview, session, day, then=dialog.show_day)

        def closed(day: date, slip: Slip) -> None:
            menu._print(counter.shift_print, slip)
            read(day)

        def refused(day: date, failure: JobFailure) -> None:
            # Said in the funnel; the day read again shows why (closed meanwhile elsewhere,
            # a shift opened since) and offers what is possible now.
            menu._failed(failure)
            read(day)

        def close(day: date) -> None:
            menu.context.workers.database.submit(
                counter.shift_day_close, session, day,
                on_done=lambda slip: closed(day, slip),
                on_failed=lambda failure: refused(day, failure),
            )  # fmt: skip

        dialog.day_chosen.connect(read)
        dialog.close_chosen.connect(close)
        dialog.print_chosen.connect(lambda: self._print(dialog))
        dialog.pdf_chosen.connect(lambda: self._save_pdf(dialog))
        menu._show(dialog)
        read(None)

    def _print(self, dialog: DayCloseDialog) -> None:
        if dialog.slip is not None:
            self.menu._print(self.menu.context.counter.shift_print, dialog.slip)

    def _save_pdf(self, dialog: DayCloseDialog) -> None:
        slip = dialog.slip
        if slip is None:
            return
        point = self.menu.context.session.sales_point_code or "-"
        name, _ = QFileDialog.getSaveFileName(
            dialog,
            tr("shifts", "Save the day close as PDF"),
            f"day-{point}-{dialog.chosen_day().isoformat()}.pdf",
            "PDF (*.pdf)",
        )
        if name:
            self.menu._db(
                self.menu.context.counter.shift_slip_pdf, slip,
                then=lambda data: _write(Path(name), data),
            )  # fmt: skip


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
