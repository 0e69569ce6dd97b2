"""The closed sets of values stored in the database (the manual's drop-down lists).

The pricing's own sets (:class:`starpos.pricing.ChargeMethod`,
:class:`starpos.pricing.RepaymentMethod`) are stored as they are; they live there.
"""

from __future__ import annotations

from enum import StrEnum


class PaymentKind(StrEnum):
    CASH = "cash"
    CHEQUE = "cheque"
    CARD = "card"
    MOBILE_MONEY = "mobile_money"
    BANK_TRANSFER = "bank_transfer"


class PaymentMode(StrEnum):
    """How a meter model is paid for (manual 1.8 "Meter Type")."""

    PREPAID = "prepaid"
    POSTPAID = "postpaid"


class ChargeOccasion(StrEnum):
    """The business a customer type's charge is collected in (manual 2.3 pages)."""

    REGISTER = "register"
    VEND = "vend"
    TOKEN_CANCEL = "token_cancel"


class RoleKind(StrEnum):
    MANAGER = "manager"
    GENERAL = "general"


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    BLACKLISTED = "blacklisted"


class MeterMedium(StrEnum):
    """How credit reaches the meter: a typed 20-digit token or a smart card."""

    KEYPAD = "keypad"
    CARD = "card"


class ContractStatus(StrEnum):
    NONE = "none"
    ACTIVE = "active"
    CANCELLED = "cancelled"


class StockStatus(StrEnum):
    """Where a meter is in its life (manual 3.1 "the meters form a circulation")."""

    IN_STOCK = "in_stock"
    ISSUED = "issued"  # stocked out for installation, not yet registered to a customer
    INSTALLED = "installed"
    AT_OTHER_BRANCH = "at_other_branch"
    SCRAPPED = "scrapped"


class MeterCondition(StrEnum):
    GOOD = "good"
    MAINTENANCE = "maintenance"
    SCRAP = "scrap"


class StockMovementKind(StrEnum):
    """Manual 3.1 stock-in types and 3.2 stock-out types."""

    IN_NEW = "in_new"
    IN_REPLACED = "in_replaced"
    IN_FROM_BRANCH = "in_from_branch"
    IN_CANCELLED_CONTRACT = "in_cancelled_contract"
    OUT_INSTALLATION = "out_installation"
    OUT_TO_BRANCH = "out_to_branch"


class TariffKind(StrEnum):
    FLAT = "flat"
    STEP = "step"
    TOU = "tou"


class NumberReset(StrEnum):
    """Manual 2.13 "Serial No. Reset Type"."""

    MONTHLY = "monthly"
    YEARLY = "yearly"
    NEVER = "never"


class NumberFieldKind(StrEnum):
    """A field of the prefix part of an auto-generated number (manual 2.13 "Field Type")."""

    FIXED = "fixed"
    YEAR = "year"
    YEAR2 = "year2"
    MONTH = "month"
    DAY = "day"
    SALES_POINT = "sales_point"
    BRANCH = "branch"
    TERMINAL = "terminal"


class VendState(StrEnum):
    """The durable states of a vend row (issue 4, "The vend")."""

    PENDING = "pending"
    ISSUED = "issued"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class TokenOperationKind(StrEnum):
    """What an engineering, test or free token does (manual 3.5, 3.6; docs/token-operations.md)."""

    SET_POWER_LIMIT = "set_power_limit"
    CLEAR_CREDIT = "clear_credit"
    SET_TARIFF_RATE = "set_tariff_rate"
    CLEAR_TAMPER = "clear_tamper"
    SET_PHASE_UNBALANCE_LIMIT = "set_unbalance_limit"
    SET_WATER_FACTOR = "set_water_factor"
    FREE_CREDIT = "free_credit"
    KEY_CHANGE = "key_change"
    TEST = "test"
    #: A zero-energy credit token with a later TID, cancelling a sale's token (manual 4.5).
    TOKEN_CANCEL = "token_cancel"
    #: The energy an old meter still held, as a credit token to its replacement (manual 4.6).
    REMAINDER_CREDIT = "remainder_credit"
    #: A sale's energy again under a new TID: its token collided with another counter's
    #: (docs/sync.md, "TID collision"; decision SYN-51).
    TID_REPLACEMENT = "tid_replacement"


class TokenReplacementState(StrEnum):
    """A sale whose token needs a replacement (head office's ``token_replacements_due``)."""

    OPEN = "open"
    REPLACED = "replaced"


class TokenOperationState(StrEnum):
    """The durable states of a token operation row (docs/token-operations.md).

    PLANNED rows wait in their batch; PENDING is committed before the module is asked (at
    most one per module at a time); ISSUED holds the tokens; FAILED the module's refusal.
    """

    PLANNED = "planned"
    PENDING = "pending"
    ISSUED = "issued"
    FAILED = "failed"


class CreditUpdateState(StrEnum):
    """The durable states of a module credit update the store applied (docs/vending.md).

    PENDING is committed before the block is sent; APPLIED holds the module's record of it;
    FAILED the module's refusal (or a block the module never applied); ADOPTED was found on
    the module when this store first bound it.
    """

    PENDING = "pending"
    APPLIED = "applied"
    FAILED = "failed"
    ADOPTED = "adopted"


class KeyChangeState(StrEnum):
    """A meter flagged for a key change at its next purchase (docs/key-changes.md).

    FLAGGED waits for the next sale; ISSUED: a sale made the key change tokens and the
    store's key data moved, but no sale carrying them has been ISSUED yet (its credit
    failed, or a crash settled it FAILED): the next sale prints them again first;
    DELIVERED: a sale carrying them was ISSUED; UNFLAGGED: withdrawn before any token.
    """

    FLAGGED = "flagged"
    ISSUED = "issued"
    DELIVERED = "delivered"
    UNFLAGGED = "unflagged"


class PaymentChangeState(StrEnum):
    """A meter's payment change (manual 4.7): DUE while its prearrange, receivable or remain
    amount waits for the meter's next purchase, SETTLED once a sale took them (or when
    nothing was due), CARRIED when a later change took its unsettled amounts over."""

    DUE = "due"
    SETTLED = "settled"
    CARRIED = "carried"


class TokenCancelState(StrEnum):
    """A token cancel (manual 4.5): PENDING while its zero-energy token is being made,
    DONE once the sale is CANCELLED and the refund booked, FAILED when the module refused
    the zero-energy token (the sale stands)."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class ShiftState(StrEnum):
    """A cashier's shift on a till (docs/shifts.md): OPEN -> ENDED (the cashier's blind count)
    -> CLOSED (a supervisor's close, which makes its Z)."""

    OPEN = "open"
    ENDED = "ended"
    CLOSED = "closed"


class CashMovementKind(StrEnum):
    """Cash in or out of the drawer outside a sale (or the drawer opened without one)."""

    DROP = "drop"  # the cashier takes cash out to the safe
    PICKUP = "pickup"  # a supervisor collects cash from the drawer for the safe
    PAID_IN = "paid_in"
    PAID_OUT = "paid_out"
    DRAWER_OPEN = "drawer_open"  # no money moves; the opening itself is recorded


class ZKind(StrEnum):
    """A Z closes a shift; a correction is a new Z that refers to the one it corrects."""

    CLOSE = "close"
    CORRECTION = "correction"


class CreditOwedState(StrEnum):
    """Credit the head office owes a meter's customer (a debt repaid twice by two offline
    counters): OPEN until a sale of the meter returns it as a line, then SETTLED."""

    OPEN = "open"
    SETTLED = "settled"
