"""Workers run jobs in order off the GUI thread; worker-only functions fail loudly elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from pytestqt.qtbot import QtBot

from starpos.errors import DeviceError
from starpos.ui.threading.workers import JobFailure, Worker, WrongThreadError, runs_on


@runs_on("module")
def talk_to_module(value: int) -> tuple[int, str]:
    return value * 2, threading.current_thread().name


def test_a_job_runs_on_its_worker_and_answers_on_the_gui_thread(qtbot: QtBot) -> None:
    worker = Worker("module")
    answers: list[tuple[object, str]] = []
    try:
        with qtbot.waitSignal(worker.busy_changed, timeout=3000, check_params_cb=lambda b: not b):
            worker.submit(
                talk_to_module,
                21,
                on_done=lambda result: answers.append((result, threading.current_thread().name)),
            )
    finally:
        worker.stop()
    ((result, callback_thread),) = answers
    assert result[0] == 42
    assert result[1] != threading.main_thread().name
    assert callback_thread == threading.main_thread().name


def test_jobs_run_one_at_a_time_in_order(qtbot: QtBot) -> None:
    worker = Worker("database")
    order: list[int] = []
    try:
        jobs = [worker.submit(order.append, n) for n in range(20)]
        qtbot.waitUntil(lambda: all(job.finished_flag.is_set() for job in jobs), timeout=3000)
    finally:
        worker.stop()
    assert order == list(range(20))


def test_a_worker_only_function_called_elsewhere_fails_loudly() -> None:
    with pytest.raises(WrongThreadError, match="module"):
        talk_to_module(1)


def test_a_failure_comes_back_with_its_error_and_report(qtbot: QtBot) -> None:
    worker = Worker("printer")
    failures: list[JobFailure] = []

    def broken() -> None:
        raise DeviceError("The printer fell off the desk.")

    try:
        job = worker.submit(broken, on_failed=failures.append)
        qtbot.waitUntil(job.finished_flag.is_set, timeout=3000)
        qtbot.waitUntil(lambda: bool(failures), timeout=3000)
    finally:
        worker.stop()
    assert isinstance(failures[0].error, DeviceError)
    assert "broken" in failures[0].report


def test_stopping_waits_for_a_job_longer_than_any_patience_instead_of_aborting() -> None:
    """A job outlasting the old five-second wait (a loaded machine, a slow device) used to
    leave its thread running when its worker was dropped: Qt aborts the whole process then
    ("QThread: Destroyed while thread is still running"; CI saw test workers crash so)."""
    script = textwrap.dedent(
        """
        import gc, time
        from PySide6.QtWidgets import QApplication
        from starpos.ui.threading.workers import Worker

        app = QApplication([])
        done = []
        worker = Worker("database")
        worker.submit(lambda: (time.sleep(5.5), done.append(True)))
        worker.stop()
        assert done == [True], "stop() came back before the job had finished"
        del worker
        gc.collect()
        print("stopped cleanly")
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert "stopped cleanly" in child.stdout
