"""The module at a glance for the manager: who it is, its credit, its link, its keys and
its credit update history, read in one go on the module's worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.key_registry import KeyRegistry
from starpos.devices.sm.messages import ModuleBalance, ModuleIdentity
from starpos.devices.sm.records import CreditUpdateRecord
from starpos.module_admin.key_standing import KeyStanding, key_standings, warnings


@dataclass(frozen=True)
class ModuleOverview:
    url: str
    identity: ModuleIdentity
    balance: ModuleBalance
    signed_in: bool
    registry: KeyRegistry
    standings: tuple[KeyStanding, ...]
    history: tuple[CreditUpdateRecord, ...]

    @property
    def warnings(self) -> list[KeyStanding]:
        return warnings(list(self.standings))


def read_overview(module: SecureModule, today: date, warn_days: int) -> ModuleOverview:
    """Everything the manager shows, from the open ``module`` (queries only)."""
    identity = module.identify()
    balance = module.balance()
    registry = module.key_registry()
    return ModuleOverview(
        url=module.url,
        identity=identity,
        balance=balance,
        signed_in=module.signed_in,
        registry=registry,
        standings=tuple(key_standings(registry, today, warn_days)),
        history=tuple(module.credit_updates()),
    )
