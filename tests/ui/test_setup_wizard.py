"""The first-run wizard from an empty data folder, keyboard only, on real devices: the
module emulator on a pty found through pyserial's port listing, the virtual printer (a
process that turns what it receives into PNGs) and a virtual card in vpcd's reader."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.bootstrap.setup import InstallerSetup
from starpos.devices.printer.virtual.launcher import output_folder, stop_virtual_printer
from starpos.settings import Settings
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.setup.setup_wizard import (
    FINISH,
    LANGUAGE,
    MODE,
    MODULE,
    PRINTER,
    READER,
    SALES_POINT,
    SetupWizard,
)
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import switch_language
from tests.support.module_ports import listed_alias, module_emulator
from tests.support.processes import REPO_ROOT, child_env
from tests.ui.screenshots import app_look, save

__all__ = ["app_look", "listed_alias", "module_emulator"]

WAIT_MS = 20_000


@pytest.fixture
def wizard(qtbot: QtBot, data_dir: Path) -> Iterator[SetupWizard]:
    switch_language("en")
    workers = Workers()
    shown = SetupWizard(InstallerSetup(Settings()), workers, ErrorFunnel())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    yield shown
    workers.stop()
    stop_virtual_printer()
    switch_language("en")


def _enter(wizard: SetupWizard) -> None:
    QTest.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)


def _alt(wizard: SetupWizard, key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget() or wizard, key, Qt.KeyboardModifier.AltModifier)


@pytest.mark.slow
@pytest.mark.pcsc
def test_the_wizard_from_an_empty_folder_keyboard_only(
    qtbot: QtBot,
    wizard: SetupWizard,
    listed_alias: str,
    virtual_card: Any,
    data_dir: Path,
    screens_dir: Path,
    app_look: None,
) -> None:
    card = virtual_card()
    assert not (data_dir / "settings.json").exists()  # nothing configured yet
    assert wizard.currentId() == LANGUAGE
    save(wizard, screens_dir, "setup-1-language")
    box = wizard.language_page.language_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)  # Français: every page switches at once
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Installation de StarPOS", timeout=WAIT_MS)
    assert wizard.module_page.title() == "Module de sécurité"
    save(wizard, screens_dir, "setup-1-language-fr")
    QTest.keyClick(box, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "StarPOS set-up", timeout=WAIT_MS)
    _enter(wizard)
    assert wizard.currentId() == MODE
    save(wizard, screens_dir, "setup-2-mode")
    _enter(wizard)  # a new utility
    assert wizard.currentId() == SALES_POINT
    _enter(wizard)
    assert wizard.currentId() == MODULE

    page = wizard.module_page
    qtbot.waitUntil(lambda: bool(page.probes), timeout=WAIT_MS)
    found = [p for p in page.probes if p.identity is not None]
    assert [p.port.device for p in found] == [listed_alias]  # found by the listing
    assert page.ports.currentItem().data(Qt.ItemDataRole.UserRole) == listed_alias
    save(wizard, screens_dir, "setup-3-module")
    _alt(wizard, Qt.Key.Key_U)  # "&Use this module"
    qtbot.waitUntil(lambda: page.chosen is not None, timeout=WAIT_MS)
    assert "This terminal uses module 10203040" in page.outcome.text()
    assert Settings().get("sm.url") == listed_alias  # saved once the module answered
    _enter(wizard)
    assert wizard.currentId() == PRINTER

    printer = wizard.printer_page
    assert printer.connection.currentText() == "virtual"
    _alt(wizard, Qt.Key.Key_T)  # "Print a &test voucher"
    qtbot.waitUntil(lambda: printer.printed is not None, timeout=WAIT_MS)
    assert "Test voucher printed on network:127.0.0.1:" in printer.outcome.text()
    qtbot.waitUntil(lambda: any(output_folder().glob("*.png")), timeout=WAIT_MS)
    save(wizard, screens_dir, "setup-4-printer")
    _enter(wizard)
    assert wizard.currentId() == READER

    reader = wizard.reader_page
    qtbot.waitUntil(lambda: reader.readers.count() > 0, timeout=WAIT_MS)
    reader.readers.setCurrentText(card.reader)
    _alt(wizard, Qt.Key.Key_C)  # "Read a test &card"
    qtbot.waitUntil(lambda: reader.card is not None, timeout=WAIT_MS)
    assert f"StarPOS card {card.serial.upper()}" in reader.outcome.text()
    save(wizard, screens_dir, "setup-5-reader")
    _enter(wizard)
    assert wizard.currentId() == FINISH
    assert "Secure module: 10203040." in wizard.finish_page.text.text()
    save(wizard, screens_dir, "setup-6-finish")
    with qtbot.waitSignal(wizard.finished_setup, timeout=WAIT_MS) as finished:
        _enter(wizard)
    assert finished.args == ["new_utility"]
    saved = Settings()
    assert saved.get("card.reader") == card.reader
    assert saved.get("printer.connection") == "virtual"


def test_the_wizard_says_what_went_wrong_when_it_happens(
    qtbot: QtBot,
    wizard: SetupWizard,
    module_emulator: Any,
    screens_dir: Path,
    app_look: None,
) -> None:
    """A module port held by another program: shown on the module page in the installer's
    words, made to happen for real."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_PORT, module_emulator.url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        wizard.setStartId(MODULE)
        wizard.restart()
        page = wizard.module_page
        page.other_port.setText(module_emulator.url)
        page.search()
        qtbot.waitUntil(
            lambda: any(p.port.device == module_emulator.url for p in page.probes),
            timeout=WAIT_MS,
        )
        texts = [page.ports.item(row).text() for row in range(page.ports.count())]
        locked = next(text for text in texts if text.startswith(module_emulator.url))
        assert f"is used by another program (python (pid {holder.pid}))" in locked
        assert page.outcome.ok is False  # no module found: the training module is offered
        save(wizard, screens_dir, "setup-3-module-port-busy")
    finally:
        holder.terminate()
        holder.wait(timeout=5)

    # A network printer nobody answers for: said on the printer page, nothing saved.
    wizard.setStartId(PRINTER)
    wizard.restart()
    printer = wizard.printer_page
    printer.connection.setEditText(f"network:127.0.0.1:{_closed_port()}")
    printer.test_print()
    qtbot.waitUntil(lambda: printer.outcome.ok is False, timeout=WAIT_MS)
    assert printer.printed is None and printer.outcome.text()
    assert Settings().get("printer.connection") != printer.connection.currentText()
    save(wizard, screens_dir, "setup-4-printer-unreachable")


#: Set in the child process of the test below only.
NO_PCSCD = "STARPOS_TEST_NO_PCSCD"


@pytest.mark.skipif(not os.environ.get(NO_PCSCD), reason="run by the test below, in a child")
def test_reader_page_in_a_process_without_pcscd(
    qtbot: QtBot, wizard: SetupWizard, screens_dir: Path, app_look: None
) -> None:
    wizard.setStartId(READER)
    wizard.restart()  # the card reader page, pcscd out of reach
    reader = wizard.reader_page
    qtbot.waitUntil(lambda: reader.outcome.ok is False, timeout=WAIT_MS)
    assert "No PC/SC service running (0x8010001D): install and start pcscd" in (
        reader.outcome.text()
    )
    save(wizard, screens_dir, "setup-5-reader-no-pcscd")


@pytest.mark.slow
def test_the_reader_page_says_install_and_start_pcscd(tmp_path: Path, screens_dir: Path) -> None:
    """The PC/SC library finds pcscd once per process, where ``PCSCLITE_CSOCK_NAME`` says:
    a child process pointed at a socket nobody serves meets "no service" for real, while
    the pcscd other tests on this machine share keeps running."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{__file__}::test_reader_page_in_a_process_without_pcscd"],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
        env=child_env(
            PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm"),
            STARPOS_SCREENS_DIR=str(screens_dir),
            **{NO_PCSCD: "1"},
        ),
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout


def _closed_port() -> int:
    """A local TCP port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


HOLD_PORT = """
import sys, time, serial
port = serial.Serial(sys.argv[1], exclusive=True)
print("locked", flush=True)
time.sleep(60)
"""
