"""The secure module a vend goes through: which one, opened how, and held by whom.

A module keeps exactly one "last answer" for ``GL?RR``. Recovery after a crash can only
find a lost token there if nothing acted on the module after it, so one program at a time
may run the part of a vend between "PENDING written" and "token committed", and it first
settles any PENDING vend of that module (docs/vending.md, "Why one vend at a time"). The
:class:`ModuleLock` is an ``flock`` on a file in the data folder: the kernel drops it when
its holder dies, even by SIGKILL, so a crashed vend never blocks the next one.

An empty ``sm.url`` means the embedded emulator (``starpos.devices.sm.embedded``). It is a
development and demo device: when it holds no keys yet, it is given the demo vending keys
of ``resources/demo/keys.json`` and some credit from the development KMC, so that
``starpos demo seed`` followed by ``starpos vend`` just works. A configured module is never
provisioned automatically.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.paths import data_dir, resources_dir
from starpos.settings import Settings
from starpos.vending.errors import ModuleOfflineError, reason

#: Credit given to a fresh embedded emulator (tenths of a kWh): 100,000 kWh.
EMBEDDED_DEMO_CREDIT_TENTHS = 1_000_000
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
    """An open module with its lock; ``close()`` (or ``with``) releases the port."""

    module: SecureModule
    lock: ModuleLock
    embedded: bool

    def close(self) -> None:
        self.module.close()

    def __enter__(self) -> ModuleAccess:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_configured_module(settings: Settings | None = None) -> ModuleAccess:
    """The module named by ``sm.url`` (the embedded emulator when empty), opened.

    Raises :class:`ModuleOfflineError` when it cannot be reached.
    """
    settings = settings or Settings()
    url = str(settings.get("sm.url") or "")
    embedded = not url
    try:
        if embedded:
            from starpos.devices.sm.embedded import ensure_embedded

            url = ensure_embedded(settings.get("sts.tables") or None)
        module = SecureModule(
            url,
            baud=int(settings.get("sm.baud")),
            timeout_s=int(settings.get("sm.timeout_ms")) / 1000,
        ).open()
    except SmError as error:
        raise ModuleOfflineError(**reason(error)) from error
    access = ModuleAccess(module, ModuleLock(EMBEDDED if embedded else url), embedded)
    if embedded:
        try:
            with access.lock.held():
                provision_embedded_if_empty(module)
        except SmError as error:
            access.close()
            raise ModuleOfflineError(**reason(error)) from error
    return access


def demo_keys_spec() -> dict[str, Any]:
    path = resources_dir() / "demo" / "keys.json"
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def provision_embedded_if_empty(module: SecureModule) -> dict[str, Any] | None:
    """Give a key-less embedded emulator the demo keys and credit; what it did, or None."""
    if module.identify().key_count:
        return None
    keys = [
        kmc.key_from_spec({name: value for name, value in key.items() if name != "comment"})
        for key in demo_keys_spec()["keys"]
    ]
    folder: Path = kmc.default_kmc_dir()
    return kmc.provision(module, keys, EMBEDDED_DEMO_CREDIT_TENTHS, folder)
