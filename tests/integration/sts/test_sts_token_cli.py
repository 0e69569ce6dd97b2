"""``starpos token`` as a person or a script uses it: a child process, stdin and stdout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.data_files import COMPLIANCE_TABLES

ISSUE = [
    "token",
    "issue",
    "--vending-key",
    "abababababababab",
    "--sgc",
    "123456",
    "--meter",
    "00000000000",
    "--base-date",
    "1993",
    "--ken",
    "255",
    "--issued-at",
    "2004-03-01T13:55:00",
    "--random",
    "5",
    "--amount",
    "0.1",
]


@pytest.fixture(scope="module")
def compliance() -> str:
    return str(COMPLIANCE_TABLES)


def test_issue_prints_the_vector_token(run_starpos: Any, compliance: str) -> None:
    result = run_starpos(*ISSUE, "--sta-tables", compliance)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["23716100501183194197"]


def test_issue_json_and_decode_round_trip(run_starpos: Any) -> None:
    issued = run_starpos(*ISSUE[:-1], "18022.3", "--json", "--show-decoder-key")
    assert issued.returncode == 0, issued.stderr
    answer = json.loads(issued.stdout)
    assert answer["amount"] == "18022.4"  # the amount the token carries, as a string
    decoded = run_starpos(
        "token", "decode", "--decoder-key", answer["decoder_key_hex"], "--base-date", "1993",
        "--json", answer["tokens"][0],
    )  # fmt: skip
    assert decoded.returncode == 0, decoded.stderr
    fields = json.loads(decoded.stdout)
    assert fields["amount"] == "18022.4"
    assert fields["issued_at"] == "2004-03-01T13:55:00"
    assert (fields["token_class"], fields["subclass"], fields["random"]) == (0, 0, 5)


@pytest.mark.parametrize(
    ("flag", "value", "words"),
    [
        ("--meter", "0000000000X", "digits only"),
        ("--meter", "123456789", "11 or 13 digits"),
        ("--meter", "00000000001", "should be 0"),
        ("--amount", "0", "more than 0"),
        ("--amount", "2000000", "split the sale"),
        ("--ea", "09", "use 07 or 11"),
        ("--dkga", "03", "use 02 or 04"),
        ("--base-date", "2000", "1993, 2014 or 2035"),
        ("--issued-at", "1990-01-01T00:00:00", "before the meter's base date"),
        ("--issued-at", "2025-01-01T00:00:00", "past the last token identifier"),
        ("--ken", "10", "key expired"),
        ("--vending-key", "zz", "not valid hexadecimal"),
        ("--vending-key", "abab", "needs 64 bits"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    run_starpos: Any, flag: str, value: str, words: str
) -> None:
    args = list(ISSUE)
    if flag in args:
        args[args.index(flag) + 1] = value
    else:
        args += [flag, value]
    result = run_starpos(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("starpos: ") and words in lines[0]


def test_errors_are_shown_in_french(run_starpos: Any) -> None:
    args = [*ISSUE[:-1], "0"]
    result = run_starpos(*args, STARPOS_LANG="fr")
    assert "Le montant doit être supérieur à 0" in result.stderr


def test_decode_of_a_mistyped_token_is_one_line(run_starpos: Any, compliance: str) -> None:
    result = run_starpos(
        "token", "decode", "--decoder-key", "e653341f9d5bf36f", "--sta-tables", compliance,
        "23716100501183194198",
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "failed its check" in result.stderr


def _request(**changes: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "dkga": "02",
        "ea": "07",
        "vending_key_hex": "abababababababab",
        "key_type": 2,
        "sgc": "123456",
        "ti": "01",
        "krn": 1,
        "ken": 255,
        "base_date": 1993,
        "pan": "600727000000000009",
        "token_class": 0,
        "token_subclass": 0,
        "issued_at": "2004-03-01T13:55:00Z",
        "random_no": 5,
        "amount": 0.1,
    }
    request.update(changes)
    return request


def test_batch_answers_every_line_in_order(run_starpos: Any, compliance: str) -> None:
    lines = [
        json.dumps(_request(id="good")),
        "{not json",
        json.dumps(_request(id="bad-pan", pan="600727000000000008")),
        "",
        json.dumps(["a", "list"]),
        json.dumps(_request(id=7, amount="0")),
        json.dumps(
            _request(id="kct", token_class=2, token_subclass=[3, 4], new_ti="02", amount=None)
        ),
        json.dumps(_request(id="last", issued_at="2004-03-01T14:05:00Z", token_subclass=1)),
    ]
    result = run_starpos(
        "token", "batch", "--sta-tables", compliance, input="\n".join(lines) + "\n"
    )
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["good", None, "bad-pan", None, 7, "kct", "last"]
    assert answers[0]["tokens"] == ["23716100501183194197"]
    assert answers[1]["error"]["code"] == "sts.request.format"
    assert answers[2]["error"]["code"] == "sts.meter_number.pan_check_digit"
    assert answers[3]["error"]["code"] == "sts.request.format"
    assert answers[4]["error"]["code"] == "sts.amount.not_positive"
    assert answers[5]["tokens"] == ["51638423060042734509", "15361891762113502242"]
    assert answers[6]["tokens"] == ["42502136492215507402"]
    assert all(a["error"]["message"] for a in answers if "error" in a)


def test_bench_reports_tokens_per_second(run_starpos: Any) -> None:
    result = run_starpos("token", "bench", "--count", "200", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["07"]["tokens"] == figures["11"]["tokens"] == 200
    assert figures["07"]["tokens_per_second"] > 0 and figures["11"]["tokens_per_second"] > 0


def test_configured_tables_are_used(run_starpos: Any, compliance: str) -> None:
    assert run_starpos("settings", "set", "sts.tables", compliance).returncode == 0
    result = run_starpos(*ISSUE)
    assert result.stdout.split() == ["23716100501183194197"]


def test_a_bad_tables_file_is_one_line(run_starpos: Any, tmp_path: Path) -> None:
    broken = tmp_path / "tables.json"
    broken.write_text('{"substitution_1": [1, 2]}', encoding="utf-8")
    result = run_starpos(*ISSUE, "--sta-tables", str(broken))
    assert result.returncode == 2
    assert "are not valid" in result.stderr and len(result.stderr.strip().splitlines()) == 1
