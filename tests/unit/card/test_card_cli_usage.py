"""``starpos card`` refuses bad input with one line and exit code 2, before any device."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("credit", "--meter", "1", "--kwh", "0.05"), "steps of 0.1 kWh"),
        (("credit", "--meter", "1", "--kwh", "ten"), "not an amount of energy"),
        (("credit", "--meter", "1", "--kwh", "-5"), "steps of 0.1 kWh"),
        (("read", "--key-file", "/nonexistent/card.key"), "card master key file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    run_starpos: Any, args: tuple[str, ...], expected: str
) -> None:
    result = run_starpos("card", *args)
    assert result.returncode == 2
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_emulator_input_errors(run_starpos: Any, tmp_path: Any) -> None:
    missing = run_starpos("card", "meter", "--state", str(tmp_path / "none.json"), "show")
    assert missing.returncode == 2 and "Create the meter with" in missing.stderr
    serial = run_starpos("card", "virtual", "--state", str(tmp_path / "c.json"), "--serial", "xyz")
    assert serial.returncode == 2 and "16 hex digits" in serial.stderr
