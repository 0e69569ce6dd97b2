"""The head office in the status bar: online, offline since, events waiting, last sync.

A :class:`SyncWatch` runs one sync (:class:`starpos.sync.station.SyncStation`) every
:data:`SYNC_EVERY_MS` on a worker of its own, never on the GUI thread and never on the
workers a sale uses, so a slow or absent network never holds a sale or the window. Each
window's :class:`SyncStatusLabel` shows the last answer. A counter that is not enrolled
with a head office shows nothing.

A card of this counter's that gave way to another counter's on a pull (SYN-47) no longer
counts, though the customer still holds it: the label says so until the program ends (its
tooltip names the meters), and each window gets one box about it, which does not take the
keyboard and waits for no answer, so a sale in progress goes on (SYN-50).

The head office's credit blocks for this counter's module are applied by the same sync,
with the module the counter lends it between sales (SYN-57): the label says the last credit
received (its tooltip each one since the program began, with the module's balance after),
a block that failed (in bold red; the tooltip says why), or a block that waits for the next
sync because a sale was using the module.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QStatusBar

from starpos.errors import StarposError
from starpos.i18n import render_error, translate_count
from starpos.sync.station import CardGaveWay, CreditReceived, SyncView
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Worker, runs_on
from starpos.ui.translator import tr

SYNC_WORKER = "sync"
SYNC_EVERY_MS = 30_000
FIRST_SYNC_MS = 2_000
OK_STYLE = "color: #1b5e20;"
PROBLEM_STYLE = "color: #b00020; font-weight: bold;"


class SyncService(Protocol):
    def run(self) -> SyncView: ...


class SyncOnWorker:
    """A sync station whose run may only happen on the sync worker."""

    def __init__(self, station: SyncService) -> None:
        self.station = station

    @runs_on(SYNC_WORKER)
    def run(self) -> SyncView:
        return self.station.run()


class SyncStatusLabel(QLabel):
    def __init__(self, time_zone: str = "UTC") -> None:
        super().__init__()
        self.setObjectName("statusSync")
        self.zone = _zone(time_zone)
        self.view: SyncView | None = None
        self.gave_way: tuple[CardGaveWay, ...] = ()
        self.credited: tuple[CreditReceived, ...] = ()
        self.hide()  # until a sync says this counter has a head office

    def show_view(
        self,
        view: SyncView,
        gave_way: Sequence[CardGaveWay] = (),
        credited: Sequence[CreditReceived] = (),
    ) -> None:
        """The last sync's answer, and every card that gave way and every credit received
        since the program began."""
        self.view = view
        self.gave_way = tuple(gave_way)
        self.credited = tuple(credited)
        self.setVisible(view.enrolled)
        self.retranslate_ui()

    def tell(self, cards: Sequence[CardGaveWay]) -> QMessageBox:
        """One box over this label's window about ``cards``: shown without taking the
        keyboard from the field the cashier types in, answered whenever (never modal)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("status", "Card no longer valid"),
            tr(
                "status",
                "The head office kept another card for the meter, so the card this counter "
                "issued no longer counts. A sale on it is refused: ask the customer for the "
                "meter's current card.",
            ),
            QMessageBox.StandardButton.Ok,
            self.window(),
        )
        box.setObjectName("cardsGaveWay")
        box.setInformativeText("\n".join(_card_line(card) for card in cards))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        typing_in = QApplication.focusWidget()
        box.show()
        # A platform that activates every new window anyway: the keys go back where they went.
        if typing_in is not None and typing_in.window() is not box:
            typing_in.window().activateWindow()
            typing_in.setFocus()
        return box

    def retranslate_ui(self) -> None:
        view = self.view
        if view is None or not view.enrolled:
            return
        if view.online:
            state = tr("status", "online")
        else:
            state = tr("status", "offline since {time}").format(time=self._time(view.offline_since))
        parts = [tr("status", "Head office: {state}").format(state=state)]
        parts.append(tr("status", "{count} waiting").format(count=view.waiting))
        if view.last_sync is not None:
            parts.append(tr("status", "last sync {time}").format(time=self._time(view.last_sync)))
        if self.gave_way:
            count = len(self.gave_way)
            parts.append(
                translate_count(
                    "status",
                    "⚠ 1 card no longer valid",
                    "⚠ {count} cards no longer valid",
                    count,
                ).format(count=count)
            )
        parts += self._credit_parts(view)
        self.setText(" · ".join(parts))
        fine = view.online and not self.gave_way and not view.credit_failed
        self.setStyleSheet(OK_STYLE if fine else PROBLEM_STYLE)
        problem = view.problem
        tips = [render_error(problem) if isinstance(problem, StarposError) else problem or ""]
        tips += [render_error(failed) for failed in view.credit_failed if failed is not problem]
        if view.credit_waiting:
            tips.append(_waiting_line(view.credit_waiting))
        if self.gave_way:
            tips.append(tr("status", "Cards no longer valid (the head office kept another):"))
            tips += [_card_line(card) for card in self.gave_way]
        tips += [self._credit_line(credit) for credit in reversed(self.credited)]
        self.setToolTip("\n".join(tip for tip in tips if tip))

    def _credit_parts(self, view: SyncView) -> list[str]:
        parts = []
        if self.credited:
            parts.append(
                tr("status", "credit received {time}").format(time=self._time(self.credited[-1].at))
            )
        if view.credit_failed:
            parts.append(tr("status", "⚠ credit block not applied"))
        if view.credit_waiting:
            parts.append(tr("status", "credit block waiting"))
        return parts

    def _credit_line(self, credit: CreditReceived) -> str:
        return tr(
            "status",
            "Credit from the head office ({operator}) applied {time}: module {module} has "
            "{balance} kWh.",
        ).format(
            operator=credit.operator,
            time=self._time(credit.at),
            module=credit.module_id,
            balance=credit.balance_kwh,
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _time(self, moment: datetime | None) -> str:
        if moment is None:
            return "-"
        local = moment.astimezone(self.zone)
        today = datetime.now(self.zone).date()
        return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


class SyncWatch(QObject):
    """Syncs in the background and keeps every window's label up to date."""

    #: cards that gave way on the last sync, not said before (a tuple of CardGaveWay)
    cards_gave_way = Signal(object)

    def __init__(self, station: SyncService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = SyncOnWorker(station)
        self.worker = Worker(SYNC_WORKER)
        self.labels: list[SyncStatusLabel] = []
        self.last: SyncView | None = None
        self.gave_way: list[CardGaveWay] = []  # since the program began
        self.credited: list[CreditReceived] = []  # since the program began
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.timer.start(FIRST_SYNC_MS)

    def show_in(self, status_bar: QStatusBar, time_zone: str = "UTC") -> SyncStatusLabel:
        label = SyncStatusLabel(time_zone)
        status_bar.addPermanentWidget(label)
        self.labels.append(label)
        if self.last is not None:
            label.show_view(self.last, self.gave_way, self.credited)
        return label

    def sync_now(self) -> None:
        self.timer.setInterval(SYNC_EVERY_MS)
        if self.worker.busy:  # the last one still waits on the network
            return
        self.worker.submit(self.service.run, on_done=self._answered, on_failed=self._failed)

    def stop(self) -> None:
        self.timer.stop()
        self.worker.stop()

    def _answered(self, view: SyncView) -> None:
        self.last = view
        new = tuple(card for card in view.gave_way if card not in self.gave_way)
        self.gave_way += new
        self.credited += view.credited
        for label in list(self.labels):
            try:
                label.show_view(view, self.gave_way, self.credited)
                if new and label.window().isVisible():  # a closed window is told nothing
                    label.tell(new)
            except RuntimeError:  # its window was closed and deleted
                self.labels.remove(label)
        if new:
            emit(self.cards_gave_way, new)

    def _failed(self, failure: JobFailure) -> None:
        # Not the network (the station answers those): the store itself. Shown as offline.
        if self.last is not None:
            self._answered(
                SyncView(
                    enrolled=self.last.enrolled,
                    offline_since=self.last.last_sync,
                    waiting=self.last.waiting,
                    last_sync=self.last.last_sync,
                    problem=failure.error if isinstance(failure.error, StarposError) else None,
                )
            )


def _card_line(card: CardGaveWay) -> str:
    return tr("status", "Meter {meter}: the card of issue {issue}").format(
        meter=card.meter, issue=card.issue_number
    )


def _waiting_line(count: int) -> str:
    return translate_count(
        "status",
        "A credit block from the head office waits: a sale was using the module. It is "
        "applied at the next sync.",
        "{count} credit blocks from the head office wait: a sale was using the module. They "
        "are applied at the next sync.",
        count,
    ).format(count=count)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
