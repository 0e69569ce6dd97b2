"""Bad input is never an internal error (issue 17, section 6), as a person meets it: each
input below is one translated line on stderr, a non-zero exit, and a data folder left
byte for byte as it was (nothing sold, nothing recorded, no module started)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.sm.embedded import stop_embedded

REPO = Path(__file__).resolve().parents[3]
PASTE = "9" * 10_000
KEY = ["--vending-key", "abababababababab", "--sgc", "123456", "--meter", "00000000000"]
SM_KEY = ["--pan", "600727121234567876", "--sgc", "123456"]
METER = "{meter}"  # the seeded store's first sellable meter


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A demo store (no module keys: nothing below may get as far as the module)."""
    folder = tmp_path_factory.mktemp("store")
    env = {**os.environ, "STARPOS_DATA_DIR": str(folder), "STARPOS_LANG": "en",
           "PYTHONPATH": str(REPO)}  # fmt: skip

    def starpos(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "starpos", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=True)

    starpos("demo", "seed", "--no-module", "--customers", "8", "--spare-meters", "0")
    meters = json.loads(starpos("meter", "list", "--json").stdout)
    meter = next(
        m["number"]
        for m in meters
        if m["customer_status"] == "active"
        and m["payment_mode"] == "prepaid"
        and m["medium"] == "keypad"
    )
    try:
        yield folder, meter
    finally:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("STARPOS_DATA_DIR", str(folder))
            stop_embedded()  # only if a refusal failed and a sale started the module


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


VEND = ["vend", "--meter", METER, "--operator", "CASH1"]

#: (command line, words the one line must hold). Each was a finding of issue 17.
BAD_INPUT: list[tuple[list[str], str]] = [
    ([*VEND, "--amount", "1e400"], "1e400 is not an amount"),
    ([*VEND, "--amount", "9" * 30], "is out of range"),
    ([*VEND, "--amount", "10", "--paid", "1e400"], "1e400 is not an amount"),
    ([*VEND, "--amount", "４５"], "is not an amount"),
    ([*VEND, "--amount", "٤٥"], "is not an amount"),
    ([*VEND, "--amount", "1_0"], "is not an amount"),
    ([*VEND, "--amount", "1e2"], "is not an amount"),
    ([*VEND, "--amount", PASTE], "…"),
    (["vend", "--meter", PASTE, "--amount", "10"], "…"),
    (["vend", "--meter", "٤٧١٠٠٠٠٠٠١٨", "--amount", "10"], "is not a meter number"),
    (["vend", "list", "--limit", "9" * 25], "is out of range"),
    (["price", "--net", "1e400"], "1e400 is not an amount"),
    (["price", "--net", "9" * 30], "is out of range"),
    (["price", "--net", "10", "--price", "1e400"], "1e400 is not a number"),
    (["price", "--energy", "1e400"], "is not an amount of energy"),
    (["price", "--net", "10", "--vat", "1e400"], "1e400 is not a number"),
    (["price", "--net", "10", "--steps", "1e400:1"], "is not an amount of energy"),
    (["token", "issue", *KEY, "--amount", "1e-400"], "is not an amount of energy"),
    (["token", "issue", *KEY, "--amount", "４５"], "is not an amount of energy"),
    (["token", "issue", *KEY, "--amount", "10", "--ti", "٠١"], "is not a whole number"),
    (["card", "vend", "--amount", "1e400"], "1e400 is not an amount"),
    (["card", "credit", "--meter", "1", "--kwh", "1e400"], "is not an amount of energy"),
    (["sm", "issue", "credit", *SM_KEY, "--kwh", "1e400"], "1e400 is not a number of units"),
    (["sm", "issue", "credit", *SM_KEY, "--kwh", "9" * 30, "--tid", "1"], "out of range"),
    (["sm", "issue", "credit", *SM_KEY, "--kwh", "1", "--tid", "٤٥"], "is not a whole number"),
    (["sm", "kmc", "credit-block", "--module-id", "10203040", "--sequence", "1",
      "--kwh", "1e400", "--out", "/nonexistent/block.smc"], "1e400 is not a number of units"),
    (["demo", "seed", "--customers", "１０"], "is not a whole number"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "words"), BAD_INPUT, ids=[" ".join(argv)[:60] for argv, _ in BAD_INPUT]
)
def test_bad_input_is_one_line_and_changes_nothing(
    store: tuple[Path, str], run_starpos: Any, argv: list[str], words: str
) -> None:
    folder, meter = store
    before = snapshot(folder)
    result = run_starpos(
        *(meter if word == METER else word for word in argv), STARPOS_DATA_DIR=str(folder)
    )
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr[-2000:]
    assert len(lines) == 1 and lines[0].startswith("starpos: "), result.stderr[-2000:]
    assert words in lines[0] and "internal error" not in lines[0]
    assert len(lines[0]) < 400 and "9" * 41 not in lines[0]  # a 10 kB paste is not echoed
    assert result.stdout == ""
    assert snapshot(folder) == before


def test_an_option_refused_while_parsing_reads_in_the_language_asked(run_starpos: Any) -> None:
    result = run_starpos("--lang", "fr", "price", "--net", "1e400")
    assert result.stderr.splitlines() == [
        "starpos: 1e400 n'est pas un montant. Tapez des chiffres 0-9 avec au plus un « . » "
        "avant les décimales, par exemple 25.00."
    ]


def test_a_usage_error_does_not_echo_a_paste(run_starpos: Any) -> None:
    result = run_starpos("vend", "list", "--state", PASTE)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and len(result.stderr) < 300


def test_a_hundred_thousand_deep_json_line_is_one_answer_and_the_batch_goes_on(
    run_starpos: Any,
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    good = json.dumps(
        {"id": "next", "dkga": "02", "ea": "07", "vending_key_hex": "abababababababab",
         "key_type": 2, "sgc": "123456", "ti": 1, "krn": 1, "ken": 255, "base_date": 2014,
         "pan": "600727000000000009", "token_class": 0, "token_subclass": 0,
         "issued_at": "2024-03-01T13:55:00", "random_no": 5, "amount": "1"}
    )  # fmt: skip
    result = run_starpos("token", "batch", input=f"{deep}\n{good}\n")
    assert result.returncode == 0
    assert result.stderr == ""  # no RecursionError traceback
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["error"]["code"] == "sts.request.format" and first["id"] is None
    assert second["id"] == "next" and len(second["tokens"]) == 1
