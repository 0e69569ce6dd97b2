"""Tariff schemes in the administration window, on a real store, from the keyboard: a step
tariff (the manual's 445 example) and a TOU tariff typed in, the preview equal to
``starpos price`` for the same sale, bad input refused in the editor with the store
unchanged, a new dated version that leaves older sales on the old price, and a tariff
that meters use refused on delete. Pictures go to docs/screens/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from starpos import pricing
from starpos.cli import main
from starpos.db import Database
from starpos.masterdata.tariffs import list_tariffs, tariff_of
from starpos.operators.login import login
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.tariff_editor import TariffEditor
from starpos.ui.admin.tariff_inputs import qt_moment
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.ui.admin.test_admin_window import PASSWORD, QTimerYes, _wait
from tests.ui.admin.test_admin_window import store as store
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture

STEPS = (("200", "0.6"), ("500", "0.75"), ("", "1.0"))
MANUAL_STEPS = pricing.StepRate(
    (
        pricing.Step(Decimal(200), Decimal("0.6")),
        pricing.Step(Decimal(500), Decimal("0.75")),
        pricing.Step(None, Decimal("1.0")),
    )
)


def _open_window(qtbot: QtBot, database: Database, code: str, password: str) -> AdminWindow:
    switch_language("en")
    worker = Worker("database")
    window = AdminWindow(
        CoreAdminService(database, login(database, code, password), "T01"), worker, ErrorFunnel()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Database,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    window = _open_window(qtbot, store, "STAR", PASSWORD)
    yield window
    window.database.stop()
    switch_language("en")


def _open_tariffs(qtbot: QtBot, window: AdminWindow) -> None:
    window.open_screen("tariffs")
    _wait(qtbot, window, "tariffs")


def _editor(qtbot: QtBot, window: AdminWindow, key: Qt.Key) -> TariffEditor:
    page = window.tariffs
    page.table.setFocus()
    qtbot.keyClick(page.table, key)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), TariffEditor), timeout=5000
    )
    assert page.editor is not None
    return page.editor


def _line(editor: QWidget, name: str) -> QLineEdit:
    line = editor.findChild(QLineEdit, name)
    assert line is not None, name
    return line


def _type(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def _choose_kind(qtbot: QtBot, editor: TariffEditor, downs: int) -> None:
    editor.kind.setFocus()
    for _ in range(downs):
        qtbot.keyClick(editor.kind, Qt.Key.Key_Down)


def _type_steps(qtbot: QtBot, editor: TariffEditor, steps: tuple[tuple[str, str], ...]) -> None:
    for number, (end, unit_price) in enumerate(steps, 1):
        _type(qtbot, _line(editor, f"stepEnd{number}"), end)
        _type(qtbot, _line(editor, f"stepPrice{number}"), unit_price)


def _preview(qtbot: QtBot, editor: TariffEditor, energy: bool, value: str) -> None:
    preview = editor.preview
    preview.mode.setFocus()
    qtbot.keyClick(preview.mode, Qt.Key.Key_Down if energy else Qt.Key.Key_Up)
    _type(qtbot, preview.value, value)


def _starpos_price(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["price", *args, "--json"]) == 0
    answer: dict[str, object] = json.loads(capsys.readouterr().out)
    return answer


def _as_json(breakdown: pricing.Breakdown | None) -> dict[str, object]:
    assert breakdown is not None
    answer: dict[str, object] = json.loads(json.dumps(breakdown.as_dict(), default=str))
    return answer


def _figures(answer: dict[str, object]) -> dict[str, object]:
    """Every figure as a number (the store keeps VAT as 15.0000, the command says 15); a
    charge by code, method, taxed and amount (the command names a charge by its code)."""
    figures: dict[str, object] = {}
    for key, value in answer.items():
        if key == "charges":
            assert isinstance(value, list)
            figures[key] = [
                (c["code"], c["method"], c["taxed"], Decimal(c["amount"])) for c in value
            ]
        elif isinstance(value, str):
            figures[key] = Decimal(value)
        else:
            figures[key] = value
    return figures


def test_a_step_tariff_typed_in_prices_the_manuals_445_and_is_saved(
    qtbot: QtBot, window: AdminWindow, screens_dir: Path
) -> None:
    _open_tariffs(qtbot, window)
    editor = _editor(qtbot, window, Qt.Key.Key_Insert)
    assert editor.code.hasFocus()
    qtbot.keyClicks(editor.code, "res-step")
    qtbot.keyClicks(editor.name, "Residential step")
    _choose_kind(qtbot, editor, 1)
    assert editor.kind.currentData() == "step"
    _type_steps(qtbot, editor, STEPS)
    _preview(qtbot, editor, energy=True, value="600")
    priced = editor.preview.priced
    assert priced is not None and priced.net == Decimal("445.00")  # 120 + 225 + 100
    lines = editor.preview.energy_lines.text()
    assert "0 to 200 kWh: 200.0 kWh at 0.6" in lines
    assert "200 to 500 kWh: 300.0 kWh at 0.75" in lines
    assert "above 500 kWh: 100.0 kWh at 1.0" in lines
    save_screen(window, screens_dir, "admin-tariff-step-editor-en")
    qtbot.keyClick(editor.preview.value, Qt.Key.Key_Return)  # prices the sample, saves nothing
    assert editor.isVisible() and list_tariffs(window.service.database) == []

    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=lambda k: k == "tariffs"):
        qtbot.keyClick(_line(editor, "stepPrice3"), Qt.Key.Key_Return)
    row = window.tariffs.selected()
    assert row is not None and (row["code"], row["kind"], row["version"], row["meters"]) == (
        "RES-STEP", "step", 1, 0
    )  # fmt: skip
    assert tariff_of(window.service.database, "RES-STEP").versions[0].rate == MANUAL_STEPS


def test_the_preview_prices_as_starpos_price_does(
    qtbot: QtBot, window: AdminWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    service = window.service
    service.add("charge_item", {"code": "SVC", "name": "Service", "method": "times",
                                "amount": Decimal(2), "vat_applies": True})  # fmt: skip
    service.add("customer_type", {"code": "RES", "name": "Residential", "vat_rate": Decimal(15)})
    from starpos.db.enums import ChargeOccasion
    from starpos.masterdata.customer_type_charges import set_charges

    set_charges(service.database, service.operator, "RES", ChargeOccasion.VEND, ["SVC"])
    _open_tariffs(qtbot, window)
    editor = _editor(qtbot, window, Qt.Key.Key_Insert)
    qtbot.keyClicks(editor.code, "res-step")
    _choose_kind(qtbot, editor, 1)
    _type_steps(qtbot, editor, STEPS)
    assert editor.preview.customer_type.currentData() == "RES"
    common = ("--steps", "200:0.6,500:0.75,:1.0", "--vat", "15", "--charge", "SVC:times:2:taxed")
    for energy, value in ((False, "100"), (False, "523.45"), (True, "600"), (True, "123.4")):
        _preview(qtbot, editor, energy, value)
        wanted = ("--energy" if energy else "--net", value)
        figures = _figures(_starpos_price(capsys, *wanted, *common))
        assert _figures(_as_json(editor.preview.priced)) == figures
    editor.kind.setFocus()
    qtbot.keyClick(editor.kind, Qt.Key.Key_Up)  # flat
    assert editor.kind.currentData() == "flat"
    _type(qtbot, editor.flat, "0.85")
    _preview(qtbot, editor, False, "250")
    assert _figures(_as_json(editor.preview.priced)) == _figures(
        _starpos_price(
            capsys,
            "--net",
            "250",
            "--price",
            "0.85",
            "--vat",
            "15",
            "--charge",
            "SVC:times:2:taxed",
        )
    )
    editor.reject()


def test_a_tou_tariff_typed_in_and_its_refusals(
    qtbot: QtBot, window: AdminWindow, screens_dir: Path
) -> None:
    _open_tariffs(qtbot, window)
    editor = _editor(qtbot, window, Qt.Key.Key_Insert)
    qtbot.keyClicks(editor.code, "ind-tou")
    qtbot.keyClicks(editor.name, "Industrial time of use")
    _choose_kind(qtbot, editor, 2)
    assert editor.kind.currentData() == "tou"
    for index, unit_price in enumerate(("0.6", "0.75", "1.0"), 1):
        qtbot.keyClicks(_line(editor, f"touPrice{index}"), unit_price)
    assert editor.problem.text().startswith("T4 has no price")  # a missing index price
    qtbot.keyClicks(_line(editor, "touPrice4"), "1.3")
    qtbot.keyClicks(_line(editor, "day1"), "01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2")
    qtbot.keyClicks(_line(editor, "day2"), "00:00 T2")
    qtbot.keyClicks(_line(editor, "week1"), "1 1 1 1 1 2 2")
    qtbot.keyClicks(_line(editor, "holidays"), "01-01 D2, 25:00 D2")
    assert editor.problem.text() == ("25:00 D2 is not a date and a tariff: write it like 01-01 D2.")
    _type(qtbot, _line(editor, "holidays"), "01-01 D2")
    _type(qtbot, _line(editor, "day1"), "01:00 T1, 8h T3")
    assert editor.problem.text().startswith("Day tariff 1: 8h T3 is not a switch.")
    _type(qtbot, _line(editor, "day1"), "01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2")
    assert editor.problem.text() == ""

    preview = editor.preview
    preview.set_sale_time(datetime(2027, 3, 3, 19, 0))  # a Wednesday, 19:00: T4
    _preview(qtbot, editor, False, "130")
    assert preview.priced is not None and preview.priced.energy_kwh == Decimal("100.0")
    assert "T4 is in force at the sale time: 100.0 kWh at 1.3" in preview.energy_lines.text()
    preview.set_sale_time(datetime(2027, 3, 6, 19, 0))  # a Saturday: day tariff 2, T2
    assert preview.priced is not None and preview.priced.energy_kwh == Decimal("173.3")
    editor.tou.setCurrentIndex(1)
    save_screen(window, screens_dir, "admin-tariff-tou-editor-en")

    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=lambda k: k == "tariffs"):
        qtbot.keyClick(_line(editor, "day1"), Qt.Key.Key_Return)
    rate = tariff_of(window.service.database, "IND-TOU").versions[0].rate
    assert isinstance(rate, pricing.TouRate)
    assert rate.scheme.prices == (Decimal("0.6"), Decimal("0.75"), Decimal("1.0"), Decimal("1.3"))
    assert rate.scheme.week_tariffs == (pricing.WeekTariff(1, (1, 1, 1, 1, 1, 2, 2)),)
    assert rate.scheme.holidays == (pricing.Holiday(1, 1, 2),)
    assert pricing.tariff_index_at(rate.scheme, datetime(2027, 3, 3, 0, 30)) == 2


@pytest.mark.parametrize("language", ["en", "fr", "zh_CN"])
def test_a_bad_step_is_refused_in_the_editor_and_nothing_is_saved(
    qtbot: QtBot, window: AdminWindow, screens_dir: Path, language: str
) -> None:
    _open_tariffs(qtbot, window)
    before = list_tariffs(window.service.database)
    switch_language(language)
    editor = _editor(qtbot, window, Qt.Key.Key_Insert)
    qtbot.keyClicks(editor.code, "bad-step")
    _choose_kind(qtbot, editor, 1)
    _type_steps(qtbot, editor, (("500", "0.6"), ("200", "0.75"), ("", "1.0")))
    expected = {
        "en": "Step 2 ends at 200 kWh, not after its start at 500 kWh",
        "fr": "La tranche 2 finit à 200 kWh",
        "zh_CN": "第 2 档",
    }[language]
    assert expected in editor.problem.text()
    qtbot.keyClick(_line(editor, "stepPrice3"), Qt.Key.Key_Return)  # Save: refused
    assert editor.isVisible() and _line(editor, "stepEnd2").hasFocus()
    save_screen(window, screens_dir, f"admin-tariff-refused-{language}")
    _type(qtbot, _line(editor, "stepPrice1"), "-1")
    assert editor.problem.text() != "" and editor.preview.priced is None
    qtbot.keyClick(_line(editor, "stepPrice1"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    assert list_tariffs(window.service.database) == before


@pytest.mark.slow
def test_a_new_version_is_dated_and_older_sales_keep_the_old_price(
    qtbot: QtBot,
    demo_database: Database,
    app_look: None,  # noqa: F811
    screens_dir: Path,
) -> None:
    window = _open_window(qtbot, demo_database, "ADMIN1", "admin-demo")
    try:
        _open_tariffs(qtbot, window)
        page = window.tariffs
        page.search.setFocus()
        qtbot.keyClicks(page.search, "res-step")
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        old = tariff_of(demo_database, "RES-STEP")
        assert len(old.versions) == 1 and page.selected() is not None
        editor = _editor(qtbot, window, Qt.Key.Key_F2)
        assert not editor.code.isEnabled() and editor.kind.currentData() == "step"
        assert editor.steps.rate() == old.versions[0].rate  # starts as the version in force
        price_line = _line(editor, "stepPrice1")
        _type(qtbot, price_line, str(Decimal(price_line.text()) + Decimal("0.05")))
        start = datetime(2030, 1, 1)
        editor.effective.setDateTime(qt_moment(start))  # a backup tariff, from 2030
        editor.preview.set_sale_time(datetime(2029, 12, 31, 23, 0))
        assert "saved version from" in editor.preview.energy_lines.text()
        editor.preview.set_sale_time(datetime(2030, 1, 2, 9, 0))
        assert "version being edited, from 2030-01-01 00:00" in editor.preview.energy_lines.text()
        with qtbot.waitSignal(
            window.refreshed, timeout=5000, check_params_cb=lambda k: k == "tariffs"
        ):
            qtbot.keyClick(price_line, Qt.Key.Key_Return)
        row = page.selected()
        assert row is not None and row["code"] == "RES-STEP"
        assert (row["version"], row["versions"], row["next_from"]) == (1, 2, start)
        page.search.clear()
        save_screen(window, screens_dir, "admin-tariffs-en")
        new = tariff_of(demo_database, "RES-STEP")
        assert new.version_at(datetime(2029, 6, 1)) == old.versions[0]  # older sales: old price
        assert new.version_at(start).effective_from == start

        # meters use it: the delete is refused with the core's words, and nothing changes
        shown: list[str] = []
        window.funnel.shown.connect(lambda _code, text: shown.append(text))
        window.activateWindow()  # a closed dialog may leave no window active
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        QTimerYes.install()
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        assert shown[0].startswith("Cannot delete tariff RES-STEP: it is still used by meters")
        assert len(tariff_of(demo_database, "RES-STEP").versions) == 2
    finally:
        window.database.stop()
        window.close()


def test_an_operator_who_may_not_change_prices_sees_the_list_only(
    qtbot: QtBot,
    store: Database,
    app_look: None,  # noqa: F811
) -> None:
    from starpos.operators.accounts import add_operator, add_role

    star = login(store, "STAR", PASSWORD)
    add_role(store, star, "CLERK", "Clerk", ["admin_master_data"])
    add_operator(store, star, "CLERK1", "Clerk", "clerk-pass-1", roles=["CLERK"])
    from starpos.operators.passwords import change_password

    change_password(store, "CLERK1", "clerk-pass-1", "clerk-pass-2")
    window = _open_window(qtbot, store, "CLERK1", "clerk-pass-2")
    try:
        _open_tariffs(qtbot, window)
        page = window.tariffs
        assert not page.add_button.isEnabled()
        assert "Change tariffs and charges" in page.note.text()
        qtbot.keyClick(page.table, Qt.Key.Key_Insert)
        qtbot.wait(200)
        assert page.editor is None
    finally:
        window.database.stop()
        window.close()


def test_tou_day_tariff_times_read_back_as_typed(qtbot: QtBot) -> None:
    """A saved scheme fills the TOU pages in the same notation they are typed in."""
    from starpos.ui.admin.tou_editor import TouEditor

    scheme = pricing.TouScheme(
        (Decimal("0.6"), Decimal("0.75"), Decimal("1.0"), Decimal("1.3")),
        (pricing.DayTariff(1, (pricing.DaySwitch(time(1), 1), pricing.DaySwitch(time(8), 3))),),
        (pricing.WeekTariff(1, (1, 1, 1, 1, 1, 1, 1)),),
        (pricing.Season(5, 1, 1),),
        (pricing.Holiday(10, 1, 1, 2027),),
    )
    editor = TouEditor()
    editor.show_scheme(scheme)
    assert editor.days[0].text() == "01:00 T1, 08:00 T3"
    assert editor.holidays.text() == "2027-10-01 D1"
    assert editor.rate() == pricing.TouRate(scheme)


def test_tab_reaches_every_field_of_a_step_tariff_in_order(qtbot: QtBot) -> None:
    from starpos.masterdata.pricing_inputs import SampleSaleTerms

    editor = TariffEditor(SampleSaleTerms(pricing.PricingRules(), "USD", {}))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=5000)
    editor.kind.setCurrentIndex(1)
    editor.steps.add_step()
    qtbot.waitUntil(editor.steps.rows[-1][2].isVisible, timeout=5000)  # the layout shows it
    editor.code.setFocus()
    names = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        names.append(focused.objectName() or focused.property("text"))
        editor.focusNextChild()
        if QApplication.focusWidget() is editor.code:
            break
    assert names == [
        "tariffCode", "tariffName", "tariffFrom", "tariffKind",
        "stepEnd1", "stepPrice1", "stepEnd2", "stepPrice2", "stepEnd3", "stepPrice3",
        "stepEnd4", "stepPrice4", "addStep", "removeStep", "Save", "Cancel",
        "previewMode", "previewValue", "previewCustomerType", "previewAt", "previewEarlier",
    ]  # fmt: skip
