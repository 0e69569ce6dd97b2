"""The secure module as the counter reaches it, owned by the module worker.

With the vend service installed, the module is reached through its
:class:`~starpos.vending.ModuleAccess` (the lock that lets the app and a ``starpos vend`` in
a terminal take turns; the port is open only while it is held). Without it, the link opens
the configured module itself (the embedded emulator when ``sm.url`` is empty) for the
status bar. A failure drops the connection, so a module plugged back in is found again.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import Any

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.embedded import ensure_embedded
from starpos.errors import StarposError
from starpos.settings import Settings
from starpos.ui.services import DeviceState
from starpos.ui.workers import Workers, runs_on

try:
    open_configured_module: Any = importlib.import_module("starpos.vending").open_configured_module
except ImportError:  # a build without the vend service: the status bar only
    open_configured_module = None


class ModuleLink:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._module: SecureModule | None = None
        self._access: Any = None

    @property
    def shared(self) -> bool:
        """True when the module is reached through the vend service's access and lock."""
        return open_configured_module is not None

    @runs_on(Workers.MODULE)
    def access(self) -> Any:
        """The vend service's access to the configured module (opened on first use)."""
        if self._access is None:
            assert open_configured_module is not None
            self._access = open_configured_module(self._fresh_settings())
        return self._access

    @runs_on(Workers.MODULE)
    def module(self) -> SecureModule:
        if self._module is None:
            settings = self._fresh_settings()
            url = str(settings.get("sm.url") or "") or ensure_embedded(
                str(settings.get("sts.tables") or "") or None
            )
            module = SecureModule(
                url,
                baud=int(settings.get("sm.baud")),
                timeout_s=int(settings.get("sm.timeout_ms")) / 1000,
            )
            module.open()
            self._module = module
        return self._module

    def _fresh_settings(self) -> Settings:
        """Read again on every (re)connection: an installer's new port applies at once."""
        self._settings = Settings(self._settings.path.parent)
        return self._settings

    @runs_on(Workers.MODULE)
    def state(self) -> DeviceState:
        try:
            if self.shared:
                with self.access().exclusive() as module:
                    balance = module.balance()
            else:
                balance = self.module().balance()
        except StarposError:
            self.drop()
            raise
        return DeviceState(online=True, balance_kwh=balance.balance)

    def drop(self) -> None:
        module, self._module = self._module, None
        access, self._access = self._access, None
        for closable in (module, access):
            if closable is not None:
                # It may be gone already; the next call opens a fresh connection either way.
                with contextlib.suppress(StarposError, OSError):
                    closable.close()

    def close(self) -> None:
        self.drop()
