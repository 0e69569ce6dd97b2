"""What a cashier asks for (:class:`VendRequest`) and what the checks found."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from starpos.audit.log import Actor
from starpos.devices.sm.messages import MeterKeyRef
from starpos.pricing import Breakdown, SaleContext
from starpos.shifts.gate import SaleShift
from starpos.vending.key_change_sale import SaleKeyChange

#: STS credit type of electricity (class 0, subclass 0).
ELECTRICITY = 0


@dataclass(frozen=True)
class VendRequest:
    """One sale as asked for, at the counter's window, on the command line or in a script,
    whatever carries the credit (a token or a card).

    ``meter``: meter number or PAN as typed; ``net``: what the customer pays (currency,
    ``Decimal``); ``operator_code``: who sells; ``payment``: payment term code or kind
    (``cash``); ``tendered``: money handed over (None: exactly the net);
    ``sales_point_code``: where it is sold (None: the operator's own); ``confirmed``: the
    cashier confirmed an amount above the warn amount.
    """

    meter: str
    net: Decimal
    operator_code: str
    payment: str = "cash"
    tendered: Decimal | None = None
    sales_point_code: str | None = None
    terminal_code: str | None = None
    confirmed: bool = False

    def sold_by(self, actor: Actor) -> VendRequest:
        """This sale as ``actor`` makes it: who sells, at which sales point and terminal."""
        return replace(
            self,
            operator_code=actor.operator_code or "",
            sales_point_code=actor.sales_point_code,
            terminal_code=actor.terminal_code,
        )


@dataclass(frozen=True)
class ModuleSnapshot:
    """The module as :func:`starpos.vending.prepare` found it (balance in kWh)."""

    module_id: str
    sequence: int
    balance: Decimal


@dataclass(frozen=True)
class PricedSale:
    """A sale that passed the store checks, priced: what a token vend and a card sale share
    (:func:`starpos.vending.sale_checks.price_sale`). ``sale`` is what it was priced on."""

    request: VendRequest
    actor: Actor
    operator_id: int
    sales_point_id: int
    branch_code: str
    terminal_id: int | None
    payment_term_id: int
    meter_id: int
    meter_number: str
    customer_id: int
    customer_code: str
    customer_name: str
    tariff_version_id: int | None
    breakdown: Breakdown
    sale: SaleContext
    tendered: Decimal
    change: Decimal
    local_time: datetime
    # The seller's open shift on the till (None where the store requires none: SHF-1).
    shift: SaleShift | None
    till: str

    @property
    def needs_confirmation(self) -> bool:
        return self.breakdown.exceeds_warn_amount and not self.request.confirmed

    def as_dict(self) -> dict[str, Any]:
        return {
            "meter": self.meter_number,
            "customer": {"code": self.customer_code, "name": self.customer_name},
            "tendered": self.tendered,
            "change": self.change,
            "price": self.breakdown.as_dict(),
            "needs_confirmation": self.needs_confirmation,
        }


@dataclass(frozen=True)
class PreparedVend(PricedSale):
    """A token sale that passed every check, the module's too, ready for the ledger and
    the module."""

    key_ref: MeterKeyRef
    tid_base_year: int
    ken: int
    module: ModuleSnapshot
    #: The key change tokens this sale carries before its credit token (docs/key-changes.md).
    key_change: SaleKeyChange | None = None

    @classmethod
    def of(
        cls, priced: PricedSale, key_ref: MeterKeyRef, tid_base_year: int, ken: int,
        module: ModuleSnapshot, key_change: SaleKeyChange | None = None,
    ) -> PreparedVend:  # fmt: skip
        shared = {field.name: getattr(priced, field.name) for field in fields(PricedSale)}
        return cls(
            **shared, key_ref=key_ref, tid_base_year=tid_base_year, ken=ken, module=module,
            key_change=key_change,
        )  # fmt: skip

    @property
    def amount_tenths(self) -> int:
        """What the token carries, in tenths of a kWh (the pricing rounded it to fit)."""
        return int(self.breakdown.token_kwh * 10)

    def as_dict(self) -> dict[str, Any]:
        return {
            **super().as_dict(),
            "module": {
                "module_id": self.module.module_id,
                "balance_kwh": self.module.balance,
            },
            "key_change": self.key_change.as_dict() if self.key_change else None,
        }
