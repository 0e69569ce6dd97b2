"""The secure module the settings name: ``sm.url`` at ``sm.baud``, answers within
``sm.timeout_ms``; an empty ``sm.url`` means the embedded emulator
(:mod:`starpos.devices.sm.embedded`), started here when it is not running yet.

Two uses: a vend's :class:`~starpos.vending.ModuleAccess` (:func:`open_configured_module`)
and an installer's ``starpos sm`` command under the vend's lock (:func:`module_for_command`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from starpos.bootstrap.database import open_existing_database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.devices.sm.session import installation_credential
from starpos.settings import Settings
from starpos.tokenops.recovery import register_with_vending as settle_token_operations_too
from starpos.vending.errors import ModuleBusyError, ModuleOfflineError, reason
from starpos.vending.module_access import EMBEDDED, ModuleAccess, ModuleLock, access_to
from starpos.vending.module_commands import HeldModule, held_for_command


def _embedded_url(settings: Settings) -> str:
    """The embedded emulator's ``socket://`` URL, started when needed (raises
    :class:`~starpos.devices.sm.errors.SmEmulatorError` when it cannot be)."""
    from starpos.devices.sm.embedded import ensure_embedded  # starts a process: only when used

    return ensure_embedded(settings.get("sts.tables") or None)


def _module_on(url: str, settings: Settings) -> SecureModule:
    return SecureModule(
        url,
        baud=int(settings.get("sm.baud")),
        timeout_s=int(settings.get("sm.timeout_ms")) / 1000,
        credential=installation_credential(),  # the module acts only for its paired terminal
    )


def open_configured_module(
    settings: Settings | None = None, *, keep_open: bool = False
) -> ModuleAccess:
    """The module named by ``sm.url`` (the embedded emulator when empty), ready to use.

    The embedded emulator is started here when needed (:class:`ModuleOfflineError` when
    it cannot be); a port is opened only inside :meth:`ModuleAccess.exclusive`. With
    ``keep_open`` the port stays open between vends and the module is claimed
    (:class:`~starpos.vending.module_access.ModuleLock`).
    """
    settings = settings or Settings()
    settle_token_operations_too()  # a vend's recovery settles a crashed token batch first
    url = str(settings.get("sm.url") or "")
    embedded = not url
    if embedded:
        try:
            url = _embedded_url(settings)
        except SmError as error:
            raise ModuleOfflineError(**reason(error)) from error
    return access_to(_module_on(url, settings), embedded=embedded, keep_open=keep_open)


def configured_module(settings: Settings | None = None) -> SecureModule:
    """The configured module's driver, not opened and without the vend's lock (setting up a
    module: the demo loads its keys with it)."""
    settings = settings or Settings()
    return _module_on(str(settings.get("sm.url") or "") or _embedded_url(settings), settings)


@dataclass(frozen=True)
class ModuleTarget:
    """Where a command finds the module: ``url`` empty means the configured one (and an
    empty ``sm.url`` the embedded emulator); ``baud`` and ``timeout_ms`` override the
    settings when given."""

    url: str = ""
    baud: int | None = None
    timeout_ms: int | None = None


@contextmanager
def module_for_command(
    target: ModuleTarget,
    *,
    acting: bool,
    settings: Settings | None = None,
    check_served: bool = True,
) -> Iterator[HeldModule]:
    """The module of ``target`` open under the vend's lock for the block; with ``acting``,
    the PENDING vends of the configured ledger are settled first
    (:func:`~starpos.vending.module_commands.held_for_command`)."""
    settings = settings or Settings()
    settle_token_operations_too()  # so does the settling before an acting sm command
    url = target.url or str(settings.get("sm.url") or "")
    lock_name = url or EMBEDDED
    if not url:
        url = _embedded_url(settings)
    elif _is_embedded(url):
        lock_name = EMBEDDED  # the embedded emulator named by its socket URL: same lock
    baud = target.baud or int(settings.get("sm.baud"))
    timeout_ms = target.timeout_ms or int(settings.get("sm.timeout_ms"))
    credential = installation_credential()
    module = SecureModule(url, baud=baud, timeout_s=timeout_ms / 1000, credential=credential)
    with held_for_command(
        module,
        ModuleLock(lock_name),
        acting=acting,
        open_ledger=lambda: open_existing_database(settings),
        check_served=check_served,
    ) as held:
        yield held


def _is_embedded(url: str) -> bool:
    from starpos.devices.sm.embedded import running_endpoint

    endpoint = running_endpoint()
    return endpoint is not None and endpoint["url"] == url


def stop_idle_embedded() -> str:
    """Stop the embedded emulator of this data folder unless a program uses it, so that it
    starts again with changed settings (``sts.tables``): ``"stopped"``, ``"not_running"``,
    or ``"busy"`` while a program has claimed it (the app). A vend in progress is waited for
    (the vend's lock), never cut."""
    from starpos.devices.sm.embedded import running_endpoint, stop_embedded

    if running_endpoint() is None:
        return "not_running"
    try:
        with ModuleLock(EMBEDDED).held():
            return "stopped" if stop_embedded() else "not_running"
    except ModuleBusyError:
        return "busy"
