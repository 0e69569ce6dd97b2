"""One worker thread per resource: the GUI thread never waits on a device or the database.

Each :class:`Worker` owns a ``QThread`` and runs the jobs handed to it one at a time, in
the order they were submitted (the device it owns sees one request at a time). A job's
result comes back to the GUI thread through a :class:`GuiThreadQueue`, so callbacks always
run on the GUI thread. Functions that must only run on a given worker are
marked with :func:`runs_on`; calling them from any other thread raises
:class:`WrongThreadError`, so a test that forgets to go through the worker fails loudly
instead of freezing the window.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal

from starpos.ui.signals import emit
from starpos.ui.threading.gui_queue import GuiThreadQueue

_current = threading.local()
log = logging.getLogger(__name__)
#: how long :meth:`Worker.stop` waits before it says in the log that it is still waiting
_PATIENCE_MS = 5000

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


class Job:
    """One unit of work and what to call on the GUI thread when it is done."""

    def __init__(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Callable[[Any], None] | None,
        on_failed: Callable[[JobFailure], None] | None,
    ) -> None:
        self.function = function
        self.args = args
        self.on_done = on_done
        self.on_failed = on_failed
        self.finished_flag = threading.Event()
        self.outcome: tuple[bool, Any] = (False, None)


class _Thread(QThread):
    """Runs the jobs of one worker in order; hands results back to the GUI thread."""

    def __init__(
        self, name: str, inbox: queue.SimpleQueue[Job | None], results: GuiThreadQueue[Job]
    ) -> None:
        super().__init__()
        self.setObjectName(f"starpos-{name}")
        self.worker_name = name
        self._inbox, self._results = inbox, results

    def run(self) -> None:
        _current.name = self.worker_name
        while True:
            job = self._inbox.get()
            if job is None:
                return
            try:
                job.outcome = (True, job.function(*job.args))
            except BaseException as error:  # every failure goes back to the GUI's funnel
                job.outcome = (False, JobFailure(error))
            self._results.put(job)


class Worker(QObject):
    """A named thread that runs submitted jobs in order and reports back on the GUI thread.

    Jobs travel to the thread through a Python queue and back through a
    :class:`GuiThreadQueue`, so no Python object is ever handed between threads by Qt.
    """

    #: Emitted on the GUI thread when the first job is submitted / the last one is done.
    busy_changed = Signal(bool)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._inbox: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._pending: set[Job] = set()
        self._results = GuiThreadQueue(self._deliver, self)
        self._thread = _Thread(name, self._inbox, self._results)
        self._thread.start()

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[JobFailure], None] | None = None,
    ) -> Job:
        """Run ``function(*args)`` on this worker; callbacks run later on the GUI thread."""
        job = Job(function, args, on_done, on_failed)
        self._pending.add(job)
        if len(self._pending) == 1:
            emit(self.busy_changed, True)
        self._inbox.put(job)
        return job

    def _deliver(self, job: Job) -> None:
        self._pending.discard(job)
        job.finished_flag.set()
        ok, value = job.outcome
        if ok and job.on_done is not None:
            job.on_done(value)
        elif not ok and job.on_failed is not None:
            job.on_failed(value)
        if not self._pending:
            emit(self.busy_changed, False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def stop(self) -> None:
        """Finish the jobs already submitted, then end the thread.

        Waits as long as the last job takes: a thread still running when its ``QThread`` is
        destroyed makes Qt abort the whole process, in the middle of whatever the job was
        writing. Every job is bounded by its own device's or database's time limits.
        """
        self._inbox.put(None)
        while not self._thread.wait(_PATIENCE_MS):
            log.warning("worker %r is still finishing a job; waiting for it", self.name)


class Workers:
    """The application's workers: one for the database, one per device."""

    DATABASE = "database"
    MODULE = "module"
    PRINTER = "printer"
    CARD = "card"

    def __init__(self) -> None:
        self.database = Worker(self.DATABASE)
        self.module = Worker(self.MODULE)
        self.printer = Worker(self.PRINTER)
        self.card = Worker(self.CARD)

    def all(self) -> tuple[Worker, ...]:
        return (self.database, self.module, self.printer, self.card)

    def stop(self) -> None:
        for worker in self.all():
            worker.stop()
