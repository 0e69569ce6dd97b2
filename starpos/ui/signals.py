"""Emitting Qt signals from Python without corrupting the interpreter.

PySide6 6.12 (the version pinned here) returns ``True`` from ``SignalInstance.emit()``
without taking a reference for the caller, so every emit drops one reference to ``True``.
On Python 3.11, where ``True`` is an ordinary object, a few hundred emits later its count
reaches zero and the interpreter aborts (``bool_dealloc``); we hit it in the window tests.
:func:`emit` gives the reference back. A probe at import time checks whether the running
PySide has the fault, so a fixed PySide is left alone. Every ``emit`` in ``starpos.ui``
goes through here (tests/unit/ui/test_signals.py walks the source for stray ones).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    probed = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.probed.emit()
    dropped = sys.getrefcount(True) < before
    if dropped:
        for _ in range(8):
            _incref(True)  # give back what the probe itself took
    return dropped


EMIT_DROPS_A_REFERENCE = _emit_drops_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe on a PySide whose emit drops a reference."""
    result = signal.emit(*args)
    if EMIT_DROPS_A_REFERENCE:
        _incref(result)
