"""Demo customers and their meters, made reproducibly from a random seed.

Meter numbers are valid STS numbers (``make_meter_number``: both check digits right); each
meter's SGC, KRN, key type, KEN, DKGA, EA and TID base date are those of one demo vending
key in ``resources/demo/keys.json`` and ``key_register`` names that key's module register,
so the module emulator loaded with the demo keys can make tokens for every demo meter.
Meters go the way real ones do: stocked in new, stocked out for installation, installed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import Region
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.customers import register_customer
from starpos.masterdata.meter_stock import (
    NewMeter,
    cancel_contract,
    install_meter,
    stock_in_new,
    stock_out,
)
from starpos.sts.meter_number import LONG_IIN, SHORT_IIN, make_meter_number

BATCH = 250

# Customer type -> (weight, [(meter model, weight)], tariff scheme)
TYPES: dict[str, tuple[int, list[tuple[str, int]], str]] = {
    "RES": (80, [("SK-1P", 85), ("SC-1P", 12), ("SP-1P", 3)], "RES-STEP"),
    "LIFE": (10, [("SK-1P", 100)], "LIFE-FLAT"),
    "COM": (8, [("SK-1P", 60), ("SK-3P", 40)], "COM-FLAT"),
    "IND": (2, [("SK-3P", 100)], "IND-TOU"),
}


@dataclass(frozen=True)
class PopulationReport:
    customers: int
    meters_installed: int
    meters_in_stock: int
    blacklisted: int
    cancelled_contracts: int
    with_debt: int


@dataclass(frozen=True)
class _Planned:
    type_code: str
    name: str
    address: str
    id_number: str | None
    region: str
    models: list[str]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([name for name, _ in weighted], [w for _, w in weighted])[0]


def _plan(
    rng: random.Random, count: int, people: dict[str, Any], towns: list[tuple[str, str]]
) -> list[_Planned]:
    kinds = [(code, spec[0]) for code, spec in TYPES.items()]
    planned = []
    for _ in range(count):
        type_code = _pick(rng, kinds)
        region, town = rng.choice(towns)
        if type_code in ("COM", "IND"):
            name = f"{rng.choice(people['companies'])} {rng.choice(people['surnames'])}"
            id_number = None
        else:
            name = f"{rng.choice(people['first_names'])} {rng.choice(people['surnames'])}"
            id_number = f"{rng.randrange(10**10, 10**11)}"
        address = f"{rng.randrange(1, 240)} {rng.choice(people['streets'])}, {town}"
        meters = 2 if rng.random() < 0.05 else 1
        models = [_pick(rng, TYPES[type_code][1]) for _ in range(meters)]
        planned.append(_Planned(type_code, name, address, id_number, region, models))
    return planned


def _new_meter(rng: random.Random, serial: int, model: str, keys: dict[str, Any]) -> NewMeter:
    key = keys["keys"][0] if rng.random() < 0.9 else keys["keys"][1]
    if rng.random() < 0.9:
        number = make_meter_number(LONG_IIN, keys["manufacturer_code"], serial)
    else:
        number = make_meter_number(SHORT_IIN, keys["short_manufacturer_code"], serial)
    return NewMeter(
        number=number.iain,
        sgc=key["sgc"],
        ti=keys["tariff_index"],
        krn=key["krn"],
        ken=key["ken"],
        key_type=key["key_type"],
        dkga=f"{key['dkga']:02d}",
        ea=f"{key['ea']:02d}",
        tid_base_year=key["base_date"],
        medium=MeterMedium.CARD if model.startswith("SC") else MeterMedium.KEYPAD,
        key_register=str(key["register"]),
        ex_factory_date=date(2025, 10, 1) + timedelta(days=rng.randrange(0, 120)),
    )


def populate(
    session: Session,
    *,
    customers: int,
    spare_meters: int,
    seed: int,
    people: dict[str, Any],
    keys: dict[str, Any],
    when: datetime,
) -> PopulationReport:
    """Register ``customers`` customers with installed meters, plus spare meters in stock.

    ``when`` is the utility's local time (bill numbers and dates follow it).
    """
    rng = random.Random(seed)
    towns = [
        (code, name)
        for code, name in session.execute(
            select(Region.code, Region.name).where(Region.level == 3).order_by(Region.code)
        )
    ]
    planned = _plan(rng, customers, people, towns)
    numbering = NumberingContext(when, sales_point_code="SP01", branch_code="BR01")
    serial = int(keys["first_serial"])
    by_model: dict[str, list[NewMeter]] = {}
    installs: list[tuple[int, NewMeter]] = []
    for index, plan in enumerate(planned):
        for model in plan.models:
            meter = _new_meter(rng, serial, model, keys)
            serial += 1
            by_model.setdefault(model, []).append(meter)
            installs.append((index, meter))
    spares = []
    for _ in range(spare_meters):
        meter = _new_meter(rng, serial, "SK-1P", keys)
        serial += 1
        by_model.setdefault("SK-1P", []).append(meter)
        spares.append(meter)

    for model, meters in by_model.items():
        for start in range(0, len(meters), BATCH):
            stock_in_new(
                session,
                meters[start : start + BATCH],
                model_code=model,
                branch_code="BR01",
                numbering=numbering,
            )
    to_install = [meter.number for _, meter in installs]
    for start in range(0, len(to_install), BATCH):
        stock_out(
            session, to_install[start : start + BATCH], drawer="Demo installer", numbering=numbering
        )

    # Every query below reads rows flushed above; autoflush would only repeat that work.
    with session.no_autoflush:
        return _register_and_install(session, rng, planned, installs, spares, numbering, when)


def _register_and_install(
    session: Session,
    rng: random.Random,
    planned: list[_Planned],
    installs: list[tuple[int, NewMeter]],
    spares: list[NewMeter],
    numbering: NumberingContext,
    when: datetime,
) -> PopulationReport:
    registered = []
    for plan in planned:
        customer = register_customer(
            session,
            name=plan.name,
            customer_type_code=plan.type_code,
            numbering=numbering,
            address=plan.address,
            id_number=plan.id_number,
            region_code=plan.region,
            registered_on=when.date() - timedelta(days=rng.randrange(30, 900)),
        )
        registered.append(customer)
    with_debt = blacklisted = cancelled = 0
    for index, new in installs:
        plan = planned[index]
        debt = Decimal(0)
        if rng.random() < 0.1:
            debt = Decimal(rng.randrange(500, 15000)) / 100
            with_debt += 1
        install_meter(
            session,
            new.number,
            customer_code=registered[index].code,
            tariff_code=TYPES[plan.type_code][2],
            install_date=when.date() - timedelta(days=rng.randrange(1, 700)),
            outstanding_debt=debt,
        )
        if rng.random() < 0.01:
            # The customer left: the contract ends but the meter stays on the wall.
            cancel_contract(session, new.number, numbering=numbering, return_to_stock=False)
            cancelled += 1
    for customer in registered:
        if rng.random() < 0.02:
            customer.status = CustomerStatus.BLACKLISTED
            blacklisted += 1
    session.flush()
    return PopulationReport(
        customers=len(registered),
        meters_installed=len(installs),
        meters_in_stock=len(spares),
        blacklisted=blacklisted,
        cancelled_contracts=cancelled,
        with_debt=with_debt,
    )
