"""The counter's Shift menu: open the shift with its float, cash movements (each with its
slip and the drawer kick), the X on screen, the blind count, the supervisor's close and its
Z, the Z list, the day close and the float limits. Every action has a shortcut; the work
runs on the workers (records on the database worker, paper on the printer worker) and its
errors go to the one funnel.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from starpos.db.enums import CashMovementKind as Kind
from starpos.devices.printer.slip import Slip
from starpos.operators import permissions
from starpos.shifts import Movement, ShiftInfo
from starpos.ui.signals import emit
from starpos.ui.supervisor.close_dialog import CloseDialog
from starpos.ui.supervisor.count_dialog import CountDialog
from starpos.ui.supervisor.day_close import DayClose
from starpos.ui.supervisor.float_limits import FloatLimits
from starpos.ui.supervisor.movement_dialog import MovementDialog
from starpos.ui.supervisor.open_shift_dialog import OpenShiftDialog
from starpos.ui.supervisor.report_dialog import ReportDialog
from starpos.ui.supervisor.shift_context import ShiftContext
from starpos.ui.supervisor.z_reports import ZReports
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr


class ShiftMenu(QObject):
    #: the shift opened, was counted or closed (the status line may show it)
    shift_changed = Signal(object)  # ShiftInfo or None

    def __init__(
        self,
        context: ShiftContext,
        window: QMainWindow,
        after_dialog: Callable[[], None] = lambda: None,
    ) -> None:
        """``context``: the counter window's (its services, workers, operator, rules)."""
        super().__init__(window)
        self.context, self.window, self._after_dialog = context, window, after_dialog
        self.decimals = context.rules.decimals
        self.dialog: QDialog | None = None
        self.menu = QMenu(window)
        window.menuBar().addMenu(self.menu)
        session = context.session

        def action(
            shortcut: str, slot: Callable[[], None], permission: str | tuple[str, ...]
        ) -> QAction:
            created = QAction(window)
            created.setShortcut(QKeySequence(shortcut))
            created.triggered.connect(slot)
            names = (permission,) if isinstance(permission, str) else permission
            created.setVisible(session.may_any(names))
            self.menu.addAction(created)
            return created

        self.open_action = action("Ctrl+Shift+O", self.open_shift, permissions.KEEPS_SHIFT)
        self.menu.addSeparator()
        self.drop_action = action(
            "Ctrl+Shift+D", lambda: self.move(Kind.DROP), permissions.CASH_DROP
        )
        self.paid_in_action = action(
            "Ctrl+Shift+N", lambda: self.move(Kind.PAID_IN), permissions.PAID_IN_OUT
        )
        self.paid_out_action = action(
            "Ctrl+Shift+U", lambda: self.move(Kind.PAID_OUT), permissions.PAID_IN_OUT
        )
        # A supervisor collects cash from the drawer (its own slip, like a drop).
        self.pickup_action = action(
            "Ctrl+Shift+W", lambda: self.move(Kind.PICKUP), permissions.CASH_DROP
        )
        self.drawer_action = action(
            "Ctrl+Shift+K", lambda: self.move(Kind.DRAWER_OPEN), permissions.OPEN_DRAWER
        )
        self.menu.addSeparator()
        self.x_action = action("Ctrl+Shift+X", self.x_report, permissions.KEEPS_SHIFT)
        self.end_action = action("Ctrl+Shift+T", self.end_shift, permissions.KEEPS_SHIFT)
        # The close is the supervisor's: they sign in at the cashier's counter.
        self.close_action = action("Ctrl+Shift+Z", self.close_shift, permissions.KEEPS_SHIFT)
        self.menu.addSeparator()
        self.zs = ZReports(self)
        self.z_list_action = action("Ctrl+Shift+L", self.zs.open_list, permissions.VIEW_REPORTS)
        self.days = DayClose(self)
        self.day_action = action("Ctrl+Shift+J", self.days.open, permissions.CLOSE_SHIFT)
        # Seen by supervisors and administrators; only the latter set a limit (SHF-19).
        self.limits = FloatLimits(self)
        self.float_action = action("Ctrl+Shift+A", self.limits.open, permissions.VIEW_REPORTS)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.menu.setTitle(tr("shifts", "S&hift"))
        self.open_action.setText(tr("shifts", "Open shift…"))
        self.drop_action.setText(tr("shifts", "Cash drop…"))
        self.paid_in_action.setText(tr("shifts", "Paid in…"))
        self.paid_out_action.setText(tr("shifts", "Paid out…"))
        self.pickup_action.setText(tr("shifts", "Cash pick-up…"))
        self.drawer_action.setText(tr("shifts", "Open the drawer…"))
        self.x_action.setText(tr("shifts", "X report"))
        self.end_action.setText(tr("shifts", "End shift (count the drawer)…"))
        self.close_action.setText(tr("shifts", "Close shift (supervisor)…"))
        self.z_list_action.setText(tr("shifts", "Z reports…"))
        self.day_action.setText(tr("shifts", "Day close…"))
        self.float_action.setText(tr("shifts", "Float limits…"))

    # -- plumbing ---------------------------------------------------------------------
    def _db(self, function: Any, *args: Any, then: Callable[[Any], None]) -> None:
        self.context.workers.database.submit(function, *args, on_done=then, on_failed=self._failed)

    def _print(self, function: Any, *args: Any) -> None:
        self.context.workers.printer.submit(function, *args, on_failed=self._failed)

    def _failed(self, failure: JobFailure) -> None:
        self.context.funnel.show_failure(failure, self.dialog or self.window)

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._after_dialog())
        dialog.open()

    def _with_shift(self, then: Callable[[ShiftInfo], None]) -> None:
        """``then(shift)`` with the operator's shift on this till, or say there is none."""

        def found(shift: ShiftInfo | None) -> None:
            if shift is None:
                self.offer_open(tr("shifts", "There is no shift open on this till."))
            else:
                then(shift)

        self._db(self.context.counter.shift_current, self.context.session, then=found)

    def till(self) -> str:
        """This counter's till as shifts name it (a terminal, else ``@`` its sales point)."""
        session = self.context.session
        return session.terminal_code or f"@{session.sales_point_code or '-'}"

    # -- open -------------------------------------------------------------------------
    def offer_open(self, message: str) -> None:
        """The counter says why it cannot sell and offers to open the shift."""
        box = QMessageBox(self.window)
        box.setObjectName("offerOpenShift")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("shifts", "No open shift"))
        box.setText(message + "\n\n" + tr("shifts", "Open a shift now?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda result: self.open_shift() if result == QMessageBox.StandardButton.Yes else None
        )
        self._show(box)

    def open_shift(self) -> None:
        def drawer(found: tuple[tuple[Decimal, ...], list[tuple[str, str]]]) -> None:
            dialog = OpenShiftDialog(self.till(), found[0], self.decimals, self.window)
            dialog.accepted.connect(lambda: self._open(dialog))
            self._show(dialog)

        self._db(self.context.counter.shift_drawer, then=drawer)

    def _open(self, dialog: OpenShiftDialog) -> None:
        try:
            total = dialog.float_total()
        except Exception as error:  # a typed refusal: the funnel says what to fix
            self.context.funnel.show_failure(error, self.window)
            return
        self._db(
            self.context.counter.shift_open, self.context.session, dialog.grid.pieces(), total,
            then=lambda info: emit(self.shift_changed, info),
        )  # fmt: skip

    # -- cash -------------------------------------------------------------------------
    def move(self, kind: Kind) -> None:
        def ask(shift: ShiftInfo) -> None:
            dialog = MovementDialog(kind, self.decimals, self.window)
            dialog.accepted.connect(lambda: self._move(dialog, shift.shift_id))
            self._show(dialog)

        self._with_shift(ask)

    def _move(self, dialog: MovementDialog, shift_id: int) -> None:
        try:
            amount = dialog.amount()
        except Exception as error:
            self.context.funnel.show_failure(error, self.window)
            return
        counter = self.context.counter

        def recorded(movement: Movement) -> None:
            self._print(counter.shift_print_movement, movement)

        self._db(
            counter.shift_move, self.context.session, shift_id, dialog.kind, amount,
            dialog.reason(), then=recorded,
        )  # fmt: skip

    # -- X, count, close --------------------------------------------------------------
    def x_report(self) -> None:
        counter = self.context.counter

        def shown(slip: Slip) -> None:
            dialog = ReportDialog(slip, pdf=False, parent=self.window)
            dialog.print_chosen.connect(lambda: self._print(counter.shift_print, slip))
            self._show(dialog)

        self._with_shift(
            lambda shift: self._db(
                counter.shift_x, self.context.session, shift.shift_id, then=shown
            )
        )

    def end_shift(self) -> None:
        counter = self.context.counter

        def ask(shift: ShiftInfo) -> None:
            def drawer(found: tuple[tuple[Decimal, ...], list[tuple[str, str]]]) -> None:
                dialog = CountDialog(shift.shift_id, found[0], found[1], self.decimals, self.window)
                dialog.accepted.connect(lambda: self._count(dialog))
                self._show(dialog)

            self._db(counter.shift_drawer, then=drawer)

        self._with_shift(ask)

    def _count(self, dialog: CountDialog) -> None:
        try:
            others = dialog.other_totals()
        except Exception as error:
            self.context.funnel.show_failure(error, self.window)
            return
        self._db(
            self.context.counter.shift_end, self.context.session, dialog.shift_id,
            dialog.cash_pieces(), others, then=lambda info: emit(self.shift_changed, info),
        )  # fmt: skip

    def close_shift(self) -> None:
        self._with_shift(lambda shift: self._close_dialog(shift.shift_id))

    def _close_dialog(self, shift_id: int) -> None:
        counter = self.context.counter
        dialog = CloseDialog(shift_id, self.decimals, self.window)
        signed: dict[str, Any] = {}

        def signed_in(code: str, password: str) -> None:
            def compare(supervisor: Any) -> None:
                signed["supervisor"] = supervisor
                self._db(
                    counter.shift_preview_close, supervisor, shift_id,
                    then=lambda found: dialog.show_lines(*found),
                )  # fmt: skip

            self._db(counter.shift_supervisor, code, password, then=compare)

        def close(reason: str) -> None:
            def closed(made: tuple[str, int, Slip]) -> None:
                dialog.accept()
                emit(self.shift_changed, None)
                self.show_z(signed["supervisor"], *made)

            self._db(counter.shift_close, signed["supervisor"], shift_id, reason, then=closed)

        dialog.sign_in_chosen.connect(signed_in)
        dialog.close_chosen.connect(close)
        self._show(dialog)

    def show_z(self, supervisor: Any, till: str, number: int, slip: Slip) -> None:
        """The Z on screen, printed at once (the first print is the original)."""
        counter = self.context.counter
        report = ReportDialog(slip, pdf=True, parent=self.window)
        report.print_chosen.connect(
            lambda: self._print(counter.shift_print_z, supervisor, till, number)
        )
        report.pdf_chosen.connect(lambda: self.save_pdf(till, number))
        self._print(counter.shift_print_z, supervisor, till, number)
        self._show(report)

    def save_pdf(self, till: str, number: int) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("shifts", "Save the Z as PDF"), f"Z-{till}-{number}.pdf", "PDF (*.pdf)"
        )
        if name:
            self._db(
                self.context.counter.shift_z_pdf, till, number,
                then=lambda data: _write(Path(name), data),
            )  # fmt: skip


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
