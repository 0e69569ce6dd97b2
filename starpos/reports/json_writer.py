"""A report as JSON: an array of row objects keyed by column, written a row at a time.

Decimals are strings (exact), dates ISO 8601, as every ``--json`` of the command writes
them (``starpos.commands._output``); the array is streamed so a million rows never sit in
memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from starpos.reports.shape import Report, Row, plain


def write_json(report: Report, rows: Iterable[Row], out: TextIO) -> int:
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        body = {key: _value(row[key]) for key in report.keys}
        out.write(json.dumps(body, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]  # a list stays a list (tokens of a row)
    return plain(value)
