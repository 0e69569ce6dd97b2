"""The set-up wizard and the module manager in the counter's menu: only for an operator
with the installer permission."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.setup.setup_wizard import LANGUAGE, SetupWizard
from tests.ui.counter_helpers import log_in


def test_a_cashier_is_not_offered_the_installer_tools(
    qtbot: QtBot, counter_app: CounterApp
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    installer = window.menus.installer
    assert not installer.wizard_action.isVisible()
    assert not installer.manager_action.isVisible()
    shown: list[str] = []
    counter_app.funnel.shown.connect(lambda code, _text: shown.append(code))
    installer.open_manager()  # reached another way: refused, the permission named
    assert installer.dialog is None
    assert len(shown) == 1


def test_a_supervisor_opens_the_wizard_from_the_menu(qtbot: QtBot, counter_app: CounterApp) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    installer = window.menus.installer
    assert installer.wizard_action.isVisible() and installer.manager_action.isVisible()
    installer.wizard_action.trigger()
    wizard = installer.dialog
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()
    assert wizard.currentId() == LANGUAGE
    wizard.reject()
