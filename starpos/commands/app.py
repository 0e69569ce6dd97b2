"""``starpos app`` (and ``starpos`` alone): open the cashier's window.

With no settings it runs on embedded defaults: SQLite in the data folder, the secure
module emulator and the virtual printer started for you.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from typing import Any, cast

from starpos.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("app", help="open the cashier's window (the default)")
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="exit as soon as the login window is shown and print how long it took (--json)",
    )
    parser.set_defaults(handler=run_app)


def run_app(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from starpos.devices.printer import forbid_blocking_calls_from
    from starpos.sync.station import SyncStation
    from starpos.ui.application import create_application, install_exception_hook
    from starpos.ui.core_services import open_services, reports_on_workers
    from starpos.ui.counter_app import CounterApp
    from starpos.ui.tokenops.service import tokenops_on_workers

    # Printing from the GUI thread would freeze the counter: make it fail loudly.
    forbid_blocking_calls_from(threading.main_thread())
    settings = Settings()
    language = getattr(args, "lang", None) or settings.get("language") or None
    app = create_application(language=language)
    from starpos.ui.gui_garbage import GuiThreadCollector

    # Before any worker or device thread starts: cycles are freed on the GUI thread only.
    collector = GuiThreadCollector(app)
    auth, counter, cards = open_services(settings)
    from starpos.tokenops.vouchers import OperationPrinter
    from starpos.ui.admin.admin_service import CoreAdminService

    terminal_code = str(settings.get("terminal.code") or "") or None
    counter_app = CounterApp(
        auth,
        counter,
        cards=cards,
        # The background sync applies the head office's credit blocks with the module the
        # sales use, borrowed between sales (SYN-57).
        sync=SyncStation(counter.core.database, open_module=counter.core.module.lent),
        reports=reports_on_workers(counter),
        tokenops=tokenops_on_workers(counter, settings),
        # The administration prints the registration bills where the counter prints.
        admin=lambda session: CoreAdminService(
            counter.core.database,
            session,
            terminal_code,
            printer=cast(OperationPrinter, counter.core.printing.printer),
        ),
    )
    install_exception_hook(counter_app.funnel)
    if counter.is_empty() and not getattr(args, "quit_when_ready", False):
        from starpos.bootstrap.setup import InstallerSetup
        from starpos.ui.first_run import FirstRunDialog
        from starpos.ui.setup.setup_wizard import SetupWizard
        from starpos.ui.setup.start_pages import NEW_UTILITY

        first_run = FirstRunDialog(
            counter.seed_demo,
            counter_app.workers.database,
            counter_app.funnel,
            start_empty=counter.start_empty,
        )
        first_run.finished_setup.connect(lambda _seeded: counter_app.start())
        # The devices first; then a new utility goes on to the first-run dialog (the demo
        # or an empty store for the back office's set-up), a head office counter to login.
        wizard = SetupWizard(InstallerSetup(settings), counter_app.workers, counter_app.funnel)
        wizard.finished_setup.connect(
            lambda mode: first_run.show() if mode == NEW_UTILITY else counter_app.start()
        )
        wizard.rejected.connect(first_run.show)
        wizard.show()
    else:
        counter_app.start()
    if getattr(args, "quit_when_ready", False):
        app.processEvents()
        ready_ms = (time.perf_counter() - started) * 1000
        counter_app.shut_down()
        sys.stdout.write(json.dumps({"login_window_ms": f"{ready_ms:.1f}"}) + "\n")
        return 0
    from starpos.ui.backup_action import DailyBackup

    daily_backup = DailyBackup(counter_app.funnel, counter_app)  # backup.daily_at
    daily_backup.start()
    app.aboutToQuit.connect(daily_backup.stop)
    app.aboutToQuit.connect(counter_app.shut_down)
    app.aboutToQuit.connect(collector.stop)
    return int(app.exec())
