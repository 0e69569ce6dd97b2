"""The secure module a vend goes through: which one, opened how, and held by whom.

A module keeps exactly one "last answer" for ``GL?RR``. Recovery after a crash can only
find a lost token there if nothing acted on the module after it, so one program at a time
may run the part of a vend between "PENDING written" and "token committed", and it first
settles any PENDING vend of that module (docs/vending.md, "Why one vend at a time"). The
:class:`ModuleLock` is an ``flock`` on a file in the data folder: the kernel drops it when
its holder dies, even by SIGKILL, so a crashed vend never blocks the next one.

Which module, on which port, is the composition root's business
(:func:`starpos.bootstrap.module.open_configured_module`: ``sm.url``, or the embedded
emulator it starts when that is empty); this module only holds it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.paths import data_dir
from starpos.vending.errors import ModuleBusyError, ModuleInUseError, ModuleOfflineError, reason

#: The lock name of the embedded emulator, whatever port it listens on this time.
EMBEDDED = "embedded"


#: Owner claims held by this process, per owner file: (open handle, number of claims).
_claims: dict[str, tuple[IO[str], int]] = {}


class ModuleLock:
    """An exclusive, crash-safe lock on one module, shared by every program on this machine.

    A program that keeps the module open all day (the counter app) also *claims* it: a
    second ``flock`` on ``<lock>.owner`` holding its process id. While the claim is held,
    other programs are refused at once with :class:`ModuleBusyError` instead of queueing
    on a port that is in use; the kernel drops the claim when its holder dies.
    """

    def __init__(self, name: str) -> None:
        folder = data_dir() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
        self.path = folder / f"sm-{digest}.lock"
        self.owner_path = folder / f"sm-{digest}.owner"
        self.name = name
        self._handle: IO[str] | None = None
        self._claimed = False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the block (waits for another holder to finish).

        Raises :class:`ModuleBusyError` when another program has claimed the module.
        """
        if self._handle is not None:  # re-entrant within one program
            yield
            return
        self._refuse_if_claimed_elsewhere()
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            self._handle = handle
            yield
        finally:
            self._handle = None
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def claim(self) -> None:
        """Own the module until :meth:`release` (or this process ends).

        Raises :class:`ModuleBusyError` when another program owns it already. Claims are
        counted per process, so a program that reconnects never refuses itself.
        """
        if self._claimed:
            return
        key = str(self.owner_path)
        if key in _claims:
            handle, count = _claims[key]
            _claims[key] = (handle, count + 1)
            self._claimed = True
            return
        handle = self.owner_path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = _owner_pid(handle)
            handle.close()
            raise ModuleBusyError(module=self.name, pid=owner) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        _claims[key] = (handle, 1)
        self._claimed = True

    def release(self) -> None:
        """Give up this lock's claim; the owner file is unlocked with the last claim."""
        if not self._claimed:
            return
        self._claimed = False
        key = str(self.owner_path)
        handle, count = _claims.pop(key)
        if count > 1:
            _claims[key] = (handle, count - 1)
            return
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()

    def _refuse_if_claimed_elsewhere(self) -> None:
        if str(self.owner_path) in _claims or not self.owner_path.exists():
            return
        with self.owner_path.open("r") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ModuleBusyError(module=self.name, pid=_owner_pid(handle)) from None
            fcntl.flock(handle, fcntl.LOCK_UN)


def _owner_pid(handle: IO[str]) -> str:
    handle.seek(0)
    return handle.read().strip() or "?"


@dataclass
class ModuleAccess:
    """A module and its lock.

    By default the port is open only while :meth:`exclusive` holds the lock, so programs
    sharing one module (or one serial port) take turns instead of failing. A program that
    owns the module all day (the app, a benchmark) sets ``keep_open``: the port then stays
    open between vends, which saves the reconnect (pyserial waits 0.3 s after closing a
    ``socket://`` port), and the module is claimed (:meth:`ModuleLock.claim`), so other
    programs are refused with :class:`ModuleBusyError` until :meth:`close`.
    """

    module: SecureModule
    lock: ModuleLock
    embedded: bool
    keep_open: bool = False
    _depth: int = 0
    #: The module found serving this store (store_binding.ensure_served), for a program
    #: that keeps it open: nobody else may act on it meanwhile, so once is enough.
    served_module: str | None = None
    #: The turn of one thread of this program: the lock file is re-entrant within a program,
    #: so without it a second thread (the window's background sync) would walk into a vend.
    _turn: threading.RLock = field(default_factory=threading.RLock)

    @contextmanager
    def exclusive(self, *, wait: bool = True) -> Iterator[SecureModule]:
        """Hold the lock and the open port for the block (re-entrant).

        Without ``wait``, a thread of this program that uses the module now (a sale) is not
        waited for: :class:`ModuleInUseError`. Raises :class:`ModuleOfflineError` when the
        port cannot be opened.
        """
        if not self._turn.acquire(blocking=wait):
            raise ModuleInUseError(module=self.lock.name)
        try:
            with self._exclusive() as module:
                yield module
        finally:
            self._turn.release()

    @contextmanager
    def _exclusive(self) -> Iterator[SecureModule]:
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
        with self._turn:  # a thread that uses the module now finishes first
            self.module.close()
            self.lock.release()

    def __enter__(self) -> ModuleAccess:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def access_to(module: SecureModule, *, embedded: bool, keep_open: bool = False) -> ModuleAccess:
    """``module`` under its lock (named after its port, or :data:`EMBEDDED`).

    With ``keep_open`` the module is claimed here, before the first vend: another program's
    claim refuses this one at once (:class:`ModuleBusyError`).
    """
    lock = ModuleLock(EMBEDDED if embedded else module.url)
    if keep_open:
        lock.claim()
    return ModuleAccess(module, lock, embedded, keep_open=keep_open)
