"""The installer's module commands (``starpos sm ...``) under the vend's lock.

A module keeps one last answer (``GL?RR``). A command that acts on the module (key load,
credit update, any token) replaces that answer, so if it ran between a crashed vend and
its recovery, the crashed vend's token would be gone from the module's memory while its
credit was spent (docs/vending.md, "Why one vend at a time"). So every ``sm`` command
that talks to the module takes the same :class:`ModuleLock` as a vend, and one that acts
first settles the PENDING vends of this module exactly as a vend does (:func:`recover`).
Reading commands (identify, balance, verify, last answer) only take turns on the port.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from starpos.db import Database
from starpos.db.engine import database_url
from starpos.devices.sm.driver import SecureModule
from starpos.settings import Settings
from starpos.vending.module_access import EMBEDDED, ModuleLock
from starpos.vending.recovery import RecoveryReport, recover


@dataclass(frozen=True)
class ModuleTarget:
    """Where a command finds the module: ``url`` empty means the embedded emulator."""

    url: str = ""
    baud: int | None = None
    timeout_ms: int | None = None


@dataclass(frozen=True)
class HeldModule:
    """An open module under its lock, and what settling the PENDING vends did (or None
    when the command does not act, or there is no ledger yet)."""

    module: SecureModule
    settled: RecoveryReport | None


@contextmanager
def module_for_command(
    target: ModuleTarget, *, acting: bool, settings: Settings | None = None
) -> Iterator[HeldModule]:
    """Hold the module's vend lock and its open port for the block.

    With ``acting`` (the command changes the module's state or its last answer), the
    PENDING vends of this module are settled first; a vend that cannot be settled raises
    (``VendInDoubtError``, ``ModuleOfflineError``) and the command does not run.
    Errors opening the port are the driver's own :class:`~starpos.devices.sm.errors.SmError`.
    """
    settings = settings or Settings()
    url = target.url or str(settings.get("sm.url") or "")
    lock_name = url or EMBEDDED
    if not url:
        from starpos.devices.sm.embedded import ensure_embedded

        url = ensure_embedded(settings.get("sts.tables") or None)
    elif _is_embedded(url):
        lock_name = EMBEDDED  # the embedded emulator named by its socket URL: same lock
    baud = target.baud or int(settings.get("sm.baud"))
    timeout_ms = target.timeout_ms or int(settings.get("sm.timeout_ms"))
    module = SecureModule(url, baud=baud, timeout_s=timeout_ms / 1000)
    with ModuleLock(lock_name).held(), module.open():
        settled = _settle_pending(module) if acting else None
        yield HeldModule(module, settled)


def _is_embedded(url: str) -> bool:
    from starpos.devices.sm.embedded import running_endpoint

    endpoint = running_endpoint()
    return endpoint is not None and endpoint["url"] == url


def _settle_pending(module: SecureModule) -> RecoveryReport | None:
    """:func:`recover` on the configured ledger; None when there is no ledger (a module
    set up before the database exists has no vends to settle)."""
    url = database_url()
    parsed = make_url(url)
    file = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if file not in (None, "", ":memory:") and not Path(str(file)).exists():
        return None
    with Database.open(url) as database:
        return recover(database, module)
