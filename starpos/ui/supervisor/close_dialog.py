"""The supervisor's close: the supervisor signs in (code and password), sees expected
against counted per payment method and the variance, gives a reason when it is above the
threshold, and closes: the Z is made (:class:`ReportDialog` shows it)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from starpos.shifts import CountLine
from starpos.ui.money import format_money
from starpos.ui.signals import emit
from starpos.ui.translator import tr


class CloseDialog(QDialog):
    #: the supervisor gave their code and password
    sign_in_chosen = Signal(str, str)
    #: close with this reason
    close_chosen = Signal(str)

    def __init__(self, shift_id: int, decimals: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeDialog")
        self.shift_id, self.decimals = shift_id, decimals
        self.threshold = Decimal(0)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.code_field = QLineEdit()
        self.code_field.setObjectName("supervisorCode")
        self.password_field = QLineEdit()
        self.password_field.setObjectName("supervisorPassword")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("supervisorSignIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.password_field.returnPressed.connect(self._sign_in)
        self.form = QFormLayout()
        self.code_label, self.password_label = QLabel(), QLabel()
        self.form.addRow(self.code_label, self.code_field)
        self.form.addRow(self.password_label, self.password_field)
        self.form.addRow(self.sign_in_button)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("closeLines")
        self.table.verticalHeader().hide()
        self.table.setVisible(False)
        self.variance_label = QLabel()
        self.variance_label.setObjectName("closeVariance")
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("closeReason")
        self.reason_field.setVisible(False)
        self.reason_field.returnPressed.connect(self._close)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeShift")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self._close)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.table)
        layout.addWidget(self.variance_label)
        layout.addWidget(self.reason_field)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.retranslate_ui()
        self.code_field.setFocus()

    def show_lines(self, lines: tuple[CountLine, ...], threshold: Decimal) -> None:
        """After the sign-in: the comparison, and the reason field when it is needed."""
        self.threshold = threshold
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            amounts = (line.expected, line.counted, line.variance)
            texts = [line.payment, *(_money(value, self.decimals) for value in amounts)]
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setVisible(True)
        total = sum((line.variance for line in lines), Decimal(0))
        needs_reason = any(abs(line.variance) > threshold for line in lines)
        text = tr("shifts", "Total variance: {variance}").format(
            variance=_money(total, self.decimals)
        )
        if needs_reason:
            text += "\n" + tr(
                "shifts", "Above the threshold ({threshold}): give the reason you approve it."
            ).format(threshold=format_money(threshold, self.decimals))
        self.variance_label.setText(text)
        self.reason_field.setVisible(needs_reason)
        for field in (self.code_field, self.password_field):
            field.setEnabled(False)
        self.sign_in_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)
        (self.reason_field if needs_reason else self.close_button).setFocus()

    def _sign_in(self) -> None:
        emit(self.sign_in_chosen, self.code_field.text().strip(), self.password_field.text())

    def _close(self) -> None:
        if self.close_button.isEnabled():
            emit(self.close_chosen, self.reason_field.text().strip())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "Close the shift (supervisor)"))
        self.intro.setText(
            tr("shifts", "A supervisor closes shift {shift}: sign in to compare the count.").format(
                shift=self.shift_id
            )
        )
        self.code_label.setText(tr("shifts", "Supervisor"))
        self.password_label.setText(tr("shifts", "Password"))
        self.sign_in_button.setText(tr("shifts", "&Sign in"))
        self.close_button.setText(tr("shifts", "&Close shift and make the Z"))
        self.reason_field.setPlaceholderText(tr("shifts", "Reason for the difference"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("shifts", "Payment"),
                tr("shifts", "Expected"),
                tr("shifts", "Counted"),
                tr("shifts", "Variance"),
            ]
        )


def _money(value: Decimal, decimals: int) -> str:
    """An amount as the fields show it, a short one with its minus sign."""
    return format_money(value, decimals) if value >= 0 else "-" + format_money(-value, decimals)
