"""The Shift menu's "Day close…": the day chosen in :class:`DayCloseDialog` read on the
database worker, closed there, printed on the printer worker (at once after the close: the
original; again on Print: a DUPLICATE, each print counted, decision SHF-21), and saved as
PDF (the Z's PDF maker, :mod:`starpos.shifts.pdf`). After the close the window shows the day
as its close recorded it (decision SHF-18), read again after every print so its Print button
says what the next paper will be."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

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

        def print_day(day: date) -> None:
            # Every press prints (SHF-23); the count decides original or DUPLICATE.
            menu.context.workers.printer.submit(
                counter.shift_print_day, session, day,
                on_done=lambda _count: read(day),
                on_failed=lambda failure: refused(day, failure),
            )  # fmt: skip

        def closed(day: date) -> None:
            read(day)
            print_day(day)

        def refused(day: date, failure: JobFailure) -> None:
            # Said in the funnel; the day read again shows why (closed meanwhile elsewhere,
            # a shift opened since) and offers what is possible now.
            menu._failed(failure)
            read(day)

        def close(day: date) -> None:
            menu.context.workers.database.submit(
                counter.shift_day_close, session, day,
                on_done=closed, on_failed=lambda failure: refused(day, failure),
            )  # fmt: skip

        dialog.day_chosen.connect(read)
        dialog.close_chosen.connect(close)
        dialog.print_chosen.connect(print_day)
        dialog.pdf_chosen.connect(lambda day: self._save_pdf(dialog, day))
        menu._show(dialog)
        read(None)

    def _save_pdf(self, dialog: DayCloseDialog, day: date) -> None:
        point = self.menu.context.session.sales_point_code or "-"
        name, _ = QFileDialog.getSaveFileName(
            dialog,
            tr("shifts", "Save the day close as PDF"),
            f"day-{point}-{day.isoformat()}.pdf",
            "PDF (*.pdf)",
        )
        if name:
            self.menu._db(
                self.menu.context.counter.shift_day_pdf, self.menu.context.session, day,
                then=lambda data: _write(Path(name), data),
            )  # fmt: skip


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
