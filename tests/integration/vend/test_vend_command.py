"""``starpos vend`` as a person runs it on embedded defaults, right after ``demo seed``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.sm.embedded import stop_embedded


@pytest.fixture
def seeded(data_dir: Path, run_starpos: Any, logged_in: Any) -> Iterator[list[dict[str, Any]]]:
    seeded = run_starpos("demo", "seed", "--customers", "30", "--spare-meters", "2")
    assert seeded.returncode == 0, seeded.stderr
    logged_in()  # the demo's cashier
    listed = run_starpos("meter", "list", "--limit", "200", "--json")
    meters = [
        meter
        for meter in json.loads(listed.stdout)
        if meter["customer_status"] == "active"
        and meter["payment_mode"] == "prepaid"
        and meter["medium"] == "keypad"
        and meter["contract_status"] != "cancelled"
        and meter["tariff_code"]
    ]
    try:
        yield meters
    finally:
        stop_embedded()  # the embedded emulator outlives the commands: stop it


@pytest.mark.slow
def test_vend_just_works_after_demo_seed(seeded: list[dict[str, Any]], run_starpos: Any) -> None:
    number = seeded[0]["number"]
    sold = run_starpos(
        "vend", "--meter", number, "--amount", "25.00", "--payment", "cash", "--paid", "30",
        "--json",
    )  # fmt: skip
    assert sold.returncode == 0, sold.stderr
    result = json.loads(sold.stdout)
    assert len(result["token"]) == 20 and result["token"].isdigit()
    assert result["state"] == "issued"
    assert result["change"] == "5.00"  # Decimals as strings, never floats
    assert Decimal(result["price"]["token_kwh"]) > 0

    text = run_starpos("vend", "--meter", number, "--amount", "10")
    assert text.returncode == 0, text.stderr
    assert "Token" in text.stdout and "Bill number" in text.stdout

    listed = json.loads(run_starpos("vend", "list", "--json").stdout)
    assert [vend["state"] for vend in listed] == ["issued", "issued"]
    assert listed[1]["tokens"] == [result["token"]]

    shown = json.loads(run_starpos("vend", "show", result["bill_number"], "--json").stdout)
    assert shown["tokens"] == [result["token"]] and shown["net"] == "25.00"
    unknown = run_starpos("vend", "show", "NO-SUCH-BILL")
    assert unknown.returncode == 2 and "NO-SUCH-BILL" in unknown.stderr

    recovered = json.loads(run_starpos("vend", "recover", "--json").stdout)
    assert recovered["recovered"] == [] and recovered["failed"] == []
    reconciled = run_starpos("vend", "reconcile", "--json")
    assert reconciled.returncode == 0, reconciled.stdout
    assert json.loads(reconciled.stdout)["vends_issued"] == 2


@pytest.mark.slow
def test_a_refusal_is_one_translated_line(seeded: list[dict[str, Any]], run_starpos: Any) -> None:
    number = seeded[0]["number"]
    typo = number[:-1] + str((int(number[-1]) + 1) % 10)
    refused = run_starpos("vend", "--meter", typo, "--amount", "25")
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "check digit" in refused.stderr
    french = run_starpos("vend", "--meter", typo, "--amount", "25", STARPOS_LANG="fr")
    assert "chiffre de contrôle" in french.stderr
    nonsense = run_starpos("vend", "--meter", number, "--amount", "lots")
    assert nonsense.returncode == 2 and "is not an amount" in nonsense.stderr
    missing = run_starpos("vend", "--amount", "25")
    assert missing.returncode == 2 and "--meter" in missing.stderr


def test_a_typo_is_answered_before_any_device_or_database_is_opened(
    run_starpos: Any, data_dir: Path
) -> None:
    refused = run_starpos("vend", "--meter", "00000000001", "--amount", "10")
    assert refused.returncode == 2
    assert refused.stderr.startswith("starpos: The check digit of meter number 00000000001")
    assert not (data_dir / "sm-emulator").exists()  # the module was never started
    assert not (data_dir / "starpos.db").exists()
