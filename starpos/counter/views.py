"""The counter's records as a window or a script sees them: small, frozen, Decimal money.

The counter services (:mod:`starpos.counter`) turn the store's rows into these; the
cashier's window (``starpos/ui``) and headless callers read them without touching SQL.
Who is logged in is the core's :class:`~starpos.operators.session.OperatorSession`, and a
sale asked for is the core's :class:`~starpos.vending.sale.VendRequest`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from starpos.errors import StarposError


@dataclass(frozen=True)
class CollidedToken:
    """A sale of the meter whose token collided with another counter's TID (SYN-51): the
    meter refuses it as used until the customer enters its replacement."""

    bill: str
    amount: Decimal
    energy_kwh: Decimal
    #: the terminal that sold it: the only one that issues its replacement
    terminal: str


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
    #: why no credit can be sold to this meter (post-paid, contract cancelled ...), said at
    #: look-up before any amount is chosen; rendered when shown. None when it can be sold
    #: to (a blacklisted customer is ``status`` with ``blacklist_reason``).
    refusal: StarposError | None = None
    #: the meter takes its credit on the customer's smart card, not as a token
    card_meter: bool = False
    #: key change tokens the next sale prints before the credit token (0: none; the
    #: meter is flagged for a key change at its next purchase, docs/key-changes.md)
    key_change_tokens: int = 0
    #: its sales whose token needs a replacement (docs/sync.md, "TID collision")
    collided_tokens: tuple[CollidedToken, ...] = ()

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
    time_zone: str = "UTC"  # the utility's (IANA name): the clock the counter shows


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
    card_serial: str = ""  # a card sale: the credit went onto this card (no token)


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
    #: the typed error behind an offline state; the reader renders it (a tooltip, a report)
    problem: StarposError | None = None


class Stoppable(Protocol):
    """Something running on its own thread until told to stop (a card presence watch)."""

    def stop(self) -> None: ...


@dataclass(frozen=True)
class CardPresence:
    """A card arriving in or leaving a reader (``reader`` is the PC/SC reader name)."""

    inserted: bool
    reader: str


@dataclass(frozen=True)
class CardTamper:
    kind: str  # English source text (context ``cardmode``), e.g. "cover opened"
    at: datetime  # the meter's clock


@dataclass(frozen=True)
class CardReading:
    """A SUN card as read and verified at the counter, with what its meter wrote back.

    Energy is kWh at 0.1 resolution. ``problem`` is the rendered reason the card cannot be
    sold to (empty when it can); ``credit_pending`` means the card still carries credit its
    meter has not loaded (``pending_kwh``, sale ``pending_bill``).
    """

    reader: str
    serial: str
    meter_number: str = ""
    issue_number: int = 0
    sellable: bool = False
    problem: str = ""
    credit_pending: bool = False
    pending_kwh: Decimal | None = None
    pending_bill: str = ""
    has_meter_data: bool = False
    remaining_kwh: Decimal | None = None
    cumulative_kwh: Decimal | None = None
    monthly_kwh: tuple[Decimal, ...] = ()
    meter_clock: datetime | None = None
    relay_open: bool = False
    power_cut_count: int = 0
    tamper_count: int = 0
    tampers: tuple[CardTamper, ...] = ()
    overload_count: int = 0
    warning_level: int = 0  # 0 none, 1 low credit, 2 very low credit
    overdraft_used_kwh: Decimal | None = None
    flagged: bool = False  # new tampers or overloads since the meter's previous reading
    sales_in_doubt: tuple[str, ...] = ()  # bill numbers settled or still pending


@dataclass(frozen=True)
class PendingCardSale:
    """A card sale left in doubt (the card was pulled out or the program stopped mid-way).

    It stays PENDING until a card of its meter is inserted again, which settles it: sold
    (the credit is on the card or in the meter) or cancelled. ``energy_kwh`` is what the
    credit record carries (kWh, 0.1 resolution); ``started_at`` is the utility's local
    wall-clock time the sale was booked; ``card_serial`` is the card it was written to.
    """

    bill_number: str
    meter_number: str
    customer_name: str
    energy_kwh: Decimal
    started_at: datetime
    card_serial: str
