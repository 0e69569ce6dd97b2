"""``starpos engineering`` and ``starpos report engineering-tokens`` as a person and a script
use them: the operator logs in, the list is confirmed, refusals are one translated line and
leave the store as it was, a file of a thousand meters makes a thousand tokens, and the
report lists them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from starpos.db.enums import MeterMedium
from starpos.db.enums import TokenOperationState as State
from starpos.db.models import AuditEntry, Meter, TokenOperation
from starpos.db.parameters import utility_zone
from starpos.sts.meter_model import MeterResponse
from starpos.sts.meter_number import LONG_IIN, make_meter_number
from starpos.sts.tables import StaTables
from tests.integration.tokenops.ops_world import OpsWorld, customer_meter, stock_meters
from tests.support.processes import REPO_ROOT, child_env, starpos_command
from tests.support.store_backends import POSTGRESQL, SQLITE


def starpos(*args: str, stdin: str = "", timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args), input=stdin, capture_output=True, text=True,
        timeout=timeout, env=child_env(), cwd=REPO_ROOT,
    )  # fmt: skip


def engineer(*args: str, stdin: str = "eng-demo\n") -> subprocess.CompletedProcess[str]:
    return starpos(*args, "--operator", "ENG1", "--password-stdin", stdin=stdin)


def count_rows(world: OpsWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(TokenOperation)) or 0)


def audit_count(world: OpsWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_the_list_is_shown_and_nothing_is_made_unless_confirmed(world: OpsWorld) -> None:
    (number,) = world.keypad_meters(count=1)
    refused = engineer(
        "engineering", "issue", "power-limit", "--meter", number, "--watts", "2500",
        stdin="eng-demo\nno\n",
    )  # fmt: skip
    assert refused.returncode == 1, refused.stderr
    assert number in refused.stdout and "2500 W" in refused.stdout
    assert "Nothing was made." in refused.stderr
    assert count_rows(world) == 0
    made = engineer(
        "engineering", "issue", "power-limit", "--meter", number, "--watts", "2500",
        stdin="eng-demo\nyes\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Batch " in made.stdout and "1 issued" in made.stdout
    (row,) = world.rows()
    grouped = " ".join(row.token_list[0][i : i + 4] for i in range(0, 20, 4))
    assert grouped in made.stdout


@pytest.mark.parametrize(
    ("who", "stdin", "expected"),
    [
        ("CASH1", "cash-demo\n", "does not have the permission engineering_tokens"),
        ("ENG1", "wrong-password\n", "operator code or the password is wrong"),
        ("ADMIN1", "admin-demo\n", "does not have the permission engineering_tokens"),
    ],
    ids=["cashier", "wrong password", "administrator"],
)
def test_a_refusal_is_one_line_and_changes_nothing(
    world: OpsWorld, who: str, stdin: str, expected: str
) -> None:
    (number,) = world.keypad_meters(count=1)
    before = world.meter(number).last_tid
    done = starpos(
        "engineering", "issue", "clear-tamper", "--meter", number, "--yes",
        "--operator", who, "--password-stdin", stdin=stdin,
    )  # fmt: skip
    assert done.returncode == 2
    assert expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert count_rows(world) == 0
    assert world.meter(number).last_tid == before


def test_free_credit_needs_its_own_permission(world: OpsWorld) -> None:
    (number,) = world.keypad_meters(count=1)
    done = engineer("engineering", "issue", "free-credit", "--meter", number, "--kwh", "5", "--yes")
    assert done.returncode == 2
    assert "free_credit_tokens" in done.stderr
    assert count_rows(world) == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("free-credit", "--watts", "5"), "--watts is not for it"),
        (("power-limit", "--new-krn", "2"), "--new-krn is for key-change"),
        (("power-limit", "--watts", "-5"), "not a whole number"),
        (("free-credit", "--kwh", "0.05"), "steps of 0.1 kWh"),
    ],
)
def test_bad_options_are_refused_before_anything_is_read(
    world: OpsWorld, args: tuple[str, ...], expected: str
) -> None:
    (number,) = world.keypad_meters(count=1)
    done = engineer("engineering", "issue", *args, "--meter", number, "--yes")
    assert done.returncode == 2
    assert expected in done.stderr
    assert count_rows(world) == 0


def test_a_file_with_bad_lines_makes_the_good_ones_and_lists_the_rest(
    world: OpsWorld, tmp_path: Path
) -> None:
    good = world.keypad_meters(count=2)
    with world.database.reading() as session:
        card = session.scalars(select(Meter.number).where(Meter.medium == MeterMedium.CARD)).first()
    assert card is not None
    unknown = make_meter_number(LONG_IIN, "47", 99_999_999).iain
    listing = tmp_path / "meters.txt"
    listing.write_text(
        f"# meters for the north feeder\n{good[0]}\n12345\n{good[1]}\n{good[0]}\n{card}\n"
        f"{unknown}\n",
        encoding="utf-8",
    )
    done = engineer(
        "engineering", "issue", "water-factor", "--file", str(listing), "--factor", "7",
        "--yes", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outcome"]["issued"] == 2
    assert [row["meter"] for row in result["operations"]] == good
    plain = engineer(
        "engineering", "issue", "water-factor", "--file", str(listing), "--factor", "7",
        stdin="eng-demo\nno\n",
    )  # fmt: skip
    for line, reason in (
        ("line 3", "12345 is not a meter number"),
        ("line 5", "is in the list more than once"),
        ("line 6", "takes its credit by card"),
        ("line 7", f"No meter {unknown} is registered here"),
    ):
        assert any(line in text and reason in text for text in plain.stdout.splitlines()), (
            line,
            plain.stdout,
        )


# On PostgreSQL too: a row is read with its meter locked (`FOR UPDATE OF meters`, TOK-28).
@pytest.mark.parametrize("store_backend", [SQLITE, POSTGRESQL], indirect=True)
def test_a_range_of_meter_numbers(world: OpsWorld) -> None:
    numbers = stock_meters(world.database, 5, first_serial=40_000_001)
    done = engineer(
        "engineering", "issue", "test", "--from-meter", numbers[1], "--to-meter", numbers[3],
        "--control", "1", "--yes", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    made = [row["meter"] for row in json.loads(done.stdout)["operations"]]
    assert made == numbers[1:4]


@pytest.mark.slow
def test_a_thousand_meters_from_a_file_and_the_report(
    world: OpsWorld, tables: StaTables, tmp_path: Path
) -> None:
    numbers = stock_meters(world.database, 1000)
    listing = tmp_path / "meters.csv"
    listing.write_text(
        "meter number;note\n" + "".join(f"{n};stock\n" for n in numbers), encoding="utf-8"
    )
    audited_before = audit_count(world)
    done = engineer(
        "engineering", "issue", "power-limit", "--file", str(listing), "--watts", "8000",
        "--yes", "--json", "--list", str(tmp_path / "batch.txt"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)["outcome"]
    assert (outcome["issued"], outcome["failed"], outcome["planned"]) == (1000, 0, 0)
    rows = world.rows(outcome["batch"])
    assert [row.state for row in rows] == [State.ISSUED] * 1000
    assert len({row.token_list[0] for row in rows}) == 1000
    # Recorded and audited: the batch, then a pending and an issued step a meter (+ login);
    # and, the module being used by this store for the first time, its binding and the
    # credit update it came with (docs/vending.md, "The store the module serves").
    assert audit_count(world) - audited_before == 1 + 1 + 2 * 1000 + 2
    for row in rows[::97]:  # a sample of the meters takes its token
        meter = customer_meter(world.meter(row.meter.number), tables)
        assert meter.enter(row.token_list[0]).response is MeterResponse.ACCEPTED
        assert meter.state.max_power_limit_w == 8000
    batch_list = (tmp_path / "batch.txt").read_text(encoding="utf-8")
    assert len(batch_list.splitlines()) == 4 + 1000
    assert rows[0].token_list[0][:4] + " " in batch_list

    # The report's days are the utility's (its time zone), not this machine's: from 22:00
    # UTC a utility two hours ahead is already on the next day.
    with world.database.reading() as session:
        today = datetime.now(utility_zone(session)).date()
    report = starpos(
        "report", "engineering-tokens", "--begin", today.isoformat(), "--end",
        today.isoformat(), "--json",
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    listed = json.loads(report.stdout)
    assert len(listed) == 1000
    assert {entry["meter"] for entry in listed} == set(numbers)
    facts = {(entry["kind"], entry["value"], entry["unit"], entry["operator"]) for entry in listed}
    assert facts == {("set_power_limit", "8000", "W", "ENG1")}
    as_csv = starpos("report", "engineering-tokens", "--csv", "--meter", numbers[5])
    (line,) = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert line["meter"] == numbers[5] and line["state"] == "issued"
    assert line["tokens"] == rows[5].token_list[0]
    earlier = (today - timedelta(days=1)).isoformat()
    none = starpos("report", "engineering-tokens", "--end", earlier, "--json")
    assert json.loads(none.stdout) == []


def test_the_voucher_preview_and_the_batch_list(world: OpsWorld, tmp_path: Path) -> None:
    (number,) = world.keypad_meters(count=1)
    done = engineer(
        "engineering", "issue", "key-change", "--meter", number, "--new-register", "3",
        "--new-krn", "2", "--yes", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    batch = json.loads(done.stdout)["outcome"]["batch"]
    preview = tmp_path / "voucher.png"
    shown = starpos("engineering", "print", batch, "--preview", str(preview))
    assert shown.returncode == 0, shown.stderr
    assert preview.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    listing = starpos("engineering", "show", batch)
    assert "Decoder key change" in listing.stdout and number in listing.stdout
    batches = starpos("engineering", "list", "--json")
    assert json.loads(batches.stdout)[0]["batch"] == batch


def test_printing_counts_every_print_and_says_reprint_after_the_first(
    world: OpsWorld, tmp_path: Path
) -> None:
    from starpos.settings import Settings

    settings = Settings()
    paper = tmp_path / "printer.bin"
    settings.set("printer.connection", f"file:{paper}")
    settings.save()
    (number,) = world.keypad_meters(count=1)
    done = engineer(
        "engineering", "issue", "clear-tamper", "--meter", number, "--yes", "--json", "--print"
    )
    assert done.returncode == 0, done.stderr
    first = paper.read_bytes()
    assert b"REPRINT" not in first and number.encode() in first
    batch = json.loads(done.stdout)["outcome"]["batch"]
    again = engineer("engineering", "print", batch)
    assert again.returncode == 0, again.stderr
    assert b"REPRINT" in paper.read_bytes()
    (row,) = world.rows(batch)
    assert row.print_count == 2
    with world.database.reading() as session:
        steps = [
            json.loads(details)["step"]
            for details in session.scalars(
                select(AuditEntry.details).where(AuditEntry.subject.like("token_operation:%"))
            )
        ]
    assert steps == ["pending", "issued", "printed", "printed"]
