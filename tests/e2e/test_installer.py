"""installer/install.sh on this machine: a user install that works away from the source
tree (resources shipped in the package), on the application menu, and removed again with
the user's data kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded
from tests.support.processes import REPO_ROOT

pytestmark = pytest.mark.slow

INSTALLER = REPO_ROOT / "installer"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A login-like environment: nothing of this test run's Python or source tree."""
    env = {
        "HOME": str(home),
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "XDG_DATA_HOME": str(home / "share"),
        "LANG": "C.UTF-8",
    }
    for name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_CACHE_DIR", "XDG_CACHE_HOME"):
        if name in os.environ:
            env[name] = os.environ[name]
    env.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))  # reuse pip's cache
    env.update(extra)
    return env


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path / "home"
    home.mkdir()
    yield home
    monkeypatch.setenv("STARPOS_DATA_DIR", str(tmp_path / "data"))
    stop_embedded()
    stop_virtual_printer(tmp_path / "data")


def test_install_sell_and_uninstall_keeps_the_data(tmp_path: Path, home: Path) -> None:
    prefix, bin_dir = tmp_path / "opt", tmp_path / "bin"
    env = clean_env(home)
    installed = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--no-system-packages",
         "--prefix", str(prefix), "--bin-dir", str(bin_dir)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    assert "Installed starpos" in installed.stdout

    starpos = bin_dir / "starpos"
    desktop = home / "share" / "applications" / "starpos.desktop"
    icon = home / "share" / "icons" / "hicolor" / "scalable" / "apps" / "starpos.svg"
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entry["Exec"] == str(prefix / "venv" / "bin" / "starpos")
    assert entry["Icon"] == "starpos" and icon.is_file()

    # The installed program sells from its own copy: no source tree on its path.
    data = tmp_path / "data"
    sold = subprocess.run(
        [str(starpos), "demo", "run", "--headless"],
        env=clean_env(home, STARPOS_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen"),
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert sold.returncode == 0, sold.stderr
    assert "Token:" in sold.stdout
    french = subprocess.run(
        [str(starpos), "--lang", "fr", "vend", "--meter", "00000000001", "--amount", "10",
         "--operator", "CASH1"],
        env=clean_env(home, STARPOS_DATA_DIR=str(data)),
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert french.returncode == 2
    assert french.stderr.startswith("starpos: Le chiffre de contrôle")  # the catalogs came too

    removed = subprocess.run(
        ["bash", str(INSTALLER / "uninstall.sh"), "--prefix", str(prefix)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert removed.returncode == 0, removed.stderr
    assert not starpos.exists() and not starpos.is_symlink()
    assert not desktop.exists() and not icon.exists() and not prefix.exists()
    assert (data / "starpos.db").is_file()  # every sale is still there

    again = subprocess.run(
        ["bash", str(INSTALLER / "uninstall.sh"), "--prefix", str(prefix)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert again.returncode == 2
    assert again.stderr.strip() == f"uninstall.sh: StarPOS is not installed in {prefix}"


def test_install_refuses_an_unknown_option_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--colour", "blue"],
        env=clean_env(tmp_path), capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "install.sh: unknown option --colour (try --help)\n"


def pip(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def test_an_offline_install_from_a_wheelhouse(tmp_path: Path, home: Path) -> None:
    # Made on a connected machine, as installer/README.md says: the wheel of StarPOS, then
    # the wheels of everything it needs (pyscard built from its source there).
    wheelhouse = tmp_path / "wheelhouse"
    pip(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(wheelhouse),
            str(REPO_ROOT),
        ]
    )
    (wheel,) = wheelhouse.glob("starpos-*.whl")
    pip([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(wheelhouse), str(wheel)])

    prefix, bin_dir = tmp_path / "opt", tmp_path / "bin"
    offline = clean_env(home, PIP_INDEX_URL="http://127.0.0.1:9/nothing-here")  # no index
    installed = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--no-system-packages", "--prefix", str(prefix),
         "--bin-dir", str(bin_dir), "--wheel", str(wheel), "--wheelhouse", str(wheelhouse)],
        env=offline, cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    version = subprocess.run(
        [str(bin_dir / "starpos"), "--version"], env=offline, capture_output=True, text=True
    )
    assert version.stdout.strip() == "starpos 0.1.0"
