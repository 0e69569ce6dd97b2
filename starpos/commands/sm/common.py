"""What more than one ``starpos sm`` sub-command reads the same way: energy for the module."""

from __future__ import annotations

from decimal import Decimal

from starpos.commands._output import NumberRule, echo, parse_number
from starpos.devices.sm.errors import SmAmountFormatError


def module_tenths(text: str | None, maximum: Decimal) -> int:
    """``text`` kWh as tenths of a kWh for the module: 0.1 steps from 0 (a zero token, a
    credit update that clears the balance) to ``maximum``. A refusal names the amount as
    the module's own refusal does."""
    rule = NumberRule(
        decimals=1,
        minimum=Decimal(0),
        maximum=maximum,
        not_a_number=lambda shown: SmAmountFormatError(amount=echo(shown)),
        too_fine=lambda shown, rule: SmAmountFormatError(amount=echo(shown)),
    )
    return int(parse_number(text or "", rule) * 10)
