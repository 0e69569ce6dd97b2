"""The meter number field: typed or scanned, its check digit verified at every keystroke.

The check is the STS engine's (``parse_meter_number``): pure and fast, so it runs on the
GUI thread and answers before anything is dispatched. A number is *confirmed* only when it
parses; the window looks the customer up then, and never before. When the look-up says the
number cannot be sold to (unknown, post-paid, blacklisted ...), the reason shows in red
under the field (:meth:`MeterNumberField.show_refusal`) until the number changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from starpos.errors import user_facing_types
from starpos.i18n import render_error
from starpos.sts.errors import MeterCheckDigitError
from starpos.ui.counter_errors import MeterNumberMistyped
from starpos.ui.signals import emit
from starpos.ui.translator import tr

#: Lengths a meter number can have: 11 or 13 digits (IAIN with its check digit), 18 (PAN).
COMPLETE_LENGTHS = (11, 13, 18)


def _default_parser() -> Callable[[str], object]:
    from starpos.sts.meter_number import parse_meter_number

    parse: Callable[[str], object] = parse_meter_number
    return parse


class MeterNumberField(QWidget):
    confirmed = Signal(str)  # the digits of a number whose check digit is right
    cleared = Signal()  # the number is incomplete or wrong again

    OK_STYLE = "color: #1b5e20;"
    PROBLEM_STYLE = "color: #b00020; font-weight: bold;"
    HINT_STYLE = "color: #555555;"

    def __init__(self, parse: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self._parse = parse or _default_parser()
        self.edit = QLineEdit()
        self.edit.setObjectName("meterNumber")
        # Scanners and people type spaces or dashes between groups; only digits count.
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 \-]{0,27}")))
        font = self.edit.font()
        font.setPointSize(font.pointSize() + 6)
        font.setFamily("DejaVu Sans Mono")
        self.edit.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("meterStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self._digits = ""
        self._problem: BaseException | None = None
        self._confirmed = False
        self._refusal: BaseException | None = None
        self.edit.textChanged.connect(self._check)
        self.retranslate_ui()

    @property
    def digits(self) -> str:
        return self._digits

    @property
    def is_confirmed(self) -> bool:
        return self._confirmed

    @property
    def problem(self) -> BaseException | None:
        return self._problem

    @property
    def refusal(self) -> BaseException | None:
        return self._refusal

    def clear(self) -> None:
        self.edit.clear()

    def show_refusal(self, refusal: BaseException | None) -> None:
        """Why the confirmed number cannot be sold to (rendered in the reader's language)."""
        self._refusal = refusal
        self._show_state()

    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(tr("pos", "Type or scan the meter number"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _check(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        was_confirmed = self._confirmed
        self._digits = digits
        self._problem = None
        self._refusal = None
        self._confirmed = False
        if len(digits) in COMPLETE_LENGTHS or len(digits) > max(COMPLETE_LENGTHS):
            try:
                self._parse(digits)
            except MeterCheckDigitError:
                self._problem = MeterNumberMistyped(number=digits)
            except user_facing_types() as error:
                self._problem = error
            else:
                self._confirmed = True
        self._show_state()
        if self._confirmed:
            emit(self.confirmed, digits)
        elif was_confirmed:
            emit(self.cleared)

    def _show_state(self) -> None:
        if self._confirmed and self._refusal is not None:
            self.status.setStyleSheet(self.PROBLEM_STYLE)
            self.status.setText("✘ " + render_error(self._refusal))
        elif self._confirmed:
            self.status.setStyleSheet(self.OK_STYLE)
            self.status.setText(tr("pos", "✔ Check digit correct"))
        elif self._problem is not None:
            self.status.setStyleSheet(self.PROBLEM_STYLE)
            self.status.setText("✘ " + render_error(self._problem))
        else:
            self.status.setStyleSheet(self.HINT_STYLE)
            self.status.setText(
                tr("pos", "{count} digits typed: a meter number has 11, 13 or 18 digits.").format(
                    count=len(self._digits)
                )
                if self._digits
                else tr("pos", "A meter number has 11, 13 or 18 digits.")
            )
