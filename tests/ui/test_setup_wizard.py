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
from starpos.devices.sm.embedded import stop_embedded
from starpos.devices.sm.kmc import development_key, make_kmf
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
    TEST_VEND,
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
    stop_embedded()  # "Use the training module" started this data folder's emulator
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
    module_emulator: Any,
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
    assert wizard.currentId() == TEST_VEND

    vend = wizard.test_vend_page
    assert vend.meter.text() == "01234567897"  # the test meter, offered
    vend.meter.setFocus()
    qtbot.waitUntil(vend.meter.hasFocus, timeout=WAIT_MS)
    QTest.keyClick(vend.meter, Qt.Key.Key_Backspace)
    QTest.keyClicks(vend.meter, "1")  # a mistyped check digit: said before any device
    QTest.keyClick(vend.meter, Qt.Key.Key_Tab)
    assert vend.vend_button.hasFocus()
    QTest.keyClick(vend.vend_button, Qt.Key.Key_Space)
    assert vend.outcome.ok is False
    assert "check digit of the meter number '01234567891' is 1, but it should be 7" in (
        vend.outcome.text()
    )
    vend.meter.setFocus()
    QTest.keyClick(vend.meter, Qt.Key.Key_Backspace)
    QTest.keyClicks(vend.meter, "7")
    QTest.keyClick(vend.meter, Qt.Key.Key_Tab)
    QTest.keyClick(vend.vend_button, Qt.Key.Key_Space)  # the module has no key yet
    qtbot.waitUntil(lambda: vend.outcome.ok is not None, timeout=WAIT_MS)
    assert vend.outcome.ok is False and vend.printed is None
    assert vend.outcome.text() == (
        "The test vend stopped at the secure module: The secure module 10203040 holds no "
        "vending key in force today. Load the utility's KMF file (Secure module manager, "
        "Load KMF) before the first sale."
    )
    save(wizard, screens_dir, "setup-6-test-vend-no-key")

    _load_vending_key(module_emulator)  # what the module manager's Load KMF does
    made_before = _module_made(module_emulator)
    printed_before = set(output_folder().glob("*.png"))
    _alt(wizard, Qt.Key.Key_V)  # "Make a test &vend" again
    qtbot.waitUntil(lambda: vend.outcome.ok is True, timeout=WAIT_MS)
    text = vend.outcome.text()
    assert text.startswith(
        "Test vend done for meter 01234567897: module 10203040 holds the key that serves it "
        "(supply group 123456, key revision 1, register 01). The module has 0.0 kWh of credit."
    )
    assert f"The test voucher printed on {printer.printed.connection}" in text
    assert "test token 0000 0000 0001 5111 2592: no credit was used" in text
    assert text.endswith("Credit the module (Secure module manager) before the first sale.")
    qtbot.waitUntil(lambda: set(output_folder().glob("*.png")) > printed_before, timeout=WAIT_MS)
    assert _module_made(module_emulator) == made_before  # no token made, no credit used
    save(wizard, screens_dir, "setup-6-test-vend")
    _enter(wizard)
    assert wizard.currentId() == FINISH
    assert "Secure module: 10203040." in wizard.finish_page.text.text()
    assert "Test vend: done for meter 01234567897." in wizard.finish_page.text.text()
    save(wizard, screens_dir, "setup-7-finish")
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
        # The search the page starts on its own first; a press meanwhile is ignored, as
        # the installer's would be.
        qtbot.waitUntil(lambda: not page.search_button.busy, timeout=WAIT_MS)
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

    # The test vend with the module ready and the printer gone: it says where it stopped.
    _load_vending_key(module_emulator)
    settings = wizard.setup.settings  # the wizard's own, as its pages would have set them
    settings.set("sm.url", module_emulator.url)
    settings.set("printer.connection", f"network:127.0.0.1:{_closed_port()}")
    settings.save()
    wizard.setStartId(TEST_VEND)
    wizard.restart()
    vend = wizard.test_vend_page
    vend.test_vend()
    qtbot.waitUntil(lambda: vend.outcome.ok is False, timeout=WAIT_MS)
    text = vend.outcome.text()
    assert text.startswith(
        "The module is ready for meter 01234567897, but the test voucher did not print: "
    )
    assert "is offline" in text and text.endswith("then print again.")  # the printer's words
    assert vend.printed is None
    save(wizard, screens_dir, "setup-6-test-vend-printer-unreachable")


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


#: A bound on a hang, not a speed target: with four workers, PostgreSQL clusters and child
#: processes on two cores, the child pytest (Qt imports, collection) once took 109 s to pass.
CHILD_TIMEOUT_S = 600


@pytest.mark.slow
def test_the_reader_page_says_install_and_start_pcscd(tmp_path: Path, screens_dir: Path) -> None:
    """The PC/SC library finds pcscd once per process, where ``PCSCLITE_CSOCK_NAME`` says:
    a child process pointed at a socket nobody serves meets "no service" for real, while
    the pcscd other tests on this machine share keeps running."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=5",
         f"{__file__}::test_reader_page_in_a_process_without_pcscd"],
        capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, cwd=REPO_ROOT,
        env=child_env(
            PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm"),
            STARPOS_SCREENS_DIR=str(screens_dir),
            **{NO_PCSCD: "1"},
        ),
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout


def _load_vending_key(emulator: Any) -> None:
    with emulator.module() as module:
        identity = module.identify()
        kmf = make_kmf(
            identity.module_id, identity.public_key_hex, [development_key(1)], emulator.kmc_dir
        )
        module.load_kmf(kmf)


def _module_made(emulator: Any) -> tuple[int, int, int]:
    """The module's balance (tenths), tokens and key change sets made, as it counts them."""
    with emulator.module() as module:
        counters = module.counters()
    return counters.balance_tenths, counters.token_count, counters.key_change_sets


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


def _press(qtbot: QtBot, button: Any) -> None:
    """The installer's way: the focus on the button, Space."""
    button.setFocus()
    qtbot.waitUntil(button.hasFocus, timeout=WAIT_MS)
    QTest.keyClick(button, Qt.Key.Key_Space)


def test_enter_after_a_busy_button_does_not_go_back(
    qtbot: QtBot, wizard: SetupWizard, screens_dir: Path, app_look: None
) -> None:
    """A button busy with its device action keeps the focus: the installer's next Enter
    goes on (Next), never back a page (issue 15)."""
    for _ in range(3):  # language, mode, sales point: Enter is Next
        _enter(wizard)
    assert wizard.currentId() == MODULE
    page = wizard.module_page
    qtbot.waitUntil(lambda: not page.outcome.text().endswith("…"), timeout=WAIT_MS)
    _press(qtbot, page.search_button)  # "Search again"
    qtbot.waitUntil(lambda: not page.outcome.text().endswith("…"), timeout=WAIT_MS)
    _enter(wizard)
    assert wizard.currentId() == MODULE  # nothing chosen yet: Enter stays on the page
    _alt(wizard, Qt.Key.Key_T)  # "Use the &training module"
    qtbot.waitUntil(lambda: page.chosen is not None, timeout=WAIT_MS)
    _enter(wizard)
    assert wizard.currentId() == PRINTER

    printer = wizard.printer_page
    assert printer.connection.currentText() == "virtual"
    _press(qtbot, printer.print_button)
    qtbot.waitUntil(lambda: printer.printed is not None, timeout=WAIT_MS)
    save(wizard, screens_dir, "setup-4-printer-focus-kept")
    _enter(wizard)
    assert wizard.currentId() == READER  # Enter is Next here, not Back to the module page


def test_enter_on_a_page_button_that_was_pressed_goes_on(
    qtbot: QtBot, wizard: SetupWizard, app_look: None
) -> None:
    """An installer who pressed "Use the training module" with the focus on it, then Enter,
    means Next: the button is not pressed a second time (it is not the page's default)."""
    for _ in range(3):
        _enter(wizard)
    page = wizard.module_page
    qtbot.waitUntil(lambda: not page.outcome.text().endswith("…"), timeout=WAIT_MS)
    _press(qtbot, page.training_button)
    qtbot.waitUntil(lambda: page.chosen is not None, timeout=WAIT_MS)
    assert page.training_button.hasFocus()
    _enter(wizard)
    assert wizard.currentId() == PRINTER
    for button in (page.use_button, page.training_button):
        assert not button.autoDefault(), button.objectName()
    reader = wizard.reader_page
    for button in (reader.refresh_button, reader.read_button):
        assert not button.autoDefault(), button.objectName()
