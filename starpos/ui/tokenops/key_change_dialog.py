"""Key change at the next purchase (docs/key-changes.md), for the meter on the counter: its
key as the store holds it and the key change waiting, if any; flag it for a key change to
a new key (what is left empty stays the meter's own), or withdraw a flag whose tokens are
not made yet. The core checks the ``key_change`` permission and the meter, and audits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.token_ops import MeterKey
from starpos.db.enums import TokenOperationKind as Kind
from starpos.sts.tid import BASE_DATES
from starpos.tokenops import errors
from starpos.tokenops.kinds import KeyTarget
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.tokenops.cancel_dialog import RESULT_STYLE
from starpos.ui.tokenops.service import TokenOpsContext
from starpos.ui.translator import tr

#: The new key's number fields (named as KeyTarget's); empty keeps the meter's own.
NUMBER_FIELDS = ("register", "krn", "ti")


class KeyChangeDialog(QDialog):
    #: the meter's key as shown (MeterKey), after each look-up, flag and unflag
    shown = Signal(object)

    def __init__(self, ops: TokenOpsContext, meter: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyChangeDialog")
        self.ops = ops
        self.meter: MeterKey | None = None
        self.meter_field = QLineEdit(meter)
        self.meter_field.setObjectName("keyChangeMeter")
        self.meter_field.returnPressed.connect(self.look_up)
        self.key_label = QLabel()
        self.key_label.setObjectName("keyChangeState")
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = {name: QLineEdit() for name in (*NUMBER_FIELDS, "sgc")}
        for name, field in self.fields.items():
            field.setObjectName(f"keyChange_{name}")
        self.base_date_box = QComboBox()
        self.base_date_box.setObjectName("keyChange_base_date")
        self.base_date_box.addItem("", None)
        for year in BASE_DATES:
            self.base_date_box.addItem(str(year), year)
        self.labels = [QLabel() for _ in range(6)]
        self.form = QFormLayout()
        widgets = (
            self.meter_field, self.fields["register"], self.fields["krn"], self.fields["sgc"],
            self.fields["ti"], self.base_date_box,
        )  # fmt: skip
        for index, (label, widget) in enumerate(zip(self.labels, widgets, strict=True)):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            if index == 0:
                self.form.addRow(self.key_label)
        self.buttons = QDialogButtonBox()
        self.flag_button = QPushButton()
        self.flag_button.setObjectName("keyChangeFlag")
        self.unflag_button = QPushButton()
        self.unflag_button.setObjectName("keyChangeUnflag")
        for button, slot in ((self.flag_button, self.flag), (self.unflag_button, self.unflag)):
            button.setAutoDefault(False)
            button.setEnabled(False)  # the meter is looked up first
            button.clicked.connect(slot)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a field acts on it, never closes the dialog
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()
        if meter.strip():
            self.look_up()

    # -- the meter --------------------------------------------------------------------------
    def look_up(self) -> None:
        number = self.meter_field.text().strip()
        if number:
            self._ask(self.ops.service.meter_key, number, on_done=self._show)

    def _ask(
        self, function: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]
    ) -> None:
        self.flag_button.setEnabled(False)  # one change at a time, until the store answers
        self.unflag_button.setEnabled(False)
        self.ops.workers.database.submit(function, *args, on_done=on_done, on_failed=self._refused)

    def _reread(self) -> None:
        """After a flag or an unflag: the meter as the store now holds it."""
        if self.meter is not None:
            self._ask(self.ops.service.meter_key, self.meter.meter, on_done=self._show)

    def _show(self, meter: MeterKey) -> None:
        self.meter = meter
        self._show_key()
        waiting = meter.flag_state == "flagged"
        self.flag_button.setEnabled(meter.flag_state is None)
        self.unflag_button.setEnabled(waiting)
        emit(self.shown, meter)

    def _show_key(self) -> None:
        meter = self.meter
        if meter is None:
            self.key_label.setText(tr("tokenui", "Type the meter number and press Enter."))
            return
        lines = [
            tr("tokenui", "Meter {meter} ({customer}), key: {key}").format(
                meter=meter.meter, customer=meter.customer or "-", key=meter.key
            )
        ]
        if meter.flag_state == "flagged":
            lines.append(
                tr("tokenui", "Flagged: key change to {key} at the next purchase.").format(
                    key=meter.flag_key
                )
            )
        elif meter.flag_state is not None:
            lines.append(
                tr("tokenui", "Its key change tokens to {key} are made.").format(key=meter.flag_key)
            )
        else:
            lines.append(tr("tokenui", "No key change is waiting."))
        self.key_label.setStyleSheet(RESULT_STYLE if meter.flag_state else "")
        self.key_label.setText("\n".join(lines))

    # -- flag, unflag -----------------------------------------------------------------------
    def target(self) -> KeyTarget:
        values: dict[str, int] = {}
        for name in NUMBER_FIELDS:
            text = self.fields[name].text().strip()
            if not text:
                continue
            if not text.isdigit():
                raise errors.ValueOutOfRangeError(
                    kind=f"{Kind.KEY_CHANGE.value} {name}", value=text, minimum=0, maximum=99
                )
            values[name] = int(text)
        sgc = self.fields["sgc"].text().strip() or None
        base_date = self.base_date_box.currentData()
        return KeyTarget(sgc=sgc, base_date=base_date, **values)

    def flag(self) -> None:
        if self.meter is None:
            return
        try:
            target = self.target()
        except errors.TokenOperationError as error:
            self.ops.funnel.show_failure(error, self)
            return
        self._ask(
            self.ops.service.flag, self.ops.session, self.meter.meter, target,
            on_done=lambda _count: self._reread(),
        )  # fmt: skip

    def unflag(self) -> None:
        if self.meter is not None:
            self._ask(
                self.ops.service.unflag, self.ops.session, self.meter.meter,
                on_done=lambda _done: self._reread(),
            )  # fmt: skip

    def _refused(self, failure: JobFailure) -> None:
        self.ops.funnel.show_failure(failure, self)
        if self.meter is not None:  # the buttons as the store stands
            self._show(self.meter)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("tokenui", "Key change at the next purchase"))
        texts = (
            tr("tokenui", "&Meter"),
            tr("tokenui", "New key &register"),
            tr("tokenui", "New &KRN"),
            tr("tokenui", "New &SGC"),
            tr("tokenui", "New &TI"),
            tr("tokenui", "New &base date"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for field in self.fields.values():
            field.setPlaceholderText(tr("tokenui", "(keep the meter's)"))
        self.base_date_box.setItemText(0, tr("tokenui", "(keep the meter's)"))
        self.flag_button.setText(tr("tokenui", "&Flag for key change"))
        self.unflag_button.setText(tr("tokenui", "&Withdraw the flag"))
        self._show_key()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
