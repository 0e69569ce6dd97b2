"""The head office in the status bar: online, offline since, events waiting, last sync.

A :class:`SyncWatch` runs one sync (:class:`starpos.sync.station.SyncStation`) every
:data:`SYNC_EVERY_MS` on a worker of its own, never on the GUI thread and never on the
workers a sale uses, so a slow or absent network never holds a sale or the window. Each
window's :class:`SyncStatusLabel` shows the last answer. A counter that is not enrolled
with a head office shows nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.sync.station import SyncView
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
        self.hide()  # until a sync says this counter has a head office

    def show_view(self, view: SyncView) -> None:
        self.view = view
        self.setVisible(view.enrolled)
        self.retranslate_ui()

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
        self.setText(" · ".join(parts))
        self.setStyleSheet(OK_STYLE if view.online else PROBLEM_STYLE)
        problem = view.problem
        self.setToolTip(
            render_error(problem) if isinstance(problem, StarposError) else problem or ""
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

    def __init__(self, station: SyncService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = SyncOnWorker(station)
        self.worker = Worker(SYNC_WORKER)
        self.labels: list[SyncStatusLabel] = []
        self.last: SyncView | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.timer.start(FIRST_SYNC_MS)

    def show_in(self, status_bar: QStatusBar, time_zone: str = "UTC") -> SyncStatusLabel:
        label = SyncStatusLabel(time_zone)
        status_bar.addPermanentWidget(label)
        self.labels.append(label)
        if self.last is not None:
            label.show_view(self.last)
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
        for label in list(self.labels):
            try:
                label.show_view(view)
            except RuntimeError:  # its window was closed and deleted
                self.labels.remove(label)

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


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
