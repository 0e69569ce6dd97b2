"""The secure module as the counter reaches it: the vend service's access, opened on first use.

The module is reached through :class:`~starpos.vending.ModuleAccess` (the lock that keeps
one vend at a time per module, across programs), opened with ``keep_open``: the counter
owns the module while it runs, so a vend does not pay the reconnect after each sale
(pyserial sleeps 0.3 s closing a ``socket://`` port), and another program (a ``starpos
vend`` in a terminal) is refused with ``vend.module_busy`` instead of waiting on a port in
use. A failure drops the connection and the claim, so a module plugged back in (or a port
the installer just changed) is found on the next call: the composition root's opener reads
the settings again each time (:func:`starpos.bootstrap.counter.module_link`).
The window's module worker (or a script's main thread) uses a link; the one other thread
that may is the window's background sync, which borrows the module between sales to apply
the head office's credit blocks (:meth:`ModuleLink.lent`): it never waits for a sale, a
sale in progress wins and the block waits for the next sync.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator

from starpos.counter.views import DeviceState
from starpos.devices.sm.driver import SecureModule
from starpos.errors import DeviceError, StarposError
from starpos.vending import ModuleAccess
from starpos.vending.errors import CreditUpdateInDoubtError, ModuleOfflineError, VendInDoubtError


class ModuleLink:
    def __init__(self, open_access: Callable[[], ModuleAccess]) -> None:
        """``open_access()`` opens the module's access, kept open and claimed."""
        self._open_access = open_access
        self._access: ModuleAccess | None = None
        #: Who opens or drops the access (the module worker, or the sync borrowing it).
        self._opening = threading.RLock()

    def access(self) -> ModuleAccess:
        """The vend service's access to the configured module (opened on first use)."""
        with self._opening:
            if self._access is None:
                self._access = self._open_access()
            return self._access

    @contextlib.contextmanager
    def lent(self) -> Iterator[SecureModule]:
        """The module for another thread than the one that sells (the background sync),
        under the vend's lock, between sales: a sale using it now is not waited for
        (:class:`~starpos.vending.errors.ModuleInUseError`), and a sale that starts
        meanwhile waits for the block to end. A failure on the way to the module drops the
        connection, so the next sale opens it afresh, as after a sale's own failure."""
        try:
            with self.access().exclusive(wait=False) as module:
                yield module
        except (DeviceError, ModuleOfflineError, VendInDoubtError, CreditUpdateInDoubtError):
            self.drop()
            raise

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
        with self._opening:
            access, self._access = self._access, None
        if access is not None:  # closed outside: closing waits for a thread using it
            # It may be gone already; the next call opens a fresh connection either way.
            with contextlib.suppress(StarposError, OSError):
                access.close()

    def close(self) -> None:
        self.drop()
