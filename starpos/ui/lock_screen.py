"""Lock screen (STAR manual 7.2): nothing behind it can be used until the operator's
password is typed again.

It is a window-modal sheet over the counter that ignores Escape and closing; the password
check runs on the database worker like a login (so lockout rules apply to it too). A wrong
password is said as such: the operator typed no code here, so the login's "operator code
or password is wrong" would send them looking for a mistake they did not make.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.operators.session import OperatorSession
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import AuthService
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr

#: The login's refusal for a wrong code or password (its stable code: the class may move).
WRONG_CREDENTIALS = "auth.wrong_credentials"


class LockScreen(QDialog):
    unlocked = Signal()

    def __init__(
        self,
        auth: AuthService,
        database: Worker,
        funnel: ErrorFunnel,
        session: OperatorSession,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setModal(True)
        self._auth = auth
        self._database = database
        self._funnel = funnel
        self._session = session
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSize(font.pointSize() + 4)
        self.message.setFont(font)
        self.password_field = QLineEdit()
        self.password_field.setObjectName("unlockPassword")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.submit)
        column = QWidget()
        column.setMaximumWidth(460)
        inner = QVBoxLayout(column)
        inner.addWidget(self.message)
        inner.addWidget(self.password_field)
        inner.addWidget(self.unlock_button)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(column)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addLayout(row)
        layout.addStretch()
        self.retranslate_ui()
        # It covers the counter, frameless, so nothing behind it can be read or clicked.
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setGeometry(parent.frameGeometry())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("lock", "Locked"))
        self.message.setText(
            tr(
                "lock", "The counter is locked by {name} ({code}). Type the password to unlock."
            ).format(name=self._session.name, code=self._session.code)
        )
        self.unlock_button.setText(tr("lock", "Unlock"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()

    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        self._database.submit(
            self._auth.check_password,
            self._session.code,
            self.password_field.text(),
            on_done=self._accepted,
            on_failed=self._refused,
        )

    def _accepted(self, _result: object) -> None:
        self.unlock_button.setEnabled(True)
        self.password_field.clear()
        self.accept()
        emit(self.unlocked)

    def _refused(self, failure: JobFailure) -> None:
        self.unlock_button.setEnabled(True)
        self.password_field.clear()
        self.password_field.setFocus()
        if getattr(failure.error, "code", "") == WRONG_CREDENTIALS:
            text = tr("lock", "The password is wrong. Type the password of {name} again.")
            self._funnel.show_message(WRONG_CREDENTIALS, text.format(name=self._session.name), self)
            return
        self._funnel.show_failure(failure, self)
