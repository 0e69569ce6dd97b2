"""Customers with their meters from a CSV file (manual 3.3 by file; docs/csv-formats.md).

One row a meter: rows with the same ``customer_code`` are one customer with several meters
(a row without a code is a customer of its own, numbered by the "customer" rule). Every
row is checked first: the customer type, region and tariff codes, the meter number and its
check digit, that the meter is in stock and not installed, a meter twice in the file, a
customer code the store already has, one code given two names. One bad row refuses the
whole file with every problem named; a good file is registered in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import StockStatus
from starpos.db.models import Customer, CustomerType, Meter, Region, TariffScheme
from starpos.masterdata import customers, meter_stock, terms
from starpos.masterdata.changes import CodeTakenError, UnknownRecordError, changing
from starpos.masterdata.csv_rows import (
    CsvRows,
    CsvValueError,
    DuplicateInFileError,
    read_csv,
)
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.meter_ranges import numbering_here, operator_id
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.sts.errors import StsError
from starpos.sts.meter_number import parse_meter_number

REQUIRED = ("name", "customer_type", "meter_number", "tariff")
KNOWN = (*REQUIRED, "customer_code", "address", "telephone", "id_number", "region")
_CHUNK = 900


@dataclass
class _Customer:
    line: int
    code: str | None
    values: dict[str, str]
    meters: list[tuple[str, str]] = field(default_factory=list)  # (IAIN, tariff code)


@dataclass(frozen=True)
class CustomerImportResult:
    customers: int
    meters: int


def import_customers(database: Database, by: OperatorSession, path: Path) -> CustomerImportResult:
    """Register every customer of the file with their meters, or none."""
    by.require(permissions.REGISTER_CUSTOMER)
    rows = read_csv(path, REQUIRED, KNOWN)
    with changing(
        database, by, permissions.REGISTER_CUSTOMER, f"customers:{path.name}", "customer file"
    ) as change:
        session = change.session
        types = set(session.scalars(select(CustomerType.code)))
        regions = set(session.scalars(select(Region.code)))
        tariffs = set(session.scalars(select(TariffScheme.code)))
        by_code: dict[str, _Customer] = {}
        people: list[_Customer] = []
        meter_lines: dict[str, int] = {}
        for line, row in rows:
            if row["customer_type"].upper() not in types:
                rows.problem(
                    line,
                    "customer_type",
                    UnknownRecordError(what=terms.CUSTOMER_TYPE, code=row["customer_type"] or "-"),
                )
            if row.get("region") and row["region"].upper() not in regions:
                rows.problem(
                    line, "region", UnknownRecordError(what=terms.REGION, code=row["region"])
                )
            if row["tariff"].upper() not in tariffs:
                rows.problem(
                    line, "tariff", UnknownRecordError(what=terms.TARIFF, code=row["tariff"] or "-")
                )
            if not row["name"]:
                rows.problem(line, "name", CsvValueError(value="''", allowed="a name"))
            number = None
            try:
                number = parse_meter_number(row["meter_number"]).iain
            except StsError as error:
                rows.problem(line, "meter_number", error)
            if number is not None:
                if number in meter_lines:
                    rows.problem(
                        line,
                        "meter_number",
                        DuplicateInFileError(value=number, other=meter_lines[number]),
                    )
                else:
                    meter_lines[number] = line
            code = row.get("customer_code", "").upper() or None
            person = by_code.get(code) if code else None
            if person is None:
                person = _Customer(line, code, row)
                people.append(person)
                if code:
                    by_code[code] = person
            elif person.values["name"] != row["name"]:
                rows.problem(
                    line,
                    "name",
                    CsvValueError(
                        value=row["name"], allowed=f"{person.values['name']} (line {person.line})"
                    ),
                )
            if number is not None:
                person.meters.append((number, row["tariff"].upper()))
        _check_store(session, rows, list(by_code), meter_lines)
        rows.refuse_if_any()
        numbering = numbering_here(session, by)
        by_id = operator_id(session, by.code)
        count = 0
        for person in people:
            customer = customers.register_customer(
                session,
                name=person.values["name"],
                customer_type_code=person.values["customer_type"].upper(),
                numbering=numbering,
                address=person.values.get("address", ""),
                telephone=person.values.get("telephone", ""),
                id_number=person.values.get("id_number") or None,
                region_code=(person.values.get("region") or "").upper() or None,
                code=person.code,
            )
            stocked = [n for n, _ in person.meters]
            in_stock = [
                n
                for n in stocked
                if session.scalar(select(Meter.stock_status).where(Meter.number == n))
                is StockStatus.IN_STOCK
            ]
            if in_stock:
                meter_stock.stock_out(session, in_stock, numbering=numbering, operator_id=by_id)
            for number, tariff in person.meters:
                meter_stock.install_meter(
                    session,
                    number,
                    customer_code=customer.code,
                    tariff_code=tariff,
                    install_date=numbering.when.date(),
                )
                count += 1
        change.details.update(file=path.name, customers=len(people), meters=count)
    return CustomerImportResult(len(people), count)


def _check_store(
    session: Session, rows: CsvRows, codes: list[str], meter_lines: dict[str, int]
) -> None:
    """Codes the store already has; meters it lacks, or has installed or not in stock."""
    wanted = list(meter_lines)
    found: dict[str, StockStatus] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(
            session.execute(
                select(Meter.number, Meter.stock_status).where(Meter.number.in_(chunk))
            ).all()
        )
    for number, line in meter_lines.items():
        status = found.get(number)
        if status is None:
            rows.problem(line, "meter_number", UnknownMeterError(number=number))
        elif status not in (StockStatus.IN_STOCK, StockStatus.ISSUED):
            rows.problem(
                line,
                "meter_number",
                meter_stock.MeterNotAvailableError(number=number, status=str(status)),
            )
    for start in range(0, len(codes), _CHUNK):
        chunk = codes[start : start + _CHUNK]
        for code in session.scalars(select(Customer.code).where(Customer.code.in_(chunk))):
            line = next(line for line, row in rows if row.get("customer_code", "").upper() == code)
            rows.problem(line, "customer_code", CodeTakenError(what=terms.CUSTOMER, code=code))
