"""The installer's module commands (``starpos sm ...``) under the vend's lock.

A module keeps one last answer (``GL?RR``). A command that acts on the module (key load,
credit update, any token) replaces that answer, so if it ran between a crashed vend and
its recovery, the crashed vend's token would be gone from the module's memory while its
credit was spent (docs/vending.md, "Why one vend at a time"). So every ``sm`` command
that talks to the module takes the same :class:`ModuleLock` as a vend, and one that acts
first settles the PENDING vends of this module exactly as a vend does (:func:`recover`).
Reading commands (identify, balance, verify, last answer) only take turns on the port.
Which module and which ledger: :func:`starpos.bootstrap.module.module_for_command`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from starpos.db import Database
from starpos.devices.sm.driver import SecureModule
from starpos.vending.module_access import ModuleLock
from starpos.vending.recovery import RecoveryReport, recover
from starpos.vending.store_binding import ensure_served


@dataclass(frozen=True)
class HeldModule:
    """An open module under its lock, and what settling the PENDING vends did (or None
    when the command does not act, or there is no ledger yet)."""

    module: SecureModule
    settled: RecoveryReport | None


@contextmanager
def held_for_command(
    module: SecureModule,
    lock: ModuleLock,
    *,
    acting: bool,
    open_ledger: Callable[[], Database | None],
    check_served: bool = True,
) -> Iterator[HeldModule]:
    """Hold the module's vend lock and its open port for the block.

    With ``acting`` (the command changes the module's state or its last answer), the
    PENDING vends of this module are settled first in the ledger ``open_ledger()`` opens
    (None: there is no ledger yet, so nothing to settle); a vend that cannot be settled
    raises (``VendInDoubtError``, ``ModuleOfflineError``) and the command does not run.
    With ``check_served`` the module must also serve this store first
    (:func:`~starpos.vending.store_binding.ensure_served`, binding it on first use); only
    ``starpos sm rebind``, which decides that, goes without.
    Errors opening the port are the driver's own :class:`~starpos.devices.sm.errors.SmError`.
    """
    with lock.held(), module.open():
        settled = _settle_pending(module, open_ledger, check_served) if acting else None
        yield HeldModule(module, settled)


def _settle_pending(
    module: SecureModule, open_ledger: Callable[[], Database | None], check_served: bool
) -> RecoveryReport | None:
    database = open_ledger()
    if database is None:
        return None
    with database:
        report = recover(database, module)
        if check_served:
            ensure_served(database, module, report.module_id)
        return report
