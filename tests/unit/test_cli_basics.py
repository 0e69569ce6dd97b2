from __future__ import annotations

import json


def test_unknown_command_is_one_line_and_non_zero(run_starpos) -> None:
    result = run_starpos("no-such-command")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_settings_round_trip(run_starpos, data_dir) -> None:
    assert run_starpos("settings", "set", "sm.baud", "9600").returncode == 0
    shown = run_starpos("settings", "show", "--json")
    assert json.loads(shown.stdout)["sm.baud"] == 9600


def test_bad_setting_value_is_refused_in_one_line(run_starpos) -> None:
    result = run_starpos("settings", "set", "sm.baud", "fast")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "starpos: The setting sm.baud needs a value of type int, not 'fast'."
    ]
