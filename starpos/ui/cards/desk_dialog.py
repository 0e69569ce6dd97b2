"""What every card desk dialog shares: the card in the reader, the action on Enter, the
result, and card mode paused while it is open.

A dialog checks its input on the GUI thread (``prepare``), then runs the card flow on the
card worker; refusals go through the error funnel, the result shows in the dialog, and the
card in the reader is read again so the panel shows what the card holds now. While a desk
dialog is open, the window's card mode leaves the reader alone: the card inserted to be
issued or blanked is not a customer's card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.operators.session import OperatorSession
from starpos.ui.cards.card_in_reader import CardInReader
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import CardService
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Workers
from starpos.ui.translator import tr

RESULT_STYLE = "color: #1b5e20; font-weight: bold;"
WARNING_STYLE = "color: #8a5a00; font-weight: bold;"


class ReaderFollower(Protocol):
    """Whatever else follows the counter's reader (the counter's card mode): a desk dialog
    pauses it while open, so the card inserted to be issued is not taken for a customer's."""

    def pause(self) -> None: ...

    def resume(self) -> None: ...


@dataclass(frozen=True)
class DeskContext:
    """What a card desk dialog needs from the counter window."""

    cards: CardService
    workers: Workers
    funnel: ErrorFunnel
    session: OperatorSession
    card_mode: ReaderFollower | None = None


class CardDeskDialog(QDialog):
    #: the flow answered: its record (CardIssued, CardBlanked) or None when refused
    finished_work = Signal(object)

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.busy = False
        self._result: Callable[[], str] | None = None  # renders the result shown
        self.card_panel = CardInReader(desk.cards, desk.workers.card)
        self.result_label = QLabel()
        self.result_label.setObjectName("deskResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("deskBusy")
        self.buttons = QDialogButtonBox()
        self.action_button = QPushButton()
        self.action_button.setObjectName("deskAction")
        self.action_button.setDefault(True)  # Enter anywhere in the dialog runs the action
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.action_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.form = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.card_panel)
        layout.addWidget(self.result_label)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(680)

    # -- the dialog's life: card mode paused while it is open ------------------------------
    def open(self) -> None:
        if self.desk.card_mode is not None:
            self.desk.card_mode.pause()
        self.card_panel.start()
        super().open()

    def done(self, result: int) -> None:
        if self.busy:
            return  # a card flow is writing: its answer (what became of the card) must be seen
        self.card_panel.stop()
        if self.desk.card_mode is not None:
            self.desk.card_mode.resume()
        super().done(result)

    # -- the action ---------------------------------------------------------------------
    def prepare(self) -> Callable[[], None]:
        """Check the input; return the dispatch to run (raise a typed refusal otherwise)."""
        raise NotImplementedError

    def start(self) -> None:
        if self.busy:
            return  # one flow at a time: a second Enter never starts a second one
        try:
            dispatch = self.prepare()
        except Exception as error:  # typed refusals go to the funnel; bugs too
            self.desk.funnel.show_failure(error, self)
            return
        self._result = None
        self.result_label.clear()
        dispatch()

    def run_on_card(
        self, function: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]
    ) -> None:
        """Run a card flow on the card worker; its answer goes to ``on_done`` or the funnel."""
        self._set_busy(True)

        def done(value: Any) -> None:
            self._set_busy(False)
            on_done(value)
            self.card_panel.reread()
            emit(self.finished_work, value)

        self.desk.workers.card.submit(function, *args, on_done=done, on_failed=self.failed)

    def failed(self, failure: JobFailure) -> None:
        self._set_busy(False)
        self.refused(failure)
        self.card_panel.reread()
        emit(self.finished_work, None)

    def refused(self, failure: JobFailure) -> None:
        """A flow refused or failed (a dialog may answer some refusals itself)."""
        self.desk.funnel.show_failure(failure, self)

    def show_result(self, render: Callable[[], str], warning: bool = False) -> None:
        """Show ``render()`` as the result, again in the new language after a switch."""
        self._result = render
        self.result_label.setStyleSheet(WARNING_STYLE if warning else RESULT_STYLE)
        self.result_label.setText(render())

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.action_button.setEnabled(not busy)
        self.busy_label.setText(
            tr("carddesk", "Working on the card… keep it in the reader.") if busy else ""
        )

    def retranslate_ui(self) -> None:
        self.card_panel.retranslate_ui()
        self._set_busy(self.busy)
        if self._result is not None:
            self.result_label.setText(self._result())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
