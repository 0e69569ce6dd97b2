"""One worker thread per resource: the GUI thread never waits on a device or the database.

Each :class:`Worker` owns a ``QThread`` and runs the jobs handed to it one at a time, in
the order they were submitted (the device it owns sees one request at a time). A job's
result comes back to the GUI thread as a queued signal, so callbacks always run on the
GUI thread. Functions that must only run on a given worker are marked with
:func:`runs_on`; calling them from any other thread raises :class:`WrongThreadError`, so a
test that forgets to go through the worker fails loudly instead of freezing the window.
"""

from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

_current = threading.local()

F = TypeVar("F", bound=Callable[..., Any])


class WrongThreadError(RuntimeError):
    """A worker-only function was called from another thread (a programming error)."""


def current_worker_name() -> str | None:
    return getattr(_current, "name", None)


def runs_on(worker_name: str) -> Callable[[F], F]:
    """Mark a function as running only on the worker called ``worker_name``."""

    def mark(function: F) -> F:
        @functools.wraps(function)
        def checked(*args: Any, **kwargs: Any) -> Any:
            where = current_worker_name()
            if where != worker_name:
                raise WrongThreadError(
                    f"{function.__qualname__} runs on the {worker_name!r} worker, "
                    f"called from {where or threading.current_thread().name!r}"
                )
            return function(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return mark


class JobFailure:
    """An exception raised by a job, with its traceback text captured on the worker."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        self.report = "".join(traceback.format_exception(error))


class Job(QObject):
    """One unit of work; lives on the GUI thread so its signals are delivered there."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Callable[[Any], None] | None,
        on_failed: Callable[[JobFailure], None] | None,
        on_settled: Callable[[Job], None],
    ) -> None:
        super().__init__()
        self._on_settled = on_settled
        self.function = function
        self.args = args
        self._on_done = on_done
        self._on_failed = on_failed
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_failure)
        self.finished_flag = threading.Event()

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.finished_flag.set()
        self._on_settled(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_failure(self, failure: JobFailure) -> None:
        self.finished_flag.set()
        self._on_settled(self)
        if self._on_failed is not None:
            self._on_failed(failure)


class _Runner(QObject):
    """Lives on the worker thread and runs what it is posted."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    @Slot(object)
    def run(self, job: Job) -> None:
        _current.name = self.name
        try:
            result = job.function(*job.args)
        except BaseException as error:  # every failure goes back to the GUI's funnel
            job.failed.emit(JobFailure(error))
        else:
            job.succeeded.emit(result)


class Worker(QObject):
    """A named thread that runs submitted jobs in order and reports back on the GUI thread."""

    _posted = Signal(object)
    #: Emitted on the GUI thread when a job starts waiting / all jobs are done.
    busy_changed = Signal(bool)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._thread = QThread()
        self._thread.setObjectName(f"starpos-{name}")
        self._runner = _Runner(name)
        self._runner.moveToThread(self._thread)
        self._posted.connect(self._runner.run)
        self._pending: set[Job] = set()
        self._thread.start()

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[JobFailure], None] | None = None,
    ) -> Job:
        """Run ``function(*args)`` on this worker; callbacks run later on the GUI thread."""
        job = Job(function, args, on_done, on_failed, self._forget)
        self._pending.add(job)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._posted.emit(job)
        return job

    def _forget(self, job: Job) -> None:
        self._pending.discard(job)
        if not self._pending:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def stop(self, timeout_ms: int = 5000) -> None:
        """Finish the job in hand and end the thread (jobs not started are dropped)."""
        self._thread.quit()
        self._thread.wait(timeout_ms)


class Workers:
    """The application's workers: one for the database, one per device."""

    DATABASE = "database"
    MODULE = "module"
    PRINTER = "printer"

    def __init__(self) -> None:
        self.database = Worker(self.DATABASE)
        self.module = Worker(self.MODULE)
        self.printer = Worker(self.PRINTER)

    def all(self) -> tuple[Worker, ...]:
        return (self.database, self.module, self.printer)

    def stop(self) -> None:
        for worker in self.all():
            worker.stop()
