"""A TID collision's replacement in the counter window (docs/sync.md, "TID collision";
SYN-51): the meter's customer panel says its token needs replacing (bill, amount, kWh),
the supervisor at the counter that sold it opens Tokens > Replace a collided token,
issues the replacement (the sale's kWh, a new TID, no money) and prints its voucher
("Replacement for bill N"). The real core, store and module emulator; the due is written
as the pull writes it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.db import Database
from starpos.db.enums import TokenReplacementState
from starpos.db.models import Terminal, TokenReplacementDue, Vend
from starpos.settings import Settings
from starpos.tokenops.vouchers import preview_operation
from starpos.ui.tokenops.collided_dialog import CollidedTokenDialog
from tests.integration.sync.sync_world import set_setting
from tests.integration.ui.counter_world import CounterWorld
from tests.ui.screenshots import save
from tests.ui.tokenops_world import grab, log_in, sell_to, token_world

__all__ = ["token_world"]

pytestmark = pytest.mark.slow


@pytest.fixture
def at_t01(demo_database: Database) -> None:
    """This computer is terminal T01 (before the counter opens, which reads it)."""
    set_setting(Path(os.environ["STARPOS_DATA_DIR"]), "terminal.code", "T01")


def collided(world: CounterWorld) -> tuple[str, str]:
    """A sale of T01's whose token the head office found collided: meter and bill."""
    number = world.sellable(without_debt=True)[0]
    sale = sell_to(world, number, "40.00")
    with world.database.unit_of_work() as uow:
        session = uow.session
        vend = session.scalars(select(Vend).where(Vend.bill_number == sale.bill_number)).one()
        session.add(
            TokenReplacementDue(
                meter_id=vend.meter_id, bill_number=sale.bill_number, other_bill="V-T03-0001",
                terminal_id=session.scalar(select(Terminal.id).where(Terminal.code == "T01")),
                tid=sale.tid, energy_kwh=vend.token_kwh, amount=vend.net_amount,
            )
        )  # fmt: skip
        uow.commit()
    return number, sale.bill_number


def test_the_counter_says_the_token_needs_replacing_and_the_supervisor_replaces_it(
    qtbot: QtBot, at_t01: None, token_world: CounterWorld
) -> None:
    world = token_world
    number, bill = collided(world)
    window = log_in(world, qtbot, "SUP1")
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, number)
    status = window.customer_panel.values["status"]
    qtbot.waitUntil(lambda: "TOKEN TO REPLACE" in status.text(), timeout=20_000)
    assert bill in status.text() and "sold at T01" in status.text()
    screens = os.environ.get("STARPOS_SCREENS_DIR")
    window.resize(1366, 768)
    grab(window, "collided-prompt", fit=False)
    if screens:
        save(window, Path(screens), "tid-replacement-prompt")

    menu = window.token_menu
    assert menu is not None and menu.collided.isVisible()
    qtbot.keyClick(
        window, Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    dialog = menu.dialog
    assert isinstance(dialog, CollidedTokenDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=20_000)
    assert dialog.bill_box.currentData() == bill
    with qtbot.waitSignal(dialog.replaced, timeout=60_000) as replaced:
        dialog.issue_button.click()
    result = replaced.args[0]
    assert result.state == "issued" and result.bill == bill
    assert "Replacement for bill" in dialog.state_label.text()
    grab(dialog, "collided-dialog")
    if screens:
        save(dialog, Path(screens), "tid-replacement-dialog")
    with world.database.reading() as session:
        due = session.scalars(select(TokenReplacementDue)).one()
        assert (due.state, due.replacement) == (TokenReplacementState.REPLACED, result.request_id)
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as printed:
        dialog.print_button.click()
    assert printed.args[0] == 1
    # The voucher as the paper shows it: the token and the bill it replaces.
    picture = preview_operation(world.database, ConfiguredPrinter(Settings()), result.batch_id, 1)
    picture.save("/tmp/tokenui-collided-voucher.png")
    if screens:
        picture.save(Path(screens) / "tid-replacement-voucher.png")
