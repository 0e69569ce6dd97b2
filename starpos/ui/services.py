"""What the cashier's window needs from the application core, and nothing more.

The windows never talk SQL, serial or ESC/POS: they call these small interfaces on the
right worker thread (:mod:`starpos.ui.threading.workers`). :mod:`starpos.ui.core_services`
puts the core's counter (:mod:`starpos.counter`) behind them; tests may pass any object
with the same methods. Every failure a person can cause or meet is a typed
:class:`starpos.errors.StarposError` (or ``StsError``) shown through the error funnel.

Which worker runs what (DESIGN.md rule 2): authentication, look-ups, quotes and lists on
the ``database`` worker; the vend and the module's state on the ``module`` worker; printing,
previews and the printer's state on the ``printer`` worker; card reads, card vends and the
card desk's issue, replace and blank on the ``card`` worker (meter data from cards, a store
read, on the ``database`` worker).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from starpos.counter.card_desk_views import CardBlanked, CardIssued, CardOnDesk, MeterReading
from starpos.counter.shifts import DayOnScreen
from starpos.counter.views import (
    CardPresence,
    CardReading,
    CounterRules,
    CustomerCard,
    DeviceState,
    PendingCardSale,
    PrintOutcome,
    Quote,
    ShiftVend,
    Stoppable,
    VendOutcome,
)
from starpos.db.enums import CashMovementKind
from starpos.devices.printer.slip import Slip
from starpos.module_admin.key_standing import KeyStanding
from starpos.operators.permissions import (
    INSTALLER_SETTINGS,
    MANAGE_METERS,
    REFUND,
    REPLACE_METER,
    REPRINT,
    VEND,
    VIEW_REPORTS,
)
from starpos.operators.session import OperatorSession
from starpos.reports.runner import ReportResult
from starpos.shifts import CountLine, Movement, ShiftInfo, ZInfo
from starpos.shifts.limits import FloatStanding
from starpos.vending.sale import VendRequest

__all__ = [  # the permissions the window checks
    "INSTALLER_SETTINGS",
    "MANAGE_METERS",
    "REFUND",
    "REPLACE_METER",
    "REPRINT",
    "VEND",
    "VIEW_REPORTS",
]


class AuthService(Protocol):
    def login(self, code: str, password: str) -> OperatorSession: ...

    def change_password(self, code: str, old_password: str, new_password: str) -> None: ...

    def check_password(self, code: str, password: str) -> None:
        """Raise an ``AuthError`` unless ``password`` is this operator's (unlocking)."""
        ...

    def log_out(self, code: str) -> None:
        """The operator left the counter (audited)."""
        ...


class CounterService(Protocol):
    def rules(self) -> CounterRules: ...

    def look_up(self, meter_number: str) -> CustomerCard: ...

    def quote(self, meter_number: str, net: Decimal) -> Quote: ...

    def vend(self, request: VendRequest, operator: OperatorSession) -> VendOutcome: ...

    def recover_pending(self, operator: OperatorSession) -> list[VendOutcome]:
        """Finish the vends the module was asked for but did not answer (module worker).

        Called when the module answers again after a vend failed on a device error; the
        tokens it produced meanwhile are booked and returned, never issued twice.
        """
        ...

    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome: ...

    def last_bill_number(self, operator: OperatorSession) -> str | None: ...

    def preview_voucher(self, bill_number: str, operator: OperatorSession) -> bytes:
        """The voucher as a PNG image, rendered from the same layout as the paper."""
        ...

    def shift_vends(self, operator: OperatorSession) -> list[ShiftVend]: ...

    # The shift (starpos.counter.shifts; docs/shifts.md): records on the database
    # worker, paper on the printer worker.
    def shift_current(self, operator: OperatorSession) -> ShiftInfo | None: ...

    def shift_drawer(self) -> tuple[tuple[Decimal, ...], list[tuple[str, str]]]: ...

    def shift_open(
        self, operator: OperatorSession, pieces: dict[Decimal, int], total: Decimal | None
    ) -> ShiftInfo: ...

    def shift_move(
        self,
        operator: OperatorSession,
        shift_id: int,
        kind: CashMovementKind,
        amount: Decimal,
        reason: str,
    ) -> Movement: ...

    def shift_x(self, operator: OperatorSession, shift_id: int) -> Slip: ...

    def shift_end(
        self,
        operator: OperatorSession,
        shift_id: int,
        cash_pieces: dict[Decimal, int],
        others: dict[str, Decimal],
    ) -> ShiftInfo: ...

    def shift_supervisor(self, code: str, password: str) -> OperatorSession: ...

    def shift_preview_close(
        self, supervisor: OperatorSession, shift_id: int
    ) -> tuple[tuple[CountLine, ...], Decimal]: ...

    def shift_close(
        self, supervisor: OperatorSession, shift_id: int, reason: str
    ) -> tuple[str, int, Slip]: ...

    def shift_z_pdf(self, till: str, number: int) -> bytes: ...

    def shift_z_list(self, till: str) -> list[ZInfo]:
        """The till's Zs, newest first."""
        ...

    def shift_z_slip(self, till: str, number: int) -> Slip: ...

    def shift_correct_z(
        self,
        operator: OperatorSession,
        till: str,
        number: int,
        reason: str,
        counted: dict[str, Decimal],
    ) -> tuple[str, int, Slip]: ...

    def shift_day_preview(self, supervisor: OperatorSession, day: date | None) -> DayOnScreen:
        """``day`` (None: today) at the sales point: all its shifts closed?, the day closed
        already?, and the day as it stands (the shifts still open named on it) or as its
        close recorded it."""
        ...

    def shift_day_close(self, supervisor: OperatorSession, day: date) -> date:
        """Close ``day`` (as ``starpos shift day-close``): the day closed, to print."""
        ...

    def shift_day_pdf(self, supervisor: OperatorSession, day: date) -> bytes:
        """The day as PDF (DUPLICATE once its close was printed)."""
        ...

    def shift_float_standing(self, viewer: OperatorSession) -> list[FloatStanding]:
        """The float limits of the sales point and the operators, and how much is used."""
        ...

    def shift_set_float_limit(
        self, administrator: OperatorSession, standing: FloatStanding, limit: Decimal | None
    ) -> bool:
        """Set the limit; False when it was that already (nothing written)."""
        ...

    def shift_print_movement(self, movement: Movement) -> None: ...

    def shift_print(self, slip: Slip) -> None: ...

    def shift_print_z(self, operator: OperatorSession, till: str, number: int) -> int: ...

    def shift_print_day(self, operator: OperatorSession, day: date) -> int | None:
        """Print the day: a closed day's prints are counted (None: a preview, uncounted)."""
        ...

    def module_state(self) -> DeviceState: ...

    def key_warnings(self) -> list[KeyStanding]:
        """The module's keys that expire soon or have expired (STS202-6)."""
        ...

    def printer_state(self) -> DeviceState: ...

    def test_print(self) -> None: ...

    def close(self) -> None: ...


class ReportService(Protocol):
    """The manual's reports and the reprint look-up (database worker)."""

    def run(self, name: str, choice: dict[str, Any]) -> ReportResult: ...

    def export(self, name: str, choice: dict[str, Any], path: Path) -> int: ...

    def find_vouchers(self, text: str) -> list[dict[str, Any]]: ...


class CardService(Protocol):
    """SUN cards at the counter (absent when no card reader service is set up)."""

    def watch(self, on_change: Callable[[CardPresence], None]) -> Stoppable:
        """Report every card in or out; ``on_change`` runs on a background thread."""
        ...

    def read(self, reader: str, operator: OperatorSession) -> CardReading: ...

    def reader_state(self) -> DeviceState:
        """The counter's card reader for the status bar (card worker)."""
        ...

    def vend(self, request: VendRequest, operator: OperatorSession, reader: str) -> VendOutcome: ...

    # The card desk (card worker): what the card holds, issue, replace, blank.
    def inspect(self, reader: str) -> CardOnDesk:
        """Read and verify the card in ``reader``; writes nothing anywhere."""
        ...

    def issue_card(
        self, meter_number: str, reader: str, operator: OperatorSession
    ) -> CardIssued: ...

    def replace_card(
        self, meter_number: str, reason: str, reader: str, operator: OperatorSession
    ) -> CardIssued:
        """``reason``: ``lost`` or ``broken``."""
        ...

    def blank_card(
        self, reader: str, operator: OperatorSession, discard_credit: bool, expected_serial: str
    ) -> CardBlanked:
        """``expected_serial``: the card shown to the operator; another card is refused."""
        ...

    # Meter data from cards (database worker).
    def meter_readings(
        self, meter_number: str, operator: OperatorSession
    ) -> list[MeterReading]: ...

    def flagged_readings(self, operator: OperatorSession) -> list[MeterReading]: ...

    def pending_sales(self) -> list[PendingCardSale]:
        """The card sales left in doubt, oldest first (database worker: no card needed)."""
        ...

    def close(self) -> None: ...
