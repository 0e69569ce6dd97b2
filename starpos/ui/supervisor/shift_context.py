"""What the Shift menu is given (:class:`ShiftContext`, the counter window's context) and
what the menu's parts use of the menu (:class:`ShiftMenuPlumbing`): protocols in a module
of their own, so a part (``z_reports``) and the menu that holds it never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QMainWindow

from starpos.counter.views import CounterRules
from starpos.operators.session import OperatorSession
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import CounterService
from starpos.ui.threading.workers import JobFailure, Workers


class ShiftContext(Protocol):
    """What the menu needs of the counter window's context (``ui.pos.CounterContext``)."""

    @property
    def counter(self) -> CounterService: ...
    @property
    def rules(self) -> CounterRules: ...
    @property
    def session(self) -> OperatorSession: ...
    @property
    def workers(self) -> Workers: ...
    @property
    def funnel(self) -> ErrorFunnel: ...


class ShiftMenuPlumbing(Protocol):
    """The Shift menu as its parts use it: its context, window, the till, and the way it
    runs work on the workers and shows boxes (``ui.supervisor.shift_menu.ShiftMenu``)."""

    context: ShiftContext
    window: QMainWindow
    decimals: int

    def till(self) -> str: ...
    def save_pdf(self, till: str, number: int) -> None: ...
    def _db(self, function: Any, *args: Any, then: Callable[[Any], None]) -> None: ...
    def _print(self, function: Any, *args: Any) -> None: ...
    def _failed(self, failure: JobFailure) -> None: ...
    def _show(self, dialog: QDialog) -> None: ...
