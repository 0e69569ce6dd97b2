"""The priced sale: every line a voucher prints and the ledger books."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from starpos.pricing.charges import ChargeLine


@dataclass(frozen=True)
class Breakdown:
    """One priced sale. Money in currency units on the configured grid, energy in kWh.

    ``net`` = ``amount`` + ``taxed_total`` + ``untaxed_total`` + ``vat`` +
    ``debt_repayment`` + ``preinstalled`` + ``prearrange``, to the last cent.

    - ``amount``: the vending Amount, the money that buys energy.
    - ``amount_rounding``: the part of ``amount`` that no percentage line or VAT was
      computed on, because VAT or percentage rounding skipped the net (docs/pricing.md).
    - ``charges``: each charge line; ``taxed_total`` / ``untaxed_total`` sum them by
      "Calculate VAT". ``vat`` = (Amount - amount_rounding + taxed_total) x ``vat_rate`` %.
    - ``debt_repayment``: the OS amount repaid; ``debt_after`` is what remains owed.
    - ``energy_kwh``: energy the Amount bought; ``fbe_kwh``: free basic electricity;
      ``token_kwh``: their sum, exactly what the token carries.
    - ``exceeds_warn_amount``: the net is above the warn amount; ask before vending.
    """

    net: Decimal
    amount: Decimal
    amount_rounding: Decimal
    charges: tuple[ChargeLine, ...]
    taxed_total: Decimal
    untaxed_total: Decimal
    vat_rate: Decimal
    vat: Decimal
    debt_repayment: Decimal
    debt_after: Decimal
    preinstalled: Decimal
    prearrange: Decimal
    energy_kwh: Decimal
    fbe_kwh: Decimal
    token_kwh: Decimal
    exceeds_warn_amount: bool

    def lines_total(self) -> Decimal:
        """The sum of the money lines, which equals :attr:`net`."""
        return (
            self.amount
            + self.taxed_total
            + self.untaxed_total
            + self.vat
            + self.debt_repayment
            + self.preinstalled
            + self.prearrange
        )

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON (Decimals stay Decimals: ``print_json`` writes strings)."""
        return {
            "net": self.net,
            "amount": self.amount,
            "amount_rounding": self.amount_rounding,
            "charges": [
                {
                    "code": line.code,
                    "name": line.name,
                    "method": line.method.value,
                    "taxed": line.taxed,
                    "amount": line.amount,
                }
                for line in self.charges
            ],
            "taxed_total": self.taxed_total,
            "untaxed_total": self.untaxed_total,
            "vat_rate": self.vat_rate,
            "vat": self.vat,
            "debt_repayment": self.debt_repayment,
            "debt_after": self.debt_after,
            "preinstalled": self.preinstalled,
            "prearrange": self.prearrange,
            "energy_kwh": self.energy_kwh,
            "fbe_kwh": self.fbe_kwh,
            "token_kwh": self.token_kwh,
            "exceeds_warn_amount": self.exceeds_warn_amount,
        }
