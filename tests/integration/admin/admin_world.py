"""A utility set up from an empty store through the administration's own core functions.

``utility`` starts the store empty (STAR/star), changes STAR's password and fills in what
the set-up checklist asks for: company, branch and sales point, terminal T01, a meter
model, a step tariff, a customer type with VAT and a monthly charge, default amounts, a
cashier role and operator, twenty meters in stock by range and one customer with a meter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from starpos import pricing
from starpos.db import Database
from starpos.db.enums import ChargeOccasion
from starpos.masterdata.company import set_system_parameters
from starpos.masterdata.customer_type_charges import set_charges
from starpos.masterdata.default_amounts import set_default_amounts
from starpos.masterdata.meter_ranges import stock_in_range
from starpos.masterdata.meter_stock import NewMeter
from starpos.masterdata.records import add_record
from starpos.masterdata.registration import MeterContract, register_with_meters
from starpos.masterdata.starting_kit import start_empty
from starpos.masterdata.tariffs import add_tariff_scheme
from starpos.operators.accounts import add_operator, add_role
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import make_meter_number

STAR_PASSWORD = "lakeside-star-1"
FIRST = make_meter_number("600727", "58", 30_000_001).iain
LAST = make_meter_number("600727", "58", 30_000_020).iain
SECOND = make_meter_number("600727", "58", 30_000_002).iain


@dataclass(frozen=True)
class Utility:
    database: Database
    star: OperatorSession
    customer_code: str


def set_up(database: Database) -> Utility:
    start_empty(database)
    change_password(database, "STAR", "star", STAR_PASSWORD)
    star = login(database, "STAR", STAR_PASSWORD)
    set_system_parameters(
        database, star, company_name="Lakeside Power", currency="USD", time_zone="Africa/Lagos"
    )
    add_record(database, star, "branch", {"code": "BR01", "name": "Lakeside branch"})
    add_record(database, star, "sales_point", {"code": "SP01", "name": "Office", "branch": "BR01"})
    add_record(
        database, star, "terminal", {"code": "T01", "name": "Counter 1", "sales_point": "SP01"}
    )
    add_record(database, star, "meter_model", {"code": "KP1", "name": "Keypad"})
    steps = pricing.StepRate(
        (
            pricing.Step(Decimal(50), Decimal("0.10")),
            pricing.Step(Decimal(200), Decimal("0.15")),
            pricing.Step(None, Decimal("0.20")),
        )
    )
    add_tariff_scheme(database, star, "RES", "Residential", datetime(2026, 1, 1), steps)
    add_record(
        database,
        star,
        "charge_item",
        {"code": "SVC", "name": "Service", "method": "monthly", "amount": Decimal("1.50")},
    )
    add_record(
        database,
        star,
        "customer_type",
        {"code": "RES", "name": "Residential", "vat_rate": Decimal("7.5")},
    )
    set_charges(database, star, "RES", ChargeOccasion.VEND, ["SVC"])
    set_default_amounts(database, star, [Decimal(5), Decimal(10), Decimal(20)])
    add_role(database, star, "CASHIER", "Cashier", ["vend", "reprint"])
    add_operator(
        database, star, "CASH1", "Cashier", "temporary-1", sales_point_code="SP01",
        roles=["CASHIER"],
    )  # fmt: skip
    stock_in_range(
        database, star, FIRST, LAST, model_code="KP1", branch_code="BR01",
        key=NewMeter(number="", sgc="600101", ti=1, key_register="1", tid_base_year=2014),
    )  # fmt: skip
    code = register_with_meters(
        database, star, name="Ada Lake", customer_type_code="RES",
        meters=[MeterContract(FIRST, "RES")],
    )  # fmt: skip
    return Utility(database, star, code)
