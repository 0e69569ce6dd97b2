"""A small hand-made store whose every report answer is known (tests of starpos/reports).

The utility's time zone is the demo's Africa/Lagos (UTC+1, no daylight saving), so a sale at
23:30 UTC on 30 November belongs to the utility's 1 December: the day boundary is tested.
"As of" is 2026-12-01 wherever a report counts days.

    meter  customer      model  stock      condition    dates                         key
    M1     C1 Alpha      SK-1P  installed  good         installed 2026-01-15          1993/255
    M2     C2 Beta 北京  SK-1P  installed  good         installed 2012-01-30 (+60d)   2014
    M3     -             SC-1P  in stock   good         ex-factory 2015-02-01 (+62d)  2014
    M4     -             SP-1P  in stock   maintenance  ex-factory 2010-06-01 (-548d) 2014
    M5     C4 Delta      SK-1P  installed  good         installed 2026-02-01          2014
    C3 Gamma has no meter.

Sales (UTC): V1 M1 10.00/57.8 kWh 11-30 23:30 printed cash CASH1; V2 M1 25.00/198.2 12-01
12:00 issued card CASH2; V3 M2 5.00/20.0 11-30 10:00 printed; V4 M2 50.00 12-01 13:00
failed; V5 M2 7.00/28.0 08-01 09:00 printed; V6 M5 9.00/36.0 09-15 10:00 printed; V7 M5
11-20 failed.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.enums import (
    ContractStatus,
    MeterCondition,
    MeterMedium,
    StockStatus,
    VendState,
)
from starpos.db.models import (
    CardReading,
    CardTamperEvent,
    Customer,
    CustomerType,
    Meter,
    MeterModel,
    Operator,
    PaymentTerm,
    Vend,
    VendCharge,
    VendToken,
)
from starpos.demo.master_data_loader import demo_file, load_master_data, read_json
from starpos.pricing import ChargeMethod

AS_OF = date(2026, 12, 1)
NUMBERS = {
    "M1": ("47300000008", "600727473000000081"),
    "M2": ("47300000016", "600727473000000164"),
    "M3": ("47300000024", "600727473000000248"),
    "M4": ("47300000032", "600727473000000321"),
    "M5": ("47300000040", "600727473000000404"),
}
TOKENS = {
    "V1": "11111111111111111111",
    "V2": "22222222222222222222",
    "V3": "33333333333333333333",
    "V5": "55555555555555555555",
    "V6": "66666666666666666666",
}


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def build_world(url: str) -> None:
    with Database.open(url) as database, database.unit_of_work() as uow:
        session = uow.session
        load_master_data(session, read_json(demo_file("master_data.json")))
        session.flush()
        _facts(session)
        uow.commit()


def _id(session: Session, model: type, code: str) -> int:
    return int(session.scalars(select(model.id).where(model.code == code)).one())  # type: ignore[attr-defined]


def _facts(session: Session) -> None:
    res = _id(session, CustomerType, "RES")
    customers = {
        "C1": Customer(code="C1", name="Alpha", address="1 Road", customer_type_id=res,
                       registered_on=date(2026, 1, 10)),
        "C2": Customer(code="C2", name="Beta 北京", address="2 Road", customer_type_id=res,
                       registered_on=date(2026, 3, 5)),
        "C3": Customer(code="C3", name="Gamma", address="3 Road", customer_type_id=res,
                       registered_on=date(2026, 6, 1)),
        "C4": Customer(code="C4", name="Delta", address="4 Road", customer_type_id=res,
                       registered_on=date(2026, 1, 20)),
    }  # fmt: skip
    session.add_all(customers.values())
    session.flush()
    models = {code: _id(session, MeterModel, code) for code in ("SK-1P", "SC-1P", "SP-1P")}

    def meter(key: str, model: str, **values: object) -> Meter:
        number, pan = NUMBERS[key]
        found = Meter(
            number=number, pan=pan, model_id=models[model], sgc="123456", ti=1, krn=1,
            ken=255, key_type=2, tid_base_year=2014, key_register="1", **values,
        )  # fmt: skip
        session.add(found)
        return found

    installed = {"stock_status": StockStatus.INSTALLED, "contract_status": ContractStatus.ACTIVE}
    m1 = meter("M1", "SK-1P", customer_id=customers["C1"].id, install_date=date(2026, 1, 15),
               **installed)  # fmt: skip
    m1.tid_base_year = 1993
    m2 = meter("M2", "SK-1P", customer_id=customers["C2"].id, install_date=date(2012, 1, 30),
               **installed)  # fmt: skip
    meter("M3", "SC-1P", medium=MeterMedium.CARD, ex_factory_date=date(2015, 2, 1))
    meter("M4", "SP-1P", condition=MeterCondition.MAINTENANCE, ex_factory_date=date(2010, 6, 1))
    m5 = meter("M5", "SK-1P", customer_id=customers["C4"].id, install_date=date(2026, 2, 1),
               **installed)  # fmt: skip
    session.flush()
    cash1 = _id(session, Operator, "CASH1")
    cash2 = _id(session, Operator, "CASH2")
    point = session.get(Operator, cash1).sales_point_id  # type: ignore[union-attr]
    cash, card = _id(session, PaymentTerm, "CASH"), _id(session, PaymentTerm, "CARD")

    def vend(key: str, meter: Meter, net: str, kwh: str, at: datetime, state: VendState,
             operator: int = cash1, payment: int = cash) -> None:  # fmt: skip
        row = Vend(
            request_id=str(uuid.uuid4()), bill_number=f"B-{key}", state=state,
            meter_id=meter.id, customer_id=meter.customer_id, operator_id=operator,
            sales_point_id=point, payment_term_id=payment, tendered=Decimal(net),
            net_amount=Decimal(net), amount=Decimal(net) - Decimal("1.00"),
            taxed_charges=Decimal("0.80"), vat=Decimal("0.20"), energy_kwh=Decimal(kwh),
            token_kwh=Decimal(kwh), created_at=at,
            issued_at=at if state is not VendState.FAILED else None,
        )  # fmt: skip
        row.charges.append(
            VendCharge(position=1, method=ChargeMethod.BY_TIMES, code="SVC", name="Service",
                       amount=Decimal("0.80"), taxed=True)
        )  # fmt: skip
        if key in TOKENS:
            row.tokens.append(
                VendToken(position=1, kind="credit", token=TOKENS[key], created_at=at)
            )
        session.add(row)

    vend("V1", m1, "10.00", "57.8", utc(2026, 11, 30, 23, 30), VendState.PRINTED)
    vend("V2", m1, "25.00", "198.2", utc(2026, 12, 1, 12), VendState.ISSUED, cash2, card)
    vend("V3", m2, "5.00", "20.0", utc(2026, 11, 30, 10), VendState.PRINTED)
    vend("V4", m2, "50.00", "200.0", utc(2026, 12, 1, 13), VendState.FAILED)
    vend("V5", m2, "7.00", "28.0", utc(2026, 8, 1, 9), VendState.PRINTED)
    vend("V6", m5, "9.00", "36.0", utc(2026, 9, 15, 10), VendState.PRINTED)
    vend("V7", m5, "9.00", "36.0", utc(2026, 11, 20, 10), VendState.FAILED)

    cashier = Actor("CASH1", "SP01")
    append(session, AuditKind.LOGIN, subject="operator:CASH1", actor=cashier,
           at=utc(2026, 12, 1, 7))  # fmt: skip
    append(session, AuditKind.LOGIN_FAILED, subject="operator:NOBODY",
           details={"reason": "unknown"}, at=utc(2026, 12, 1, 7, 5))  # fmt: skip
    append(session, AuditKind.VEND, subject="vend:B-V1", actor=cashier, at=utc(2026, 12, 1, 8))
    append(session, AuditKind.LOGOUT, subject="operator:CASH1", actor=cashier,
           at=utc(2026, 12, 1, 15))  # fmt: skip
    append(session, AuditKind.LOGIN, subject="operator:CASH2", actor=Actor("CASH2", "SP01"),
           at=utc(2026, 11, 29, 7))  # fmt: skip

    def reading(
        meter: Meter, read: datetime, clock: datetime, months: list[str],
        tampers: list[tuple[str, datetime]], overloads: int, digest: str,
    ) -> None:  # fmt: skip
        row = CardReading(
            meter_id=meter.id, card_serial="00000000000000AA", read_at=read,
            record_digest=digest * 64, last_loaded_sequence=1, remaining_kwh=Decimal("3.0"),
            cumulative_kwh=Decimal("100.0"), relay_open=False, relay_open_count=0,
            power_cut_count=0, tamper_count=len(tampers), overload_count=overloads,
            warning_level=0, overdraft_used_kwh=Decimal("0.0"), meter_clock=clock,
            firmware="1.0", new_overloads=overloads, flagged=bool(overloads),
            **{f"month_{n}_kwh": Decimal(value) for n, value in enumerate(months)},
        )  # fmt: skip
        row.tamper_events = [
            CardTamperEvent(position=position, kind=kind, at=at)
            for position, (kind, at) in enumerate(tampers, start=1)
        ]
        session.add(row)

    cover = ("cover-open", utc(2026, 11, 5, 8))
    reading(m5, utc(2026, 11, 10, 9), utc(2026, 11, 10, 9, 50),
            ["5.0", "30.0", "31.0", "32.0", "33.0", "34.0"], [cover], 2, "a")  # fmt: skip
    reading(m5, utc(2026, 11, 25, 9), utc(2026, 11, 25, 9, 40),
            ["12.5", "30.0", "31.0", "32.0", "33.0", "34.0"],
            [("magnet", utc(2026, 11, 20, 14)), cover], 0, "b")  # fmt: skip
