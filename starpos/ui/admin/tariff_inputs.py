"""Reading the tariff editor's fields: prices and kWh as ``Decimal`` (never float), and the
one refusal every part of the editor raises, with the field to put the cursor back in.

The messages are translated when raised (context ``admin``): the editor shows them under
its fields as they are, and nothing is saved.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QWidget

from starpos.ui.translator import tr

#: digits with at most one point (a comma is read as the point, as the counter does)
_NUMBER = re.compile(r"\d+(\.\d*)?|\.\d+")
TENTH = Decimal("0.1")
#: a unit price finer than this is surely a typing mistake (the store keeps 6 places)
PRICE_PLACES = 6


class InputProblem(Exception):
    """A field of the editor does not hold what it must; ``message`` says what to type."""

    def __init__(self, message: str, widget: QWidget | None = None) -> None:
        super().__init__(message)
        self.message, self.widget = message, widget


def _number(text: str) -> Decimal | None:
    cleaned = text.strip().replace(",", ".")
    if _NUMBER.fullmatch(cleaned) is None:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def price(text: str, what: str, widget: QWidget | None = None) -> Decimal:
    """A positive unit price (currency per kWh); ``what`` names the field in the message."""
    value = _number(text)
    exponent = value.as_tuple().exponent if value is not None else 0
    if value is None or value <= 0 or not isinstance(exponent, int) or -exponent > PRICE_PLACES:
        raise InputProblem(
            tr(
                "admin",
                "{what}: {text} is not a price. Type a positive number per kWh with at most "
                "6 decimals, such as 0.75.",
            ).format(what=what, text=text.strip() or "—"),
            widget,
        )
    return value


def kwh(text: str, what: str, widget: QWidget | None = None) -> Decimal:
    """Energy in kWh on the STS grid of 0.1 kWh."""
    value = _number(text)
    if value is None or value % TENTH:
        raise InputProblem(
            tr(
                "admin",
                "{what}: {text} is not an energy. Type kWh with at most one decimal, such as 200.",
            ).format(what=what, text=text.strip() or "—"),
            widget,
        )
    return value


def qt_moment(moment: datetime) -> QDateTime:
    """A naive local wall-clock time for a date-time field (to the minute)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
