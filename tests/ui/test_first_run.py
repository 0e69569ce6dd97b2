"""First run on an empty database: the demo is offered, seeded off the GUI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.first_run import FirstRunDialog
from starpos.ui.threading.workers import Worker


def test_loading_the_demo_runs_on_the_database_worker(qtbot: QtBot) -> None:
    worker = Worker("database")
    threads: list[str] = []

    def seed() -> str:
        threads.append(threading.current_thread().name)
        return "seeded"

    dialog = FirstRunDialog(seed, worker, ErrorFunnel())
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        with qtbot.waitSignal(dialog.finished_setup, timeout=5000) as finished:
            dialog.demo_button.click()
            assert not dialog.empty_button.isEnabled()  # no way out half-way
    finally:
        worker.stop()
    assert finished.args == [True]
    assert threads and threads[0] != threading.main_thread().name


def test_starting_empty_seeds_nothing(qtbot: QtBot) -> None:
    worker = Worker("database")
    dialog = FirstRunDialog(lambda: None, worker, ErrorFunnel())
    qtbot.addWidget(dialog)
    try:
        with qtbot.waitSignal(dialog.finished_setup, timeout=2000) as finished:
            dialog.empty_button.click()
    finally:
        worker.stop()
    assert finished.args == [False]
