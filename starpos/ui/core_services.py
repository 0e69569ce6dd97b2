"""The window's two services on the application core: store, auth, pricing and devices.

This is the only module of the UI that knows the core's names. It converts the core's
records into the small view records of :mod:`starpos.ui.services` and runs each call on the
worker that owns the resource (``@runs_on``), so a call from the GUI thread fails loudly.
"""

from __future__ import annotations

import importlib
from datetime import datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import PaymentKind
from starpos.db.models import Customer, DefaultAmount, Meter, Operator, PaymentTerm, Vend
from starpos.errors import DeviceError, VendError
from starpos.i18n import tr_noop
from starpos.master_data import system_parameters, to_local, to_utc, utility_now
from starpos.meter_lookup import lookup_meter
from starpos.pricing import Breakdown, price_from_net
from starpos.pricing_inputs import sale_context
from starpos.settings import Settings
from starpos.sts.meter_number import parse_meter_number
from starpos.ui.core_auth import CoreAuth
from starpos.ui.core_devices import ModuleLink
from starpos.ui.services import (
    CounterRules,
    CustomerCard,
    DeviceState,
    OperatorSession,
    PaymentMethod,
    PrintOutcome,
    Quote,
    QuoteLine,
    ShiftVend,
    VendOutcome,
    VendRequest,
)
from starpos.ui.services import (
    DefaultAmount as DefaultAmountView,
)
from starpos.ui.workers import Workers, runs_on

if TYPE_CHECKING:
    from starpos.ui.core_printing import CorePrinting

VAT = tr_noop("breakdown", "VAT")
DEBT = tr_noop("breakdown", "Debt repayment")
PREINSTALLED = tr_noop("breakdown", "Pre-installed amount")
PREARRANGE = tr_noop("breakdown", "Prearrange amount")
NO_REASON = tr_noop("pos", "no reason recorded")
#: Vend errors after which the module connection is opened afresh.
MODULE_TROUBLE = ("vend.module_offline", "vend.in_doubt")


class CoreCounterReads:
    """The counter's reads: rules, look-up, quote, this shift's vends, device states."""

    def __init__(self, database: Database, settings: Settings, module: ModuleLink) -> None:
        self.database = database
        self.settings = settings
        self.module = module

    @runs_on(Workers.DATABASE)
    def rules(self) -> CounterRules:
        with self.database.reading() as session:
            parameters = system_parameters(session)
            amounts = session.scalars(select(DefaultAmount).order_by(DefaultAmount.position))
            terms = session.scalars(
                select(PaymentTerm).where(PaymentTerm.active).order_by(PaymentTerm.id)
            )
            return CounterRules(
                currency=parameters.currency,
                decimals=parameters.amount_decimals,
                default_amounts=tuple(DefaultAmountView(row.amount) for row in amounts),
                payment_methods=tuple(
                    PaymentMethod(term.code, term.name, term.kind == PaymentKind.CASH)
                    for term in terms
                ),
            )

    @runs_on(Workers.DATABASE)
    def look_up(self, meter_number: str) -> CustomerCard:
        with self.database.reading() as session:
            info = lookup_meter(session, meter_number)
            if info.customer_code is None:
                from starpos.meter_lookup import MeterNotInstalledError

                raise MeterNotInstalledError(number=info.number)
            reason = ""
            if info.customer_status == "blacklisted":
                # The store keeps no separate blacklist reason; the customer's remark says why.
                remark = session.scalars(
                    select(Customer.remark).where(Customer.code == info.customer_code)
                ).first()
                reason = remark or NO_REASON
            last = info.last_purchase
            return CustomerCard(
                meter_number=info.number,
                customer_code=info.customer_code,
                name=info.customer_name or "",
                address=info.customer_address or "",
                meter_model=info.model,
                tariff=info.tariff_name or "-",
                status=info.customer_status or "active",
                debt=info.outstanding_debt,
                last_purchase_at=to_local(session, last.at).replace(tzinfo=None) if last else None,
                last_purchase_net=last.net_amount if last else None,
                blacklist_reason=reason,
            )

    @runs_on(Workers.DATABASE)
    def quote(self, meter_number: str, net: Decimal) -> Quote:
        with self.database.reading() as session:
            number = parse_meter_number(meter_number)
            meter = session.scalars(select(Meter).where(Meter.number == number.iain)).one()
            breakdown = price_from_net(net, sale_context(session, meter, utc_now()))
            return quote_from(breakdown)

    @runs_on(Workers.DATABASE)
    def shift_vends(self, operator: OperatorSession) -> list[ShiftVend]:
        """The operator's vends since local midnight (shifts are not recorded yet)."""
        with self.database.reading() as session:
            start = to_utc(session, datetime.combine(utility_now(session).date(), time()))
            rows = session.execute(
                select(Vend, Customer.name)
                .join(Customer, Customer.id == Vend.customer_id)
                .join(Operator, Operator.id == Vend.operator_id)
                .where(Operator.code == operator.code, Vend.created_at >= start)
                .order_by(Vend.created_at)
            ).all()
            return [
                ShiftVend(
                    issued_at=to_local(session, vend.created_at).replace(tzinfo=None),
                    bill_number=vend.bill_number,
                    meter_number=vend.meter.number,
                    customer_name=name,
                    net=vend.net_amount,
                    energy_kwh=vend.token_kwh,
                    token=vend.tokens[0].token if vend.tokens else "",
                    state=str(vend.state).upper(),
                )
                for vend, name in rows
            ]

    @runs_on(Workers.DATABASE)
    def last_bill_number(self, operator: OperatorSession) -> str | None:
        vends = self.shift_vends(operator)
        issued = [vend for vend in vends if vend.token]
        return issued[-1].bill_number if issued else None

    @runs_on(Workers.MODULE)
    def module_state(self) -> DeviceState:
        return self.module.state()


def quote_from(breakdown: Breakdown) -> Quote:
    """The breakdown as the window shows it: every line that is not zero, then the Amount."""
    lines: list[QuoteLine] = [QuoteLine(line.name, line.amount) for line in breakdown.charges]
    extra: list[tuple[str, Any]] = [
        (VAT, breakdown.vat),
        (DEBT, breakdown.debt_repayment),
        (PREINSTALLED, breakdown.preinstalled),
        (PREARRANGE, breakdown.prearrange),
    ]
    lines += [QuoteLine(label, value) for label, value in extra if value]
    return Quote(
        net=breakdown.net,
        amount=breakdown.amount,
        lines=tuple(lines),
        vat=breakdown.vat,
        debt_repayment=breakdown.debt_repayment,
        energy_kwh=breakdown.token_kwh,
        warning=breakdown.exceeds_warn_amount,
    )


class VendServiceMissing(VendError):
    code = "ui.vend_service_missing"
    template = (
        "This installation cannot sell yet: its vend service is missing. Nothing was sold "
        "and no money should be taken; ask your installer to update StarPOS."
    )


class PrinterServiceMissing(DeviceError):
    code = "ui.printer_service_missing"
    template = (
        "This installation has no voucher printer support. The sale is kept; ask your "
        "installer to update StarPOS, then reprint the voucher."
    )


class CoreCounter(CoreCounterReads):
    """The counter on the core: reads, plus the vend and the voucher when they are installed.

    The durable vend (``starpos.vending``) and the printer package are other parts of the
    product; until they are present a vend or a print is refused with a typed message
    before anything is written or charged.
    """

    def __init__(
        self, database: Database, settings: Settings, module: ModuleLink, auth: CoreAuth
    ) -> None:
        super().__init__(database, settings, module)
        self.auth = auth
        self.printing: CorePrinting | None = None
        try:
            from starpos.ui.core_printing import CorePrinting
        except ImportError:  # a build without the printer package: prints are refused
            pass
        else:
            self.printing = CorePrinting(database, settings)

    @runs_on(Workers.MODULE)
    def vend(self, request: VendRequest, operator: OperatorSession) -> VendOutcome:
        vending = _vend_service()
        if vending is None:
            raise VendServiceMissing()
        core_session = self.auth.sessions[operator.code]
        try:
            result = self._sell(vending, request, core_session)
        except (DeviceError, VendError) as error:
            if isinstance(error, DeviceError) or error.code in MODULE_TROUBLE:
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

    def _sell(self, vending: Any, request: VendRequest, core_session: Any) -> Any:
        return vending.sell(
            self.database,
            self.module.access(),
            vending.VendRequest(
                meter=request.meter_number,
                net=request.net,
                operator_code=core_session.operator_code,
                payment=request.payment_method,
                tendered=request.paid,
                sales_point_code=core_session.sales_point_code,
                terminal_code=core_session.terminal_code,
                confirmed=request.confirmed,
            ),
        )

    @runs_on(Workers.MODULE)
    def recover_pending(self, operator: OperatorSession) -> list[VendOutcome]:
        vending = _vend_service()
        if vending is None:
            return []  # without the vend service nothing can be pending
        with self.module.access().exclusive() as module:
            report = vending.recover(self.database, module)
        return [self._outcome(bill) for bill in report.recovered]

    def _outcome(self, bill_number: str) -> VendOutcome:
        with self.database.reading() as session:
            vend = session.scalars(select(Vend).where(Vend.bill_number == bill_number)).one()
            return VendOutcome(
                bill_number=vend.bill_number,
                meter_number=vend.meter.number,
                customer_name=vend.customer.name,
                token=vend.tokens[0].token if vend.tokens else "",
                energy_kwh=vend.token_kwh,
                net=vend.net_amount,
                paid=vend.tendered,
                change=vend.change,
                issued_at=to_local(session, vend.issued_at or vend.created_at).replace(tzinfo=None),
            )

    @runs_on(Workers.PRINTER)
    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome:
        return self._printing().print_voucher(
            bill_number, self.auth.sessions[operator.code], reprint
        )

    @runs_on(Workers.PRINTER)
    def preview_voucher(self, bill_number: str, operator: OperatorSession) -> bytes:
        return self._printing().preview_voucher(bill_number)

    @runs_on(Workers.PRINTER)
    def printer_state(self) -> DeviceState:
        if self.printing is None:
            return DeviceState(online=False, detail=tr_noop("status", "no printer support"))
        return self.printing.printer_state()

    @runs_on(Workers.PRINTER)
    def test_print(self) -> None:
        self._printing().test_print()

    def _printing(self) -> CorePrinting:
        if self.printing is None:
            raise PrinterServiceMissing()
        return self.printing

    @runs_on(Workers.DATABASE)
    def seed_demo(self) -> object:
        from starpos.demo.seed import seed_demo

        return seed_demo(self.database)

    def is_empty(self) -> bool:
        """True for a database with no utility in it yet (a first run)."""
        from starpos.db.models import SystemParameters

        with self.database.reading() as session:
            return session.get(SystemParameters, 1) is None

    def close(self) -> None:
        self.module.close()
        self.database.close()


def _vend_service() -> Any:
    """``starpos.vending`` when this build has the durable vend, else None."""
    try:
        return importlib.import_module("starpos.vending")
    except ImportError:
        return None


def open_services(settings: Settings) -> tuple[CoreAuth, CoreCounter]:
    """Open the configured database (upgraded to the current schema) and the devices."""
    database = Database.open()
    core_auth = CoreAuth(database)
    return core_auth, CoreCounter(database, settings, ModuleLink(settings), core_auth)
