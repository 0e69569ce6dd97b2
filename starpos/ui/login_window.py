"""The login window: operator code and password, and the language to work in.

The check runs on the database worker (argon2 is deliberately slow); a refused login
(wrong password, locked out, login forbidden) comes back as a typed ``AuthError`` and is
shown by the funnel. The first login of an operator who must change the password (STAR's
factory password) opens :class:`~starpos.ui.password_dialog.ChangePasswordDialog` before
the counter opens.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import LANGUAGES, current_language
from starpos.operators.session import OperatorSession
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.password_dialog import ChangePasswordDialog
from starpos.ui.services import AuthService
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import choose_language, tr


class LoginWindow(QWidget):
    logged_in = Signal(object)  # OperatorSession

    def __init__(self, auth: AuthService, database: Worker, funnel: ErrorFunnel) -> None:
        super().__init__()
        self.setObjectName("loginWindow")
        self._auth = auth
        self._database = database
        self._funnel = funnel
        self.password_dialog: ChangePasswordDialog | None = None

        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.title.setFont(font)

        self.code_field = QLineEdit()
        self.code_field.setObjectName("operatorCode")
        self.password_field = QLineEdit()
        self.password_field.setObjectName("password")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.login_button = QPushButton()
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.code_field.returnPressed.connect(self.password_field.setFocus)
        self.password_field.returnPressed.connect(self.submit)

        form = QFormLayout()
        self.code_label = QLabel()
        self.password_label = QLabel()
        self.language_label = QLabel()
        form.addRow(self.code_label, self.code_field)
        form.addRow(self.password_label, self.password_field)
        form.addRow(self.language_label, self.language_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.title)
        layout.addSpacing(16)
        layout.addLayout(form)
        layout.addWidget(self.login_button)
        self.resize(440, 300)
        self.retranslate_ui()
        self.code_field.setFocus()

    def retranslate_ui(self) -> None:
        # The language may have been switched from the counter: the box shows the one in use.
        in_use = self.language_box.findData(current_language())
        if in_use >= 0 and in_use != self.language_box.currentIndex():
            with QSignalBlocker(self.language_box):
                self.language_box.setCurrentIndex(in_use)
        self.setWindowTitle(tr("login", "StarPOS — log in"))
        self.title.setText(tr("login", "StarPOS counter"))
        self.code_label.setText(tr("login", "Operator code"))
        self.password_label.setText(tr("login", "Password"))
        self.language_label.setText(tr("login", "Language"))
        self.login_button.setText(tr("login", "Log in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        choose_language(str(self.language_box.currentData()))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.code_field, self.password_field, self.login_button):
            widget.setEnabled(not busy)

    def submit(self) -> None:
        if not self.login_button.isEnabled():
            return  # a check is already running
        code = self.code_field.text().strip()
        password = self.password_field.text()
        if not code:
            self.code_field.setFocus()
            return
        self._set_busy(True)
        self._database.submit(
            self._auth.login,
            code,
            password,
            on_done=lambda session: self._accepted(session, password),
            on_failed=self._refused,
        )

    def _refused(self, failure: JobFailure) -> None:
        self._set_busy(False)
        self.password_field.clear()
        self.password_field.setFocus()
        self._funnel.show_failure(failure, self)

    def _accepted(self, session: OperatorSession, password: str) -> None:
        self._set_busy(False)
        if session.must_change_password:
            dialog = ChangePasswordDialog(
                self._auth, self._database, self._funnel, session.code, self, forced=True
            )
            dialog.old_field.setText(password)
            dialog.changed.connect(
                lambda: self._finish(replace(session, must_change_password=False))
            )
            self.password_dialog = dialog
            dialog.open()
            dialog.new_field.setFocus()
            return
        self._finish(session)

    def _finish(self, session: OperatorSession) -> None:
        self.password_field.clear()
        emit(self.logged_in, session)
