"""The core's counter (:mod:`starpos.counter`) on the window's workers.

Thin by design: each method hands the call to the core unchanged and only states which
worker owns it (``@runs_on``), so a call from the GUI thread or the wrong worker fails
loudly instead of freezing the window (DESIGN.md rule 2).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.bootstrap.counter import open_counter
from starpos.counter import Counter, CounterAuth
from starpos.counter.card_desk import CounterCardDesk
from starpos.counter.card_desk_views import CardBlanked, CardIssued, CardOnDesk, MeterReading
from starpos.counter.cards import CounterCards
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
from starpos.operators.session import OperatorSession
from starpos.reports.runner import ReportResult, ReportRunner
from starpos.settings import Settings
from starpos.shifts import CountLine, Movement, ShiftInfo, ZInfo
from starpos.shifts.limits import FloatStanding
from starpos.ui.threading.workers import Workers, runs_on
from starpos.vending.sale import VendRequest


class AuthOnWorkers:
    """:class:`~starpos.ui.services.AuthService` on the database worker."""

    def __init__(self, core: CounterAuth) -> None:
        self.core = core

    @runs_on(Workers.DATABASE)
    def login(self, code: str, password: str) -> OperatorSession:
        return self.core.login(code, password)

    @runs_on(Workers.DATABASE)
    def change_password(self, code: str, old_password: str, new_password: str) -> None:
        self.core.change_password(code, old_password, new_password)

    @runs_on(Workers.DATABASE)
    def check_password(self, code: str, password: str) -> None:
        self.core.check_password(code, password)

    @runs_on(Workers.DATABASE)
    def log_out(self, code: str) -> None:
        self.core.log_out(code)


class CounterOnWorkers:
    """:class:`~starpos.ui.services.CounterService`: reads on the database worker, the vend
    and the module on the module worker, vouchers and the printer on the printer worker."""

    def __init__(self, core: Counter) -> None:
        self.core = core

    @runs_on(Workers.DATABASE)
    def rules(self) -> CounterRules:
        return self.core.rules()

    @runs_on(Workers.DATABASE)
    def look_up(self, meter_number: str) -> CustomerCard:
        return self.core.look_up(meter_number)

    @runs_on(Workers.DATABASE)
    def quote(self, meter_number: str, net: Decimal) -> Quote:
        return self.core.quote(meter_number, net)

    @runs_on(Workers.DATABASE)
    def shift_vends(self, operator: OperatorSession) -> list[ShiftVend]:
        return self.core.shift_vends(operator)

    @runs_on(Workers.DATABASE)
    def last_bill_number(self, operator: OperatorSession) -> str | None:
        return self.core.last_bill_number(operator)

    @runs_on(Workers.DATABASE)
    def seed_demo(self) -> object:
        return self.core.seed_demo()

    @runs_on(Workers.DATABASE)
    def start_empty(self) -> object:
        return self.core.start_empty()

    # -- the shift (starpos.counter.shifts): records on the database worker, paper on the
    # printer worker.
    @runs_on(Workers.DATABASE)
    def shift_current(self, operator: OperatorSession) -> ShiftInfo | None:
        return self.core.shifts.current(operator)

    @runs_on(Workers.DATABASE)
    def shift_drawer(self) -> tuple[tuple[Decimal, ...], list[tuple[str, str]]]:
        """The denominations the drawer is counted in and the payment methods."""
        return self.core.shifts.denominations(), self.core.shifts.payments()

    @runs_on(Workers.DATABASE)
    def shift_open(
        self, operator: OperatorSession, pieces: dict[Decimal, int], total: Decimal | None
    ) -> ShiftInfo:
        return self.core.shifts.open(operator, pieces, total)

    @runs_on(Workers.DATABASE)
    def shift_move(
        self,
        operator: OperatorSession,
        shift_id: int,
        kind: CashMovementKind,
        amount: Decimal,
        reason: str,
    ) -> Movement:
        return self.core.shifts.move(operator, shift_id, kind, amount, reason)

    @runs_on(Workers.DATABASE)
    def shift_x(self, operator: OperatorSession, shift_id: int) -> Slip:
        return self.core.shifts.x_slip(operator, shift_id)

    @runs_on(Workers.DATABASE)
    def shift_end(
        self,
        operator: OperatorSession,
        shift_id: int,
        cash_pieces: dict[Decimal, int],
        others: dict[str, Decimal],
    ) -> ShiftInfo:
        return self.core.shifts.end(operator, shift_id, cash_pieces, others)

    @runs_on(Workers.DATABASE)
    def shift_supervisor(self, code: str, password: str) -> OperatorSession:
        """The supervisor who closes, logged in with their password (audited)."""
        return self.core.auth.login(code, password)

    @runs_on(Workers.DATABASE)
    def shift_preview_close(
        self, supervisor: OperatorSession, shift_id: int
    ) -> tuple[tuple[CountLine, ...], Decimal]:
        return self.core.shifts.preview_close(supervisor, shift_id)

    @runs_on(Workers.DATABASE)
    def shift_close(
        self, supervisor: OperatorSession, shift_id: int, reason: str
    ) -> tuple[str, int, Slip]:
        """Close and make the Z: its till, its number and the Z as the paper shows it."""
        z = self.core.shifts.close(supervisor, shift_id, reason).z
        return z.till, z.number, self.core.shifts.z_slip(z.till, z.number)

    @runs_on(Workers.DATABASE)
    def shift_z_pdf(self, till: str, number: int) -> bytes:
        return self.core.shifts.z_pdf(till, number)

    @runs_on(Workers.DATABASE)
    def shift_z_list(self, till: str) -> list[ZInfo]:
        return self.core.shifts.z_list(till)

    @runs_on(Workers.DATABASE)
    def shift_z_slip(self, till: str, number: int) -> Slip:
        return self.core.shifts.z_slip(till, number)

    @runs_on(Workers.DATABASE)
    def shift_correct_z(
        self,
        operator: OperatorSession,
        till: str,
        number: int,
        reason: str,
        counted: dict[str, Decimal],
    ) -> tuple[str, int, Slip]:
        """Correct a Z: the correction's till, number and slip (as :meth:`shift_close`)."""
        z = self.core.shifts.correct(operator, till, number, reason, counted)
        return z.till, z.number, self.core.shifts.z_slip(z.till, z.number)

    @runs_on(Workers.DATABASE)
    def shift_day_preview(self, supervisor: OperatorSession, day: date | None) -> DayOnScreen:
        return self.core.shifts.day_preview(supervisor, day)

    @runs_on(Workers.DATABASE)
    def shift_day_close(self, supervisor: OperatorSession, day: date) -> date:
        return self.core.shifts.close_day(supervisor, day)

    @runs_on(Workers.DATABASE)
    def shift_day_pdf(self, supervisor: OperatorSession, day: date) -> bytes:
        return self.core.shifts.day_pdf(supervisor, day)

    @runs_on(Workers.DATABASE)
    def shift_float_standing(self, viewer: OperatorSession) -> list[FloatStanding]:
        return self.core.shifts.float_standing(viewer)

    @runs_on(Workers.DATABASE)
    def shift_set_float_limit(
        self, administrator: OperatorSession, standing: FloatStanding, limit: Decimal | None
    ) -> bool:
        return self.core.shifts.set_float_limit(administrator, standing, limit)

    @runs_on(Workers.PRINTER)
    def shift_print_movement(self, movement: Movement) -> None:
        self.core.shifts.print_movement(movement)

    @runs_on(Workers.PRINTER)
    def shift_print(self, slip: Slip) -> None:
        self.core.shifts.print_slip(slip)

    @runs_on(Workers.PRINTER)
    def shift_print_z(self, operator: OperatorSession, till: str, number: int) -> int:
        return self.core.shifts.print_z(operator, till, number)

    @runs_on(Workers.PRINTER)
    def shift_print_day(self, operator: OperatorSession, day: date) -> int | None:
        return self.core.shifts.print_day(operator, day)

    @runs_on(Workers.MODULE)
    def module_state(self) -> DeviceState:
        return self.core.module_state()

    @runs_on(Workers.MODULE)
    def key_warnings(self) -> list[KeyStanding]:
        return self.core.key_warnings()

    @runs_on(Workers.MODULE)
    def vend(self, request: VendRequest, operator: OperatorSession) -> VendOutcome:
        return self.core.vend(request, operator)

    @runs_on(Workers.MODULE)
    def recover_pending(self, operator: OperatorSession) -> list[VendOutcome]:
        return self.core.recover_pending(operator)

    @runs_on(Workers.PRINTER)
    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome:
        return self.core.print_voucher(bill_number, operator, reprint)

    @runs_on(Workers.PRINTER)
    def preview_voucher(self, bill_number: str, operator: OperatorSession) -> bytes:
        return self.core.preview_voucher(bill_number, operator)

    @runs_on(Workers.PRINTER)
    def printer_state(self) -> DeviceState:
        return self.core.printer_state()

    @runs_on(Workers.PRINTER)
    def test_print(self) -> None:
        self.core.test_print()

    def is_empty(self) -> bool:
        """True for a first run (a quick read, done once before the first window shows)."""
        return self.core.is_empty()

    def close(self) -> None:
        """After the workers stopped: close the module and the database."""
        self.core.close()


class CardsOnWorkers:
    """:class:`~starpos.ui.services.CardService`: reads, card vends and the card desk's
    flows on the card worker; the card sales left in doubt and the meter data from cards
    on the database worker (the reader stays free)."""

    def __init__(self, core: CounterCards) -> None:
        self.core = core
        self.desk = CounterCardDesk(core)

    def watch(self, on_change: Callable[[CardPresence], None]) -> Stoppable:
        return self.core.watch(on_change)  # the monitor has its own thread

    @runs_on(Workers.CARD)
    def read(self, reader: str, operator: OperatorSession) -> CardReading:
        return self.core.read(reader, operator)

    @runs_on(Workers.CARD)
    def reader_state(self) -> DeviceState:
        return self.core.reader_state()

    @runs_on(Workers.CARD)
    def vend(self, request: VendRequest, operator: OperatorSession, reader: str) -> VendOutcome:
        return self.core.vend(request, operator, reader)

    @runs_on(Workers.CARD)
    def inspect(self, reader: str) -> CardOnDesk:
        return self.desk.inspect(reader)

    @runs_on(Workers.CARD)
    def issue_card(self, meter_number: str, reader: str, operator: OperatorSession) -> CardIssued:
        return self.desk.issue(meter_number, reader, operator)

    @runs_on(Workers.CARD)
    def replace_card(
        self, meter_number: str, reason: str, reader: str, operator: OperatorSession
    ) -> CardIssued:
        return self.desk.replace(meter_number, reason, reader, operator)

    @runs_on(Workers.CARD)
    def blank_card(
        self, reader: str, operator: OperatorSession, discard_credit: bool, expected_serial: str
    ) -> CardBlanked:
        return self.desk.blank(reader, operator, discard_credit, expected_serial)

    @runs_on(Workers.DATABASE)
    def meter_readings(self, meter_number: str, operator: OperatorSession) -> list[MeterReading]:
        return self.desk.meter_readings(meter_number, operator)

    @runs_on(Workers.DATABASE)
    def flagged_readings(self, operator: OperatorSession) -> list[MeterReading]:
        return self.desk.flagged_readings(operator)

    @runs_on(Workers.DATABASE)
    def pending_sales(self) -> list[PendingCardSale]:
        return self.core.pending_sales()

    def close(self) -> None:
        """After the workers stopped: release the card reader."""
        self.core.close()


class ReportsOnWorkers:
    """:class:`~starpos.ui.services.ReportService`: reports and look-ups on the database
    worker (a report over a large store takes seconds: never on the GUI thread)."""

    def __init__(self, core: ReportRunner) -> None:
        self.core = core

    @runs_on(Workers.DATABASE)
    def run(self, name: str, choice: dict[str, Any]) -> ReportResult:
        return self.core.run(name, choice)

    @runs_on(Workers.DATABASE)
    def export(self, name: str, choice: dict[str, Any], path: Path) -> int:
        return self.core.export(name, choice, path)

    @runs_on(Workers.DATABASE)
    def find_vouchers(self, text: str) -> list[dict[str, Any]]:
        return self.core.find_vouchers(text)


def reports_on_workers(counter: CounterOnWorkers) -> ReportsOnWorkers:
    """The reports of the counter's own store."""
    return ReportsOnWorkers(ReportRunner(counter.core.database))


def on_workers(auth: CounterAuth, counter: Counter) -> tuple[AuthOnWorkers, CounterOnWorkers]:
    """The core's logins and counter as the window's two services."""
    return AuthOnWorkers(auth), CounterOnWorkers(counter)


def cards_on_workers(cards: CounterCards) -> CardsOnWorkers:
    """Card mode for a counter: its card reads and card vends on the card worker."""
    return CardsOnWorkers(cards)


def open_services(
    settings: Settings,
) -> tuple[AuthOnWorkers, CounterOnWorkers, CardsOnWorkers]:
    """Open the configured database and devices (the composition root makes them from
    ``settings``), as the window's services."""
    auth, counter, cards = open_counter(settings)
    return AuthOnWorkers(auth), CounterOnWorkers(counter), cards_on_workers(cards)
