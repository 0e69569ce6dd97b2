"""The card desk in the counter window (``Cards`` menu), through pcscd + vpcd + ``starpos
card virtual``, on the real store and card sales core: driven from the keyboard, checked
afterwards through PC/SC, the card register and the audit log.

With ``STARPOS_SCREENS_DIR`` set (under Xvfb, docs/ui.md) the tests also save
docs/screens/15-* .. 18-*.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.card_sales import check_card
from starpos.counter.card_desk_views import CardBlanked, CardIssued, CardOnDesk
from starpos.db import Database
from starpos.db.models import AuditEntry, IssuedCard, Meter
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.records import TamperKind
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from starpos.ui.cards.blank_dialog import BlankCardDialog
from starpos.ui.cards.desk_dialog import CardDeskDialog
from starpos.ui.cards.issue_dialog import IssueCardDialog
from starpos.ui.cards.readings_dialog import MeterReadingsDialog
from starpos.ui.cards.replace_dialog import ReplaceCardDialog
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language
from tests.integration.card_sales.test_card_desk_core import grant_role
from tests.integration.ui.card_counter import (
    ADMIN,
    NOW,
    card_meter,
    issued_card,
    log_in,
    sell_onto_card,
    with_card,
)
from tests.support.virtual_cards import READER_1, VirtualCardProcess

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_desk(qtbot: QtBot, window: PosWindow, key: Qt.Key) -> QWidget:
    """Open a card desk dialog with its shortcut."""
    menu = window.menus.cards
    menu.dialog = None
    qtbot.keyClick(window, key, CTRL_SHIFT)
    qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible(), timeout=5000)
    assert menu.dialog is not None
    return menu.dialog


def insert_into_desk(qtbot: QtBot, dialog: CardDeskDialog, card: VirtualCardProcess) -> CardOnDesk:
    with qtbot.waitSignal(
        dialog.card_panel.changed,
        timeout=20_000,
        check_params_cb=lambda seen: seen is not None and seen.serial == card.serial,
    ) as changed:
        card.insert()
    seen: CardOnDesk = changed.args[0]
    return seen


def press_enter(qtbot: QtBot, dialog: CardDeskDialog, widget: QWidget) -> object:
    with qtbot.waitSignal(dialog.finished_work, timeout=30_000) as finished:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    return finished.args[0]


def shown_again(qtbot: QtBot, dialog: CardDeskDialog) -> None:
    """Wait for the dialog's own read of the card after its flow answered (the test reads
    the card through another PC/SC connection afterwards, never at the same time)."""
    panel = dialog.card_panel
    qtbot.waitUntil(lambda: not panel.reading_now and panel.card is not None, timeout=10_000)


def save_screen(widget: QWidget, name: str) -> None:
    folder = os.environ.get("STARPOS_SCREENS_DIR")
    if not folder:
        return
    for _ in range(5):
        QApplication.processEvents()
        QApplication.instance().thread().msleep(20)  # type: ignore[union-attr]
    assert widget.grab().save(str(Path(folder) / f"{name}.png"))


def audit_details(database: Database, step: str) -> list[dict[str, object]]:
    with database.reading() as session:
        rows = session.scalars(select(AuditEntry.details).where(AuditEntry.kind == "card_action"))
        return [d for d in (json.loads(r) for r in rows) if d.get("step") == step]


def test_issue_a_blank_card_from_the_keyboard_while_card_mode_waits(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    number = card_meter(demo_database)
    blank = virtual_card(reader=READER_1, inserted=False)
    window = log_in(qtbot, card_app, "ADMIN1", "admin-demo")
    mode = window.card_mode
    assert mode is not None
    dialog = open_desk(qtbot, window, Qt.Key.Key_I)
    assert isinstance(dialog, IssueCardDialog)
    assert dialog.card_panel.values["state"].text() == "No card in the reader. Insert the card."

    seen = insert_into_desk(qtbot, dialog, blank)
    assert seen.blank
    assert "Blank card" in dialog.card_panel.values["state"].text()
    assert mode.paused and not mode.active  # card mode left the blank card alone
    assert not window.card_panel.isVisible()

    qtbot.keyClicks(dialog.meter_field.edit, number)
    assert dialog.meter_field.is_confirmed
    issued = press_enter(qtbot, dialog, dialog.meter_field.edit)
    assert isinstance(issued, CardIssued)
    assert (issued.serial, issued.meter_number, issued.issue_number) == (blank.serial, number, 1)
    assert f"Card {blank.serial} issued to meter {number} (issue 1)." in dialog.result_label.text()
    shown_again(qtbot, dialog)
    assert dialog.card_panel.values["meter"].text() == f"meter {number}, issue 1"
    save_screen(dialog, "15-issue-card")

    # Through PC/SC and the register: the card is bound to the meter, its first card.
    identity = with_card(key_file, lambda card: card.read().identity)
    assert (identity.meter_number, identity.issue_number) == (number, 1)
    with demo_database.reading() as session:
        row = session.scalars(select(IssuedCard).where(IssuedCard.serial == blank.serial)).one()
        assert (row.meter.number, row.issue_number, str(row.state)) == (number, 1, "active")
    assert audit_details(demo_database, "issued")[0]["meter"] == number

    # The same meter again: the core's refusal, through the funnel.
    with qtbot.waitSignal(card_app.funnel.shown, timeout=20_000) as shown:
        qtbot.keyClick(dialog.meter_field.edit, Qt.Key.Key_Return)
    assert shown.args[0] == "card_sale.meter_has_card"
    card_app.funnel.last_dialog.close()  # type: ignore[union-attr]

    # Closed: card mode follows cards again from the next insertion.
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not mode.paused
    blank.remove()
    with qtbot.waitSignal(mode.card_read, timeout=20_000) as read:
        blank.insert()
    assert read.args[0].meter_number == number and mode.active


def test_replace_a_lost_card_carries_its_unloaded_credit(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    number = card_meter(demo_database)
    old = issued_card(demo_database, key_file, virtual_card, number)
    old.insert()
    sold = sell_onto_card(demo_database, key_file, number, "20.00")
    old.stop()  # the customer lost it
    new = virtual_card(reader=READER_1, inserted=False)
    window = log_in(qtbot, card_app, "ADMIN1", "admin-demo")
    dialog = open_desk(qtbot, window, Qt.Key.Key_E)
    assert isinstance(dialog, ReplaceCardDialog)
    insert_into_desk(qtbot, dialog, new)
    qtbot.keyClicks(dialog.meter_field.edit, number)
    qtbot.keyClick(dialog.meter_field.edit, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert dialog.reason == "lost"
    replaced = press_enter(qtbot, dialog, dialog.meter_field.edit)
    assert isinstance(replaced, CardIssued)
    assert replaced.replaced_serial == old.serial and replaced.issue_number == 2
    assert (replaced.carried_kwh, replaced.carried_bill) == (sold.energy_kwh, sold.bill_number)
    text = dialog.result_label.text()
    assert f"Card {old.serial} is refused from now on." in text
    assert f"{sold.energy_kwh:.1f} kWh of sale {sold.bill_number}" in text
    shown_again(qtbot, dialog)
    assert dialog.card_panel.card is not None
    assert dialog.card_panel.card.pending_bill == sold.bill_number  # the same sale, once
    save_screen(dialog, "16-replace-card")
    try:  # the result follows a language switch like the rest of the dialog
        switch_language("fr")
        refused = f"La carte {old.serial} est refusée désormais."
        qtbot.waitUntil(lambda: refused in dialog.result_label.text(), timeout=3000)
    finally:
        switch_language("en")

    credit = with_card(key_file, lambda card: card.read().credit)
    assert (credit.vend_id, credit.energy_kwh) == (sold.bill_number, sold.energy_kwh)
    with demo_database.reading() as session:
        states = dict(
            session.execute(select(IssuedCard.serial, IssuedCard.state).join(Meter)).all()
        )
        assert (str(states[old.serial]), str(states[new.serial])) == ("lost", "active")


def test_blanking_a_card_with_credit_asks_and_defaults_to_no(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    grant_role(demo_database, "ADMIN1", "SUPER")  # manage_meters and refund
    number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, number)
    card.insert()
    sold = sell_onto_card(demo_database, key_file, number, "20.00")
    card.remove()
    window = log_in(qtbot, card_app, "ADMIN1", "admin-demo")
    dialog = open_desk(qtbot, window, Qt.Key.Key_B)
    assert isinstance(dialog, BlankCardDialog)
    seen = insert_into_desk(qtbot, dialog, card)
    assert seen.credit_pending and seen.pending_bill == sold.bill_number
    assert sold.bill_number in dialog.card_panel.values["credit"].text()

    # Enter: the core refuses, the dialog asks; Enter alone answers No.
    refused = press_enter(qtbot, dialog, dialog.action_button)
    assert refused is None
    question = dialog.question
    assert question is not None and question.isVisible()
    assert f"{sold.energy_kwh:.1f} kWh (sale {sold.bill_number})" in question.text()
    save_screen(question, "17-blank-card-question")
    qtbot.keyClick(question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=5000)
    assert "Nothing was changed" in dialog.result_label.text()
    shown_again(qtbot, dialog)
    assert with_card(key_file, lambda sun: sun.read().credit_pending)

    # Asked again, Yes: the credit is discarded and the audit entry keeps it.
    press_enter(qtbot, dialog, dialog.action_button)
    question = dialog.question
    assert question is not None
    with qtbot.waitSignal(dialog.finished_work, timeout=30_000) as finished:
        question.button(QMessageBox.StandardButton.Yes).click()
    blanked = finished.args[0]
    assert isinstance(blanked, CardBlanked)
    assert (blanked.discarded_kwh, blanked.discarded_bill) == (sold.energy_kwh, sold.bill_number)
    assert "is blank now" in dialog.result_label.text()
    shown_again(qtbot, dialog)
    assert with_card(key_file, lambda sun: sun.read().identity) is None
    (entry,) = audit_details(demo_database, "blanked")
    assert (entry["discarded_kwh"], entry["discarded_bill"]) == (
        str(sold.energy_kwh),
        sold.bill_number,
    )


def test_meter_data_from_cards_per_meter_and_flagged(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, number)
    card.insert()
    sell_onto_card(demo_database, key_file, number, "40.00")
    with demo_database.reading() as session:
        sgc = session.scalars(select(Meter.sgc).where(Meter.number == number)).one()
    meter = VirtualMeter(
        MeterState(number, int(sgc), 1, load_master_key(key_file).hex(), int(NOW.timestamp()))
    )
    for days, event in ((3, None), (4, TamperKind.COVER_OPEN)):
        with_card(key_file, lambda sun: meter.load_card(sun, commit=lambda: None))
        with_card(key_file, lambda sun: check_card(demo_database, sun, ADMIN))  # a reading
        meter.advance(days=days, load_kw=Decimal("0.5"))
        if event is not None:
            meter.tamper(event)
            meter.overload()
    with_card(key_file, lambda sun: meter.load_card(sun, commit=lambda: None))
    with_card(key_file, lambda sun: check_card(demo_database, sun, ADMIN))
    card.stop()

    window = log_in(qtbot, card_app, "SUP1", "super-demo")
    dialog = open_desk(qtbot, window, Qt.Key.Key_M)
    assert isinstance(dialog, MeterReadingsDialog)
    with qtbot.waitSignal(dialog.readings_shown, timeout=10_000) as shown:
        qtbot.keyClicks(dialog.meter_field.edit, number)
    readings = shown.args[0]
    model = dialog.model
    assert model.rowCount() == len(readings) == 3
    newest = model.record_at(0)
    assert newest.flagged and newest.new_tampers == 1 and newest.new_overloads == 1
    assert model.data(model.index(0, 10)) == "tamper, overload"
    assert model.data(model.index(0, 6)) == "1 (1 new): cover opened"
    assert not model.record_at(1).flagged
    assert dialog.summary.text() == f"3 readings of meter {number}, newest first; 1 flagged."
    assert dialog.table.isColumnHidden(1)  # one meter: its number is in the field
    save_screen(dialog, "18-meter-data")
    try:
        switch_language("zh_CN")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "卡带回的电表数据", timeout=3000)
        assert model.headerData(6, Qt.Orientation.Horizontal) == "窃电事件"
        save_screen(dialog, "19-meter-data-chinese")
    finally:
        switch_language("en")

    with qtbot.waitSignal(dialog.readings_shown, timeout=10_000) as shown:
        qtbot.keyClick(dialog.flagged_only, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.flagged_only.isChecked()
    assert [r.reading_id for r in shown.args[0]] == [newest.reading_id]
    assert not dialog.table.isColumnHidden(1)  # every meter: which one it is
    assert dialog.summary.text() == "1 flagged readings, all meters, newest first."


def test_a_cashier_is_refused_the_card_desk(
    qtbot: QtBot,
    card_app: CounterApp,
) -> None:
    window = log_in(qtbot, card_app, "CASH1", "cash-demo")
    # A cashier is not offered the desk (issue 11): no Cards menu, and its keys open nothing;
    # nobody is sent to "a supervisor" for rights a supervisor does not have either.
    cards = window.menus.cards
    assert not cards.menu.menuAction().isVisible()
    shown: list[str] = []
    card_app.funnel.shown.connect(lambda code, _text: shown.append(code))
    for key in (Qt.Key.Key_I, Qt.Key.Key_E, Qt.Key.Key_B, Qt.Key.Key_M):
        qtbot.keyClick(window, key, CTRL_SHIFT)
        qtbot.wait(50)
        assert window.menus.cards.dialog is None
    assert shown == []
