"""The wizard's first pages: the language, what this PC is (a new utility, or a counter of
an existing head office), the head office's enrolment and this terminal's sales point."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from starpos.i18n import LANGUAGES, current_language
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.setup.page_base import ActionButton, OutcomeLabel, SetupPage, run_on
from starpos.ui.signals import emit
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import choose_language, tr

CONTEXT = "setup"
NEW_UTILITY = "new_utility"
HEAD_OFFICE = "head_office"


class LanguagePage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("languagePage")
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.language_box = QComboBox()
        self.language_box.setObjectName("setupLanguage")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.language_box.currentIndexChanged.connect(self._chosen)
        self.prompt.setBuddy(self.language_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.language_box)
        layout.addStretch()
        self.retranslate_ui()

    def _chosen(self) -> None:
        # Live: every page, this one included, retranslates on Qt's LanguageChange.
        choose_language(str(self.language_box.currentData()))

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Welcome to StarPOS"))
        self.setSubTitle(tr(CONTEXT, "This wizard sets up this PC in a few steps."))
        self.prompt.setText(tr(CONTEXT, "&Language of StarPOS on this PC:"))


class ModePage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("modePage")
        self.new_utility = QRadioButton()
        self.new_utility.setObjectName("newUtility")
        self.new_utility.setChecked(True)
        self.head_office = QRadioButton()
        self.head_office.setObjectName("headOfficeCounter")
        self.new_help = QLabel()
        self.head_help = QLabel()
        for label in (self.new_help, self.head_help):
            label.setWordWrap(True)
            label.setIndent(24)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_utility)
        layout.addWidget(self.new_help)
        layout.addWidget(self.head_office)
        layout.addWidget(self.head_help)
        layout.addStretch()
        self.retranslate_ui()

    @property
    def mode(self) -> str:
        return HEAD_OFFICE if self.head_office.isChecked() else NEW_UTILITY

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "What is this PC?"))
        self.setSubTitle(tr(CONTEXT, "Choose how this StarPOS is used."))
        self.new_utility.setText(tr(CONTEXT, "A &new utility on this PC"))
        self.new_help.setText(
            tr(
                CONTEXT,
                "Everything on this PC: after the devices, the back office's set-up creates "
                "the company, sales points, tariffs and operators (or loads the demo utility).",
            )
        )
        self.head_office.setText(tr(CONTEXT, "A &counter of an existing head office"))
        self.head_help.setText(
            tr(
                CONTEXT,
                "The head office gave you its server address and a one-time enrolment code "
                "for this terminal; its master data comes down to this PC.",
            )
        )


class HeadOfficePage(SetupPage):
    """The enrolment (``starpos sync enrol``) and the first snapshot, on the database worker."""

    def __init__(self, setup: Any, database: Worker, funnel: ErrorFunnel) -> None:
        super().__init__()
        self.setObjectName("headOfficePage")
        self._setup, self._database, self._funnel = setup, database, funnel
        self.enrolment: Any = None
        self.server_field = QLineEdit()
        self.server_field.setObjectName("serverAddress")
        self.server_field.setPlaceholderText("https://head-office.example:8443")
        self.code_field = QLineEdit()
        self.code_field.setObjectName("enrolmentCode")
        self.enrol_button = ActionButton("enrolButton", self._enrol)
        self.outcome = OutcomeLabel("enrolOutcome")
        self.server_label, self.code_label = QLabel(), QLabel()
        self.server_label.setBuddy(self.server_field)
        self.code_label.setBuddy(self.code_field)
        form = QFormLayout()
        form.addRow(self.server_label, self.server_field)
        form.addRow(self.code_label, self.code_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.enrol_button)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.retranslate_ui()

    def isComplete(self) -> bool:
        return self.enrolment is not None

    def _enrol(self) -> None:
        if self.enrol_button.busy:
            return
        self.enrol_button.busy = True
        self.outcome.working(tr(CONTEXT, "Enrolling with the head office…"))
        run_on(
            self._database,
            self._enrol_and_wait,
            self.server_field.text(),
            self.code_field.text(),
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._enrolled,
            on_failed=self._enrol_failed,
        )

    def _enrol_failed(self) -> None:
        self.enrol_button.busy = False

    def _enrol_and_wait(self, server: str, code: str) -> Any:
        enrolment = self._setup.enrol(server, code)
        self._setup.first_snapshot()  # wait for the head office's master data
        return enrolment

    def _enrolled(self, enrolment: Any) -> None:
        self.enrol_button.busy = False
        self.enrolment = enrolment
        self.outcome.good(
            tr(
                CONTEXT,
                "Enrolled as terminal {terminal} of sales point {sales_point}; the head "
                "office's master data has arrived.",
            ).format(terminal=enrolment.terminal_code, sales_point=enrolment.sales_point_code)
        )
        emit(self.completeChanged)

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Head office"))
        self.setSubTitle(tr(CONTEXT, "Enrol this counter with its head office."))
        self.server_label.setText(tr(CONTEXT, "&Server address:"))
        self.code_label.setText(tr(CONTEXT, "One-time &code:"))
        self.enrol_button.setText(tr(CONTEXT, "&Enrol"))


class SalesPointPage(SetupPage):
    """This terminal's sales point: the head office names it at enrolment; a new utility
    creates its sales points in the back office's set-up, where terminals are assigned."""

    def __init__(self, mode: Any, head_office: HeadOfficePage) -> None:
        super().__init__()
        self.setObjectName("salesPointPage")
        self._mode, self._head_office = mode, head_office
        self.text = QLabel()
        self.text.setObjectName("salesPointText")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch()
        self.retranslate_ui()

    def initializePage(self) -> None:
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "This terminal's sales point"))
        enrolment = self._head_office.enrolment
        if self._mode() == HEAD_OFFICE and enrolment is not None:
            self.text.setText(
                tr(
                    CONTEXT,
                    "The head office made this PC terminal {terminal} of sales point "
                    "{sales_point}. Its sales are booked there.",
                ).format(terminal=enrolment.terminal_code, sales_point=enrolment.sales_point_code)
            )
        else:
            self.text.setText(
                tr(
                    CONTEXT,
                    "A new utility has no sales points yet: the back office's set-up, after "
                    "this wizard, creates them, and each operator logs in at one.",
                )
            )
