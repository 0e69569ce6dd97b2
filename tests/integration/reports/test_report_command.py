"""``starpos report`` as a spreadsheet user and a script see it: CSV that re-reads with the
right types, JSON, a PDF with its pages, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.db import Database
from starpos.reports.registry import REPORTS
from tests.integration.reports.report_world import NUMBERS
from tests.support.store_backends import SQLITE

Run = Callable[..., subprocess.CompletedProcess[str]]
sqlite_only = pytest.mark.parametrize("store_backend", [SQLITE], indirect=True)


def test_csv_reads_back_with_its_types(world: Database, run_starpos: Run) -> None:
    done = run_starpos("report", "power-vending", "--begin", "2026-12-01", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == list(REPORTS["power-vending"].keys)
    assert [row["bill"] for row in rows] == ["B-V1", "B-V2"]
    # Plain numbers and ISO dates: each reads back as what it is.
    assert sum(Decimal(row["net"]) for row in rows) == Decimal("35.00")
    assert [float(row["energy_kwh"]) for row in rows] == [57.8, 198.2]
    assert datetime.fromisoformat(rows[0]["date"]) == datetime(2026, 12, 1, 0, 30)
    info = run_starpos("report", "customer-information", "--csv")
    customers = list(csv.DictReader(io.StringIO(info.stdout)))
    assert date.fromisoformat(customers[0]["registered_on"]) == date(2026, 1, 10)
    assert customers[1]["customer_name"] == "Beta 北京"
    assert customers[2]["install_date"] == "" and customers[2]["debt"] == ""


@sqlite_only
def test_a_csv_file_opens_in_a_spreadsheet_and_json_is_exact(
    world: Database, run_starpos: Run, tmp_path: Path
) -> None:
    target = tmp_path / "keys.csv"
    done = run_starpos("report", "meter-keys", "--days", "0", "--as-of", "2026-12-01",
                       "--csv", str(target))  # fmt: skip
    assert done.returncode == 0, done.stderr and done.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the mark that makes a spreadsheet read UTF-8
    (row,) = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert (row["meter"], int(row["days_left"]), row["key_expiry"]) == (
        NUMBERS["M1"][0], -782, "2024-10-10",
    )  # fmt: skip
    assert not list(tmp_path.glob(".*part"))
    as_json = run_starpos("report", "token-enquiry", "--bill", "B-V2", "--json")
    (entry,) = json.loads(as_json.stdout)
    assert entry["net"] == "25.00" and entry["energy_kwh"] == "198.2"
    assert entry["date"] == "2026-12-01 13:00:00"


@sqlite_only
def test_the_pdf_has_a_page_per_screenful_with_header_and_totals(
    world: Database, run_starpos: Run, tmp_path: Path
) -> None:
    for lang in ("en", "zh_CN"):
        target = tmp_path / f"sales-{lang}.pdf"
        done = run_starpos("--lang", lang, "report", "power-vending", "--pdf", str(target))
        assert done.returncode == 0, done.stderr
        text = subprocess.run(
            ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "B-V5" in text and "56.00" in text
        if lang == "en":
            assert "Power vending report" in text and "Total: 5 rows" in text
            assert "Page 1 of 1" in text
        else:
            assert "售电报表" in text and "第 1 页，共 1 页" in text


@sqlite_only
def test_errors_are_one_translated_line(world: Database, run_starpos: Run) -> None:
    done = run_starpos("--lang", "fr", "report", "power-vending", "--begin", "2026-12-02",
                       "--end", "2026-12-01", "--csv")  # fmt: skip
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Inversez-les" in done.stderr
    bad = run_starpos("report", "power-vending", "--begin", "1st of May")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1
    nowhere = run_starpos("report", "login-log", "--pdf", "/no/such/folder/x.pdf")
    assert nowhere.returncode != 0 and nowhere.stderr.count("\n") == 1


@pytest.mark.slow
@sqlite_only
def test_every_report_runs_from_the_command_line(world: Database, run_starpos: Run) -> None:
    listed = json.loads(run_starpos("report", "list", "--json").stdout)
    assert [entry["name"] for entry in listed] == list(REPORTS)
    for name in REPORTS:
        done = run_starpos("report", name)
        assert done.returncode == 0, (name, done.stderr)
        assert "Total:" in done.stdout
