"""While the counter runs, cycles are collected on the GUI thread, never on a worker's."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from starpos.ui.gui_garbage import GuiThreadCollector


class Node:
    """A cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    running = GuiThreadCollector(every_ms=50)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def collecting_threads() -> Iterator[list[int]]:
    seen: list[int] = []

    def note(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(threading.get_ident())

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_a_cycle_dropped_on_a_worker_thread_is_freed_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector, collecting_threads: list[int]
) -> None:
    dropped: list[weakref.ref[Node]] = []
    kept: list[list[int]] = []

    def worker() -> None:
        node = Node()
        dropped.append(weakref.ref(node))
        del node
        # Far past the youngest generation's threshold: automatic collection would run here.
        kept.extend([index] for index in range(50_000))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()

    assert dropped[0]() is not None  # nothing collected on the worker's thread
    qtbot.waitUntil(lambda: dropped[0]() is None, timeout=20_000)
    assert set(collecting_threads) == {threading.main_thread().ident}


def test_stopping_it_gives_collection_back_to_the_interpreter(qtbot: QtBot) -> None:
    assert gc.isenabled()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
