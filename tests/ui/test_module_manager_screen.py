"""The secure-module manager on the module emulator (its own process, on a pty): the
module read, a KMF previewed and loaded, credit Add then Decrease then Replace with the
balances before and after, a decrease below zero and a replayed block refused in words,
and the warning ahead of a key's expiry. Pictures in English and French."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.bootstrap.database import open_database
from starpos.bootstrap.setup import InstallerSetup
from starpos.db.models import AuditEntry
from starpos.db.models.module_life import ModuleCreditUpdate
from starpos.devices.sm.kmc import development_key, make_credit_block, make_kmf
from starpos.operators.login import login
from starpos.settings import Settings
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.setup.module_manager import ModuleManager
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.support.emulator_process import EmulatorProcess
from tests.support.module_ports import module_emulator
from tests.ui.screenshots import app_look, save

__all__ = ["app_look", "module_emulator"]

WAIT_MS = 20_000


@pytest.fixture
def manager(
    qtbot: QtBot, module_emulator: EmulatorProcess, seeded_store: None
) -> Iterator[ModuleManager]:
    switch_language("en")
    settings = Settings()
    settings.set("sm.url", module_emulator.url)
    settings.save()
    with open_database(settings) as database:  # the demo's installer, as the menu has them
        installer = login(database, "INST1", "inst-demo")
    worker = Worker("module")
    window = ModuleManager(InstallerSetup(settings, installer), worker, ErrorFunnel())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    worker.stop()
    switch_language("en")


def _column(manager: ModuleManager, title: str, table: Any = None) -> list[str]:
    """The cells of the column titled ``title`` (as shown) of the keys or ``table``."""
    model = table or manager.keys
    columns = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    column = columns.index(title)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _read(qtbot: QtBot, manager: ModuleManager) -> None:
    before = manager.overview
    manager.refresh()
    qtbot.waitUntil(lambda: manager.overview is not before, timeout=WAIT_MS)


def _apply_preview(
    qtbot: QtBot, manager: ModuleManager, start: object, picture: Path | None = None
) -> str:
    manager.preview = None
    start()  # type: ignore[operator]
    qtbot.waitUntil(lambda: manager.preview is not None, timeout=WAIT_MS)
    assert manager.preview is not None
    text = manager.preview.text.text()
    if picture is not None:
        save(manager.preview, picture.parent, picture.name)
    before = manager.overview
    QTest.keyClick(manager.preview, Qt.Key.Key_Return)  # Enter applies what is shown
    qtbot.waitUntil(lambda: manager.overview is not before, timeout=WAIT_MS)
    return text


def test_load_credit_and_refusals_in_the_manager(
    qtbot: QtBot,
    manager: ModuleManager,
    module_emulator: EmulatorProcess,
    tmp_path: Path,
    screens_dir: Path,
    app_look: None,
) -> None:
    _read(qtbot, manager)
    assert manager.values["module_id"].text() == "10203040"
    assert manager.values["balance"].text() == "0.0"
    assert "signed in" in manager.values["link"].text()
    kmc = module_emulator.kmc_dir
    identity = manager.overview.identity
    soon = date.today() + timedelta(days=12)
    kmf = tmp_path / "module.kmf"
    kmf.write_bytes(
        make_kmf(
            identity.module_id,
            identity.public_key_hex,
            [development_key(1), development_key(2, sgc="654321", issued_until=soon)],
            kmc,
        )
    )
    shown = _apply_preview(
        qtbot, manager, lambda: manager.load_kmf_file(kmf), screens_dir / "module-kmf-preview"
    )
    assert "signature good" in shown and "Register 01: new key, SGC 123456" in shown
    assert manager.keys.rowCount() == 2
    assert "Key 02 (SGC 654321, KRN 1) expires on" in manager.warning.text()
    assert "12 day(s) left" in manager.warning.text()
    assert _column(manager, "Current or old") == ["current", "current"]

    # The supply group's next key (KRN 2) in register 03: register 01 is its old key now,
    # kept for the key changes of its meters, and the manager says so.
    newer = tmp_path / "newer.kmf"
    newer.write_bytes(
        make_kmf(
            identity.module_id,
            identity.public_key_hex,
            [development_key(3, krn=2)],
            kmc,
        )
    )
    _apply_preview(qtbot, manager, lambda: manager.load_kmf_file(newer))
    assert _column(manager, "SGC") == ["123456", "654321", "123456"]
    assert _column(manager, "Current or old") == ["old (KRN 2 is current)", "current", "current"]
    with open_database() as database, database.reading() as session:  # both on record
        loads = session.execute(
            select(AuditEntry.operator_code, AuditEntry.details)
            .where(AuditEntry.kind == AuditKind.KEY_ACTION.value)
            .order_by(AuditEntry.id)
        ).all()
    steps = [(who, json.loads(details)["step"]) for who, details in loads]
    assert steps == [("INST1", "requested"), ("INST1", "loaded")] * 2

    def block(name: str, operation: str, tenths: int) -> Path:
        sequence = int(manager.values["sequence"].text()) + 1
        path = tmp_path / f"{name}.smc"
        path.write_bytes(make_credit_block("10203040", sequence, operation, tenths, kmc))
        return path

    added = block("add", "add", 100_000)
    shown = _apply_preview(qtbot, manager, lambda: manager.credit_file(added))
    assert "Balance now: 0.0 kWh. After: 10,000.0 kWh." in shown
    assert manager.values["balance"].text() == "10,000.0"
    decrease = block("decrease", "decrease", 25_005)
    _apply_preview(
        qtbot, manager, lambda: manager.credit_file(decrease), screens_dir / "module-credit-preview"
    )
    assert manager.values["balance"].text() == "7,499.5"
    replace = block("replace", "replace", 500_000)
    _apply_preview(qtbot, manager, lambda: manager.credit_file(replace))
    assert manager.values["balance"].text() == "50,000.0"
    assert manager.history.rowCount() == 3
    with open_database() as database, database.reading() as session:  # in the books
        recorded = session.execute(
            select(ModuleCreditUpdate.state, ModuleCreditUpdate.operator_code).order_by(
                ModuleCreditUpdate.id
            )
        ).all()
    assert [(str(state), who) for state, who in recorded] == [("applied", "INST1")] * 3
    save(manager, screens_dir, "module-manager-en")
    manager.tabs.setCurrentIndex(1)
    assert manager.history.record_at(0).operation == "replace"  # newest first
    save(manager, screens_dir, "module-manager-history-en")
    manager.tabs.setCurrentIndex(0)

    too_much = block("too-much", "decrease", 500_001)
    manager.credit_file(too_much)
    qtbot.waitUntil(lambda: manager.outcome.ok is False, timeout=WAIT_MS)
    assert "not enough credit" in manager.outcome.text()
    manager.credit_file(replace)  # the same block again
    qtbot.waitUntil(lambda: "sequence number" in manager.outcome.text(), timeout=WAIT_MS)
    _read(qtbot, manager)
    assert manager.values["balance"].text() == "50,000.0"  # nothing changed

    switch_language("fr")
    qtbot.waitUntil(lambda: "Gestionnaire" in manager.windowTitle(), timeout=WAIT_MS)
    assert "il reste 12 jour(s)" in manager.warning.text()
    # kWh as French writes numbers: a decimal comma, thousands apart (a narrow space).
    assert manager.values["balance"].text() == "50\u202f000,0"
    assert _column(manager, "Actuelle ou ancienne")[0] == "ancienne (la KRN 2 est actuelle)"
    manager.tabs.setCurrentIndex(1)
    assert _column(manager, "Solde après (kWh)", manager.history)[0] == "50\u202f000,0"
    manager.tabs.setCurrentIndex(0)
    save(manager, screens_dir, "module-manager-fr")
