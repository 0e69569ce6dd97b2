"""What every ``starpos`` sub-command shares: reading numbers, showing results, text columns.

Numbers. Every number a command takes goes through :func:`parse_number` (decimals) or
:func:`whole_number` (integers), under one rule (docs/decisions.md, "Numbers typed on the
command line"): ASCII digits 0-9 with at most one ``.`` before the decimals, the same
ASCII-only rule meter numbers follow. No sign, exponent, ``_`` separator, comma or other
script's digits: ``45`` is an amount, ``４５``, ``٤٥``, ``1_0`` and ``1e2`` are not. Each kind
of number (:class:`NumberRule`) has its grid and its range, so ``1e400`` or thirty nines are
refused in one translated line before any device or database is touched.

Results. :func:`show` prints a result as one JSON document with ``--json`` (Decimals as
strings, never floats) or as ``label: value`` lines; :func:`label_lines`, :func:`left` and
:func:`right` line up terminal columns in screen cells, so Chinese labels (two cells a
character) keep the columns straight. What an error line repeats of a person's input is cut
by :func:`echo`; what nobody expected goes to the error log (:func:`log_unexpected`).

This module imports neither the store nor a device: ``starpos card virtual`` and
``starpos token`` import it and must start fast (docs/decisions.md, "Only the running
command's module is imported").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from starpos.errors import StarposError
from starpos.i18n import translate
from starpos.sts.amount import MAX_AMOUNT
from starpos.sts.errors import AmountNotPositiveError, AmountTooLargeError


class UsageError(Exception):
    """Wrong command-line usage (unknown option, missing argument)."""


# --- Showing results -----------------------------------------------------------------------


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    """Write ``value`` as one JSON document (Decimals as strings, never floats)."""
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False) + "\n")


def log_unexpected(error: BaseException) -> str:
    """Append ``error``'s traceback to ``logs/errors.log`` in the data folder; the file's
    path. It raises when the log cannot be written (the caller decides what then)."""
    from starpos.paths import log_dir

    path = log_dir() / "errors.log"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"--- {datetime.now().isoformat()} starpos {' '.join(sys.argv[1:])}\n")
        handle.write("".join(traceback.format_exception(error)))
    return str(path)


def show(
    args: argparse.Namespace,
    value: Any,
    labels: Mapping[str, str] | None = None,
    context: str = "cli",
) -> int:
    """Print a command's result: JSON with ``--json``, else ``label: value`` lines.

    ``labels`` maps keys to source texts translated in ``context`` (a key without one is
    shown as it is). Nested mappings are indented under their key, lists are shown on one
    line, a missing value is ``-``. Returns the exit code 0.
    """
    if getattr(args, "json", False):
        print_json(value)
    else:
        for line in _text_lines(to_jsonable(value), labels or {}, context, ""):
            print(line)
    return 0


def _text_lines(value: Any, labels: Mapping[str, str], context: str, indent: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{indent}{_text(value)}"]
    lines = []
    for key, item in value.items():
        label = translate(context, labels[key]) if key in labels else key
        if isinstance(item, dict):
            lines.append(f"{indent}{label}:")
            lines.extend(_text_lines(item, labels, context, indent + "  "))
        else:
            lines.append(f"{indent}{label}: {_text(item)}")
    return lines


def _text(item: Any) -> str:
    if item is None:
        return "-"
    if isinstance(item, list):
        return " ".join(
            json.dumps(part) if isinstance(part, dict) else _text(part) for part in item
        )
    return str(item)


# --- Terminal columns ----------------------------------------------------------------------

#: East Asian widths that a terminal draws two cells wide (Unicode UAX #11).
_WIDE = frozenset("WF")


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (combining marks take none)."""
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in _WIDE
        else 1
        for char in text
    )


def left(text: object, width: int) -> str:
    """``text`` padded on the right to ``width`` cells (never cut)."""
    shown = str(text)
    return shown + " " * max(0, width - cells(shown))


def right(text: object, width: int) -> str:
    """``text`` padded on the left to ``width`` cells (never cut)."""
    shown = str(text)
    return " " * max(0, width - cells(shown)) + shown


def label_lines(rows: Iterable[tuple[str, object]]) -> str:
    """``label  value`` lines with the values lined up after the widest label."""
    listed = [(label, str(value)) for label, value in rows]
    width = max((cells(label) for label, _ in listed), default=0)
    return "\n".join(f"{left(label, width)}  {value}" for label, value in listed)


#: How much of a person's input an error line repeats (a 10 kB paste is not echoed whole).
ECHO_LIMIT = 40


def echo(text: object, limit: int = ECHO_LIMIT) -> str:
    """``text`` as an error line may repeat it: printable, on one line, at most ``limit``
    characters (its start and end kept around an ellipsis)."""
    shown = "".join(ch if ch.isprintable() else " " for ch in str(text))
    if len(shown) <= limit:
        return shown
    head = (limit - 1) // 2
    return f"{shown[:head]}…{shown[len(shown) - (limit - 1 - head) :]}"


# --- Numbers -------------------------------------------------------------------------------


class NumberTextError(StarposError):
    code = "input.number_text"
    template = (
        "{text} is not a number. Type digits 0-9 with at most one '.' before the decimals, "
        "like 12.5."
    )


class AmountTextError(StarposError):
    code = "input.amount_text"
    template = (
        "{text} is not an amount. Type digits 0-9 with at most one '.' before the decimals, "
        "like 25.00."
    )


class EnergyTextError(StarposError):
    code = "input.energy_text"
    template = (
        "{text} is not an amount of energy. Type kWh in digits 0-9 in steps of 0.1 kWh, like 12.5."
    )


class EnergyStepError(StarposError):
    code = "input.energy_step"
    template = "{text} kWh is finer than the meters count: energy goes in steps of 0.1 kWh."


class WholeNumberTextError(StarposError):
    code = "input.whole_number_text"
    template = "{text} is not a whole number. Type digits 0-9 only, like 10."


class NumberDecimalsError(StarposError):
    code = "input.number_decimals"
    template = "{text} has too many decimals: at most {decimals} are allowed here."


class NumberRangeError(StarposError):
    code = "input.number_range"
    template = "{text} is out of range: give a number from {minimum} to {maximum}."


_DECIMAL_TEXT = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_WHOLE_TEXT = re.compile(r"[0-9]+")
#: More digits than any limit below has (Python reads at most 4300 digits into an int).
_MOST_DIGITS = 40


def _too_fine(text: str, rule: NumberRule) -> Exception:
    return NumberDecimalsError(text=echo(text), decimals=rule.decimals)


def _out_of_range(text: str, value: Decimal, rule: NumberRule) -> Exception:
    return NumberRangeError(text=echo(text), minimum=rule.minimum, maximum=rule.maximum)


@dataclass(frozen=True)
class NumberRule:
    """What one kind of number accepts: at most ``decimals`` decimals and a value from
    ``minimum`` (excluded when ``above_minimum``) to ``maximum``, and how refusals read."""

    decimals: int
    minimum: Decimal
    maximum: Decimal
    above_minimum: bool = False
    not_a_number: Callable[[str], Exception] = lambda text: NumberTextError(text=echo(text))
    too_fine: Callable[[str, NumberRule], Exception] = _too_fine
    out_of_range: Callable[[str, Decimal, NumberRule], Exception] = _out_of_range


def parse_number(text: str, rule: NumberRule) -> Decimal:
    """``text`` as a Decimal under ``rule``; a translated one-line refusal otherwise."""
    cleaned = text.strip(" \t")
    if not _DECIMAL_TEXT.fullmatch(cleaned):
        raise rule.not_a_number(text)
    if len(cleaned.partition(".")[2].rstrip("0")) > rule.decimals:  # 12.50 is on a 0.1 grid
        raise rule.too_fine(text, rule)
    value = Decimal(cleaned)  # exact, however long: the text is plain digits
    below = value <= rule.minimum if rule.above_minimum else value < rule.minimum
    if below or value > rule.maximum:
        raise rule.out_of_range(text, value, rule)
    return value


def whole_number(text: str, minimum: int, maximum: int) -> int:
    """``text`` as an int from ``minimum`` to ``maximum``; a translated refusal otherwise."""
    cleaned = text.strip(" \t")
    if not _WHOLE_TEXT.fullmatch(cleaned):
        raise WholeNumberTextError(text=echo(text))
    if len(cleaned.lstrip("0")) > _MOST_DIGITS or not minimum <= int(cleaned) <= maximum:
        raise NumberRangeError(text=echo(text), minimum=minimum, maximum=maximum)
    return int(cleaned)


def whole(minimum: int, maximum: int) -> Callable[[str], int]:
    """An argparse ``type`` reading a whole number from ``minimum`` to ``maximum``."""

    def read(text: str) -> int:
        return whole_number(text, minimum, maximum)

    return read


def number(rule: NumberRule) -> Callable[[str], Decimal]:
    """An argparse ``type`` reading a decimal number under ``rule``."""

    def read(text: str) -> Decimal:
        return parse_number(text, rule)

    return read


def _money_too_fine(text: str, rule: NumberRule) -> Exception:
    # The pricing's own refusal, so the command line and a sale say the same thing.
    from starpos.pricing.errors import InvalidCurrencyAmountError

    return InvalidCurrencyAmountError(amount=echo(text), decimals=rule.decimals)


def _token_energy_range(text: str, value: Decimal, rule: NumberRule) -> Exception:
    # The token engine's own refusals ("more than 0", "split the sale").
    if value <= rule.minimum:
        return AmountNotPositiveError(amount=echo(text))
    return AmountTooLargeError(amount=echo(text), maximum=rule.maximum)


#: Money: the currency has at most 2 decimals (STAR manual 1.1); the store's Money column
#: (``NUMERIC(16, 2)``, starpos.db.column_types) holds at most 14 digits before the point.
MONEY = NumberRule(
    decimals=2,
    minimum=Decimal(0),
    maximum=Decimal("99999999999999.99"),
    not_a_number=lambda text: AmountTextError(text=echo(text)),
    too_fine=_money_too_fine,
)
#: Energy one credit token (or card credit) carries: above 0, 0.1 kWh steps, STS maximum.
TOKEN_ENERGY = NumberRule(
    decimals=1,
    minimum=Decimal(0),
    maximum=MAX_AMOUNT,
    above_minimum=True,
    not_a_number=lambda text: EnergyTextError(text=echo(text)),
    too_fine=lambda text, rule: EnergyStepError(text=echo(text)),
    out_of_range=_token_energy_range,
)
#: Other energies (a month's consumption, free basic electricity): 0.1 kWh steps, from 0 to
#: what the store's Energy column holds (``NUMERIC(14, 1)``).
ENERGY = NumberRule(
    decimals=1,
    minimum=Decimal(0),
    maximum=Decimal("9999999999999.9"),
    not_a_number=lambda text: EnergyTextError(text=echo(text)),
    too_fine=lambda text, rule: EnergyStepError(text=echo(text)),
)
#: A price per kWh: 4 decimals, as the store's UnitPrice column (``NUMERIC(14, 4)``).
UNIT_PRICE = NumberRule(decimals=4, minimum=Decimal(0), maximum=Decimal("9999999999.9999"))
#: A percentage (VAT, a charge by amount): 4 decimals, 0 to 100.
PERCENT = NumberRule(decimals=4, minimum=Decimal(0), maximum=Decimal(100))


def money_amount(text: str, decimals: int = MONEY.decimals) -> Decimal:
    """``text`` as an amount of money with at most ``decimals`` decimals (the currency's)."""
    return parse_number(text, replace(MONEY, decimals=decimals))


def module_tenths(text: str | None, maximum: Decimal) -> int:
    """``text`` kWh as tenths of a kWh for the module: 0.1 steps from 0 (a zero token, a
    credit update that clears the balance) to ``maximum``. A refusal names the amount as
    the module's own refusal does (``starpos sm`` and ``starpos server credit`` alike)."""
    from starpos.devices.sm.errors import SmAmountFormatError

    rule = NumberRule(
        decimals=1,
        minimum=Decimal(0),
        maximum=maximum,
        not_a_number=lambda shown: SmAmountFormatError(amount=echo(shown)),
        too_fine=lambda shown, rule: SmAmountFormatError(amount=echo(shown)),
    )
    return int(parse_number(text or "", rule) * 10)
