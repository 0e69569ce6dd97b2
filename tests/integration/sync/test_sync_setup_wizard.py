"""The wizard's head office path against a real head office (PostgreSQL and the server
process): the one-time code typed in, the enrolment, the first snapshot of master data
waited for, and the terminal's sales point named by the head office."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.bootstrap.database import database_url
from starpos.bootstrap.setup import InstallerSetup
from starpos.db import Database
from starpos.db.models import Customer
from starpos.settings import Settings
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.setup.setup_wizard import HEAD_OFFICE_PAGE, MODE, SALES_POINT, SetupWizard
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import switch_language
from tests.integration.sync.sync_world import HeadOffice

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

WAIT_MS = 60_000


@pytest.fixture
def wizard(qtbot: QtBot, data_dir: Path) -> Iterator[SetupWizard]:
    switch_language("en")
    workers = Workers()
    shown = SetupWizard(InstallerSetup(Settings()), workers, ErrorFunnel())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()  # mnemonics (Alt+letter) go to the active window
    qtbot.waitUntil(shown.isActiveWindow, timeout=5000)
    yield shown
    workers.stop()


def _key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def test_a_counter_of_a_head_office_is_enrolled_from_the_wizard(
    qtbot: QtBot, wizard: SetupWizard, head_office: HeadOffice, data_dir: Path
) -> None:
    code = head_office.code_for("T01")
    _key(Qt.Key.Key_Return)
    assert wizard.currentId() == MODE
    # "A &counter of an existing head office"
    QTest.keyClick(wizard, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(wizard.mode_page.head_office.isChecked, timeout=5000)  # animated click
    _key(Qt.Key.Key_Return)
    assert wizard.currentId() == HEAD_OFFICE_PAGE
    page = wizard.head_office_page
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()  # not enrolled yet

    # A wrong code first: refused in words, nothing enrolled, the page stays.
    page.server_field.setFocus()
    QTest.keyClicks(page.server_field, head_office.server.url)
    page.code_field.setFocus()
    QTest.keyClicks(page.code_field, "WRONG-CODE")
    _key(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # "&Enrol"
    qtbot.waitUntil(lambda: page.outcome.ok is False, timeout=WAIT_MS)
    assert page.outcome.text().startswith("The head office refused the enrolment code")
    assert page.enrolment is None

    page.code_field.clear()
    QTest.keyClicks(page.code_field, code)
    _key(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.enrolment is not None, timeout=WAIT_MS)
    assert "Enrolled as terminal T01 of sales point" in page.outcome.text()
    _key(Qt.Key.Key_Return)
    assert wizard.currentId() == SALES_POINT
    assert "terminal T01 of sales point" in wizard.sales_point_page.text.text()
    # The first snapshot is in the counter's own store before the wizard goes on.
    url = database_url(Settings())
    with Database.open(url, upgrade=False) as database, database.reading() as session:
        assert int(session.scalar(select(func.count()).select_from(Customer)) or 0) > 0
    # Enrolled already (a snapshot that failed half-way is tried again): the enrolment stays.
    again = InstallerSetup(Settings()).enrol(head_office.server.url, "USED-ALREADY")
    assert again.terminal_code == "T01" and again.key_id == page.enrolment.key_id
