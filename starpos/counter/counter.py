"""The counter on the application core: reads, the vend, vouchers, recovery and the devices.

This is what a cashier's window or a headless script sells through. It knows the store,
pricing, the durable vend (:mod:`starpos.vending`) and the printer package, and answers with
the small records of :mod:`starpos.counter.views`. Nothing here knows threads: calls block
on the database or a device, so a window runs each on the worker that owns the resource.
The database, the module, the printer and the first run's demo come in made
(:mod:`starpos.bootstrap.counter`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import cast

from sqlalchemy import select

from starpos import vending
from starpos.counter.module_link import ModuleLink
from starpos.counter.operators import CounterAuth
from starpos.counter.reads import CounterReads
from starpos.counter.shifts import CounterShifts
from starpos.counter.views import (
    DeviceState,
    PrintOutcome,
    VendOutcome,
)
from starpos.counter.vouchers import CounterPrinting, VoucherPrinter
from starpos.db import Database
from starpos.db.models import SystemParameters, Vend
from starpos.db.parameters import to_local
from starpos.devices.sm.errors import SmUnknownCommandError
from starpos.errors import DeviceError, StarposError, VendError
from starpos.masterdata import starting_kit
from starpos.module_admin.key_standing import KeyStanding, key_standings, warnings
from starpos.operators.session import OperatorSession
from starpos.shifts.printing import SlipPrinter
from starpos.vending import VendRequest
from starpos.vending.errors import ModuleOfflineError, VendInDoubtError
from starpos.vending.reconcile_audit import reconcile_and_record

#: Failures on the way to or from the module: its connection is opened afresh, and it may
#: hold a token the ledger has not booked yet (a window asks for the recovery).
MODULE_TROUBLE: tuple[type[StarposError], ...] = (
    DeviceError,
    ModuleOfflineError,
    VendInDoubtError,
)


class Counter(CounterReads):
    """The counter: reads, plus the vend, its recovery and the voucher."""

    def __init__(
        self,
        database: Database,
        module: ModuleLink,
        printer: VoucherPrinter,
        auth: CounterAuth,
        seed_demo: Callable[[], object],
        key_warning_days: Callable[[], int] = lambda: 30,
    ) -> None:
        """``seed_demo()`` fills an empty store with the demo utility (a first run's choice);
        ``key_warning_days()``: how long before a module key expires the counter warns,
        asked at each check so that a change in the settings window applies without a
        restart (the setting is declared as applying at once)."""
        super().__init__(database, module)
        self.key_warning_days = key_warning_days
        self.auth = auth
        self.printing = CounterPrinting(database, printer)
        self.shifts = CounterShifts(database, cast(SlipPrinter, printer))
        self._seed_demo = seed_demo

    def vend(self, request: VendRequest, operator: OperatorSession) -> VendOutcome:
        """Sell through the durable vend; the module is dropped after a device failure."""
        try:
            result = vending.sell(
                self.database,
                self.module.access(),
                request.sold_by(operator.actor),
            )
        except (DeviceError, VendError) as error:
            if isinstance(error, MODULE_TROUBLE):
                self.module.drop()  # reconnect (with the current settings) next time
            raise
        return VendOutcome(
            bill_number=result.bill_number,
            meter_number=result.meter_number,
            customer_name=result.customer_name,
            token=result.token,
            energy_kwh=result.breakdown.token_kwh,
            net=result.breakdown.net,
            paid=result.tendered,
            change=result.change,
            issued_at=datetime.now(),
        )

    def recover_pending(self, operator: OperatorSession) -> list[VendOutcome]:
        """Book the tokens the module produced for vends that did not hear back, then
        reconcile the module's life with the books (its verdict audited when it changes)."""
        with self.module.access().exclusive() as module:
            report = vending.recover(self.database, module)
            reconcile_and_record(self.database, module, operator.actor, why="start")
        return [self._outcome(bill) for bill in report.recovered]

    def key_warnings(self) -> list[KeyStanding]:
        """The module's keys that expire within ``key_warning_days()``, or have (STS202-6)."""
        with self.module.access().exclusive() as module:
            try:
                registry = module.key_registry()
            except SmUnknownCommandError:
                return []  # a module that cannot name its keys: nothing to warn about
        return warnings(key_standings(registry, date.today(), self.key_warning_days()))

    def _outcome(self, bill_number: str) -> VendOutcome:
        with self.database.reading() as session:
            vend = session.scalars(select(Vend).where(Vend.bill_number == bill_number)).one()
            return VendOutcome(
                bill_number=vend.bill_number,
                meter_number=vend.meter.number,
                customer_name=vend.customer.name,
                token=vend.tokens[-1].token if vend.tokens else "",  # the credit token comes last
                energy_kwh=vend.token_kwh,
                net=vend.net_amount,
                paid=vend.tendered,
                change=vend.change,
                issued_at=to_local(session, vend.issued_at or vend.created_at).replace(tzinfo=None),
            )

    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome:
        return self.printing.print_voucher(bill_number, operator, reprint)

    def preview_voucher(self, bill_number: str, operator: OperatorSession) -> bytes:
        return self.printing.preview_voucher(bill_number)

    def printer_state(self) -> DeviceState:
        return self.printing.printer_state()

    def test_print(self) -> None:
        self.printing.test_print()

    def seed_demo(self) -> object:
        return self._seed_demo()

    def start_empty(self) -> bool:
        """Give an empty store the operator STAR and the starting kit (a first run's other
        choice); False when it already has operators."""
        return starting_kit.start_empty(self.database)

    def is_empty(self) -> bool:
        """True for a database with no utility in it yet (a first run)."""
        with self.database.reading() as session:
            return session.get(SystemParameters, 1) is None

    def close(self) -> None:
        self.module.close()
        self.database.close()
