"""A report as CSV: UTF-8, a header of the column keys, one line a row, streamed.

Typed so a spreadsheet reads the values as what they are: numbers plain (``1234.50``, a dot,
no thousands separator), dates ``YYYY-MM-DD`` and times ``YYYY-MM-DD HH:MM:SS``, empty for
none. The totals are not written: the file stays one table a spreadsheet sums itself.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from starpos.reports.shape import Report, Row, plain


def write_csv(report: Report, rows: Iterable[Row], out: TextIO) -> int:
    """Write ``rows`` to ``out`` as they come (constant memory); the number written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(report.keys)
    count = 0
    for row in rows:
        writer.writerow(["" if row[key] is None else plain(row[key]) for key in report.keys])
        count += 1
    return count
