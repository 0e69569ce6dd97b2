"""Printing the voucher after a vend, and reprinting the last one (permission-gated).

A print runs on the printer worker after the token is on screen; its failure never touches
the sale (it stays issued) and is shown with what to do: fix the printer, then reprint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starpos.counter.views import PrintOutcome
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.ui.counter_errors import NothingToReprint, PermissionMissing, VoucherNotPrinted
from starpos.ui.services import REPRINT
from starpos.ui.signals import emit
from starpos.ui.translator import tr
from starpos.ui.workers import JobFailure

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow


class VoucherActions:
    def __init__(self, window: PosWindow) -> None:
        self.window = window

    def print(self, bill_number: str, reprint: bool) -> None:
        if (
            self.window.last_outcome is not None
            and self.window.last_outcome.bill_number == bill_number
        ):
            self.window.token_panel.set_print_state("printing")
        self.window.workers.printer.submit(
            self.window.counter.print_voucher,
            bill_number,
            self.window.session,
            reprint,
            on_done=self._printed,
            on_failed=lambda failure: self._print_failed(bill_number, failure),
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        if (
            self.window.last_outcome is not None
            and self.window.last_outcome.bill_number == outcome.bill_number
        ):
            self.window.token_panel.set_print_state("printed")
        emit(self.window.voucher_printed, outcome)
        self.window.refresh_devices()

    def _print_failed(self, bill_number: str, failure: JobFailure) -> None:
        if (
            self.window.last_outcome is not None
            and self.window.last_outcome.bill_number == bill_number
        ):
            self.window.token_panel.set_print_state("failed")
        emit(self.window.voucher_failed, bill_number)
        if isinstance(failure.error, StarposError):
            reason = render_error(failure.error)
            failure = JobFailure(VoucherNotPrinted(bill=bill_number, reason=reason))
        self.window.funnel.show_failure(failure, self.window)
        self.window.refresh_devices()

    def reprint_last(self) -> None:
        if not self.window.session.may(REPRINT):
            self.window.funnel.show_failure(
                PermissionMissing(permission=tr("pos", "reprint")), self.window
            )
            return
        self.window.workers.database.submit(
            self.window.counter.last_bill_number,
            self.window.session,
            on_done=self._reprint_bill,
            on_failed=lambda failure: self.window.funnel.show_failure(failure, self.window),
        )

    def _reprint_bill(self, bill_number: str | None) -> None:
        if bill_number is None:
            self.window.funnel.show_failure(NothingToReprint(), self.window)
            return
        self.print(bill_number, reprint=True)
