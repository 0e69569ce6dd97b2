"""The Shift menu's "Z reports…": the till's Zs in a list (:class:`ZListDialog`), one on
screen, reprinted (the close's own print path, so every copy after the first says
DUPLICATE), saved as PDF, or corrected by a new Z that refers to it — a correction too
(decisions SHF-15, SHF-20).
The work runs on the menu's workers and its errors go to the menu's funnel."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from starpos.devices.printer.slip import Slip
from starpos.operators import permissions
from starpos.ui.supervisor.correct_dialog import CorrectDialog
from starpos.ui.supervisor.report_dialog import ReportDialog
from starpos.ui.supervisor.shift_context import ShiftMenuPlumbing
from starpos.ui.supervisor.z_list_dialog import ZListDialog


class ZReports:
    def __init__(self, menu: ShiftMenuPlumbing) -> None:
        self.menu = menu
        # The list's own boxes open over it (the menu's ``dialog`` stays the list).
        self.z_dialog: ZListDialog | None = None
        self.z_view: ReportDialog | None = None
        self.correct_dialog: CorrectDialog | None = None

    def open_list(self) -> None:
        menu = self.menu
        counter, session, till = menu.context.counter, menu.context.session, menu.till()
        dialog = ZListDialog(
            till,
            menu.decimals,
            may_correct=session.may(permissions.CLOSE_SHIFT),
            parent=menu.window,
        )
        self.z_dialog = dialog

        def refresh(_done: object = None) -> None:
            menu._db(counter.shift_z_list, till, then=dialog.show_zs)

        def view(number: int) -> None:
            menu._db(
                counter.shift_z_slip, till, number,
                then=lambda slip: self._z_view(till, number, slip, refresh),
            )  # fmt: skip

        def reprint(number: int) -> None:
            # The same print path as the close: print_z marks every copy after the first.
            menu.context.workers.printer.submit(
                counter.shift_print_z, session, till, number,
                on_done=refresh, on_failed=menu._failed,
            )  # fmt: skip

        dialog.view_chosen.connect(view)
        dialog.reprint_chosen.connect(reprint)
        dialog.pdf_chosen.connect(lambda number: menu.save_pdf(till, number))
        dialog.correct_chosen.connect(lambda number: self._correct(till, number, refresh))
        menu._show(dialog)
        refresh()

    def _z_view(
        self, till: str, number: int, slip: Slip, refresh: Callable[[object], None]
    ) -> None:
        """A Z of the list on screen; Print here is a reprint (DUPLICATE)."""
        menu = self.menu
        counter = menu.context.counter
        report = ReportDialog(slip, pdf=True, parent=self.z_dialog)
        report.setObjectName("zViewDialog")
        report.print_chosen.connect(
            lambda: menu.context.workers.printer.submit(
                counter.shift_print_z, menu.context.session, till, number,
                on_done=refresh, on_failed=menu._failed,
            )
        )  # fmt: skip
        report.pdf_chosen.connect(lambda: menu.save_pdf(till, number))
        self.z_view = report
        report.open()

    def _counts_of(self, number: int) -> dict[str, tuple[str, str]]:
        """(expected, counted) per payment method as they stand after Z ``number``: the
        close's count, then each correction on the way from it to ``number`` (SHF-20)."""
        by_number = {z.number: z for z in (self.z_dialog.zs if self.z_dialog else [])}
        chain = []
        z = by_number.get(number)
        while z is not None:
            chain.append(z)
            z = by_number.get(z.corrects) if z.corrects is not None else None
        standing: dict[str, tuple[str, str]] = {}
        for z in reversed(chain):
            counts = z.body.get("counts", [])
            lines = (
                [{"payment": k, **v} for k, v in counts.items()]
                if isinstance(counts, dict)  # a correction: {payment: {...}}
                else counts
            )
            for line in lines:
                standing[str(line["payment"])] = (str(line["expected"]), str(line["counted"]))
        return standing

    def _correct(self, till: str, number: int, refresh: Callable[[object], None]) -> None:
        menu = self.menu
        counter = menu.context.counter

        def ask(found: tuple[tuple[Decimal, ...], list[tuple[str, str]]]) -> None:
            dialog = CorrectDialog(
                number, found[1], menu.decimals, self.z_dialog, before=self._counts_of(number)
            )
            dialog.accepted.connect(lambda: corrected(dialog))
            self.correct_dialog = dialog
            dialog.open()

        def corrected(dialog: CorrectDialog) -> None:
            try:
                counted = dialog.counted()
            except Exception as error:  # a typed refusal: the funnel says what to fix
                menu.context.funnel.show_failure(error, self.z_dialog)
                return

            def made(result: tuple[str, int, Slip]) -> None:
                refresh(None)
                # The correction is a Z: on screen and printed at once, like the close's.
                menu._print(counter.shift_print_z, menu.context.session, result[0], result[1])
                self._z_view(result[0], result[1], result[2], refresh)

            menu._db(
                counter.shift_correct_z, menu.context.session, till, number, dialog.reason(),
                counted, then=made,
            )  # fmt: skip

        menu._db(counter.shift_drawer, then=ask)
