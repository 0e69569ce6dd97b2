"""Installer settings (permission-gated): secure module (and how early its keys' expiry is
announced), printer, paper, voucher text, card
reader and backups.

The fields are the declared settings of :mod:`starpos.settings` (key, type, label, choices,
when a change applies), so a new setting there needs one line here. Each value is checked
(:func:`starpos.settings.checked`) when its field is left and again on Save: a refused value
shows its reason under its field and nothing is saved until every field is good. Fields
whose change needs a restart say so under them; the module's port applies at the next vend
(the counter's module link follows the settings file). The test print runs on the printer
worker with what was saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
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
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.bootstrap import load_settings
from starpos.errors import ConfigError
from starpos.i18n import render_error
from starpos.settings import APPLIES_TEXT, Applies, SettingRefusedError, Settings, checked, setting
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import CounterService
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import tr

#: The settings an installer edits here, in the order shown.
KEYS = (
    "sm.url",
    "sm.baud",
    "sm.timeout_ms",
    "sm.key_warning_days",
    "printer.connection",
    "printer.profile",
    "printer.paper_mm",
    "printer.qr_code",
    "printer.cash_drawer",
    "voucher.header",
    "voucher.footer",
    "card.reader",
    "backup.folder",
    "backup.keep_days",
    "backup.daily_at",
)
MULTILINE = ("voucher.header", "voucher.footer")
#: Fields that say when they apply although it is at once: the module's port is the one an
#: installer changes on a running counter and must know about.
SAY_AT_ONCE = ("sm.url",)
#: Whole numbers are typed freely; their check, not the spin box, says what is allowed.
SPIN_RANGE = (-99_999_999, 99_999_999)


def _editor_value(editor: QWidget) -> Any:
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    raise TypeError(type(editor).__name__)


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
        #: the reason a field's value is refused, under the field (hidden while it is good)
        self.errors: dict[str, QLabel] = {}
        #: when a change of the field applies, for fields that need a restart
        self.notes: dict[str, QLabel] = {}
        form = QFormLayout()
        # A long label puts its field under it rather than squeezing the field and its reason.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key in KEYS:
            self._add_row(form, key)
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
        fields = QWidget()
        fields.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(scroll)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.resize(780, 680)
        self.retranslate_ui()
        for key in self.settings.problems():  # a bad value edited into the file by hand
            if key in self.editors:
                self.check_field(key)

    def _add_row(self, form: QFormLayout, key: str) -> None:
        """The field's label and editor, the note saying when a change applies under the
        editor, and the row of the reason a value is refused (across the whole width, so a
        long reason wraps instead of squeezing the field; shown only while there is one)."""
        editor = self._editor(key, self.settings.stored(key))
        editor.setObjectName(f"setting_{key}")
        field: QWidget = editor
        declared = setting(key)
        if declared.applies is not Applies.AT_ONCE or key in SAY_AT_ONCE:
            note = QLabel()
            note.setObjectName(f"settingNote_{key}")
            note.setWordWrap(True)
            field = QWidget()
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            column.addWidget(note)
            self.notes[key] = note
        if isinstance(editor, QLineEdit):
            editor.editingFinished.connect(lambda key=key: self.check_field(key))
        label = QLabel()
        form.addRow(label, field)
        error = QLabel()
        error.setObjectName(f"settingError_{key}")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b00020;")
        form.addRow(error)
        form.setRowVisible(error, False)
        self.editors[key], self.labels[key], self.errors[key] = editor, label, error
        self._form = form

    def _editor(self, key: str, value: Any) -> QWidget:
        declared = setting(key)
        if declared.choices:
            box = QComboBox()
            for choice in declared.choices:
                box.addItem(f"{choice} mm" if key == "printer.paper_mm" else str(choice), choice)
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
            spin.setRange(*SPIN_RANGE)
            spin.setValue(int(value) if isinstance(value, int) else int(declared.default))
            return spin
        return QLineEdit(str(value))

    def values(self) -> dict[str, Any]:
        return {key: _editor_value(editor) for key, editor in self.editors.items()}

    def check_field(self, key: str) -> bool:
        """Check one field's value; show why it is refused under it. True when it is good."""
        try:
            checked(key, _editor_value(self.editors[key]))
        except ConfigError as refused:
            self._show_refusal(key, refused)
            return False
        self.errors[key].clear()
        self._form.setRowVisible(self.errors[key], False)
        return True

    def _show_refusal(self, key: str, refused: ConfigError) -> None:
        reason = refused.params["reason"] if isinstance(refused, SettingRefusedError) else refused
        text = render_error(reason)  # a clause of a sentence: it starts one under the field
        self.errors[key].setText(text[:1].upper() + text[1:])
        self._form.setRowVisible(self.errors[key], True)

    def save(self) -> bool:
        """Save every field, or none when one is refused (its reason shows under it)."""
        good = [self.check_field(key) for key in self.editors]
        if not all(good):
            self.result_label.setText(
                tr("settings_dialog", "Nothing was saved: correct the fields marked in red.")
            )
            first = next(key for key, ok in zip(self.editors, good, strict=True) if not ok)
            self.editors[first].setFocus()
            return False
        try:
            for key, value in self.values().items():
                self.settings.set(key, value)
            self.settings.save()
        except (ConfigError, OSError) as error:
            self._funnel.show_failure(error, self)
            return False
        self.result_label.clear()
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
        for key, note in self.notes.items():
            note.setText(tr("settings", APPLIES_TEXT[setting(key).applies]))
        examples = {
            "sm.url": tr("settings_dialog", "for example /dev/ttyUSB0 or socket://10.0.0.5:7000"),
            "printer.connection": tr(
                "settings_dialog",
                "network:HOST:PORT, serial:/dev/ttyUSB0:19200, usb:04b8:0202, "
                "file:/dev/usb/lp0 or cups:QUEUE",
            ),
            "backup.daily_at": tr("settings_dialog", "HH:MM, or off"),
        }
        for key, text in examples.items():
            editor = self.editors[key]
            if isinstance(editor, QLineEdit):
                editor.setPlaceholderText(text)
        for key, error in self.errors.items():
            if error.isVisibleTo(self):
                self.check_field(key)  # the reason again, in the new language
        self.test_button.setText(tr("settings_dialog", "Test print"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
