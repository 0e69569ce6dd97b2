"""Printing the voucher after a vend, and reprinting the last one (permission-gated).

A print runs on the printer worker after the token is on screen; its failure never touches
the sale (it stays issued) and is shown with what to do: fix the printer, then reprint.
The token panel shows the voucher's fate when it is the sale on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from starpos.counter.views import PrintOutcome, VendOutcome
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.ui.counter_errors import NothingToReprint, PermissionMissing, VoucherNotPrinted
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.token_panel import TokenPanel
from starpos.ui.services import REPRINT
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr


class VoucherActions(QObject):
    #: a voucher was printed (PrintOutcome)
    voucher_printed = Signal(object)
    #: a voucher did not print (its bill number); the error funnel says why
    voucher_failed = Signal(str)

    def __init__(self, context: CounterContext, token_panel: TokenPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.context, self.token_panel, self.parent_widget = context, token_panel, parent

    def print_sold(self, outcome: VendOutcome | None) -> None:
        """The voucher of a sale just made (nothing when the vend failed)."""
        if outcome is not None:
            self.print(outcome.bill_number, reprint=False)

    def print(self, bill_number: str, reprint: bool) -> None:
        self.token_panel.show_print_state(bill_number, "printing")
        self.context.workers.printer.submit(
            self.context.counter.print_voucher,
            bill_number,
            self.context.session,
            reprint,
            on_done=self._printed,
            on_failed=lambda failure: self._print_failed(bill_number, failure),
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        self.token_panel.show_print_state(outcome.bill_number, "printed")
        emit(self.voucher_printed, outcome)

    def _print_failed(self, bill_number: str, failure: JobFailure) -> None:
        self.token_panel.show_print_state(bill_number, "failed")
        emit(self.voucher_failed, bill_number)
        if isinstance(failure.error, StarposError):
            reason = render_error(failure.error)
            failure = JobFailure(VoucherNotPrinted(bill=bill_number, reason=reason))
        self.context.funnel.show_failure(failure, self.parent_widget)

    def reprint_last(self) -> None:
        if not self.context.session.may(REPRINT):
            self.context.funnel.show_failure(
                PermissionMissing(permission=tr("pos", "reprint")), self.parent_widget
            )
            return
        self.context.workers.database.submit(
            self.context.counter.last_bill_number,
            self.context.session,
            on_done=self._reprint_bill,
            on_failed=lambda failure: self.context.funnel.show_failure(failure, self.parent_widget),
        )

    def _reprint_bill(self, bill_number: str | None) -> None:
        if bill_number is None:
            self.context.funnel.show_failure(NothingToReprint(), self.parent_widget)
            return
        self.print(bill_number, reprint=True)
