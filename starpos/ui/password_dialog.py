"""Change password (STAR manual 7.1): the old password once, the new one twice.

The two new entries must match before anything is dispatched; the change itself (argon2
hashing, policy) runs on the database worker and refusals come back as ``AuthError``.
When ``forced`` (first login with the factory password) the dialog cannot be dismissed:
the only ways out are a new password or quitting. The rules a new password must follow are
shown before the first attempt, not learnt from a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from starpos.operators.passwords import MIN_PASSWORD_LENGTH
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import AuthService
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr


class ChangePasswordDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        auth: AuthService,
        database: Worker,
        funnel: ErrorFunnel,
        operator_code: str,
        parent: QWidget | None = None,
        *,
        forced: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self._auth = auth
        self._database = database
        self._funnel = funnel
        self._code = operator_code
        self.forced = forced

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.rules = QLabel()
        self.rules.setObjectName("passwordRules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #555555;")
        self.old_field = QLineEdit()
        self.new_field = QLineEdit()
        self.repeat_field = QLineEdit()
        for name, field in (
            ("oldPassword", self.old_field),
            ("newPassword", self.new_field),
            ("repeatPassword", self.repeat_field),
        ):
            field.setObjectName(name)
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("passwordProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.old_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.old_label, self.old_field)
        form.addRow(self.new_label, self.new_field)
        form.addRow(self.repeat_label, self.repeat_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        if not forced:
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.rules)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.old_field.setVisible(not forced)
        self.old_label.setVisible(not forced)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("password", "Change password"))
        self.intro.setText(
            tr("password", "This is your first login: choose a new password to continue.")
            if self.forced
            else tr("password", "Type your current password once and the new one twice.")
        )
        self.rules.setText(
            tr(
                "password",
                "A new password has at least {minimum} characters, and is neither your "
                "operator code nor your current password.",
            ).format(minimum=MIN_PASSWORD_LENGTH)
        )
        self.old_label.setText(tr("password", "Current password"))
        self.new_label.setText(tr("password", "New password"))
        self.repeat_label.setText(tr("password", "New password again"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reject(self) -> None:
        if not self.forced:
            super().reject()

    def submit(self) -> None:
        new = self.new_field.text()
        if not new:
            self.problem.setText(tr("password", "Type the new password."))
            self.new_field.setFocus()
            return
        if new != self.repeat_field.text():
            self.problem.setText(
                tr("password", "The two new passwords differ. Type the same one twice.")
            )
            self.repeat_field.clear()
            self.repeat_field.setFocus()
            return
        self.problem.clear()
        self.ok_button.setEnabled(False)
        self._database.submit(
            self._auth.change_password,
            self._code,
            self.old_field.text(),
            new,
            on_done=self._done,
            on_failed=self._refused,
        )

    def _done(self, _result: object) -> None:
        self.ok_button.setEnabled(True)
        emit(self.changed)
        self.accept()

    def _refused(self, failure: JobFailure) -> None:
        self.ok_button.setEnabled(True)
        self._funnel.show_failure(failure, self)
