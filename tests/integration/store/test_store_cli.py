"""The store from the command line: db, demo seed, meter, customer, audit (child processes)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from starpos.bootstrap.database import database_url, open_database
from starpos.db.engine import make_engine
from starpos.sts.meter_number import parse_meter_number
from tests.support.store_backends import POSTGRESQL


@pytest.mark.slow
def test_a_demo_utility_from_the_command_line(  # type: ignore[no-untyped-def]
    run_starpos, data_dir: Path, store_backend: str, request: pytest.FixtureRequest
) -> None:
    if store_backend == POSTGRESQL:
        request.getfixturevalue("empty_postgres_url")  # database.url: a database with no schema
    assert run_starpos("db", "init").returncode == 0
    status = json.loads(run_starpos("db", "status", "--json").stdout)
    assert status["up_to_date"] and status["revision"] == status["head"]

    seeded = run_starpos(
        "demo",
        "seed",
        "--customers",
        "25",
        "--spare-meters",
        "3",
        "--no-module",
        "--json",
        timeout=300,
    )
    assert seeded.returncode == 0, seeded.stderr
    report = json.loads(seeded.stdout)
    assert report["customers"] == 25
    assert "STAR" in report["operators"]

    again = run_starpos("demo", "seed", "--no-module")
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        "starpos: This database already holds a utility's data, so the demo is not seeded "
        "into it. Point --data-dir (or STARPOS_DATA_DIR) at an empty folder."
    ]

    meters = json.loads(run_starpos("meter", "list", "--limit", "100", "--json").stdout)
    keys = json.loads((Path("resources/demo/keys.json")).read_text())["keys"]
    identities = {(k["sgc"], k["krn"], k["key_type"], str(k["register"])) for k in keys}
    assert len(meters) == report["meters_installed"] + report["meters_in_stock"]
    for meter in meters:
        assert parse_meter_number(meter["number"]).pan == meter["pan"]
    engine = make_engine(database_url())  # the configured database: the file, or the server
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT sgc, krn, key_type, key_register FROM meters"
        ).all()
    engine.dispose()
    assert {tuple(row) for row in rows} <= identities

    installed = next(m for m in meters if m["customer_code"])
    shown = json.loads(run_starpos("meter", "show", installed["pan"], "--json").stdout)
    assert shown["number"] == installed["number"]
    assert shown["customer_name"] == installed["customer_name"]
    assert "." in shown["outstanding_debt"]  # a Decimal string, never a float

    customer = json.loads(
        run_starpos("customer", "show", installed["customer_code"], "--json").stdout
    )
    assert installed["number"] in customer["meters"]
    listed = run_starpos("customer", "list", "--search", installed["number"])
    assert installed["customer_code"] in listed.stdout

    unknown = run_starpos("--lang", "fr", "meter", "show", "99000000002")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("starpos: Aucun compteur 99000000002 n'est enregistré ici.")

    verified = run_starpos("audit", "verify")
    assert verified.returncode == 0
    assert "intact" in verified.stdout


def test_unknown_customer_is_one_line(run_starpos) -> None:  # type: ignore[no-untyped-def]
    result = run_starpos("customer", "show", "NOPE")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "starpos: There is no customer with the code NOPE. Check the code or search by name."
    ]


def test_a_tampered_audit_log_fails_verification(run_starpos, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from starpos.audit.log import Actor, AuditKind, append

    with open_database() as database, database.unit_of_work() as uow:
        for number in range(3):
            append(uow.session, AuditKind.LOGIN, subject=f"operator:OP{number}", actor=Actor())
        uow.commit()
    with sqlite3.connect(data_dir / "starpos.db") as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET subject = 'operator:X' WHERE id = 2")
    result = run_starpos("audit", "verify")
    assert result.returncode == 2
    assert result.stderr.startswith("starpos: The audit log has been tampered with: 1 problem(s)")
    report = json.loads(run_starpos("audit", "verify", "--json").stdout)
    assert report["problems"] == [{"entry": 2, "problem": "its content was changed"}]


@pytest.mark.slow
def test_the_demo_keys_go_into_the_embedded_module(run_starpos, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from starpos.devices.sm.embedded import stop_embedded

    try:
        seeded = run_starpos(
            "demo", "seed", "--customers", "3", "--spare-meters", "0", "--json", timeout=300
        )
        assert seeded.returncode == 0, seeded.stderr
        module = json.loads(seeded.stdout)["module"]
        assert module["keys_loaded"] == 2
        assert module["balance"] == "1000000.0"
        info = json.loads(run_starpos("sm", "info", "--json").stdout)
        assert info["module_id"] == module["module_id"]
        report = json.loads(run_starpos("audit", "verify", "--json").stdout)
        # The seed, a zero-float shift for each demo seller, the credit and the key load.
        with sqlite3.connect(data_dir / "starpos.db") as connection:
            kinds = [kind for (kind,) in connection.execute("SELECT kind FROM audit_log")]
        assert sorted(set(kinds)) == ["demo_seed", "key_action", "module_credit", "shift"]
        assert [kinds.count(kind) for kind in ("demo_seed", "key_action", "module_credit")] == [
            1, 1, 1
        ]  # fmt: skip
        assert report["intact"] and report["entries"] == len(kinds)
    finally:
        stop_embedded()
