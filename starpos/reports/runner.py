"""Running a report for a window: the first rows to show, the totals and the charts' series
over every row, and the exports, all in one read of the store (no Qt: the window runs these
on its database worker).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starpos.db import Database
from starpos.db.parameters import to_local
from starpos.reports.bounds import day_bounds
from starpos.reports.csv_writer import write_csv
from starpos.reports.pdf_writer import write_pdf
from starpos.reports.registry import REPORTS
from starpos.reports.sales_series import SalesSeries
from starpos.reports.shape import Report, Row, Totals
from starpos.vending.history import find_vouchers_by_text

#: Rows a window holds at most; the totals and charts still cover every row.
SHOWN_ROWS = 50_000


@dataclass(frozen=True)
class ReportResult:
    report: Report
    choice: dict[str, Any]
    rows: list[Row]
    totals: Totals
    #: More rows matched than the window holds (the export has them all).
    truncated: bool
    series: SalesSeries | None


class ReportRunner:
    def __init__(self, database: Database) -> None:
        self.database = database

    def run(self, name: str, choice: Mapping[str, Any], limit: int = SHOWN_ROWS) -> ReportResult:
        report = REPORTS[name]
        chosen = dict(choice)
        day_bounds(chosen)
        totals = Totals(report)
        series = SalesSeries() if report.chart == "sales" else None
        shown: list[Row] = []
        with self.database.reading() as session:
            for row in report.rows(session, chosen):
                totals.add(row)
                if series is not None:
                    series.add(row)
                if len(shown) < limit:
                    shown.append(row)
        return ReportResult(report, chosen, shown, totals, totals.count > len(shown), series)

    def export(self, name: str, choice: Mapping[str, Any], path: Path) -> int:
        """Write the report to ``path`` (``.pdf``: a PDF, else CSV); complete or not at all."""
        report = REPORTS[name]
        chosen = dict(choice)
        day_bounds(chosen)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with self.database.reading() as session:
                rows = report.rows(session, chosen)
                if path.suffix.lower() == ".pdf":
                    with os.fdopen(handle, "wb") as binary:
                        count = write_pdf(report, rows, binary, chosen)
                else:
                    with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as text:
                        count = write_csv(report, rows, text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return count

    def find_vouchers(self, text: str) -> list[dict[str, Any]]:
        """Sales whose voucher can be reprinted, from what a person typed (bill, token, meter)."""
        with self.database.reading() as session:
            found = find_vouchers_by_text(session, text)
            for sale in found:  # the utility's wall clock, as on the voucher
                sale["local_time"] = to_local(session, sale["issued_at"] or sale["created_at"])
            return found
