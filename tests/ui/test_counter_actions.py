"""Reprint, lock, change password, language, devices failing: the counter's other duties."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import GOOD_METER, FakeAuth, FakeCounter


def vend(qtbot: QtBot, window: PosWindow, key: Qt.Key = Qt.Key.Key_F1) -> None:
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, key)
    with qtbot.waitSignals([window.vend_finished, window.voucher_printed], timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)


def test_reprint_needs_the_permission(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    vend(qtbot, window)
    # An operator without the permission is not offered the reprint: not in the menu, and
    # its key does nothing (no "ask a supervisor" for a right nobody said a supervisor has).
    assert not window.menus.reprint.isVisible()
    shown: list[str] = []
    counter_app.funnel.shown.connect(lambda code, _text: shown.append(code))
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(200)
    assert shown == []
    assert [p.reprint for p in fake_counter.prints] == [False]


def test_reprint_with_the_permission_prints_reprint_and_audits(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    vend(qtbot, window)
    with qtbot.waitSignal(window.voucher_printed, timeout=5000) as printed:
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert printed.args[0].reprint
    assert [p.reprint for p in fake_counter.prints] == [False, True]
    assert fake_counter.audit[-1] == f"reprint {fake_counter.vends[0].bill_number} by SUP"


def test_printer_offline_keeps_the_vend_and_reprint_works_later(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    fake_counter.printer_online = False
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=5000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert shown.args[0] == "ui.voucher_not_printed"
    assert "printer is offline" in shown.args[1]
    assert len(fake_counter.vends) == 1  # the sale is kept
    token = fake_counter.vends[0].token
    assert window.token_panel.token_label.text().replace(" ", "") == token
    assert "did not print" in window.token_panel.voucher_state.text()
    qtbot.waitUntil(lambda: "offline" in window.status.printer_label.text(), timeout=3000)

    fake_counter.printer_online = True
    counter_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(window.voucher_printed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.token_panel.voucher_state.text() == "Voucher reprinted."
    assert len(fake_counter.vends) == 1


def test_module_unplugged_gives_a_clear_message_and_sells_nothing(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    fake_counter.module_online = False
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=5000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert "secure module does not answer" in shown.args[1]
    assert fake_counter.vends == []
    # What the cashier typed is still there, so the vend can be retried as it is.
    assert window.meter_field.edit.text() == GOOD_METER
    assert window.amount_panel.net_field.text() == "20.00"
    # The bar says it short; what exactly is in its tooltip.
    qtbot.waitUntil(lambda: "does not answer" in window.status.module_label.toolTip(), timeout=3000)
    assert window.status.module_label.text() == "Module: not connected"

    fake_counter.module_online = True
    counter_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    with qtbot.waitSignal(window.vend_finished, timeout=5000) as finished:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert finished.args[0] is not None
    assert len(fake_counter.vends) == 1


def test_lock_and_unlock(qtbot: QtBot, counter_app: CounterApp, fake_auth: FakeAuth) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = window.menus.lock_screen
    assert lock is not None and lock.isVisible()
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()  # Escape does not unlock
    qtbot.keyClicks(lock.password_field, "wrong")
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=2000) as shown:
        qtbot.keyClick(lock.password_field, Qt.Key.Key_Return)
    assert "password is wrong" in shown.args[1]
    assert lock.isVisible()
    counter_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    qtbot.keyClicks(lock.password_field, "pw-ann")
    with qtbot.waitSignal(lock.unlocked, timeout=2000):
        qtbot.keyClick(lock.password_field, Qt.Key.Key_Return)
    assert not lock.isVisible()


def test_first_login_of_star_forces_a_new_password(
    qtbot: QtBot, counter_app: CounterApp, fake_auth: FakeAuth
) -> None:
    login = counter_app.login_window
    qtbot.keyClicks(login.code_field, "STAR")
    qtbot.keyClicks(login.password_field, "star")
    qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.password_dialog is not None, timeout=3000)
    dialog = login.password_dialog
    assert dialog is not None and dialog.forced
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # no way round it
    qtbot.keyClicks(dialog.new_field, "n3w-Secret")
    qtbot.keyClicks(dialog.repeat_field, "n3w-Secre")
    dialog.submit()
    assert "differ" in dialog.problem.text()
    qtbot.keyClicks(dialog.repeat_field, "n3w-Secret")
    with qtbot.waitSignal(counter_app.counter_opened, timeout=5000) as opened:
        dialog.submit()
    qtbot.addWidget(opened.args[0])
    assert fake_auth.operators["STAR"].password == "n3w-Secret"
    assert not opened.args[0].session.must_change_password


def test_wrong_password_is_refused_at_login(qtbot: QtBot, counter_app: CounterApp) -> None:
    login = counter_app.login_window
    qtbot.keyClicks(login.code_field, "ANN")
    qtbot.keyClicks(login.password_field, "nope")
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=3000) as shown:
        qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
    assert shown.args[0] == "auth.test_wrong_password"
    assert counter_app.pos_window is None
    assert login.password_field.text() == ""


def test_language_switch_at_run_time(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    vend(qtbot, window, Qt.Key.Key_F2)
    english = window.vend_button.text()
    window.menus.language_actions["fr"].trigger()
    QApplication.processEvents()
    assert window.vend_button.text() == "Vendre (Entrée)"
    assert window.token_panel.voucher_state.text() == "Bon imprimé."
    assert window.customer_panel.title() == "Client"
    assert window.status.module_label.text().startswith("Module :")
    window.menus.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    assert window.vend_button.text() == "售电（回车）"
    assert window.customer_panel.title() == "客户"
    from starpos.settings import Settings

    assert Settings().get("language") == "zh_CN"  # remembered for the next start
    window.menus.language_actions["en"].trigger()
    QApplication.processEvents()
    assert window.vend_button.text() == english
    assert fake_counter.vends[0].net == Decimal("50.00")


def test_module_lost_mid_vend_is_recovered_when_it_comes_back(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    fake_counter.drop_mid_vend = True
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=5000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert "do not sell it again" in shown.args[1]
    assert fake_counter.vends == [] and len(fake_counter.pending) == 1  # nothing lost
    counter_app.funnel.last_dialog.close()  # type: ignore[union-attr]

    fake_counter.module_online = True  # plugged back in
    with qtbot.waitSignal(window.vend_recovered, timeout=10_000) as recovered:
        pass
    outcome = recovered.args[0]
    assert len(fake_counter.vends) == 1 and fake_counter.pending == []
    assert outcome.token == fake_counter.vends[0].token
    assert window.token_panel.token_label.text().replace(" ", "") == outcome.token
    qtbot.waitUntil(lambda: window.token_panel.print_state == "printed", timeout=5000)
    assert [p.bill_number for p in fake_counter.prints] == [outcome.bill_number]


def test_log_out_returns_to_the_login_window(
    qtbot: QtBot, counter_app: CounterApp, fake_auth: FakeAuth
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    qtbot.keyClick(
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: fake_auth.logged_out == ["ANN"], timeout=3000)
    assert counter_app.pos_window is None
    assert counter_app.login_window.isVisible()
    assert counter_app.login_window.password_field.text() == ""


def test_change_password_from_the_counter(
    qtbot: QtBot, counter_app: CounterApp, fake_auth: FakeAuth
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    window.menus.password.trigger()
    dialog = window.menus.password_dialog
    assert dialog is not None and not dialog.forced and dialog.old_field.isVisible()
    qtbot.keyClicks(dialog.old_field, "wrong")
    qtbot.keyClicks(dialog.new_field, "Better-pass-1")
    qtbot.keyClicks(dialog.repeat_field, "Better-pass-1")
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=3000) as shown:
        dialog.submit()
    assert "password is wrong" in shown.args[1]
    assert fake_auth.operators["ANN"].password == "pw-ann"
    counter_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    dialog.old_field.setText("pw-ann")
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        dialog.submit()
    assert fake_auth.operators["ANN"].password == "Better-pass-1"
    assert not dialog.isVisible()
