"""The main job without a screen: one sale at the counter, end to end, on embedded defaults.

``starpos demo run`` opens the cashier's window where there is a display. Where there is
none (a server, a CI machine, an SSH session) it shows the same job headless: a demo
cashier logs in, sells a default amount to the first active keypad meter through the
secure-module emulator, and the voucher prints on the virtual printer, which writes it as
a PNG. Everything goes through the same core code as the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.counter.vouchers import CounterPrinting, VoucherPrinter
from starpos.db import Database
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, PaymentMode
from starpos.db.models import Customer, Meter, MeterModel
from starpos.devices.printer.virtual.launcher import output_folder
from starpos.errors import StarposError
from starpos.operators.login import login
from starpos.vending import ModuleAccess, VendRequest, sell

DEMO_CASHIER = ("CASH1", "cash-demo")  # resources/demo/master_data.json


class NoDemoMeterError(StarposError):
    code = "demo.no_meter"
    template = "There is no active prepaid keypad meter to sell to; run starpos demo seed first."


@dataclass(frozen=True)
class DemoSale:
    bill_number: str
    meter_number: str
    customer_name: str
    net: Decimal
    energy_kwh: Decimal
    token: str
    voucher_png: Path | None


def first_sellable_meter(session: Session) -> str:
    number = session.scalars(
        select(Meter.number)
        .join(Meter.model)
        .join(Meter.customer)
        .where(
            Meter.medium == MeterMedium.KEYPAD,
            Meter.contract_status == ContractStatus.ACTIVE,
            MeterModel.payment_mode == PaymentMode.PREPAID,
            Customer.status == CustomerStatus.ACTIVE,
        )
        .order_by(Meter.number)
        .limit(1)
    ).first()
    if number is None:
        raise NoDemoMeterError()
    return str(number)


def sell_one(
    database: Database,
    open_module: Callable[[], ModuleAccess],
    printer: VoucherPrinter,
    net: Decimal,
) -> DemoSale:
    """Log in as the demo cashier, sell ``net`` to a demo meter through the module
    ``open_module()`` opens, and print its voucher on ``printer``."""
    code, password = DEMO_CASHIER
    operator = login(database, code, password)
    with database.reading() as session:
        meter_number = first_sellable_meter(session)
    request = VendRequest(
        meter=meter_number,
        net=net,
        operator_code=code,
        payment="cash",
        sales_point_code=operator.sales_point_code,
    )
    with open_module() as access:
        result = sell(database, access, request)
    already = set(output_folder().glob("*.png"))
    CounterPrinting(database, printer).print_voucher(result.bill_number, operator, reprint=False)
    printed = sorted(set(output_folder().glob("*.png")) - already)
    return DemoSale(
        bill_number=result.bill_number,
        meter_number=result.meter_number,
        customer_name=result.customer_name,
        net=result.breakdown.net,
        energy_kwh=result.breakdown.token_kwh,
        token=result.token,
        voucher_png=printed[-1] if printed else None,
    )
