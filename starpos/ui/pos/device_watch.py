"""The module, the printer and the card reader watched from the counter: status bar, and
recovery.

Each is asked for their state on their own workers every few seconds. After a vend failed
on a device error the module may still have made the token before it went quiet, so the
watch asks more often, and as soon as the module answers it has the counter service finish
the pending vends (also once when the counter opens, for vends a crash left pending) and
says so with ``vend_recovered``: the service books each once, nothing is sold twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from starpos.counter.counter import MODULE_TROUBLE
from starpos.counter.views import DeviceState, VendOutcome
from starpos.errors import StarposError
from starpos.module_admin.key_standing import KeyStanding
from starpos.operators.permissions import CLOSE_SHIFT
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.signals import emit
from starpos.ui.status_bar import CounterStatusBar
from starpos.ui.threading.workers import JobFailure

DEVICE_POLL_MS = 10_000
RECOVERY_POLL_MS = 2_000
#: The module's keys change only with a KMF load: asked when the counter opens, then hourly.
KEY_CHECK_S = 3600.0


def offline(failure: JobFailure | BaseException) -> DeviceState:
    """A device whose state could not be read, or that just failed a sale, is shown
    offline; the reason goes with it (the status bar's tooltip)."""
    error = failure.error if isinstance(failure, JobFailure) else failure
    return DeviceState(online=False, problem=error if isinstance(error, StarposError) else None)


class DeviceWatch(QObject):
    #: a vend left pending was finished after the module came back (its VendOutcome)
    vend_recovered = Signal(object)

    def __init__(
        self,
        context: CounterContext,
        status: CounterStatusBar,
        is_vending: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self.status, self.parent_widget = context, status, parent
        self._is_vending = is_vending
        # A crash may have left vends pending: settle them as soon as the module answers.
        self.recovery_due = True
        self._keys_checked_at: float | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(DEVICE_POLL_MS)

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        counter, workers, status = self.context.counter, self.context.workers, self.status
        workers.module.submit(
            counter.module_state,
            on_done=self._module_answered,
            on_failed=lambda failure: status.set_module_state(offline(failure)),
        )
        now = time.monotonic()
        if self._keys_checked_at is None or now - self._keys_checked_at >= KEY_CHECK_S:
            first = self._keys_checked_at is None
            self._keys_checked_at = now
            workers.module.submit(
                counter.key_warnings,
                on_done=lambda standings: self._keys_answered(standings, first),
                # The module's own state says why it did not answer; asked again next hour.
                on_failed=lambda _failure: None,
            )
        workers.printer.submit(
            counter.printer_state,
            on_done=status.set_printer_state,
            on_failed=lambda failure: status.set_printer_state(offline(failure)),
        )
        cards = self.context.cards
        if cards is not None:
            workers.card.submit(
                cards.reader_state,
                on_done=status.set_card_reader_state,
                on_failed=lambda failure: status.set_card_reader_state(offline(failure)),
            )

    def _keys_answered(self, standings: list[KeyStanding], at_login: bool) -> None:
        """The status bar shows keys near expiry; at login a supervisor is told once
        (STS202-6: the point of sale warns ahead of the key's expiry)."""
        self.status.set_key_warnings(standings)
        session = self.context.session
        if at_login and standings and session.may(CLOSE_SHIFT):
            self.context.funnel.show_message(
                "module.key_expiry", self.status.keys_label.toolTip(), self.parent_widget
            )

    def recover_when_back(self, error: BaseException | None = None) -> None:
        """A vend failed on the way to or from the module: the bar says so at once (never
        "ready" after a failure), and the module is asked more often until it answers."""
        if error is not None:
            self.status.set_module_state(offline(error))
        self.recovery_due = True
        self.timer.setInterval(RECOVERY_POLL_MS)

    def printer_failed(self, error: BaseException) -> None:
        """A voucher did not print: the bar says so until the printer answers again."""
        self.status.set_printer_state(offline(error))

    def _module_answered(self, state: DeviceState) -> None:
        self.status.set_module_state(state)
        if state.online and self.recovery_due and not self._is_vending():
            self.recovery_due = False
            self.context.workers.module.submit(
                self.context.counter.recover_pending,
                self.context.session,
                on_done=self._recovered,
                on_failed=self._recovery_failed,
            )

    def _recovered(self, outcomes: list[VendOutcome]) -> None:
        self.timer.setInterval(DEVICE_POLL_MS)
        for outcome in outcomes:
            emit(self.vend_recovered, outcome)

    def _recovery_failed(self, failure: JobFailure) -> None:
        self.recovery_due = True  # tried again at the next answer
        if not isinstance(failure.error, MODULE_TROUBLE):  # the status bar says it already
            self.context.funnel.show_failure(failure, self.parent_widget)
