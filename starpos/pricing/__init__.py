"""Pricing: from the net a customer pays to the vending Amount, its lines and the energy.

Pure: ``Decimal`` arithmetic and :mod:`starpos.sts.amount` only, no database and no I/O.
The store maps its rows to the frozen dataclasses of :mod:`starpos.pricing.rules` and
:mod:`starpos.pricing.tariffs`, builds a :class:`SaleContext` and calls
:func:`price_from_net` or :func:`price_for_energy`. Rounding rules: docs/pricing.md.
"""

from starpos.pricing.breakdown import Breakdown
from starpos.pricing.charges import ChargeLine
from starpos.pricing.engine import price_for_energy, price_from_net
from starpos.pricing.rules import (
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    MeterRules,
    PricingRules,
    PurchaseHistory,
    RepaymentMethod,
    RepaymentRule,
)
from starpos.pricing.sale import SaleContext
from starpos.pricing.tariffs import (
    FlatRate,
    Step,
    StepRate,
    Tariff,
    TariffVersion,
    TouRate,
    flat_tariff,
)
from starpos.pricing.tou import (
    DaySwitch,
    DayTariff,
    Holiday,
    Season,
    TouScheme,
    WeekTariff,
    tariff_index_at,
)

__all__ = [
    "Breakdown",
    "ChargeItem",
    "ChargeLine",
    "ChargeMethod",
    "CustomerTypeRules",
    "DaySwitch",
    "DayTariff",
    "FlatRate",
    "Holiday",
    "MeterRules",
    "PricingRules",
    "PurchaseHistory",
    "RepaymentMethod",
    "RepaymentRule",
    "SaleContext",
    "Season",
    "Step",
    "StepRate",
    "Tariff",
    "TariffVersion",
    "TouRate",
    "TouScheme",
    "WeekTariff",
    "flat_tariff",
    "price_for_energy",
    "price_from_net",
    "tariff_index_at",
]
