"""A meter's history on the stock screen shows the checks of its bills (manual 3.1): who
checked or unchecked which bill, when, in the operator's language. The picture goes to
docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.masterdata.bill_checks import check_bill, uncheck_bill
from starpos.masterdata.stock_list import meter_history
from starpos.ui.admin.stock_dialogs import HistoryDialog
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import LAST, Utility, set_up
from tests.ui.screenshots import app_look, save  # noqa: F401 - a fixture


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        yield set_up(database)
    switch_language("en")


def test_the_history_shows_the_checks_of_the_meters_bills(
    qtbot: QtBot,
    utility: Utility,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the app's font, before the box is made)
) -> None:
    database, star = utility.database, utility.star
    with database.reading() as session:
        bill = meter_history(session, LAST)[0].bill
    check_bill(database, star, bill)
    uncheck_bill(database, star, bill)
    check_bill(database, star, bill)
    with database.reading() as session:
        entries = meter_history(session, LAST)
    history = HistoryDialog(LAST, entries, None)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitExposed(history)
    shown = [
        (history.model.index(n, 1).data(), history.model.index(n, 2).data())
        for n in range(history.model.rowCount())
    ]
    assert shown == [
        ("Stock in: new meter", bill),
        ("Bill checked", bill),
        ("Bill unchecked", bill),
        ("Bill checked", bill),
    ]
    assert history.model.index(1, 5).data() == "STAR"
    save(history, screens_dir, "admin-stock-history-checked-en")
    switch_language("fr")
    history.model.retranslate()
    assert history.model.index(2, 1).data() == "Vérification du bon annulée"
