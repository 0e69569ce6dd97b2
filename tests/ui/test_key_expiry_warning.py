"""STS202-6 at the counter: a module key near its expiry is shown in the status bar, and a
supervisor is told once at login; a cashier sees the bar only."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from starpos.devices.sm.kmf import KeyInfo
from starpos.module_admin.key_standing import standing_of
from starpos.operators.permissions import CLOSE_SHIFT, VEND
from starpos.ui.counter_app import CounterApp
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import FakeAuth, FakeCounter, FakeOperator


def _expiring(days: int) -> object:
    today = date.today()
    info = KeyInfo(
        register=2,
        sgc="654321",
        krn=1,
        key_type=2,
        ken=255,
        dkga=2,
        ea=7,
        base_date=2014,
        usage="credit",
        activation=today - timedelta(days=300),
        issued_until=today + timedelta(days=days),
        credit_limit_tenths=18_000_000,
    )
    return standing_of(info, today, 30)


def test_the_status_bar_and_the_supervisor_hear_of_an_expiring_key(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter, fake_auth: FakeAuth
) -> None:
    fake_auth.operators["BOSS"] = FakeOperator(
        "BOSS", "Bea Supervisor", "pw-boss", frozenset({VEND, CLOSE_SHIFT})
    )
    fake_counter.expiring_keys = [_expiring(9)]  # type: ignore[list-item]
    told: list[str] = []
    counter_app.funnel.shown.connect(lambda code, text: told.append(f"{code}: {text}"))
    window = log_in(qtbot, counter_app, "BOSS", "pw-boss")
    label = window.status.keys_label
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text() == "Module key expires in 9 day(s)"
    expires = (date.today() + timedelta(days=9)).isoformat()
    assert label.toolTip() == f"Key 02 (SGC 654321, KRN 1): until {expires}"
    # Asked on the module's worker, like the module's state.
    assert fake_counter.threads["key_warnings"] == fake_counter.threads["module_state"]
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == [f"module.key_expiry: Key 02 (SGC 654321, KRN 1): until {expires}"]


def test_a_cashier_sees_the_bar_only(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    fake_counter.expiring_keys = [_expiring(-1)]  # type: ignore[list-item]
    told: list[str] = []
    counter_app.funnel.shown.connect(lambda code, _text: told.append(code))
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    qtbot.waitUntil(window.status.keys_label.isVisible, timeout=5000)
    assert window.status.keys_label.text() == "Module key expired"
    qtbot.wait(100)
    assert told == []


def test_no_warning_when_every_key_is_good(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    qtbot.waitUntil(lambda: "key_warnings" in fake_counter.threads, timeout=5000)
    qtbot.wait(50)
    assert not window.status.keys_label.isVisible()
