"""Meters in stock from a CSV file (manual 3.1 by file; format in docs/csv-formats.md).

Every row is checked first: the meter number and its check digit, the model and branch
codes, the key data (SGC, TI, KRN, KEN, key type, DKGA, EA, base date), a meter twice in
the file, a meter the store already has. One bad row refuses the whole file with every
problem named (:class:`~starpos.masterdata.csv_rows.CsvRefusedError`); a good file is one
stock-in bill per (model, branch) written in one transaction with its audit entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import MeterMedium
from starpos.db.models import Branch, MeterModel
from starpos.masterdata import bill_numbers, terms
from starpos.masterdata.changes import UnknownRecordError, changing
from starpos.masterdata.csv_rows import (
    CsvRows,
    CsvValueError,
    DuplicateInFileError,
    read_csv,
    whole_in,
)
from starpos.masterdata.meter_ranges import numbering_here, operator_id
from starpos.masterdata.meter_stock import MeterAlreadyRegisteredError, NewMeter
from starpos.masterdata.stock_in_bulk import StockedMeter, existing_numbers, insert_new_meters
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.sts.errors import StsError
from starpos.sts.meter_number import parse_meter_number

REQUIRED = ("meter_number", "model", "branch", "sgc", "ti")
#: column -> (low, high, default) for the whole-number key data
_NUMBERS = {
    "krn": (1, 9, 1),
    "ken": (0, 255, 255),
    "key_type": (0, 3, 2),
}
_BASE_DATES = (1993, 2014, 2035)
KNOWN = (
    *REQUIRED,
    *_NUMBERS,
    "dkga",
    "ea",
    "base_date",
    "key_register",
    "medium",
    "ex_factory_date",
)


@dataclass(frozen=True)
class ImportResult:
    count: int
    bills: tuple[str, ...]


def check_meter_rows(
    rows: CsvRows,
    models: dict[str, int],
    branches: dict[str, int],
) -> list[StockedMeter]:
    """The rows as meters to stock in; their problems are added to ``rows``."""
    checked: list[StockedMeter] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        problems_before = len(rows.problems)
        number = None
        try:
            number = parse_meter_number(row["meter_number"])
        except StsError as error:
            rows.problem(line, "meter_number", error)
        if number is not None:
            if number.iain in seen:
                rows.problem(
                    line,
                    "meter_number",
                    DuplicateInFileError(value=number.iain, other=seen[number.iain]),
                )
            else:
                seen[number.iain] = line
        model_id = models.get(row["model"].upper())
        if model_id is None:
            rows.problem(
                line, "model", UnknownRecordError(what=terms.METER_MODEL, code=row["model"] or "-")
            )
        branch_id = branches.get(row["branch"].upper())
        if branch_id is None:
            rows.problem(
                line, "branch", UnknownRecordError(what=terms.BRANCH, code=row["branch"] or "-")
            )
        sgc = row["sgc"]
        if not (sgc.isascii() and sgc.isdigit() and len(sgc) == 6):
            rows.problem(line, "sgc", CsvValueError(value=sgc or "''", allowed="6 digits"))
        ti = whole_in(row["ti"], 0, 99)
        if ti is None:
            rows.problem(line, "ti", CsvValueError(value=row["ti"] or "''", allowed="0-99"))
        numbers: dict[str, int] = {}
        for column, (low, high, default) in _NUMBERS.items():
            text = row.get(column, "")
            value = whole_in(text, low, high) if text else default
            if value is None:
                rows.problem(line, column, CsvValueError(value=text, allowed=f"{low}-{high}"))
            numbers[column] = value if value is not None else default
        base_text = row.get("base_date", "") or "1993"
        base = whole_in(base_text, 1993, 2035)
        if base not in _BASE_DATES:
            rows.problem(
                line, "base_date", CsvValueError(value=base_text, allowed="1993, 2014, 2035")
            )
        codes: dict[str, str] = {}
        for column, code_default in (("dkga", "02"), ("ea", "07")):
            code_text = row.get(column, "") or code_default
            if not (code_text.isascii() and code_text.isdigit() and len(code_text) <= 2):
                rows.problem(line, column, CsvValueError(value=code_text, allowed="2 digits"))
            codes[column] = code_text.zfill(2)
        register = row.get("key_register", "") or None
        if register is not None and whole_in(register, 0, 99) is None:
            rows.problem(line, "key_register", CsvValueError(value=register, allowed="0-99"))
        medium_text = (row.get("medium", "") or "keypad").lower()
        if medium_text not in (MeterMedium.KEYPAD.value, MeterMedium.CARD.value):
            rows.problem(line, "medium", CsvValueError(value=medium_text, allowed="keypad, card"))
        made = None
        if row.get("ex_factory_date"):
            try:
                made = date.fromisoformat(row["ex_factory_date"])
            except ValueError:
                rows.problem(
                    line,
                    "ex_factory_date",
                    CsvValueError(value=row["ex_factory_date"], allowed="YYYY-MM-DD"),
                )
        if len(rows.problems) > problems_before:
            continue
        assert number is not None and ti is not None and base is not None
        assert model_id is not None and branch_id is not None
        checked.append(
            StockedMeter(
                number,
                NewMeter(
                    number=number.iain,
                    sgc=sgc,
                    ti=ti,
                    krn=numbers["krn"],
                    ken=numbers["ken"],
                    key_type=numbers["key_type"],
                    dkga=codes["dkga"],
                    ea=codes["ea"],
                    tid_base_year=base,
                    key_register=register,
                    medium=MeterMedium(medium_text),
                    ex_factory_date=made,
                ),
                model_id,
                branch_id,
            )
        )
    return checked


def import_meters(database: Database, by: OperatorSession, path: Path) -> ImportResult:
    """Stock in every meter of the file, or none (every bad row named)."""
    by.require(permissions.MANAGE_METERS)  # before the file is read
    rows = read_csv(path, REQUIRED, KNOWN)
    with changing(
        database, by, permissions.MANAGE_METERS, f"stock_in:{path.name}", "stock in file"
    ) as change:
        session = change.session
        models = dict(session.execute(select(MeterModel.code, MeterModel.id)).all())
        branches = dict(session.execute(select(Branch.code, Branch.id)).all())
        meters = check_meter_rows(rows, models, branches)
        line_of = _lines_of(rows)
        taken = existing_numbers(session, (m.number.iain for m in meters))
        for number in sorted(taken, key=lambda n: line_of[n]):
            rows.problem(
                line_of[number], "meter_number", MeterAlreadyRegisteredError(number=number)
            )
        rows.refuse_if_any()
        groups: dict[tuple[int, int], list[StockedMeter]] = defaultdict(list)
        for meter in meters:
            groups[(meter.model_id, meter.branch_id)].append(meter)
        bills = []
        by_id = operator_id(session, by.code)
        for group in groups.values():
            bill = bill_numbers.next_number(
                session, bill_numbers.STOCK_IN, numbering_here(session, by)
            )
            insert_new_meters(session, group, bill, operator_id=by_id)
            bills.append(bill)
        change.details.update(file=path.name, count=len(meters), bills=bills)
    return ImportResult(len(meters), tuple(bills))


def _lines_of(rows: CsvRows) -> dict[str, int]:
    found = {}
    for line, row in rows:
        try:
            found[parse_meter_number(row["meter_number"]).iain] = line
        except StsError:
            continue
    return found
