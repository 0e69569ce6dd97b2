"""Tariffs: flat, step (block) and TOU rates, in versions with effective dates.

A :class:`Tariff` is a list of versions; the version in force at the sale time prices the
sale (the manual's "backup" tariffs with their activation time are simply later
versions). A version's rate turns into :class:`PriceBlock` s for one sale: a flat rate is
one open block, a step rate its blocks over the energy bought in the calendar month, a TOU
rate one open block at the price of the index in force at the sale time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from starpos.pricing.errors import InvalidPricingRuleError, TariffNotInForceError
from starpos.pricing.tou import TouScheme, price_at

TENTH = Decimal("0.1")


@dataclass(frozen=True)
class PriceBlock:
    """Energy from ``start_kwh`` up to ``end_kwh`` (``None``: no end) of the month's
    purchases costs ``price`` currency units per kWh."""

    start_kwh: Decimal
    end_kwh: Decimal | None
    price: Decimal


@dataclass(frozen=True)
class FlatRate:
    """One price per kWh."""

    price: Decimal

    def __post_init__(self) -> None:
        if self.price <= 0:
            raise InvalidPricingRuleError(name="flat price", reason="it must be positive")


@dataclass(frozen=True)
class Step:
    """A step up to ``end_kwh`` of the month's energy (``None`` for the last, open step)."""

    end_kwh: Decimal | None
    price: Decimal


@dataclass(frozen=True)
class StepRate:
    """Step (block) prices over the energy bought in a calendar month (manual 2.12 f).

    Steps are given in order, each ending where the next starts; the first starts at 0.
    Step ends are on the 0.1 kWh grid. Energy beyond the last end costs the last price.
    """

    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise InvalidPricingRuleError(name="step tariff", reason="it has no steps")
        previous = Decimal(0)
        for index, step in enumerate(self.steps):
            if step.price <= 0:
                raise InvalidPricingRuleError(name="step tariff", reason="prices must be positive")
            if step.end_kwh is None:
                if index != len(self.steps) - 1:
                    raise InvalidPricingRuleError(
                        name="step tariff", reason="only the last is open"
                    )
                continue
            if step.end_kwh <= previous or step.end_kwh % TENTH:
                raise InvalidPricingRuleError(
                    name="step tariff", reason="ends must rise on the 0.1 kWh grid"
                )
            previous = step.end_kwh

    def blocks(self) -> tuple[PriceBlock, ...]:
        blocks = []
        start = Decimal(0)
        for step in self.steps:
            blocks.append(PriceBlock(start, step.end_kwh, step.price))
            if step.end_kwh is not None:
                start = step.end_kwh
        if self.steps[-1].end_kwh is not None:
            blocks[-1] = PriceBlock(blocks[-1].start_kwh, None, blocks[-1].price)
        return tuple(blocks)


@dataclass(frozen=True)
class TouRate:
    """A TOU scheme the meter applies; a sale is credited at the price in force at the
    sale time (docs/pricing.md, "TOU")."""

    scheme: TouScheme


Rate = FlatRate | StepRate | TouRate


@dataclass(frozen=True)
class TariffVersion:
    """``rate`` is in force from ``effective_from`` (local wall clock) until a later version."""

    effective_from: datetime
    rate: Rate


@dataclass(frozen=True)
class Tariff:
    """A meter's tariff (``code`` names it in messages) and its versions."""

    code: str
    versions: tuple[TariffVersion, ...]

    def version_at(self, when: datetime) -> TariffVersion:
        """The version in force at ``when``: the latest one starting at or before it."""
        in_force = [v for v in self.versions if v.effective_from <= when]
        if not in_force:
            raise TariffNotInForceError(tariff=self.code, when=when.isoformat(sep=" "))
        return max(in_force, key=lambda version: version.effective_from)

    def blocks_at(self, when: datetime) -> tuple[PriceBlock, ...]:
        """The price blocks that price a sale made at ``when``."""
        rate = self.version_at(when).rate
        if isinstance(rate, FlatRate):
            return (PriceBlock(Decimal(0), None, rate.price),)
        if isinstance(rate, StepRate):
            return rate.blocks()
        return (PriceBlock(Decimal(0), None, price_at(rate.scheme, when)),)


def flat_tariff(code: str, price: Decimal, since: datetime = datetime(2000, 1, 1)) -> Tariff:
    """A tariff with one flat price in force from ``since``."""
    return Tariff(code, (TariffVersion(since, FlatRate(price)),))
