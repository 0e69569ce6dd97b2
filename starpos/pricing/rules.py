"""What the pricing is given: plain frozen dataclasses, no database types.

The store maps its rows to these (master data of the STAR manual, sections 1.1, 1.8, 2.2
and 2.3) and the purchase history of the meter to :class:`PurchaseHistory`. Money is
``Decimal`` in currency units on the configured grid; percentages are ``Decimal`` percent
(``Decimal("15")`` is 15 %); energy is ``Decimal`` kWh on the 0.1 kWh grid.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class PricingRules:
    """System parameters (manual 1.1).

    ``currency_decimals``: 0, 1 or 2 places for every amount. ``warn_amount``: a net above
    it is flagged for the cashier to confirm (not refused); ``None`` disables the warning.
    """

    currency_decimals: int = 2
    warn_amount: Decimal | None = None


class ChargeMethod(enum.Enum):
    """How a charge item is calculated (manual 2.2, "Calculate Method").

    The one home of the method: the store keeps it too, by member name
    (:func:`starpos.db.base.str_enum`); the values are the ``starpos price`` spellings.
    """

    BY_TIMES = "times"  # a fixed amount on every purchase
    BY_AMOUNT = "amount"  # a percentage of the vending Amount on every purchase
    MONTHLY = "monthly"  # a fixed amount on the first purchase of each calendar month
    YEARLY = "yearly"  # a fixed amount on the first purchase of each calendar year


@dataclass(frozen=True)
class ChargeItem:
    """A power-vending charge item bound to a customer type (manual 2.2, 2.3).

    ``code`` identifies it in :attr:`PurchaseHistory.charges_collected_this_month` and
    ``..._this_year``. ``amount`` is used by the fixed methods, ``percent`` by
    :attr:`ChargeMethod.BY_AMOUNT`. ``taxed`` ("Calculate VAT") puts the line in the
    Taxed total, on which VAT is charged; otherwise it is in the UnTaxed total.
    ``version`` names the store's dated version these terms came from; the pricing ignores
    it, the sale records it (decision BO-23).
    """

    code: str
    name: str
    method: ChargeMethod
    amount: Decimal = ZERO
    percent: Decimal = ZERO
    taxed: bool = False
    version: int | None = None


class RepaymentMethod(enum.Enum):
    """How outstanding debt is repaid (manual 2.3, "Repayments").

    The one home of the method, stored by member name like :class:`ChargeMethod`.
    """

    NONE = "none"  # the customer type repays no debt (a rule of NONE repays nothing)
    BY_TIMES = "times"  # a fixed amount on every purchase
    MONTHLY = "monthly"  # a fixed amount on the first purchase of each month
    YEARLY = "yearly"  # a fixed amount on the first purchase of each year
    PERCENTAGE = "percentage"  # a percentage of the vending Amount on every purchase


@dataclass(frozen=True)
class RepaymentRule:
    """The customer type's debt repayment: ``amount`` for the fixed methods, ``percent``
    for :attr:`RepaymentMethod.PERCENTAGE`. A repayment never exceeds the debt left."""

    method: RepaymentMethod
    amount: Decimal = ZERO
    percent: Decimal = ZERO


@dataclass(frozen=True)
class CustomerTypeRules:
    """A customer type (manual 2.3).

    ``vat_rate`` in percent applies to the Amount and the taxed charges.
    ``fbe_kwh_per_month``: free basic electricity added to the first purchase of a month
    (0.1 kWh grid). ``prearrange_amount`` is charged once after the meter changed from
    post-paid to prepaid (manual 4.7), when :attr:`PurchaseHistory.prearrange_due` says so.
    ``vat_version`` names the store's dated VAT version (ignored here, recorded by the sale).
    """

    vat_rate: Decimal = ZERO
    vat_version: int | None = None
    charges: tuple[ChargeItem, ...] = ()
    repayment: RepaymentRule | None = None
    fbe_kwh_per_month: Decimal = ZERO
    prearrange_amount: Decimal = ZERO


@dataclass(frozen=True)
class PurchaseHistory:
    """What the meter's earlier sales mean for this one; the defaults describe a meter
    that has bought before, but not yet this month.

    - ``first_purchase``: the meter has never bought (its model's pre-installed amount is due).
    - ``first_of_month`` / ``first_of_year``: no purchase yet this calendar month / year of
      the sale time (monthly and yearly repayments fall due).
    - ``charges_collected_this_month`` / ``..._this_year``: codes of monthly / yearly charge
      items already paid in the sale's month / year.
    - ``kwh_this_month``: energy bought (not counting free energy) earlier this calendar
      month, where a step tariff's blocks continue from.
    - ``outstanding_debt``: the meter's OS amount, the upper bound of any repayment.
    - ``fbe_kwh_this_month``: free basic electricity already given this month.
    - ``prearrange_due``: the customer type's prearrange amount is still to be charged.
    """

    first_purchase: bool = False
    first_of_month: bool = True
    first_of_year: bool = False
    charges_collected_this_month: frozenset[str] = field(default_factory=frozenset)
    charges_collected_this_year: frozenset[str] = field(default_factory=frozenset)
    kwh_this_month: Decimal = ZERO
    outstanding_debt: Decimal = ZERO
    fbe_kwh_this_month: Decimal = ZERO
    prearrange_due: bool = False

    @classmethod
    def since(
        cls, sale_time: datetime, last_purchase: datetime | None, **values: object
    ) -> PurchaseHistory:
        """A history whose first-purchase flags follow from the last issued purchase."""
        return cls(
            first_purchase=last_purchase is None,
            first_of_month=last_purchase is None
            or (last_purchase.year, last_purchase.month) != (sale_time.year, sale_time.month),
            first_of_year=last_purchase is None or last_purchase.year != sale_time.year,
            **values,  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class MeterRules:
    """The meter's pricing facts: its model's pre-installed amount (manual 1.8), charged
    on its first purchase."""

    preinstalled_amount: Decimal = ZERO
