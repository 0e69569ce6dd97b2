"""The counter application: login, then the POS window, then login again on log-out.

An operator who may edit master data while the utility is not set up yet (the set-up
checklist is not done) gets the administration window instead, on its checklist.

It owns the workers, the error funnel and the services, and hands them to the windows it
opens; the services are made from the settings by the composition root (``starpos.bootstrap``,
through :func:`starpos.ui.core_services.open_services`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from starpos.counter.views import CounterRules
from starpos.masterdata.setup_checklist import ChecklistItem, is_ready
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.ui.admin.admin_service import AdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.login_window import LoginWindow
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.services import AuthService, CardService, CounterService, ReportService
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Workers
from starpos.ui.tokenops.service import TokenOpsService
from starpos.ui.widgets.sync_status import SyncService, SyncWatch


class CounterApp(QObject):
    #: the POS window is open and ready for the operator
    counter_opened = Signal(object)  # PosWindow
    #: the administration window is open (on its set-up checklist)
    admin_opened = Signal(object)  # AdminWindow

    def __init__(
        self,
        auth: AuthService,
        counter: CounterService,
        workers: Workers | None = None,
        funnel: ErrorFunnel | None = None,
        parse_meter_number: Callable[[str], object] | None = None,
        cards: CardService | None = None,
        reports: ReportService | None = None,
        sync: SyncService | None = None,
        admin: Callable[[OperatorSession], AdminService] | None = None,
        tokenops: TokenOpsService | None = None,
    ) -> None:
        """``admin(session)``: the administration's service for an operator (None: this
        app has no administration)."""
        super().__init__()
        self._admin = admin
        self.admin_window: AdminWindow | None = None
        self.auth = auth
        self.counter = counter
        self.cards = cards
        self.reports = reports
        self.tokenops = tokenops
        self.workers = workers or Workers()
        self.funnel = funnel or ErrorFunnel()
        self._parse_meter_number = parse_meter_number
        self.login_window = LoginWindow(auth, self.workers.database, self.funnel)
        self.login_window.logged_in.connect(self._logged_in)
        self.pos_window: PosWindow | None = None
        # Syncs with the head office in the background, logged in or not (None: no sync).
        self.sync_watch = SyncWatch(sync, self) if sync is not None else None

    def start(self) -> None:
        self.login_window.show()
        self.login_window.raise_()
        self.login_window.activateWindow()
        self.login_window.code_field.setFocus()

    def _logged_in(self, session: OperatorSession) -> None:
        if self._admin is not None and session.may(permissions.ADMIN_MASTER_DATA):
            service = self._admin(session)
            self.workers.database.submit(
                service.checklist,
                on_done=lambda items: self._after_checklist(session, service, items),
                on_failed=self._rules_failed,
            )
            return
        self._open_counter_rules(session)

    def _after_checklist(
        self, session: OperatorSession, service: AdminService, items: list[ChecklistItem]
    ) -> None:
        if is_ready(items):
            self._open_counter_rules(session)
            return
        window = AdminWindow(
            service, self.workers.database, self.funnel, printer=self.workers.printer
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.closed.connect(lambda: self._admin_closed(session))
        self.admin_window = window
        self.login_window.hide()
        window.show()
        window.open_screen("checklist")
        emit(self.admin_opened, window)

    def _admin_closed(self, session: OperatorSession) -> None:
        self.admin_window = None
        self.workers.database.submit(
            self.auth.log_out,
            session.code,
            on_failed=lambda failure: self.funnel.show_failure(failure, self.login_window),
        )
        self.start()

    def _open_counter_rules(self, session: OperatorSession) -> None:
        self.workers.database.submit(
            self.counter.rules,
            on_done=lambda rules: self._open_counter(session, rules),
            on_failed=self._rules_failed,
        )

    def _rules_failed(self, failure: JobFailure) -> None:
        self.funnel.show_failure(failure, self.login_window)

    def _open_counter(self, session: OperatorSession, rules: CounterRules) -> None:
        window = PosWindow(
            self.counter,
            self.auth,
            rules,
            session,
            self.workers,
            self.funnel,
            self._parse_meter_number,
            self.cards,
            self.reports,
            self.tokenops,
        )
        window.logged_out.connect(self._logged_out)
        if self.sync_watch is not None:
            self.sync_watch.show_in(window.statusBar(), rules.time_zone)
        self.pos_window = window
        self.login_window.hide()
        window.show_maximised()
        window.meter_field.edit.setFocus()
        emit(self.counter_opened, window)

    def _logged_out(self) -> None:
        window = self.pos_window
        self.pos_window = None
        if window is not None:
            self.workers.database.submit(
                self.auth.log_out,
                window.session.code,
                on_failed=lambda failure: self.funnel.show_failure(failure, self.login_window),
            )
            # Closed, not deleted: jobs still in flight hold it until they report back, and
            # Python frees it after (deleting it now would crash their callbacks).
            close_window(window)
        self.start()

    def shut_down(self) -> None:
        """Close the windows, let the workers finish the job in hand, close the devices."""
        if self.pos_window is not None:
            close_window(self.pos_window)
        if self.admin_window is not None:
            self.admin_window.closed.disconnect()
            close_window(self.admin_window)
        close_window(self.login_window)
        if self.sync_watch is not None:
            self.sync_watch.stop()
        self.workers.stop()
        if self.cards is not None:
            self.cards.close()
        self.counter.close()


def close_window(window: QWidget) -> None:
    """Close ``window`` and the boxes it opened. A box is a window of its own: closing its
    parent leaves it on screen, and a closed counter window is not freed at once (the
    signals its own lambdas hold keep it), so its box would stay modal over whatever opens
    next (found by the UI tests: one test's "No meter" box answered in the next one's place)."""
    for box in window.findChildren(QDialog):
        if box.isVisible():
            box.close()
    window.close()
