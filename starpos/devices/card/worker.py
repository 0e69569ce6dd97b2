"""The card reader's own worker thread (DESIGN.md rule 2: the GUI thread never waits on a
device). Every PC/SC call of the POS runs on this one thread, in order.

Usage::

    with CardReaderWorker(master_key, reader="Virtual PCD 00 00") as worker:
        contents = worker.run(lambda card: card.read())          # blocks the caller
        future = worker.submit(lambda card: card.read())         # for the UI: a Future

``run``/``submit`` connect to the card in the reader, hand a :class:`SunCard` to the
function on the worker thread, and disconnect afterwards (whatever happened), so a
function sees one card from start to end: a card swapped between two calls is a new
``SunCard``. Errors are the typed ``CardError`` of the layer, raised to the caller.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard

T = TypeVar("T")


class CardReaderWorker:
    """One thread owning one PC/SC context. ``master_key``: the utility card master key
    (16 or 32 bytes); ``reader``: the reader to use (None: the first holding a card)."""

    def __init__(self, master_key: bytes, reader: str | None = None) -> None:
        self.reader = reader
        self._master_key = master_key
        self._executor: ThreadPoolExecutor | None = None
        self._service: PcscReaders | None = None
        self._lock = threading.Lock()

    def open(self) -> CardReaderWorker:
        """Start the worker thread (idempotent)."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="card-reader", initializer=self._adopt
                )
        return self

    def _adopt(self) -> None:
        self._service = PcscReaders(owner=threading.current_thread())

    def close(self) -> None:
        """Release the PC/SC context and stop the thread (idempotent)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.submit(self._release).result()
            executor.shutdown(wait=True)

    def _release(self) -> None:
        if self._service is not None:
            self._service.close()

    def __enter__(self) -> CardReaderWorker:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def submit(self, work: Callable[[SunCard], T], reader: str | None = None) -> Future[T]:
        """Run ``work(card)`` on the worker thread with the card in ``reader`` (default:
        this worker's reader); returns at once with a Future of its result."""
        self.open()
        executor = self._executor
        assert executor is not None
        return executor.submit(self._with_card, work, reader or self.reader)

    def run(self, work: Callable[[SunCard], T], reader: str | None = None) -> T:
        """Like :meth:`submit`, waiting for the result (never call it on the GUI thread)."""
        return self.submit(work, reader).result()

    def list_readers(self) -> list[str]:
        self.open()
        executor = self._executor
        assert executor is not None
        return executor.submit(self._list).result()

    def _list(self) -> list[str]:
        assert self._service is not None
        return self._service.list_readers()

    def _with_card(self, work: Callable[[SunCard], T], reader: str | None) -> T:
        assert self._service is not None
        with self._service.connect(reader) as connection:
            return work(SunCard(connection, self._master_key))
