"""Bill numbers follow the Auto-Generate No. rules and stay unique under concurrency."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime

import pytest

from starpos.db import Database
from starpos.db.enums import NumberFieldKind as F
from starpos.db.enums import NumberReset
from starpos.masterdata.bill_numbers import (
    NumberingContext,
    NumberingExhaustedError,
    NumberingNotConfiguredError,
    next_number,
)
from tests.integration.store.store_builders import add_numbering_rule
from tests.support.processes import child_env, starpos_command


def _take(database: Database, bill_type: str, context: NumberingContext) -> str:
    with database.unit_of_work() as uow:
        number = next_number(uow.session, bill_type, context)
        uow.commit()
    return number


def test_prefix_fields_and_a_monthly_reset(database: Database) -> None:
    add_numbering_rule(
        database,
        "vend",
        (F.FIXED, "V"),
        (F.YEAR2, None),
        (F.MONTH, None),
        (F.SALES_POINT, 3),
        digits=5,
        reset=NumberReset.MONTHLY,
    )
    november = NumberingContext(datetime(2026, 11, 30, 23, 59), sales_point_code="SP1")
    december = NumberingContext(datetime(2026, 12, 1, 0, 1), sales_point_code="SP1")
    assert _take(database, "vend", november) == "V2611SP100001"
    assert _take(database, "vend", november) == "V2611SP100002"
    assert _take(database, "vend", december) == "V2612SP100001"
    # Another sales point counts on its own, because its prefix differs.
    other = NumberingContext(datetime(2026, 12, 1), sales_point_code="7")
    assert _take(database, "vend", other) == "V261200700001"


def test_yearly_reset_and_start_number(database: Database) -> None:
    add_numbering_rule(
        database, "customer", (F.YEAR, None), digits=4, reset=NumberReset.YEARLY, start=500
    )
    assert _take(database, "customer", NumberingContext(datetime(2026, 5, 1))) == "20260500"
    assert _take(database, "customer", NumberingContext(datetime(2026, 6, 1))) == "20260501"
    assert _take(database, "customer", NumberingContext(datetime(2027, 1, 1))) == "20270500"


def test_never_reset_runs_out_with_a_clear_message(database: Database) -> None:
    add_numbering_rule(database, "stock_in", (F.FIXED, "SI"), digits=1, start=8)
    context = NumberingContext(datetime(2026, 1, 1))
    assert _take(database, "stock_in", context) == "SI8"
    assert _take(database, "stock_in", context) == "SI9"
    with pytest.raises(NumberingExhaustedError, match="1-digit serial of stock_in"):
        _take(database, "stock_in", context)


def test_a_rolled_back_bill_gives_its_number_back(database: Database) -> None:
    add_numbering_rule(database, "vend", (F.FIXED, "V"))
    context = NumberingContext(datetime(2026, 1, 1))
    with database.unit_of_work() as uow:
        assert next_number(uow.session, "vend", context) == "V000001"
        # no commit: the sale failed before it was written
    assert _take(database, "vend", context) == "V000001"


def test_no_rule_is_a_configuration_error(database: Database) -> None:
    with pytest.raises(NumberingNotConfiguredError, match="no automatic numbering for vend"):
        _take(database, "vend", NumberingContext(datetime(2026, 1, 1)))


def test_two_processes_allocating_at_once_never_share_a_number(database: Database) -> None:
    add_numbering_rule(database, "vend", (F.FIXED, "V"), (F.SALES_POINT, 3), digits=6)
    count = 150
    children = [
        subprocess.Popen(
            starpos_command(
                "db", "number", "vend", "--count", str(count), "--sales-point", "SP1", "--json"
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for _ in range(2)
    ]
    numbers: list[str] = []
    try:
        for child in children:
            out, err = child.communicate(timeout=240)
            assert child.returncode == 0, err
            numbers.extend(json.loads(out)["numbers"])
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert len(numbers) == 2 * count
    assert len(set(numbers)) == len(numbers)
    assert sorted(numbers) == [f"VSP1{n:06d}" for n in range(1, 2 * count + 1)]
