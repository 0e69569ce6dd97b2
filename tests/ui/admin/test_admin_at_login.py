"""Starting empty in the window: "Start empty" gives the store STAR; STAR, logged in at the
login window while the utility is not set up, gets the administration on its checklist;
once it is set up, the counter."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.counter import CounterAuth
from starpos.masterdata.starting_kit import start_empty
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.core_services import AuthOnWorkers
from starpos.ui.counter_app import CounterApp
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.first_run import FirstRunDialog
from starpos.ui.threading.workers import Worker
from tests.integration.admin.admin_world import STAR_PASSWORD, set_up
from tests.ui.fake_services import FakeCounter


def test_start_empty_gives_the_store_star(qtbot: QtBot) -> None:
    with open_database() as database:
        worker = Worker("database")
        dialog = FirstRunDialog(
            lambda: None, worker, ErrorFunnel(), start_empty=lambda: start_empty(database)
        )
        qtbot.addWidget(dialog)
        dialog.show()
        try:
            with qtbot.waitSignal(dialog.finished_setup, timeout=5000) as finished:
                dialog.empty_button.click()
        finally:
            worker.stop()
        assert finished.args == [False]
        assert login(database, "STAR", "star").must_change_password


def _app(database: object, qtbot: QtBot) -> CounterApp:
    auth = AuthOnWorkers(CounterAuth(database, terminal_code="T01"))  # type: ignore[arg-type]
    app = CounterApp(
        auth,
        FakeCounter(),
        admin=lambda session: CoreAdminService(database, session, "T01"),  # type: ignore[arg-type]
    )
    qtbot.addWidget(app.login_window)
    app.start()
    return app


def test_star_gets_the_administration_while_the_utility_is_not_set_up(qtbot: QtBot) -> None:
    with open_database() as database:
        start_empty(database)
        change_password(database, "STAR", "star", STAR_PASSWORD)
        app = _app(database, qtbot)
        try:
            qtbot.keyClicks(app.login_window.code_field, "STAR")
            qtbot.keyClicks(app.login_window.password_field, STAR_PASSWORD)
            with qtbot.waitSignal(app.admin_opened, timeout=5000) as opened:
                qtbot.keyClick(app.login_window.password_field, "\r")
            window: AdminWindow = opened.args[0]
            assert window.current_screen() == "checklist"
            assert not app.login_window.isVisible()
            window.close()  # logs STAR out: the login window again
            qtbot.waitUntil(app.login_window.isVisible, timeout=5000)
        finally:
            app.shut_down()


def test_once_set_up_star_gets_the_counter(qtbot: QtBot) -> None:
    with open_database() as database:
        set_up(database)
        app = _app(database, qtbot)
        try:
            qtbot.keyClicks(app.login_window.code_field, "STAR")
            qtbot.keyClicks(app.login_window.password_field, STAR_PASSWORD)
            with qtbot.waitSignal(app.counter_opened, timeout=5000):
                qtbot.keyClick(app.login_window.password_field, "\r")
            assert app.admin_window is None
        finally:
            app.shut_down()
