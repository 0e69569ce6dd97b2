"""The secure module and the printer as the status bar sees them, each on its own worker.

The module is opened lazily on the module worker (the configured port or URL, or the
embedded emulator when ``sm.url`` is empty) and kept open; a failure closes it so the next
poll opens it afresh, which is how a module plugged back in is found again.
"""

from __future__ import annotations

import contextlib
from typing import Any

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.embedded import ensure_embedded
from starpos.errors import StarposError
from starpos.settings import Settings
from starpos.ui.services import DeviceState
from starpos.ui.workers import Workers, runs_on


class ModuleLink:
    """The one open connection to the secure module, owned by the module worker."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._module: SecureModule | None = None

    @runs_on(Workers.MODULE)
    def module(self) -> SecureModule:
        if self._module is None:
            url = str(self._settings.get("sm.url") or "") or ensure_embedded(
                str(self._settings.get("sts.tables") or "") or None
            )
            module = SecureModule(
                url,
                baud=int(self._settings.get("sm.baud")),
                timeout_s=int(self._settings.get("sm.timeout_ms")) / 1000,
            )
            module.open()
            self._module = module
        return self._module

    @runs_on(Workers.MODULE)
    def call(self, name: str, *args: Any) -> Any:
        """Run one driver command; a device failure drops the connection, then re-raises."""
        try:
            return getattr(self.module(), name)(*args)
        except StarposError:
            self.drop()
            raise

    def drop(self) -> None:
        module, self._module = self._module, None
        if module is not None:
            # It may be gone already; the next call opens a fresh connection either way.
            with contextlib.suppress(StarposError, OSError):
                module.close()

    @runs_on(Workers.MODULE)
    def state(self) -> DeviceState:
        balance = self.call("balance")
        return DeviceState(online=True, balance_kwh=balance.balance)

    def close(self) -> None:
        self.drop()
