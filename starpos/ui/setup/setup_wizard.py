"""The first-run set-up (issue 15): language, what this PC is, the head office, this
terminal's sales point, the secure module, the printer, the card reader, a test vend, done.

Keyboard only works: every field has a mnemonic (Alt+letter) through its label, Enter
presses the default button (Next, then Finish), and each page's action buttons are
reached with Tab. On Finish it emits :attr:`SetupWizard.finished_setup` with the mode
chosen; the program then hands over to the back office's set-up for a new utility (the
first-run dialog: demo utility or start empty) or to the login for a head office counter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.setup.device_pages import FinishPage, ModulePage, PrinterPage, ReaderPage
from starpos.ui.setup.start_pages import (
    HEAD_OFFICE,
    HeadOfficePage,
    LanguagePage,
    ModePage,
    SalesPointPage,
)
from starpos.ui.setup.vend_trial_page import TrialVendPage
from starpos.ui.signals import emit
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import tr

CONTEXT = "setup"
LANGUAGE, MODE, HEAD_OFFICE_PAGE, SALES_POINT, MODULE, PRINTER, READER, TEST_VEND, FINISH = range(9)


class SetupWizard(QWizard):
    #: the installer finished; the mode chosen (``new_utility`` or ``head_office``)
    finished_setup = Signal(str)

    def __init__(
        self,
        setup: Any,
        workers: Workers,
        funnel: ErrorFunnel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setup = setup  # the installer's actions, over the settings the pages save to
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.language_page = LanguagePage()
        self.mode_page = ModePage()
        self.head_office_page = HeadOfficePage(setup, workers.database, funnel)
        self.sales_point_page = SalesPointPage(lambda: self.mode_page.mode, self.head_office_page)
        self.module_page = ModulePage(setup, workers, funnel)
        self.printer_page = PrinterPage(setup, workers, funnel)
        self.reader_page = ReaderPage(setup, workers, funnel)
        self.test_vend_page = TrialVendPage(setup, workers, funnel)
        self.finish_page = FinishPage(self.summary)
        for page_id, page in (
            (LANGUAGE, self.language_page),
            (MODE, self.mode_page),
            (HEAD_OFFICE_PAGE, self.head_office_page),
            (SALES_POINT, self.sales_point_page),
            (MODULE, self.module_page),
            (PRINTER, self.printer_page),
            (READER, self.reader_page),
            (TEST_VEND, self.test_vend_page),
            (FINISH, self.finish_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(LANGUAGE)
        self.resize(760, 560)
        self.retranslate_ui()

    def nextId(self) -> int:
        current = self.currentId()
        if current == MODE:
            return HEAD_OFFICE_PAGE if self.mode_page.mode == HEAD_OFFICE else SALES_POINT
        if current == HEAD_OFFICE_PAGE:
            return SALES_POINT
        if current == FINISH:
            return -1
        order = [LANGUAGE, MODE, SALES_POINT, MODULE, PRINTER, READER, TEST_VEND, FINISH]
        return order[order.index(current) + 1] if current in order else -1

    def summary(self) -> str:
        lines = []
        module = self.module_page.chosen
        if module is not None:
            lines.append(
                tr(CONTEXT, "Secure module: {module_id}{training}.").format(
                    module_id=module.module_id,
                    training=tr(CONTEXT, " (training)") if module.training else "",
                )
            )
        printed = self.printer_page.printed
        lines.append(
            tr(CONTEXT, "Printer: {connection}, test voucher printed.").format(
                connection=printed.connection
            )
            if printed is not None
            else tr(CONTEXT, "Printer: not tested (set it later in the settings).")
        )
        card = self.reader_page.card
        lines.append(
            tr(CONTEXT, "Card reader: {reader}, test card read.").format(reader=card.reader)
            if card is not None
            else tr(CONTEXT, "Card reader: not tested (only card meters need one).")
        )
        vend = self.test_vend_page
        lines.append(
            tr(CONTEXT, "Test vend: done for meter {meter}.").format(meter=vend.ready.meter_number)
            if vend.printed is not None
            else tr(CONTEXT, "Test vend: not made (the first sale will check the same).")
        )
        if self.mode_page.mode == HEAD_OFFICE:
            lines.append(tr(CONTEXT, "Press Finish to log in."))
        else:
            lines.append(tr(CONTEXT, "Press Finish to set up the utility in the back office."))
        return "\n\n".join(lines)

    def accept(self) -> None:
        super().accept()
        emit(self.finished_setup, self.mode_page.mode)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr(CONTEXT, "StarPOS set-up"))
        # Qt names its own buttons once, in the language of the moment: named here again.
        buttons = QWizard.WizardButton
        self.setButtonText(buttons.BackButton, tr(CONTEXT, "< &Back"))
        self.setButtonText(buttons.NextButton, tr(CONTEXT, "&Next >"))
        self.setButtonText(buttons.FinishButton, tr(CONTEXT, "&Finish"))
        self.setButtonText(buttons.CancelButton, tr(CONTEXT, "Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
