"""Printing the voucher after a vend, and reprinting the last one (permission-gated).

A print runs on the printer worker after the token is on screen; its failure never touches
the sale (it stays issued) and is told sale first: the sale is made, hand over the token;
then what to do about the printer. The token panel shows the voucher's fate when it is the
sale on screen; a reprint also says so in the status bar (``printed_note``), whichever
sale is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from starpos.counter.views import PrintOutcome, VendOutcome
from starpos.errors import user_facing_types
from starpos.ui.counter_errors import NothingToReprint, PermissionMissing
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.sale_problems import print_problem
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
    #: a short line saying a reprint was printed, for the status bar
    printed_note = Signal(str)
    #: the printer failed (the typed error): the status bar says so at once
    printer_failed = Signal(object)

    def __init__(self, context: CounterContext, token_panel: TokenPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.context, self.token_panel, self.parent_widget = context, token_panel, parent
        self._card_sales: set[str] = set()  # bills whose credit went onto a card

    def print_sold(self, outcome: VendOutcome | None) -> None:
        """The voucher of a sale just made (nothing when the vend failed)."""
        if outcome is not None:
            if outcome.card_serial:
                self._card_sales.add(outcome.bill_number)
            self.print(outcome.bill_number, reprint=False)

    def print(self, bill_number: str, reprint: bool) -> None:
        self.token_panel.show_print_state(bill_number, "printing")
        self.context.workers.printer.submit(
            self.context.counter.print_voucher,
            bill_number,
            self.context.session,
            reprint,
            on_done=self._printed,
            on_failed=lambda failure: self._print_failed(bill_number, reprint, failure),
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        state = "reprinted" if outcome.reprint else "printed"
        self.token_panel.show_print_state(outcome.bill_number, state)
        if outcome.reprint:
            note = tr("pos", "The voucher of sale {bill} was reprinted.")
            emit(self.printed_note, note.format(bill=outcome.bill_number))
        emit(self.voucher_printed, outcome)

    def _print_failed(self, bill_number: str, reprint: bool, failure: JobFailure) -> None:
        self.token_panel.show_print_state(bill_number, "failed")
        emit(self.printer_failed, failure.error)
        emit(self.voucher_failed, bill_number)
        if not isinstance(failure.error, user_facing_types()):
            self.context.funnel.show_failure(failure, self.parent_widget)  # a bug: its report
            return
        problem = print_problem(
            bill_number,
            failure.error,
            card_sale=bill_number in self._card_sales,
            reprint=reprint,
            may_reprint=self.context.session.may(REPRINT),
        )
        self.context.funnel.show_problem(problem, self.parent_widget)

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
