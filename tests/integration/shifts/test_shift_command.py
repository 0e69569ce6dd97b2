"""``starpos shift`` as a person runs it (child processes): the cashier's drawer, the blind
X, the supervisor's close and its Z (text, JSON, PDF, a DUPLICATE reprint), the day close,
and bad input answered in one line with a non-zero exit. Every command that acts logs its
operator in (``--operator`` with the password on standard input), the close with the
supervisor's own."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from starpos.devices.printer.virtual.launcher import output_folder, stop_virtual_printer

pytestmark = pytest.mark.slow


#: The demo's passwords (resources/demo/master_data.json).
PASSWORDS = {"CASH1": "cash-demo", "CASH2": "cash-demo", "SUP1": "super-demo",
             "ADMIN1": "admin-demo"}  # fmt: skip


@pytest.fixture
def shift(seeded_store: None, run_starpos) -> object:  # type: ignore[no-untyped-def]
    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        if "--operator" not in args:
            return run_starpos("shift", *args, **env)  # type: ignore[no-any-return]
        code = args[args.index("--operator") + 1]
        return run_starpos(  # type: ignore[no-any-return]
            "shift", *args, "--password-stdin", input=PASSWORDS[code] + "\n", **env
        )

    yield run
    stop_virtual_printer()


def ok(done: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def refused(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert words in done.stderr, done.stderr


def test_a_shift_from_the_command_line(shift, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cashier = ("--operator", "CASH2", "--terminal", "T03")
    opened = ok(shift("open", *cashier, "--float-count", "20x5 5x4", "--json"))
    assert opened["opening_float"] == "120.00" and opened["till"] == "T03"
    refused(shift("open", *cashier, "--float", "10"), "already has shift")
    ok(shift("drop", "30.00", "--reason", "to the safe", *cashier, "--json"))
    refused(shift("paid-out", "5", "--reason", " ", *cashier), "reason is required")
    refused(shift("drawer", "--reason", "look", *cashier), "open_drawer")
    x = ok(shift("x", *cashier, "--json"))
    assert "expected" not in x and x["movements"] == [
        {"kind": "drop", "count": 1, "total": "30.00"}
    ]
    ok(shift("end", *cashier, "--cash-count", "20x4", "--json"))  # 10.00 short
    close = ("close", "--operator", "SUP1", "--shift", str(opened["shift"]))
    refused(shift(*close, "--sales-point", "SP02"), "differs from the expected by -10.00")
    pdf = tmp_path / "z.pdf"
    closed = ok(shift(*close, "--sales-point", "SP02", "--approve-reason", "short", "--pdf",
                      str(pdf), "--json"))  # fmt: skip
    z = closed["z"]
    assert (z["till"], z["number"], closed["variance"]) == ("T03", 1, "-10.00")
    assert pdf.read_bytes().startswith(b"%PDF")
    shown = shift("z", "--till", "T03", "--operator", "SUP1")
    assert "Z REPORT No. 1" in shown.stdout and "-10.00" in shown.stdout
    assert ok(shift("reprint", "--till", "T03", "--number", "1", "--operator", "SUP1",
                    "--json"))["print_count"] == 1  # fmt: skip
    assert ok(shift("reprint", "--till", "T03", "--number", "1", "--operator", "SUP1",
                    "--json"))["print_count"] == 2  # fmt: skip
    printed = [p.read_text(encoding="utf-8") for p in sorted(output_folder().glob("*.txt"))]
    assert "DUPLICATE" not in printed[0] and "DUPLICATE" in printed[1]
    assert ok(shift("verify", "--json"))["intact"] is True
    day_close = ("day-close", "--operator", "SUP1", "--sales-point", "SP02")
    refused(shift(*day_close), "1 shift(s) are not closed yet")  # the demo's, at @SP02
    demo = ok(shift("x", "--operator", "CASH2", "--json"))["shift"]["shift"]
    ok(shift("end", "--operator", "CASH2", "--cash", "0", "--json"))
    ok(shift("close", "--operator", "SUP1", "--sales-point", "SP02", "--shift", str(demo),
             "--json"))  # fmt: skip
    day = ok(shift(*day_close, "--json"))
    assert day["shifts"] == 2 and set(day["tills"]) == {"T03", "@SP02"}


def test_bad_input_gets_one_line(shift) -> None:  # type: ignore[no-untyped-def]
    refused(shift("open", "--operator", "CASH1", "--float", "12.345"), "12.345")
    refused(shift("end", "--operator", "CASH1", "--cash-count", "50xtwo"), "50")
    refused(shift("close", "--operator", "CASH1", "--shift", "999"), "permission close_shift")
    refused(shift("close", "--operator", "SUP1", "--shift", "999"), "no shift 999")
    refused(shift("z", "--till", "T09", "--number", "4", "--operator", "SUP1"), "no Z 4 on T09")
    refused(shift("z", "--till", "T09", "--operator", "CASH1"), "permission view_reports")
    refused(shift("x", "--operator", "CASH1", "--terminal", "T02"), "has no shift on T02")
    # A terminal stands at its sales point (SHF-09): Port Amani's T04 is not CASH1's place.
    refused(shift("x", "--operator", "CASH1", "--terminal", "T04"), "not at SP03")


def test_the_day_close_from_the_command_line(shift, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Its first paper is the original and a reprint says DUPLICATE (SHF-21); a day still
    to come is refused in one line (SHF-22); a float limit that is that already is said to
    be unchanged (SHF-23)."""
    supervisor = ("--operator", "SUP1", "--sales-point", "SP02")
    refused(shift("day-close", *supervisor, "--date", "2999-01-01"), "has not come yet")
    refused(shift("day-reprint", *supervisor), "is not closed")
    demo = ok(shift("x", "--operator", "CASH2", "--json"))["shift"]["shift"]
    ok(shift("end", "--operator", "CASH2", "--cash", "0", "--json"))
    ok(shift("close", *supervisor, "--shift", str(demo), "--json"))
    pdf = tmp_path / "day.pdf"
    day = ok(shift("day-close", *supervisor, "--print", "--pdf", str(pdf), "--json"))
    assert day["print_count"] == 1 and day["date"] != "2999-01-01"
    again = ok(shift("day-reprint", *supervisor, "--json"))
    assert again == {"sales_point": "SP02", "date": day["date"], "print_count": 2}
    printed = [p.read_text(encoding="utf-8") for p in sorted(output_folder().glob("*.txt"))]
    assert [("DAY CLOSE" in p, "DUPLICATE" in p) for p in printed] == [(True, False),
                                                                        (True, True)]  # fmt: skip
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "DAY CLOSE" in text and "DUPLICATE" in text  # saved after the original's print

    limit = ("float-limit", "--of-sales-point", "SP02", "--amount", "80", "--operator", "ADMIN1")
    assert ok(shift(*limit, "--json"))["changed"] is True
    assert ok(shift(*limit, "--json"))["changed"] is False
    same = shift(*limit)
    assert same.returncode == 0 and "80.00 already: nothing was changed" in same.stdout
