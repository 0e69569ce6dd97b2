"""Signals can be emitted all day: PySide 6.12's reference leak on emit is compensated."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from starpos.ui.signals import emit

UI_PACKAGE = Path(__file__).resolve().parents[3] / "starpos" / "ui"


class Source(QObject):
    happened = Signal()
    carried = Signal(object)


def test_thousands_of_emits_leave_true_and_none_alone(qapp: QCoreApplication) -> None:
    source = Source()
    received: list[object] = []
    source.carried.connect(received.append)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(5000):
        emit(source.happened)
        emit(source.carried, None)
    del received[:]
    # A few references come and go elsewhere; a leak would be thousands.
    assert abs(sys.getrefcount(True) - true_before) < 50
    assert abs(sys.getrefcount(None) - none_before) < 50


def test_the_installed_pyside_keeps_reference_counts(qapp: QCoreApplication) -> None:
    from starpos.ui.application import pyside_drops_references

    assert not pyside_drops_references()


def test_no_signal_in_the_ui_is_emitted_directly() -> None:
    stray = []
    for path in UI_PACKAGE.rglob("*.py"):
        if path.name == "signals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "emit":
                stray.append(f"{path.name}:{node.lineno}")
    assert stray == []
