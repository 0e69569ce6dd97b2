"""A changed module port applies at the counter's next use of the module, without a restart;
printer settings at the next print. Two module emulators on real ptys stand for the module
an installer unplugs and the one they plug in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from starpos.bootstrap.counter import module_link
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.paths import resources_dir
from starpos.settings import Settings
from tests.support.emulator_process import EmulatorProcess


@pytest.fixture
def two_modules(tmp_path: Path) -> Iterator[tuple[EmulatorProcess, EmulatorProcess]]:
    tables = resources_dir() / "sts" / "sta-tables-sample.json"
    first = EmulatorProcess(tmp_path / "first", tmp_path / "kmc", tables)
    second = EmulatorProcess(tmp_path / "second", tmp_path / "kmc", tables)
    try:
        first.start("--pty", "--module-id", "11110001")
        second.start("--pty", "--module-id", "22220002")
        yield first, second
    finally:
        first.stop()
        second.stop()


def identify(link: object) -> str:
    access = link.access()  # type: ignore[attr-defined]
    with access.exclusive() as module:
        return str(module.identify().module_id)


def test_a_new_module_port_applies_at_the_next_use(
    data_dir: Path, two_modules: tuple[EmulatorProcess, EmulatorProcess], run_starpos: Any
) -> None:
    first, second = two_modules
    installer = Settings()
    installer.set("sm.url", first.url)
    installer.save()
    link = module_link(Settings())  # what the running counter holds
    try:
        assert identify(link) == "11110001"
        busy = run_starpos("sm", "info", "--url", first.url)  # another program, meanwhile
        assert busy.returncode == 2 and "11110001" not in busy.stdout  # the counter owns it
        installer.set("sm.url", second.url)  # the settings window, or starpos settings set
        installer.save()
        assert identify(link) == "22220002"
        free = run_starpos("sm", "info", "--url", first.url)  # the first module was let go
        assert free.returncode == 0, free.stderr
    finally:
        link.close()


def test_printer_settings_apply_at_the_next_print(data_dir: Path) -> None:
    running = Settings()  # the app's settings, read at start
    printer = ConfiguredPrinter(running)
    assert printer.footer_lines == ("Thank you",)
    installer = Settings()
    installer.set("voucher.footer", "Merci\nA bientot")
    installer.save()
    assert printer.footer_lines == ("Merci", "A bientot")
