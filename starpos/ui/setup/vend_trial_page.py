"""The wizard's last device page: a test vend for a test meter through the configured
module and printer (decision INS-20). The module is asked, on its worker, what a sale for
the meter asks of it (queries only); then the meter's test token is printed on the printer's
worker. Nothing is sold or booked, and no credit is used. A failure says what to check."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout

from starpos.i18n import render_error
from starpos.sts.errors import StsError
from starpos.sts.meter_number import parse_meter_number
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.money import format_kwh, group_token
from starpos.ui.setup.page_base import ActionButton, OutcomeLabel, SetupPage, run_on
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import tr

CONTEXT = "setup"
#: A valid 11-digit meter number (IIN 600727, manufacturer 01): the test meter by default.
TEST_METER = "01234567897"


class TrialVendPage(SetupPage):
    def __init__(self, setup: Any, workers: Workers, funnel: ErrorFunnel) -> None:
        super().__init__()
        self.setObjectName("testVendPage")
        self._setup, self._workers, self._funnel = setup, workers, funnel
        self.ready: Any = None  # what the module answered for the test meter
        self.printed: Any = None  # the print result, once the voucher went out
        self.meter = QLineEdit(TEST_METER)
        self.meter.setObjectName("testMeter")
        self.vend_button = ActionButton("testVend", self.test_vend)
        self.outcome = OutcomeLabel("testVendOutcome")
        self.meter_label = QLabel()
        self.meter_label.setBuddy(self.meter)
        form = QFormLayout()
        form.addRow(self.meter_label, self.meter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.vend_button)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.retranslate_ui()

    def test_vend(self) -> None:
        if self.vend_button.busy:
            return
        self.ready = self.printed = None
        try:  # a mistyped number is said at once, in the engine's words, before any device
            number = str(parse_meter_number(self.meter.text()))
        except StsError as error:
            self.outcome.bad(render_error(error))
            return
        self.vend_button.busy = True
        self.outcome.working(tr(CONTEXT, "Asking the secure module for the test meter…"))
        run_on(
            self._workers.module,
            self._setup.test_vend_module,
            number,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._module_ready,
            on_failed=self._module_failed,
        )

    def _module_failed(self) -> None:
        self.vend_button.busy = False
        if not self.outcome.text():
            return  # not a device's refusal: the error window says what happened
        self.outcome.setText(
            tr(CONTEXT, "The test vend stopped at the secure module: {reason}").format(
                reason=self.outcome.text()
            )
        )

    def _module_ready(self, ready: Any) -> None:
        self.ready = ready
        self.outcome.working(tr(CONTEXT, "The module is ready; printing the test voucher…"))
        run_on(
            self._workers.printer,
            self._setup.test_vend_print,
            ready,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._printed,
            on_failed=self._print_failed,
        )

    def _print_failed(self) -> None:
        self.vend_button.busy = False
        if not self.outcome.text():
            return
        self.outcome.setText(
            tr(
                CONTEXT,
                "The module is ready for meter {meter}, but the test voucher did not print: "
                "{reason}",
            ).format(meter=self.ready.meter_number, reason=self.outcome.text())
        )

    def _printed(self, result: Any) -> None:
        self.vend_button.busy = False
        self.printed = result
        self.outcome.good(self.result_text())

    def result_text(self) -> str:
        ready, key = self.ready, self.ready.key
        lines = [
            tr(
                CONTEXT,
                "Test vend done for meter {meter}: module {module_id} holds the key that "
                "serves it (supply group {sgc}, key revision {krn}, register {register}).",
            ).format(
                meter=ready.meter_number,
                module_id=ready.identity.module_id,
                sgc=key.sgc,
                krn=key.krn,
                register=f"{key.register:02d}",
            ),
            tr(CONTEXT, "The module has {balance} kWh of credit.").format(
                balance=format_kwh(ready.balance.balance)
            ),
            tr(
                CONTEXT,
                "The test voucher printed on {connection} with the meter's test token "
                "{token}: no credit was used and nothing was sold, so there is nothing to void.",
            ).format(connection=self.printed.connection, token=group_token(ready.test_token)),
        ]
        if ready.balance.balance <= 0:
            lines.append(
                tr(CONTEXT, "Credit the module (Secure module manager) before the first sale.")
            )
        return " ".join(lines)

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Test vend"))
        self.setSubTitle(
            tr(
                CONTEXT,
                "A test vend for a test meter through the module and the printer chosen: "
                "the module is asked what a sale needs, the printer prints the meter's test "
                "token. Nothing is sold.",
            )
        )
        self.meter_label.setText(tr(CONTEXT, "Test &meter number:"))
        self.vend_button.setText(tr(CONTEXT, "Make a test &vend"))
        if self.printed is not None:
            self.outcome.good(self.result_text())
