"""Price a sale from the net the customer pays, or from the energy asked for.

``price_from_net`` finds the largest base Amount whose lines (charges, VAT, repayment,
pre-installed, prearrange) fit in the net; a remainder that no base reaches, because a
rounded line jumped by a cent, is added to the Amount so the lines sum to the net
exactly. ``price_for_energy`` is defined through it: the smallest net whose sale buys
at least the energy asked for (docs/pricing.md has the rules and worked examples).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from starpos.pricing.breakdown import Breakdown
from starpos.pricing.energy import cost_of_energy, energy_for_money, token_energy
from starpos.pricing.errors import EnergyTooLargeError, InvalidEnergyError, NetTooSmallError
from starpos.pricing.money import ceil_to_grid, currency
from starpos.pricing.sale import Lines, SaleContext, check_context, lines_for
from starpos.sts.amount import MAX_AMOUNT, token_amount

TENTH = Decimal("0.1")


def price_from_net(net: Decimal | int | str, sale: SaleContext) -> Breakdown:
    """Price a sale in which the customer pays ``net`` (a currency amount).

    Refuses a net that is not on the currency grid, one that does not cover the charges
    and debt due or buys no energy, and energy beyond what one token carries.
    """
    check_context(sale)
    paid = currency(net, sale.decimals)
    breakdown = _priced(paid, sale)
    if breakdown is None:
        raise NetTooSmallError(net=paid, minimum=_minimum_net(sale))
    return breakdown


def price_for_energy(kwh: Decimal | int | str, sale: SaleContext) -> Breakdown:
    """Price the smallest net that buys at least ``kwh`` (free energy comes on top).

    The returned breakdown is exactly ``price_from_net(breakdown.net, sale)``.
    """
    check_context(sale)
    if isinstance(kwh, float):
        raise InvalidEnergyError(kwh=kwh)
    wanted = Decimal(kwh)
    if not wanted.is_finite() or wanted <= 0:
        raise InvalidEnergyError(kwh=kwh)
    fbe = sale.fbe_due_kwh()
    if wanted + fbe > MAX_AMOUNT:
        raise EnergyTooLargeError(kwh=wanted + fbe, maximum=MAX_AMOUNT)
    return _smallest_sale(sale, lambda priced: priced.energy_kwh >= wanted, _estimate(wanted, sale))


def _priced(net: Decimal, sale: SaleContext) -> Breakdown | None:
    """The sale for ``net``, or ``None`` when it leaves no base or no energy."""
    step = sale.step
    if lines_for(Decimal(0).quantize(step), sale).total > net:
        return None
    lines = _largest_fitting_lines(net, sale)
    leftover = net - lines.total
    amount = lines.base + leftover
    history = sale.history
    blocks = sale.blocks()
    energy = token_energy(
        energy_for_money(blocks, amount, history.kwh_this_month), sale.fbe_due_kwh()
    )
    if energy.token_kwh <= 0:
        return None
    warn = sale.rules.warn_amount
    return Breakdown(
        net=net,
        amount=amount,
        amount_rounding=leftover,
        charges=lines.charges,
        taxed_total=lines.taxed_total,
        untaxed_total=lines.untaxed_total,
        vat_rate=sale.customer_type.vat_rate,
        vat=lines.vat,
        debt_repayment=lines.debt_repayment,
        debt_after=(history.outstanding_debt - lines.debt_repayment).quantize(step),
        preinstalled=lines.preinstalled,
        prearrange=lines.prearrange,
        energy_kwh=energy.bought_kwh,
        fbe_kwh=energy.fbe_kwh,
        token_kwh=energy.token_kwh,
        exceeds_warn_amount=warn is not None and net > warn,
    )


def _largest_fitting_lines(net: Decimal, sale: SaleContext) -> Lines:
    """The lines of the largest base Amount whose total is at most ``net``.

    Every line grows with the base, so a binary search over the currency grid finds it.
    """
    step = sale.step
    # low fits (checked by the caller); find the last fit. A returned credit (a negative
    # adjustment) lets the base exceed the net by as much.
    low, high = 0, int((net + sale.credit_returned()) / step)
    while low < high:
        middle = (low + high + 1) // 2
        if lines_for(middle * step, sale).total <= net:
            low = middle
        else:
            high = middle - 1
    return lines_for(low * step, sale)


def _estimate(wanted: Decimal, sale: SaleContext) -> Decimal:
    """A net close to the one that buys ``wanted`` kWh, where the search starts."""
    fbe = sale.fbe_due_kwh()
    carried = token_amount(wanted + fbe) - fbe
    cost = cost_of_energy(sale.blocks(), carried, sale.history.kwh_this_month)
    return lines_for(ceil_to_grid(cost, sale.decimals), sale).total


def _smallest_sale(
    sale: SaleContext, enough: Callable[[Breakdown], bool], start: Decimal
) -> Breakdown:
    """The sale of the smallest net (searched from ``start``) whose breakdown is enough."""
    step = sale.step

    def buys_enough(net: Decimal) -> bool:
        if net < 0:
            return False
        try:
            priced = _priced(net, sale)
        except EnergyTooLargeError:
            return True  # more than enough; the search moves below it
        return priced is not None and enough(priced)

    # Gallop from the estimate to a bracket (too little at low, enough at high) ...
    stride = step
    if buys_enough(start):
        high, low = start, start - stride
        while buys_enough(low):
            high, stride = low, stride * 2
            low = high - stride
    else:
        low, high = start, start + stride
        while not buys_enough(high):
            low, stride = high, stride * 2
            high = low + stride
    # ... then bisect it on the currency grid.
    while high - low > step:
        middle = low + ((high - low) / step // 2) * step
        if buys_enough(middle):
            high = middle
        else:
            low = middle
    priced = _priced(high.quantize(step), sale)
    assert priced is not None  # buys_enough(high) held
    return priced


def _minimum_net(sale: SaleContext) -> Decimal:
    """The smallest net that this sale accepts (covers the lines and makes a token)."""
    return _smallest_sale(
        sale, lambda priced: priced.token_kwh > 0, lines_for(Decimal(0), sale).total
    ).net
