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


def test_every_command_module_registers_the_command_it_is_named_after() -> None:
    import argparse

    from starpos.commands import command_names, register_all

    for name in command_names():
        parser = argparse.ArgumentParser()
        commands = parser.add_subparsers(dest="command")
        register_all(commands, only=name)
        assert list(commands.choices) == [name]


def test_help_lists_every_command(run_starpos) -> None:
    from starpos.commands import command_names

    result = run_starpos("--help")
    assert result.returncode == 0
    for name in command_names():
        assert name in result.stdout
