"""Typed errors become translated messages; anything else a report that is logged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from starpos.ui.counter_errors import PaidTooLittle
from starpos.ui.error_funnel import ErrorFunnel, UnexpectedErrorDialog
from starpos.ui.translator import switch_language


def test_a_typed_error_is_shown_in_the_current_language(qtbot: QtBot) -> None:
    funnel = ErrorFunnel()
    switch_language("fr")
    try:
        with qtbot.waitSignal(funnel.shown) as shown:
            funnel.show_failure(PaidTooLittle(paid="ZAR 10.00", net="ZAR 20.00"), None)
    finally:
        switch_language("en")
    assert shown.args == [
        "ui.paid_too_little",
        "Le client a payé ZAR 10.00, moins que les ZAR 20.00 à payer. "
        "Encaissez d'abord le montant complet.",
    ]
    assert funnel.last_dialog is not None
    funnel.last_dialog.close()


def test_an_unexpected_error_is_logged_and_offered_as_a_copyable_report(
    qtbot: QtBot, data_dir: Path
) -> None:
    funnel = ErrorFunnel()
    try:
        {}["missing"]
    except KeyError as error:
        with qtbot.waitSignal(funnel.shown) as shown:
            funnel.show_failure(error, None)
    assert shown.args[0] == "unexpected"
    log = (data_dir / "logs" / "ui-errors.log").read_text(encoding="utf-8")
    assert "KeyError: 'missing'" in log
    dialog = funnel.last_dialog
    assert isinstance(dialog, UnexpectedErrorDialog)
    dialog.copy_report()
    assert "KeyError: 'missing'" in QGuiApplication.clipboard().text()
    dialog.close()
