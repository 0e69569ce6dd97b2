"""Key change at the next purchase from the counter (issue 16, docs/key-changes.md): the
engineer opens it on the meter typed at the counter, sees its key, flags it for a new key
and withdraws the flag; the store holds each; a refusal says why for that meter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.db.enums import KeyChangeState
from starpos.db.models import KeyChangeFlag, Meter
from starpos.ui.tokenops.key_change_dialog import KeyChangeDialog
from tests.integration.ui.counter_world import CounterWorld
from tests.ui.tokenops_world import close_box, grab, log_in, shown_box, token_world

__all__ = ["token_world"]

pytestmark = pytest.mark.slow


def flags(world: CounterWorld, number: str) -> list[tuple[KeyChangeState, str, int, int]]:
    with world.database.reading() as session:
        rows = session.execute(
            select(
                KeyChangeFlag.state, KeyChangeFlag.new_key_register, KeyChangeFlag.new_krn,
                KeyChangeFlag.new_base_date,
            )
            .join(Meter, Meter.id == KeyChangeFlag.meter_id)
            .where(Meter.number == number)
        ).all()  # fmt: skip
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_the_engineer_flags_the_meter_on_the_counter_and_withdraws_the_flag(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    number = world.sellable(without_debt=True)[0]
    window = log_in(world, qtbot, "ENG1")
    window.meter_field.edit.setText(number)
    menu = window.token_menu
    assert menu is not None and menu.key_change.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = menu.dialog
    assert isinstance(dialog, KeyChangeDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.meter is not None, timeout=10_000)
    assert f"Meter {number}" in dialog.key_label.text()
    assert "No key change is waiting." in dialog.key_label.text()
    assert dialog.flag_button.isEnabled() and not dialog.unflag_button.isEnabled()

    # Nothing named: the meter's own key; refused for this meter, with its reason.
    with qtbot.waitSignal(world.app.funnel.shown, timeout=10_000) as shown:
        dialog.flag_button.click()
    assert shown.args[0] == "tokenops.same_key"
    assert f"Meter {number} is already on this key" in shown_box(world).text()
    close_box(world)
    qtbot.waitUntil(dialog.flag_button.isEnabled, timeout=10_000)
    assert flags(world, number) == []

    dialog.fields["register"].setText("3")
    dialog.fields["krn"].setText("2")
    with qtbot.waitSignal(dialog.shown, timeout=10_000) as shown:
        dialog.flag_button.click()
    qtbot.waitUntil(lambda: dialog.meter is not None and dialog.meter.flag_state == "flagged")
    assert "Flagged: key change to register 3" in dialog.key_label.text()
    assert dialog.unflag_button.isEnabled() and not dialog.flag_button.isEnabled()
    base = flags(world, number)[0][3]
    assert flags(world, number) == [(KeyChangeState.FLAGGED, "3", 2, base)]
    grab(dialog, "key-change-flagged")

    dialog.unflag_button.click()
    qtbot.waitUntil(lambda: dialog.meter is not None and dialog.meter.flag_state is None)
    assert "No key change is waiting." in dialog.key_label.text()
    assert flags(world, number) == [(KeyChangeState.UNFLAGGED, "3", 2, base)]
