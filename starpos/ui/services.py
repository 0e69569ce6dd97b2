"""What the cashier's window needs from the application core, and nothing more.

The windows never talk SQL, serial or ESC/POS: they call these two small interfaces on the
right worker thread (:mod:`starpos.ui.workers`). :mod:`starpos.ui.core_services` implements
them on the store, pricing, the vend and the printer; tests may pass any object with the
same methods. Every failure a person can cause or meet is a typed
:class:`starpos.errors.StarposError` (or ``StsError``) shown through the error funnel.

Which worker runs what (DESIGN.md rule 2): authentication, look-ups, quotes and lists on
the ``database`` worker; the vend and the module's state on the ``module`` worker; printing,
previews and the printer's state on the ``printer`` worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from starpos.permissions import INSTALLER_SETTINGS, REPRINT, VEND

__all__ = ["INSTALLER_SETTINGS", "REPRINT", "VEND"]  # the permissions the window checks


@dataclass(frozen=True)
class OperatorSession:
    """Who is logged in at this counter."""

    code: str
    name: str
    sales_point: str
    permissions: frozenset[str]
    must_change_password: bool = False

    def may(self, permission: str) -> bool:
        return permission in self.permissions


@dataclass(frozen=True)
class CustomerCard:
    """What the cashier checks before taking money: the person and the meter."""

    meter_number: str
    customer_code: str
    name: str
    address: str
    meter_model: str
    tariff: str
    status: str  # "active" or "blacklisted"
    debt: Decimal
    last_purchase_at: datetime | None = None
    last_purchase_net: Decimal | None = None
    blacklist_reason: str = ""

    @property
    def blacklisted(self) -> bool:
        return self.status == "blacklisted"


@dataclass(frozen=True)
class DefaultAmount:
    """A quick-vend button: the net amount the customer pays."""

    net: Decimal


@dataclass(frozen=True)
class PaymentMethod:
    code: str
    name: str
    is_cash: bool = False


@dataclass(frozen=True)
class QuoteLine:
    """One line of the breakdown (label is English source text, context ``breakdown``)."""

    label: str
    amount: Decimal


@dataclass(frozen=True)
class Quote:
    """The breakdown of a net amount before the vend: lines that add up to ``net``."""

    net: Decimal
    amount: Decimal  # what goes to the meter, in currency
    lines: tuple[QuoteLine, ...]
    vat: Decimal
    debt_repayment: Decimal
    energy_kwh: Decimal
    warning: bool = False  # above the warn amount: ask the cashier to look twice


@dataclass(frozen=True)
class CounterRules:
    """Business settings the window needs to validate input before dispatching."""

    currency: str
    decimals: int
    default_amounts: tuple[DefaultAmount, ...]
    payment_methods: tuple[PaymentMethod, ...]


@dataclass(frozen=True)
class VendRequest:
    meter_number: str
    net: Decimal
    payment_method: str
    paid: Decimal
    confirmed: bool = False  # the cashier confirmed an amount above the warn amount


@dataclass(frozen=True)
class VendOutcome:
    bill_number: str
    meter_number: str
    customer_name: str
    token: str  # 20 digits
    energy_kwh: Decimal
    net: Decimal
    paid: Decimal
    change: Decimal
    issued_at: datetime


@dataclass(frozen=True)
class PrintOutcome:
    bill_number: str
    reprint: bool


@dataclass(frozen=True)
class ShiftVend:
    """One row of this shift's vends."""

    issued_at: datetime
    bill_number: str
    meter_number: str
    customer_name: str
    net: Decimal
    energy_kwh: Decimal
    token: str
    state: str  # ISSUED, PRINTED, FAILED ...


@dataclass(frozen=True)
class DeviceState:
    """A device as the status bar shows it."""

    online: bool
    detail: str = ""  # English source text (context ``status``), e.g. "paper out"
    balance_kwh: Decimal | None = None
    params: dict[str, str] = field(default_factory=dict)


class AuthService(Protocol):
    def login(self, code: str, password: str) -> OperatorSession: ...

    def change_password(self, code: str, old_password: str, new_password: str) -> None: ...

    def check_password(self, code: str, password: str) -> None:
        """Raise an ``AuthError`` unless ``password`` is this operator's (unlocking)."""
        ...

    def log_out(self, code: str) -> None:
        """The operator left the counter (audited)."""
        ...


class CounterService(Protocol):
    def rules(self) -> CounterRules: ...

    def look_up(self, meter_number: str) -> CustomerCard: ...

    def quote(self, meter_number: str, net: Decimal) -> Quote: ...

    def vend(self, request: VendRequest, operator: OperatorSession) -> VendOutcome: ...

    def recover_pending(self, operator: OperatorSession) -> list[VendOutcome]:
        """Finish the vends the module was asked for but did not answer (module worker).

        Called when the module answers again after a vend failed on a device error; the
        tokens it produced meanwhile are booked and returned, never issued twice.
        """
        ...

    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome: ...

    def last_bill_number(self, operator: OperatorSession) -> str | None: ...

    def preview_voucher(self, bill_number: str, operator: OperatorSession) -> bytes:
        """The voucher as a PNG image, rendered from the same layout as the paper."""
        ...

    def shift_vends(self, operator: OperatorSession) -> list[ShiftVend]: ...

    def module_state(self) -> DeviceState: ...

    def printer_state(self) -> DeviceState: ...

    def test_print(self) -> None: ...

    def close(self) -> None: ...
