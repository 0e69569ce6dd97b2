"""Which meters a batch is for: one meter, a range of meter numbers, or a file (manual 3.6,
"Source Type": a text file, or the first and last meter number).

A file is plain text or CSV in UTF-8: one meter a line, the meter number (11 or 13 digits)
or PAN in the first column (``,``, ``;`` or tab separate columns; quotes are dropped).
Blank lines and lines starting with ``#`` are skipped, and so is a first line whose first
column holds no digit (a header). What a line holds is checked when the batch is planned,
so a mistyped line is listed with its line number instead of stopping the batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.db.models import Meter
from starpos.sts.errors import StsError
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops.errors import BatchTooLargeError, MeterRangeError, MeterSourceError

#: The most meters one batch takes (a file of a whole town is split into several).
MAX_BATCH = 100_000
_COLUMNS = re.compile(r"[,;\t]")


@dataclass(frozen=True)
class TypedMeter:
    """A meter number as given, and where (``line 7`` of a file; empty otherwise)."""

    text: str
    where: str = ""


@dataclass(frozen=True)
class MeterList:
    """The meters a batch is for, in the order given, and how they were chosen."""

    meters: tuple[TypedMeter, ...]
    source: str

    def __post_init__(self) -> None:
        if len(self.meters) > MAX_BATCH:
            raise BatchTooLargeError(count=len(self.meters), maximum=MAX_BATCH)


def one_meter(text: str) -> MeterList:
    return MeterList((TypedMeter(text.strip()),), f"meter {text.strip()}")


def meters_from_file(path: Path) -> MeterList:
    """The meters listed in ``path`` (see the module's note for the format)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise MeterSourceError(source=str(path), reason=str(error)) from error
    meters: list[TypedMeter] = []
    first = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        column = _COLUMNS.split(stripped, maxsplit=1)[0].strip().strip("\"'").strip()
        if first and not any(char.isdigit() for char in column):
            first = False
            continue  # a header line
        first = False
        meters.append(TypedMeter(column, f"line {number}"))
    return MeterList(tuple(meters), f"file {path.name}")


def meter_range(session: Session, first: str, last: str) -> MeterList:
    """Every meter in the store from meter number ``first`` to ``last`` (both included).

    Numbers of one length compare as their digits do, so the range is the store's meters
    of that length between the two; the two ends must be valid meter numbers.
    """
    try:
        low, high = parse_meter_number(first).iain, parse_meter_number(last).iain
    except StsError as error:
        raise MeterRangeError(first=first.strip(), last=last.strip()) from error
    if len(low) != len(high) or low > high:
        raise MeterRangeError(first=low, last=high)
    numbers = session.scalars(
        select(Meter.number)
        .where(Meter.number >= low, Meter.number <= high, func.length(Meter.number) == len(low))
        .order_by(Meter.number)
        .limit(MAX_BATCH + 1)
    ).all()
    return MeterList(tuple(TypedMeter(number) for number in numbers), f"range {low}-{high}")
