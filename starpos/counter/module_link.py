"""The secure module as the counter reaches it: the vend service's access, opened on first use.

The module is reached through :class:`~starpos.vending.ModuleAccess` (the lock that keeps
one vend at a time per module, across programs), opened with ``keep_open``: the counter
owns the module while it runs, so a vend does not pay the reconnect after each sale
(pyserial sleeps 0.3 s closing a ``socket://`` port), and another program (a ``starpos
vend`` in a terminal) is refused with ``vend.module_busy`` instead of waiting on a port in
use. A failure drops the connection and the claim, so a module plugged back in (or a port
the installer just changed) is found on the next call: the composition root's opener reads
the settings again each time (:func:`starpos.bootstrap.counter.module_link`).
One thread at a time uses a link: the window's module worker, or a script's main thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from starpos.counter.views import DeviceState
from starpos.errors import StarposError
from starpos.vending import ModuleAccess


class ModuleLink:
    def __init__(self, open_access: Callable[[], ModuleAccess]) -> None:
        """``open_access()`` opens the module's access, kept open and claimed."""
        self._open_access = open_access
        self._access: ModuleAccess | None = None

    def access(self) -> ModuleAccess:
        """The vend service's access to the configured module (opened on first use)."""
        if self._access is None:
            self._access = self._open_access()
        return self._access

    def state(self) -> DeviceState:
        """The module online with its credit balance (kWh); raises and drops on failure."""
        try:
            with self.access().exclusive() as module:
                balance = module.balance()
        except StarposError:
            self.drop()
            raise
        return DeviceState(online=True, balance_kwh=balance.balance)

    def drop(self) -> None:
        access, self._access = self._access, None
        if access is not None:
            # It may be gone already; the next call opens a fresh connection either way.
            with contextlib.suppress(StarposError, OSError):
                access.close()

    def close(self) -> None:
        self.drop()
