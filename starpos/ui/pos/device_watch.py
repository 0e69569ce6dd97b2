"""The module, the printer and the card reader watched from the counter: status bar, and
recovery.

Each is asked for their state on their own workers every few seconds. After a vend failed
on a device error the module may still have made the token before it went quiet, so the
watch asks more often, and as soon as the module answers it has the counter service finish
the pending vends and shows their tokens (also once when the counter opens, for vends a
crash left pending) (the service books each once; nothing is sold
twice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from starpos.counter.views import DeviceState, VendOutcome
from starpos.errors import DeviceError, StarposError
from starpos.i18n import render_error
from starpos.ui.signals import emit
from starpos.ui.workers import JobFailure

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow

DEVICE_POLL_MS = 10_000
RECOVERY_POLL_MS = 2_000


def offline(failure: JobFailure) -> DeviceState:
    """A device whose state could not be read is shown offline, with the reason."""
    error = failure.error
    if isinstance(error, StarposError):
        return DeviceState(online=False, detail=render_error(error))
    return DeviceState(online=False)


class DeviceWatch:
    def __init__(self, window: PosWindow) -> None:
        self.window = window
        # A crash may have left vends pending: settle them as soon as the module answers.
        self.recovery_due = True
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(DEVICE_POLL_MS)

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        window = self.window
        window.workers.module.submit(
            window.counter.module_state,
            on_done=self._module_answered,
            on_failed=lambda failure: window.status.set_module_state(offline(failure)),
        )
        window.workers.printer.submit(
            window.counter.printer_state,
            on_done=window.status.set_printer_state,
            on_failed=lambda failure: window.status.set_printer_state(offline(failure)),
        )
        if window.card_mode is not None:
            window.workers.card.submit(
                window.card_mode.cards.reader_state,
                on_done=window.status.set_card_reader_state,
                on_failed=lambda failure: window.status.set_card_reader_state(offline(failure)),
            )

    def recover_when_back(self) -> None:
        self.recovery_due = True
        self.timer.setInterval(RECOVERY_POLL_MS)

    def _module_answered(self, state: DeviceState) -> None:
        window = self.window
        window.status.set_module_state(state)
        if state.online and self.recovery_due and not window.vending:
            self.recovery_due = False
            window.workers.module.submit(
                window.counter.recover_pending,
                window.session,
                on_done=self._recovered,
                on_failed=self._recovery_failed,
            )

    def _recovered(self, outcomes: list[VendOutcome]) -> None:
        window = self.window
        self.timer.setInterval(DEVICE_POLL_MS)
        for outcome in outcomes:
            window.last_outcome = outcome
            window.token_panel.show_outcome(outcome)
            emit(window.vend_recovered, outcome)
            window.vouchers.print(outcome.bill_number, reprint=False)

    def _recovery_failed(self, failure: JobFailure) -> None:
        self.recovery_due = True  # tried again at the next answer
        if not isinstance(failure.error, DeviceError):  # the status bar already says offline
            self.window.funnel.show_failure(failure, self.window)
