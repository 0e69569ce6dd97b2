"""CSV import of meters in stock and of customers with their meters: every row is checked
first, a file with bad rows is refused whole with each bad row named (line, column, why),
and the corrected file imports (docs/csv-formats.md)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from starpos.db.enums import StockStatus
from starpos.db.models import AuditEntry, Customer, Meter, StockMovement
from starpos.i18n import render_error
from starpos.masterdata.csv_rows import CsvColumnsMissingError, CsvRefusedError
from starpos.masterdata.customer_import import import_customers
from starpos.masterdata.meter_import import import_meters
from starpos.sts.meter_number import make_meter_number
from tests.integration.admin.admin_world import FIRST, SECOND, Utility
from tests.support.store_backends import both_backends

pytestmark = both_backends

HEADER = ["meter_number", "model", "branch", "sgc", "ti", "krn", "key_type", "base_date",
          "key_register"]  # fmt: skip


def _meter_rows(count: int) -> list[list[str]]:
    return [
        [make_meter_number("600727", "61", 10_000_000 + n).iain, "KP1", "BR01", "600101", "1",
         "1", "2", "2014", "1"]
        for n in range(count)
    ]  # fmt: skip


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _counts(utility: Utility) -> tuple[int, int, int, int]:
    with utility.database.reading() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Meter, StockMovement, Customer, AuditEntry)
        )


@pytest.mark.slow
def test_ten_thousand_meters_with_five_bad_rows_are_refused_whole(
    utility: Utility, tmp_path: Path
) -> None:
    rows = _meter_rows(10_000)
    good = [list(row) for row in rows]
    typo = rows[1200][0]
    rows[1200][0] = typo[:-1] + str((int(typo[-1]) + 1) % 10)  # line 1202: check digit
    rows[2500][1] = "NOSUCH"  # line 2502: unknown model
    rows[4000][0] = rows[3999][0]  # line 4002: the meter of line 4001 again
    rows[7000][0] = FIRST  # line 7002: already in the store
    rows[9998][4] = "100"  # line 10000: TI out of range
    before = _counts(utility)
    with pytest.raises(CsvRefusedError) as refused:
        import_meters(utility.database, utility.star, _write(tmp_path / "m.csv", HEADER, rows))
    named = [(p.line, p.column, p.why.code) for p in refused.value.problems]
    assert named == [
        (1202, "meter_number", "sts.meter_number.check_digit"),
        (2502, "model", "storage.unknown_record"),
        (4002, "meter_number", "storage.csv_duplicate"),
        (7002, "meter_number", "storage.meter_exists"),
        (10000, "ti", "storage.csv_value"),
    ]
    assert refused.value.params["count"] == 5
    assert "4001" in render_error(refused.value.problems[2].why, "fr")
    assert _counts(utility) == before  # nothing written, not even an audit entry

    result = import_meters(utility.database, utility.star, _write(tmp_path / "ok.csv", HEADER,
                                                                  good))  # fmt: skip
    assert result.count == 10_000 and len(result.bills) == 1
    meters, moves, customers, audit = _counts(utility)
    assert (meters, moves, customers, audit) == (
        before[0] + 10_000,
        before[1] + 10_000,
        before[2],
        before[3] + 1,
    )


def test_a_file_without_the_required_columns(utility: Utility, tmp_path: Path) -> None:
    path = _write(tmp_path / "m.csv", ["meter", "model"], [["1", "KP1"]])
    with pytest.raises(CsvColumnsMissingError) as refused:
        import_meters(utility.database, utility.star, path)
    assert "branch, sgc, ti" in refused.value.message


def test_customers_with_their_meters(utility: Utility, tmp_path: Path) -> None:
    header = ["customer_code", "name", "customer_type", "meter_number", "tariff", "address"]
    third = make_meter_number("600727", "58", 30_000_003).iain
    rows = [
        ["K100", "Lake Mill", "RES", SECOND, "RES", "Mill Lane"],
        ["K100", "Lake Mill", "RES", third, "RES", "Mill Lane"],
        ["", "Jo Shore", "NOSUCH", FIRST, "RES", ""],  # unknown type; meter installed
    ]
    before = _counts(utility)
    with pytest.raises(CsvRefusedError) as refused:
        import_customers(utility.database, utility.star, _write(tmp_path / "c.csv", header, rows))
    assert [(p.line, p.column) for p in refused.value.problems] == [
        (4, "customer_type"),
        (4, "meter_number"),
    ]
    assert _counts(utility) == before
    result = import_customers(
        utility.database, utility.star, _write(tmp_path / "ok.csv", header, rows[:2])
    )
    assert (result.customers, result.meters) == (1, 2)
    with utility.database.reading() as session:
        mill = session.scalars(select(Customer).where(Customer.code == "K100")).one()
        assert sorted(m.number for m in mill.meters) == sorted([SECOND, third])
        assert {m.stock_status for m in mill.meters} == {StockStatus.INSTALLED}
