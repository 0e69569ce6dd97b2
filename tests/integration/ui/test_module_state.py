"""The status bar's module state through the real driver, over TCP, to the embedded emulator."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from starpos.ui.core_devices import ModuleLink
from starpos.ui.services import DeviceState
from starpos.ui.workers import Worker, WrongThreadError

pytestmark = pytest.mark.slow


@pytest.fixture
def module_worker() -> Iterator[Worker]:
    worker = Worker("module")
    yield worker
    worker.stop()


def test_module_state_comes_from_the_embedded_emulator(qtbot: QtBot, module_worker: Worker) -> None:
    link = ModuleLink(Settings())
    states: list[DeviceState] = []
    try:
        job = module_worker.submit(link.state, on_done=states.append)
        qtbot.waitUntil(job.finished_flag.is_set, timeout=30_000)
        qtbot.waitUntil(lambda: bool(states), timeout=2000)
    finally:
        module_worker.submit(link.close)
        stop_embedded()
    assert states[0].online
    assert states[0].balance_kwh == Decimal("0.0")  # a fresh module has no credit yet


def test_the_module_is_never_touched_from_the_gui_thread() -> None:
    with pytest.raises(WrongThreadError):
        ModuleLink(Settings()).state()
