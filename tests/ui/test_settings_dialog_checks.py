"""The installer's settings window checks each field: a refused value says why under its
field and nothing is saved; fields that need a restart say so; the module's port says it
applies without one. And "Back up now" in the counter's menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.settings import Settings
from starpos.ui.counter_app import CounterApp
from starpos.ui.settings_dialog import SettingsDialog
from starpos.ui.translator import switch_language
from tests.ui.counter_helpers import log_in
from tests.ui.screenshots import app_look, save  # noqa: F401 (fixture)


def open_dialog(qtbot: QtBot, counter_app: CounterApp) -> SettingsDialog:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    window.menus.open_settings()
    dialog = window.menus.settings_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def line(dialog: SettingsDialog, key: str) -> QLineEdit:
    editor = dialog.editors[key]
    assert isinstance(editor, QLineEdit)
    return editor


def test_a_refused_value_shows_its_reason_under_its_field_and_nothing_is_saved(
    qtbot: QtBot, counter_app: CounterApp, data_dir: Path
) -> None:
    dialog = open_dialog(qtbot, counter_app)
    line(dialog, "sm.url").setText("ttyUSB0")
    line(dialog, "backup.daily_at").setText("25:00")
    header = dialog.editors["voucher.header"]
    assert isinstance(header, QPlainTextEdit)
    header.setPlainText("\n".join(f"line {n}" for n in range(10)))
    line(dialog, "printer.connection").setText("network:127.0.0.1:9100")  # a good one
    dialog.save_and_close()
    assert dialog.isVisible()  # refused to save
    assert not (data_dir / "settings.json").exists()
    assert dialog.errors["sm.url"].isVisible()
    assert "A module port is a device such as /dev/ttyUSB0" in dialog.errors["sm.url"].text()
    assert "HH:MM" in dialog.errors["backup.daily_at"].text()
    assert "It has 10 lines; at most 8" in dialog.errors["voucher.header"].text()
    assert not dialog.errors["printer.connection"].isVisible()
    assert "correct the fields marked in red" in dialog.result_label.text()

    line(dialog, "sm.url").setText("socket://127.0.0.1:7000")
    line(dialog, "backup.daily_at").setText("off")
    header.setPlainText("Soweto Power")
    dialog.save_and_close()
    assert not dialog.isVisible()
    saved = Settings()
    assert saved.get("sm.url") == "socket://127.0.0.1:7000"
    assert saved.get("backup.daily_at") == "off"
    assert saved.get("printer.connection") == "network:127.0.0.1:9100"


def test_leaving_a_field_checks_it(qtbot: QtBot, counter_app: CounterApp) -> None:
    dialog = open_dialog(qtbot, counter_app)
    field = line(dialog, "printer.connection")
    field.setFocus()
    qtbot.keyClicks(field, "bluetooth:printer")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert (
        "'bluetooth' is not a known kind of connection"
        in dialog.errors["printer.connection"].text()
    )


def test_the_key_expiry_warning_days_are_whole_days_from_1_to_365(
    qtbot: QtBot, counter_app: CounterApp, data_dir: Path
) -> None:
    """STS202-6's warning ahead of expiry: how many days is the installer's to set here,
    checked like every field, and the counter's next key check uses it (no restart)."""
    from starpos.bootstrap.counter import warning_days

    dialog = open_dialog(qtbot, counter_app)
    days = dialog.editors["sm.key_warning_days"]
    assert isinstance(days, QSpinBox)  # whole days: a fraction cannot be typed
    assert dialog.labels["sm.key_warning_days"].text() == (
        "Warn this many days before a module key expires"
    )
    assert days.value() == 30  # the default
    counter_days = warning_days(Settings())
    for refused in (0, 366, -5):
        days.setValue(refused)
        dialog.save_and_close()
        assert dialog.isVisible() and not (data_dir / "settings.json").exists()
        assert "It must be between 1 and 365" in dialog.errors["sm.key_warning_days"].text()
    days.setValue(14)
    dialog.save_and_close()
    assert not dialog.isVisible()
    assert Settings().get("sm.key_warning_days") == 14
    assert counter_days() == 14  # what the counter's status bar warns with from now on


def test_fields_say_when_a_change_applies(qtbot: QtBot, counter_app: CounterApp) -> None:
    dialog = open_dialog(qtbot, counter_app)
    assert dialog.notes["sm.url"].text() == "It applies at once: no restart needed."
    assert "when the app is started again" in dialog.notes["card.reader"].text()
    assert "printer.connection" not in dialog.notes  # the next print uses it: nothing to say


def test_a_bad_value_in_the_file_is_shown_when_the_window_opens(
    qtbot: QtBot, counter_app: CounterApp, data_dir: Path
) -> None:
    (data_dir / "settings.json").write_text(json.dumps({"printer.connection": "bluetooth:x"}))
    dialog = open_dialog(qtbot, counter_app)
    assert line(dialog, "printer.connection").text() == "bluetooth:x"
    assert "It is not a printer connection" in dialog.errors["printer.connection"].text()


def test_the_reason_reads_in_french(qtbot: QtBot, counter_app: CounterApp) -> None:
    dialog = open_dialog(qtbot, counter_app)
    line(dialog, "backup.daily_at").setText("7pm")
    switch_language("fr")
    assert not dialog.check_field("backup.daily_at")
    assert "Donnez l'heure sous la forme HH:MM" in dialog.errors["backup.daily_at"].text()
    qtbot.waitUntil(lambda: "Il s'applique" in dialog.notes["sm.url"].text(), timeout=2000)


@pytest.fixture
def store(data_dir: Path) -> None:
    with open_database():
        pass


def test_back_up_now_writes_a_checked_backup_off_the_gui_thread(
    qtbot: QtBot, counter_app: CounterApp, data_dir: Path, store: None
) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    backup = window.menus.backup
    window.activateWindow()  # no window manager under Xvfb or offscreen to do it
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(backup.jobs.backup_finished, timeout=20_000) as done:
        qtbot.keyClick(
            window,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    folder = done.args[0].folder
    assert (folder / "backup.json").is_file()
    assert folder.parent == data_dir / "backups"
    assert backup.message is not None and str(folder) in backup.message.text()


def test_back_up_now_needs_the_permission(qtbot: QtBot, counter_app: CounterApp) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    assert not window.menus.backup.action.isVisible()  # not offered, as the counter's menus do
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=2000) as shown:
        window.menus.backup.back_up()
    assert shown.args[0] == "ui.permission_missing"
    assert not window.menus.backup.jobs.running


def test_the_daily_backup_runs_at_start_and_shows_a_failure_once(qtbot: QtBot) -> None:
    from starpos.backup.errors import BackupWriteError
    from starpos.ui.backup_action import DailyBackup
    from starpos.ui.error_funnel import ErrorFunnel

    funnel = ErrorFunnel()
    calls: list[str] = []

    def failing() -> None:
        calls.append("backup")
        raise BackupWriteError(folder="/full", reason="No space left on device")

    daily = DailyBackup(funnel, scheduled=failing)
    with qtbot.waitSignal(funnel.shown, timeout=5000) as shown:
        daily.start()
    assert shown.args[0] == "backup.write" and "No space left" in shown.args[1]
    daily.check()  # within the hour after a failure: not tried again, not shown again
    assert calls == ["backup"] and not daily.jobs.running
    daily.stop()


def test_the_daily_backup_stops_on_postgresql(qtbot: QtBot) -> None:
    from starpos.backup.errors import NotSqliteStoreError
    from starpos.ui.backup_action import DailyBackup
    from starpos.ui.error_funnel import ErrorFunnel

    def on_postgresql() -> None:
        raise NotSqliteStoreError()

    funnel = ErrorFunnel()
    shown: list[str] = []
    funnel.shown.connect(lambda code, _text: shown.append(code))
    daily = DailyBackup(funnel, scheduled=on_postgresql)
    with qtbot.waitSignal(daily.jobs.backup_failed, timeout=5000):
        daily.start()
    assert shown == []  # the head office backs up with the server's tools: nothing to show
    assert not daily._timer.isActive()


@pytest.mark.slow
def test_screen_of_a_refused_value(
    qtbot: QtBot,
    counter_app: CounterApp,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> None:
    """docs/screens/38-settings-refused-value.png (refresh as docs/ui.md says)."""
    dialog = open_dialog(qtbot, counter_app)
    line(dialog, "sm.url").setText("/dev/ttyUSB7")
    line(dialog, "printer.connection").setText("bluetooth:counter-2")
    dialog.save()
    assert dialog.errors["sm.url"].isVisible()
    save(dialog, screens_dir, "38-settings-refused-value")
