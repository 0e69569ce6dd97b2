"""Installer settings (permission-gated): secure module, printer, paper and voucher text.

The fields are the declared settings of :mod:`starpos.settings` (key, type, label), so a
new setting there needs one line here. Values are checked by ``starpos.settings.coerce``
before anything is written; the test print runs on the printer worker with what was saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.bootstrap import load_settings
from starpos.devices.printer.connection import parse_connection
from starpos.errors import StarposError
from starpos.settings import Settings, setting
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import CounterService
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import tr

#: The settings an installer edits here, in the order shown.
KEYS = (
    "sm.url",
    "sm.baud",
    "printer.connection",
    "printer.profile",
    "printer.paper_mm",
    "printer.qr_code",
    "printer.cash_drawer",
    "voucher.header",
    "voucher.footer",
)
MULTILINE = ("voucher.header", "voucher.footer")
PAPER_WIDTHS = (58, 80)


class SettingsDialog(QDialog):
    def __init__(
        self,
        counter: CounterService,
        workers: Workers,
        funnel: ErrorFunnel,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._counter, self._workers, self._funnel = counter, workers, funnel
        self.settings = settings or load_settings()
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in KEYS:
            editor = self._editor(key, self.settings.get(key))
            editor.setObjectName(f"setting_{key}")
            label = QLabel()
            self.editors[key], self.labels[key] = editor, label
            form.addRow(label, editor)
        self.result_label = QLabel()
        self.result_label.setObjectName("settingsResult")
        self.result_label.setWordWrap(True)
        self.test_button = QPushButton()
        self.test_button.setObjectName("testPrint")
        self.test_button.clicked.connect(self.test_print)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.resize(620, 520)
        self.retranslate_ui()

    def _editor(self, key: str, value: Any) -> QWidget:
        declared = setting(key)
        if key == "printer.paper_mm":
            box = QComboBox()
            for width in PAPER_WIDTHS:
                box.addItem(f"{width} mm", width)
            box.setCurrentIndex(max(0, box.findData(value)))
            return box
        if key in MULTILINE:
            text = QPlainTextEdit(str(value))
            text.setFixedHeight(64)
            return text
        if declared.type is bool:
            check = QCheckBox()
            check.setChecked(bool(value))
            return check
        if declared.type is int:
            spin = QSpinBox()
            spin.setRange(300, 921_600)
            spin.setValue(int(value))
            return spin
        return QLineEdit(str(value))

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[key] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                values[key] = editor.toPlainText()
            elif isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                values[key] = editor.value()
            elif isinstance(editor, QLineEdit):
                values[key] = editor.text().strip()
        return values

    def save(self) -> bool:
        try:
            values = self.values()
            # A connection string the printer cannot use is refused here, not at the first sale.
            parse_connection(str(values["printer.connection"]))
            for key, value in values.items():
                self.settings.set(key, value)
            self.settings.save()
        except (StarposError, OSError) as error:
            self._funnel.show_failure(error, self)
            return False
        return True

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def test_print(self) -> None:
        if not self.save():
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(tr("settings_dialog", "Printing a test page…"))
        self._workers.printer.submit(
            self._counter.test_print, on_done=self._test_printed, on_failed=self._test_failed
        )

    def _test_printed(self, _result: object) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(tr("settings_dialog", "The test page printed."))

    def _test_failed(self, failure: Any) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(tr("settings_dialog", "The test page did not print."))
        self._funnel.show_failure(failure, self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("settings_dialog", "Installer settings"))
        self.intro.setText(
            tr(
                "settings_dialog",
                "Devices of this counter. Leave a connection empty to use the built-in "
                "emulator or virtual printer.",
            )
        )
        for key, label in self.labels.items():
            label.setText(tr("settings", setting(key).label))
        examples = {
            "sm.url": tr("settings_dialog", "for example /dev/ttyUSB0 or socket://10.0.0.5:7000"),
            "printer.connection": tr(
                "settings_dialog",
                "network:HOST:PORT, serial:/dev/ttyUSB0:19200, usb:04b8:0202, "
                "file:/dev/usb/lp0 or cups:QUEUE",
            ),
        }
        for key, text in examples.items():
            editor = self.editors[key]
            if isinstance(editor, QLineEdit):
                editor.setPlaceholderText(text)
        self.test_button.setText(tr("settings_dialog", "Test print"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
