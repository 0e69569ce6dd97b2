"""Every setting refuses a bad value with its reason, and the stored settings stay as they were.

The table below has one row per declared setting (a new setting without a row fails
:func:`test_every_setting_has_a_row`): a value it must refuse and words of the reason the
person reads. Each row is tried three ways: ``Settings.set`` (what the settings window
uses), ``starpos settings set`` (one translated line, exit 2), and the value edited into
the settings file by hand (the other settings still work; reading that one names the key
and says how to fix it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from starpos.cli import main
from starpos.errors import ConfigError
from starpos.i18n import render_error, set_language
from starpos.settings import (
    SETTINGS,
    Applies,
    BadSettingInFileError,
    SettingRefusedError,
    Settings,
    SettingsFileUnreadableError,
    setting,
)

#: key -> (a value it refuses, words of the reason)
BAD_VALUES: dict[str, tuple[object, str]] = {
    "database.url": ("garbage", "it is not a database URL"),
    "language": ("xx", "StarPOS speaks en, fr, zh_CN"),
    "sts.tables": ("/no/such/tables.json", "there is no file /no/such/tables.json"),
    "sm.url": ("ttyUSB0", "a module port is a device such as /dev/ttyUSB0"),
    "sm.baud": ("-1", "a baud rate is one of 1200, 2400"),
    "sm.timeout_ms": ("5", "it must be between 100 and 60000"),
    "sm.key_warning_days": ("0", "it must be between 1 and 365"),
    "printer.connection": ("bluetooth:printer", "'bluetooth' is not a known kind of connection"),
    "printer.profile": ("NoSuchPrinter", "python-escpos knows no printer profile"),
    "printer.paper_mm": ("76", "the paper is 58 / 80 mm wide"),
    "printer.qr_code": ("maybe", "needs a value of type bool, not 'maybe'"),
    "printer.cash_drawer": ("sometimes", "needs a value of type bool, not 'sometimes'"),
    "voucher.header": ("\x1b@\x1dV", "control characters"),
    "voucher.footer": ("\n".join(f"line {n}" for n in range(12)), "it has 12 lines; at most 8"),
    "card.reader": ("Reader\nTwo", "a reader name is one line"),
    "backup.folder": ("relative/backups", "give the folder's absolute path"),
    "backup.keep_days": ("0", "it must be between 1 and 3650"),
    "token_cancel.max_days": ("-1", "it must be between 0 and 3650"),
    "backup.daily_at": ("25:00", "give the time of day as HH:MM"),
    "terminal.code": ("T 01", "a terminal code is 1 to 20 letters"),
}

#: More refusals that need their own words (the forms an installer gets wrong).
MORE_BAD_VALUES = [
    ("database.url", "mysql://db/starpos", "not mysql"),
    ("database.url", "sqlite:///starpos.db", "give its absolute path"),
    ("database.url", "sqlite:///:memory:", "give its absolute path"),
    ("database.url", "sqlite:////no/such/folder/starpos.db", "the folder /no/such/folder"),
    ("database.url", "postgresql+psycopg2://u@h/db", "psycopg2 is not installed"),
    ("database.url", "postgresql+psycopg://u@h", "name the database after the host"),
    ("sm.url", "/dev/ttyUSB97", "there is no port /dev/ttyUSB97"),
    ("sm.url", "/etc/hostname", "/etc/hostname is not a serial port"),
    ("sm.url", "socket://10.0.0.5", "give a host and a port"),
    ("sm.url", "http://10.0.0.5:80", "a module port is a device"),
    ("sm.baud", "115201", "a baud rate is one of"),
    ("sm.baud", "fast", "needs a value of type int, not 'fast'"),
    ("voucher.header", "x" * 49, "line 1 has 49 characters; at most 48"),
    ("backup.folder", "/etc/hostname", "/etc/hostname exists and is not a folder"),
    ("backup.daily_at", "7pm", "give the time of day as HH:MM"),
]

#: Good values (besides the defaults) that must be kept as given.
GOOD_VALUES = [
    ("database.url", "postgresql+psycopg://starpos@db.example:5432/starpos"),
    ("database.url", "postgresql+psycopg://starpos@/starpos?host=/var/run/postgresql"),
    ("database.url", "postgresql://starpos@db/starpos"),
    ("sm.url", "socket://127.0.0.1:7000"),
    ("sm.url", "rfc2217://10.0.0.5:4000"),
    ("sm.url", "/dev/null"),  # a character device, as a serial port is
    ("sm.baud", "9600"),
    ("language", "zh_CN"),
    ("printer.connection", "network:192.168.1.50:9100"),
    ("printer.profile", "TM-T20II"),
    ("voucher.header", "Soweto Power\nVAT 4123"),
    ("backup.daily_at", "off"),
    ("backup.daily_at", "00:05"),
]

EARLIER = {"sm.baud": 9600, "printer.paper_mm": 58, "voucher.footer": "Merci"}


@pytest.fixture
def saved(data_dir: Path) -> Path:
    """A settings file holding a few earlier choices; its path."""
    settings = Settings()
    for key, value in EARLIER.items():
        settings.set(key, value)
    settings.save()
    return settings.path


def test_every_setting_has_a_row() -> None:
    assert sorted(BAD_VALUES) == sorted(s.key for s in SETTINGS)


@pytest.mark.parametrize("key", sorted(BAD_VALUES))
def test_a_bad_value_is_refused_with_its_reason_and_nothing_changes(key: str, saved: Path) -> None:
    value, reason = BAD_VALUES[key]
    before = saved.read_bytes()
    settings = Settings()
    kept = settings.get(key)
    with pytest.raises(ConfigError) as refused:
        settings.set(key, value)
    text = render_error(refused.value)
    assert reason in text
    assert key in text
    assert settings.get(key) == kept
    settings.save()  # even saved afterwards, nothing changed
    assert json.loads(saved.read_bytes()) == json.loads(before)


@pytest.mark.parametrize(("key", "value", "reason"), MORE_BAD_VALUES)
def test_more_bad_values(key: str, value: str, reason: str, data_dir: Path) -> None:
    with pytest.raises(ConfigError) as refused:
        Settings().set(key, value)
    assert reason in render_error(refused.value)


@pytest.mark.parametrize(("key", "value"), GOOD_VALUES)
def test_good_values_are_kept(key: str, value: str, data_dir: Path) -> None:
    settings = Settings()
    settings.set(key, value)
    settings.save()
    assert str(Settings().get(key)) == value


@pytest.mark.parametrize("key", sorted(BAD_VALUES))
def test_the_command_refuses_in_one_line_and_writes_nothing(
    key: str, saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value, reason = BAD_VALUES[key]
    before = saved.read_bytes()
    assert main(["settings", "set", key, str(value)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("starpos: ") and reason.splitlines()[0] in err
    assert "Traceback" not in err
    assert saved.read_bytes() == before


def test_the_reason_is_translated(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert main(["--lang", "fr", "settings", "set", "sm.baud", "-1"]) == 2
    finally:
        set_language("en")  # --lang sets the process's language
    err = capsys.readouterr().err
    assert "Le paramètre sm.baud" in err and "débit" in err


@pytest.mark.parametrize("key", sorted(BAD_VALUES))
def test_a_bad_value_edited_into_the_file_names_the_key_and_the_fix(key: str, saved: Path) -> None:
    value, reason = BAD_VALUES[key]
    content = json.loads(saved.read_text())
    content[key] = value
    saved.write_text(json.dumps(content))
    settings = Settings()  # loading does not fail
    with pytest.raises(BadSettingInFileError) as bad:
        settings.get(key)
    text = render_error(bad.value)
    assert reason in text
    assert f"starpos settings set {key} VALUE" in text
    assert f"starpos settings reset {key}" in text
    for other, earlier in EARLIER.items():  # every other setting still reads
        if other != key:
            assert settings.get(other) == earlier
    assert key in settings.problems()


def test_saving_keeps_a_bad_value_of_another_key_until_it_is_fixed(saved: Path) -> None:
    saved.write_text(json.dumps({"database.url": "garbage", "future.key": 7}))
    settings = Settings()
    settings.set("sm.baud", 19200)
    settings.save()
    written = json.loads(saved.read_text())
    # Never replaced by the default behind the installer's back, nor a newer version's key lost.
    assert written == {"database.url": "garbage", "future.key": 7, "sm.baud": 19200}
    settings.set("database.url", "")
    settings.save()
    assert Settings().problems() == {}


def test_reset_goes_back_to_the_default(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved.write_text(json.dumps({"sm.baud": "fast"}))
    assert main(["settings", "reset", "sm.baud"]) == 0
    assert Settings().get("sm.baud") == setting("sm.baud").default
    assert "no restart" in capsys.readouterr().out


def test_check_lists_each_bad_value(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "check"]) == 0
    saved.write_text(json.dumps({"language": "xx", "sm.timeout_ms": 1}))
    assert main(["settings", "check"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert any("language" in line for line in lines)


def test_a_command_using_a_bad_value_says_which_key_in_one_line(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved.write_text(json.dumps({"database.url": "garbage"}))
    assert main(["db", "status"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "bad value for database.url" in err


def test_an_unreadable_file_says_what_to_do(saved: Path) -> None:
    saved.write_text("{ not json")
    with pytest.raises(SettingsFileUnreadableError) as unreadable:
        Settings()
    assert "move it away" in render_error(unreadable.value)


def test_each_change_says_when_it_applies(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settings", "set", "sm.url", "socket://127.0.0.1:7000"]) == 0
    assert capsys.readouterr().out.strip() == "It applies at once: no restart needed."
    assert main(["settings", "set", "card.reader", "Virtual PCD 00 01"]) == 0
    assert "when the app is started again" in capsys.readouterr().out
    assert setting("language").applies is Applies.APP_RESTART
    assert setting("sts.tables").applies is Applies.EMULATOR_RESTART


def test_database_check_connects_before_saving(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'other.db'}"
    assert main(["settings", "set", "database.url", url, "--check"]) == 0
    assert "no store there yet" in capsys.readouterr().out
    assert not (tmp_path / "other.db").exists()  # checking made no file
    from starpos.bootstrap.database import open_database

    with open_database():
        pass
    assert main(["settings", "set", "database.url", url, "--check"]) == 0
    assert "The database answers (schema" in capsys.readouterr().out


def test_an_unreachable_database_is_refused_with_check(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:9/starpos?connect_timeout=2"
    assert main(["settings", "set", "database.url", url, "--check"]) == 2
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "secret" not in err
    assert Settings().get("database.url") == ""  # not saved


def test_refresh_reads_a_changed_file(data_dir: Path) -> None:
    reader = Settings()
    assert reader.refresh() is False
    writer = Settings()
    writer.set("sm.url", "socket://127.0.0.1:7001")
    writer.save()
    os.utime(writer.path, ns=(1, 1))  # a different stamp even within one clock tick
    assert reader.refresh() is True
    assert reader.get("sm.url") == "socket://127.0.0.1:7001"


def test_a_refused_value_error_carries_the_reason_alone(data_dir: Path) -> None:
    with pytest.raises(SettingRefusedError) as refused:
        Settings().set("printer.paper_mm", 76)
    assert render_error(refused.value.params["reason"]) == "the paper is 58 / 80 mm wide"


def test_reading_one_setting_checks_only_that_one(saved: Path) -> None:
    """A quick command (``starpos token``) must not load the printer's or the database's
    libraries because their settings are in the file: their checks run when they are read."""
    import subprocess
    import sys

    from tests.support.processes import REPO_ROOT, child_env

    saved.write_text(
        json.dumps(
            {
                "printer.profile": "TM-T88V",
                "printer.connection": "network:10.0.0.1:9100",
                "database.url": "postgresql+psycopg://starpos@db/starpos",
                "sm.baud": 9600,
            }
        )
    )
    probe = (
        "import sys; from starpos.settings import Settings; s = Settings(); "
        "assert s.get('sm.baud') == 9600; "
        "print(sorted(m for m in ('escpos', 'sqlalchemy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
