"""The module's state through the real driver, over TCP, to the embedded emulator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.counter import ModuleLink
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings

pytestmark = pytest.mark.slow


def test_module_state_comes_from_the_embedded_emulator() -> None:
    link = ModuleLink(Settings())
    try:
        state = link.state()
    finally:
        link.close()
        stop_embedded()
    assert state.online
    assert state.balance_kwh == Decimal("0.0")  # a fresh module has no credit yet
