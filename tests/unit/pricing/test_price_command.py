"""``starpos price`` run in-process: what a person scripting a price sees."""

from __future__ import annotations

import json

import pytest

from starpos.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["price", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_manuals_step_tariff_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--net", "445", "--steps", "200:0.6,500:0.75,1000:1.0", "--json")
    priced = json.loads(out)
    assert code == 0
    assert (priced["amount"], priced["token_kwh"]) == ("445.00", "600.0")


def test_json_has_every_voucher_line_as_decimal_strings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(
        capsys,
        *("--net", "120", "--vat", "15", "--charge", "SVC:times:10:taxed"),
        *("--charge", "LEVY:times:5", "--json"),
    )
    priced = json.loads(out)
    assert priced["charges"] == [
        {"code": "SVC", "name": "SVC", "method": "times", "taxed": True, "amount": "10.00"},
        {"code": "LEVY", "name": "LEVY", "method": "times", "taxed": False, "amount": "5.00"},
    ]
    assert (priced["amount"], priced["vat"], priced["net"]) == ("90.00", "15.00", "120.00")


def test_energy_priced_with_debt_and_free_energy_in_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        capsys,
        *("--energy", "100", "--vat", "15", "--repay", "percentage:10", "--debt", "50"),
        *("--fbe", "50", "--warn-amount", "50"),
    )
    lines = {line.rsplit(maxsplit=1)[0].strip(): line.split()[-1] for line in out.splitlines()[:-1]}
    assert code == 0
    assert lines["Net amount"] == "125.00"  # 100 + 15 VAT + 10 repaid
    assert lines["Token energy (kWh)"] == "150.0"
    assert out.splitlines()[-1].startswith("The net amount is above the warn amount")


def test_a_refusal_is_one_translated_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--net", "1.5", "--decimals", "0")
    assert (code, out) == (2, "")
    assert err.strip().splitlines() == [
        "starpos: The amount 1.5 is not a valid amount in this currency: it must not be "
        "negative and may have at most 0 decimal places."
    ]


def test_a_bad_charge_spec_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--net", "10", "--charge", "X:weekly:1")
    assert code == 2
    assert "charge method is one of times, amount, monthly, yearly" in err


def test_price_runs_as_its_own_process(run_starpos) -> None:  # type: ignore[no-untyped-def]
    result = run_starpos("price", "--net", "100", "--vat", "15", "--decimals", "1", "--json")
    assert result.returncode == 0, result.stderr
    priced = json.loads(result.stdout)
    assert (priced["amount"], priced["vat"], priced["amount_rounding"]) == ("87.0", "13.0", "0.1")
