"""The secure module a vend goes through: which one, opened how, and held by whom.

A module keeps exactly one "last answer" for ``GL?RR``. Recovery after a crash can only
find a lost token there if nothing acted on the module after it, so one program at a time
may run the part of a vend between "PENDING written" and "token committed", and it first
settles any PENDING vend of that module (docs/vending.md, "Why one vend at a time"). The
:class:`ModuleLock` is an ``flock`` on a file in the data folder: the kernel drops it when
its holder dies, even by SIGKILL, so a crashed vend never blocks the next one.

An empty ``sm.url`` means the embedded emulator (``starpos.devices.sm.embedded``), started
here when needed; ``starpos demo seed`` loads the demo keys and credit into it.
"""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.paths import data_dir
from starpos.settings import Settings
from starpos.vending.errors import ModuleOfflineError, reason

EMBEDDED = "embedded"


class ModuleLock:
    """An exclusive, crash-safe lock on one module, shared by every program on this machine."""

    def __init__(self, name: str) -> None:
        folder = data_dir() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
        self.path = folder / f"sm-{digest}.lock"
        self._handle: IO[str] | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the block (waits for another holder to finish)."""
        if self._handle is not None:  # re-entrant within one program
            yield
            return
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            self._handle = handle
            yield
        finally:
            self._handle = None
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()


@dataclass
class ModuleAccess:
    """A module and its lock.

    By default the port is open only while :meth:`exclusive` holds the lock, so programs
    sharing one module (or one serial port) take turns instead of failing. A program that
    owns the module all day (the app, a benchmark) sets ``keep_open``: the port then stays
    open between vends, which saves the reconnect (pyserial waits 0.3 s after closing a
    ``socket://`` port) but keeps other programs off the module until :meth:`close`.
    """

    module: SecureModule
    lock: ModuleLock
    embedded: bool
    keep_open: bool = False
    _depth: int = 0

    @contextmanager
    def exclusive(self) -> Iterator[SecureModule]:
        """Hold the lock and the open port for the block (re-entrant).

        Raises :class:`ModuleOfflineError` when the port cannot be opened.
        """
        with self.lock.held():
            self._depth += 1
            try:
                if self._depth == 1:
                    try:
                        self.module.open()
                    except SmError as error:
                        raise ModuleOfflineError(**reason(error)) from error
                yield self.module
            finally:
                self._depth -= 1
                if self._depth == 0 and not self.keep_open:
                    self.module.close()

    def close(self) -> None:
        self.module.close()

    def __enter__(self) -> ModuleAccess:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_configured_module(
    settings: Settings | None = None, *, keep_open: bool = False
) -> ModuleAccess:
    """The module named by ``sm.url`` (the embedded emulator when empty), ready to use.

    The embedded emulator is started here when needed (:class:`ModuleOfflineError` when
    it cannot be); a port is opened only inside :meth:`ModuleAccess.exclusive`.
    """
    settings = settings or Settings()
    url = str(settings.get("sm.url") or "")
    embedded = not url
    if embedded:
        from starpos.devices.sm.embedded import ensure_embedded

        try:
            url = ensure_embedded(settings.get("sts.tables") or None)
        except SmError as error:
            raise ModuleOfflineError(**reason(error)) from error
    module = SecureModule(
        url,
        baud=int(settings.get("sm.baud")),
        timeout_s=int(settings.get("sm.timeout_ms")) / 1000,
    )
    lock = ModuleLock(EMBEDDED if embedded else url)
    return ModuleAccess(module, lock, embedded, keep_open=keep_open)
