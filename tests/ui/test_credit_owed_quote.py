"""The sale screen of a meter the head office owes credit (a debt repaid twice; SYN-53):
the breakdown shows the credit returned as a negative line, in the operator's language."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.db.models import Meter, MeterCreditOwed
from starpos.i18n import catalog_files, load_catalog
from starpos.masterdata.credit_owed import OWED_NAME
from tests.integration.ui.counter_world import CounterWorld
from tests.ui.screenshots import save
from tests.ui.tokenops_world import log_in, token_world

__all__ = ["token_world"]

pytestmark = pytest.mark.slow


def test_the_quote_returns_the_credit_owed(
    qtbot: QtBot, token_world: CounterWorld, tmp_path: Path
) -> None:
    world = token_world
    number = world.sellable(without_debt=True)[0]
    with world.database.unit_of_work() as uow:  # the head office's row, as a pull writes it
        meter_id = uow.session.scalars(select(Meter.id).where(Meter.number == number)).one()
        uow.session.add(
            MeterCreditOwed(
                meter_id=meter_id, overpaid_terminal="T03", overpaid_bill="V2612SP0200001",
                amount=Decimal("7.50"),
            )
        )  # fmt: skip
        uow.commit()
    window = log_in(world, qtbot, "CASH1")
    window.meter_field.edit.setFocus()
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, number)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000) as quoted:
        qtbot.keyClicks(window.amount_panel.net_field, "50")
    lines = {line.label: line.amount for line in quoted.args[0].lines}
    assert lines[OWED_NAME] == Decimal("-7.50")
    assert quoted.args[0].net == Decimal("50.00")
    # docs/screens/credit-owed-quote.png
    save(window, Path(os.environ.get("STARPOS_SCREENS") or tmp_path), "credit-owed-quote")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Dette remboursée deux fois, rendue"), ("zh_CN", "重复偿还的欠款，已退还")],
)
def test_the_line_reads_in_every_language(lang: str, words: str) -> None:
    assert load_catalog(catalog_files(lang))[("masterdata", OWED_NAME)] == words
