"""Energy from money through price blocks, and the energy a token can carry.

All arithmetic is exact: block costs are products of ``Decimal`` s and the energy a sum
of money buys inside a block is an exact integer division into 0.1 kWh steps, so the
energy is never more than the money buys (docs/pricing.md, "Energy").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from starpos.pricing.errors import EnergyTooLargeError
from starpos.pricing.tariffs import PriceBlock
from starpos.sts.amount import MAX_AMOUNT, representable_floor

TENTH = Decimal("0.1")
ZERO_KWH = Decimal("0.0")
# Products and sums of prices and energies stay exact at this precision.
EXACT_DIGITS = 60


def energy_for_money(
    blocks: Sequence[PriceBlock], money: Decimal, kwh_this_month: Decimal
) -> Decimal:
    """The energy (kWh, floored to 0.1) ``money`` buys after ``kwh_this_month``."""
    with localcontext() as context:
        context.prec = EXACT_DIGITS
        position = kwh_this_month
        remaining = money
        energy = ZERO_KWH
        for block in blocks:
            if block.end_kwh is not None and block.end_kwh <= position:
                continue
            if block.end_kwh is not None:
                room = block.end_kwh - position
                room_cost = room * block.price
                if remaining >= room_cost:
                    energy += room
                    remaining -= room_cost
                    position = block.end_kwh
                    continue
            tenths = (remaining * 10) // block.price
            return energy + tenths * TENTH
        return energy


def cost_of_energy(blocks: Sequence[PriceBlock], kwh: Decimal, kwh_this_month: Decimal) -> Decimal:
    """The exact price (not rounded to the currency) of ``kwh`` after ``kwh_this_month``."""
    with localcontext() as context:
        context.prec = EXACT_DIGITS
        start = kwh_this_month
        end = kwh_this_month + kwh
        cost = Decimal(0)
        for block in blocks:
            low = max(start, block.start_kwh)
            high = end if block.end_kwh is None else min(end, block.end_kwh)
            if high > low:
                cost += (high - low) * block.price
        return cost


def energy_by_block(
    blocks: Sequence[PriceBlock], kwh: Decimal, kwh_this_month: Decimal
) -> tuple[tuple[PriceBlock, Decimal], ...]:
    """Each block's share of ``kwh`` bought after ``kwh_this_month`` (blocks not reached
    left out), the same cut :func:`cost_of_energy` prices: the per-step lines of a preview."""
    start, end = kwh_this_month, kwh_this_month + kwh
    shares = []
    for block in blocks:
        low = max(start, block.start_kwh)
        high = end if block.end_kwh is None else min(end, block.end_kwh)
        if high > low:
            shares.append((block, high - low))
    return tuple(shares)


@dataclass(frozen=True)
class TokenEnergy:
    """Energy bought, free energy, and their sum as the token carries it (kWh)."""

    bought_kwh: Decimal
    fbe_kwh: Decimal
    token_kwh: Decimal


def token_energy(bought_kwh: Decimal, fbe_kwh: Decimal) -> TokenEnergy:
    """Bought plus free energy rounded down to a value the STS amount field carries.

    Up to 1638.3 kWh every 0.1 kWh is representable; above, the steps are 1, 10 and 100
    kWh and the bought energy gives way, so voucher, ledger and token show one value.
    """
    total = bought_kwh + fbe_kwh
    if total > MAX_AMOUNT:
        raise EnergyTooLargeError(kwh=total, maximum=MAX_AMOUNT)
    carried = representable_floor(total)
    fbe = min(fbe_kwh, carried)
    return TokenEnergy(
        bought_kwh=(carried - fbe).quantize(TENTH),
        fbe_kwh=fbe.quantize(TENTH),
        token_kwh=carried.quantize(TENTH),
    )
