"""What the module says it made, beside what a ledger holds.

A module speaking protocol 2 counts every credit token it makes and their energy, and never
forgets (``SM?CI``, docs/sm-protocol.md section 10.1). Against the restored ledger's tokens of
that module, the difference is what the module made that the ledger lacks: a number of tokens
and of kWh, known even when the store put aside cannot be read, and whatever credit updates
happened since (which make the balance-based reconcile incomparable).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from starpos.backup.ledgers import LedgerVend
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError


@dataclass(frozen=True)
class ModuleTally:
    module_tokens: int
    module_kwh: Decimal
    ledger_tokens: int
    ledger_kwh: Decimal
    #: the TID of the last credit or management token the module made (None before any)
    last_tid: int | None

    @property
    def tokens_beyond(self) -> int:
        """Credit tokens the module made that the ledger does not hold."""
        return self.module_tokens - self.ledger_tokens

    @property
    def kwh_beyond(self) -> Decimal:
        return self.module_kwh - self.ledger_kwh

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_tokens": self.module_tokens,
            "module_kwh": self.module_kwh,
            "ledger_tokens": self.ledger_tokens,
            "ledger_kwh": self.ledger_kwh,
            "tokens_beyond": self.tokens_beyond,
            "kwh_beyond": self.kwh_beyond,
            "last_tid": self.last_tid,
        }


def tally(module: SecureModule, module_id: str, vends: dict[str, LedgerVend]) -> ModuleTally | None:
    """The module's counters beside the ledger's tokens of ``module_id``; None when the module
    keeps no counters (an older protocol, another maker's module) or began counting after
    tokens the ledger holds (a module migrated from protocol 1)."""
    try:
        counters = module.counters()
    except SmError:
        return None
    if counters.counted_since != 0:
        return None
    mine = [v for v in vends.values() if v.module_id == module_id and v.token is not None]
    return ModuleTally(
        counters.credit_tokens,
        counters.total_issued,
        len(mine),
        sum((v.token_kwh for v in mine), Decimal("0.0")),
        counters.last_tid,
    )
