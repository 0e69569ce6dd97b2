"""The last-resort error handler never raises (issue 17, section 5): whatever goes wrong, and
even when the error log cannot be written, a person reads one line and the exit code is 70.

The tests run as root, where a chmod'ed folder is still writable; what really fails for root
is used instead: a data folder below a regular file, a ``logs`` that is a file, and an error
log that is ``/dev/full`` (every write fails with ENOSPC, as on a full disk).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from starpos import cli

REPO = Path(__file__).resolve().parents[3]
INTERNAL = cli.EXIT_INTERNAL_ERROR

#: A child ``starpos settings show`` whose handler fails with an error nobody expected.
FAILING_HANDLER = (
    "import sys, starpos.settings as s\n"
    "def broken(self): raise RuntimeError('a bug')\n"
    "s.Settings.as_dict = broken\n"
    "from starpos.cli import main\n"
    "sys.exit(main(['settings', 'show']))\n"
)


def _full_disk(data: Path) -> None:
    (data / "logs").mkdir()
    (data / "logs" / "errors.log").symlink_to("/dev/full")


def _logs_is_a_file(data: Path) -> None:
    (data / "logs").write_text("not a folder", encoding="utf-8")


@pytest.mark.parametrize(
    ("break_folder", "unlogged"),
    [(lambda data: None, False), (_full_disk, True), (_logs_is_a_file, True)],
    ids=["log-written", "full-disk", "logs-is-a-file"],
)
def test_a_failing_handler_is_one_line_whatever_the_log_does(
    data_dir: Path, break_folder: Callable[[Path], None], unlogged: bool
) -> None:
    data = data_dir
    break_folder(data)
    env = {**os.environ, "STARPOS_DATA_DIR": str(data), "STARPOS_LANG": "en",
           "PYTHONPATH": str(REPO)}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", FAILING_HANDLER], capture_output=True, text=True, env=env
    )
    assert result.returncode == INTERNAL
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("starpos: internal error (RuntimeError)")
    if unlogged:
        assert "the error log could not be written either" in lines[0]
    else:
        assert "a bug" in (data / "logs" / "errors.log").read_text(encoding="utf-8")


def test_a_data_folder_that_cannot_exist_is_one_line(tmp_path: Path, run_starpos) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = run_starpos("vend", "list", STARPOS_DATA_DIR=str(blocker / "data"))
    assert result.returncode == INTERNAL
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "the error log could not be written either (NotADirectoryError" in lines[0]


def test_the_last_resort_survives_its_own_failures(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("the catalog is broken too")

    def failing_handler(self: object) -> dict[str, object]:
        raise ValueError("a bug")

    monkeypatch.setattr("starpos.settings.Settings.as_dict", failing_handler)
    monkeypatch.setattr("starpos.cli.log_unexpected", broken)
    monkeypatch.setattr("starpos.cli.translate", broken)
    assert cli.main(["settings", "show"]) == INTERNAL
    assert capsys.readouterr().err == "starpos: internal error (ValueError)\n"


def test_a_message_that_cannot_be_shown_goes_to_the_last_resort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from starpos.errors import ConfigError

    def refusing(self: object) -> dict[str, object]:
        raise ConfigError()

    def broken(*args: object) -> str:
        raise RuntimeError("cannot render")

    monkeypatch.setattr("starpos.settings.Settings.as_dict", refusing)
    monkeypatch.setattr("starpos.cli.render_error", broken)
    assert cli.main(["settings", "show"]) == INTERNAL
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("starpos: internal error (ConfigError)")
    assert (data_dir / "logs" / "errors.log").exists()
