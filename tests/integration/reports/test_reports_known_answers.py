"""Each report of the manual's section 5 against the hand-made world (report_world.py),
whose answers are known, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from starpos.db import Database
from starpos.reports.bounds import ReportFilterError
from starpos.reports.registry import REPORTS
from starpos.reports.shape import Row, Totals, counted
from tests.integration.reports.report_world import AS_OF, NUMBERS, TOKENS

M1, M2, M3, M4, M5 = (NUMBERS[key][0] for key in ("M1", "M2", "M3", "M4", "M5"))


def run(world: Database, name: str, **choice: Any) -> tuple[list[Row], Totals]:
    report = REPORTS[name]
    totals = Totals(report)
    with world.reading() as session:
        found = list(counted(report, report.rows(session, choice), totals))
    for row in found:
        assert tuple(row) == report.keys  # every row has exactly the report's columns
    return found, totals


def column(rows: list[Row], key: str) -> list[Any]:
    return [row[key] for row in rows]


def test_power_vending_follows_the_utility_calendar_and_counts_only_standing_sales(
    world: Database,
) -> None:
    # 23:30 UTC on 30 November is 00:30 on 1 December in Lagos: V1 belongs to the 1st.
    rows, totals = run(world, "power-vending", begin=date(2026, 12, 1), end=date(2026, 12, 1))
    assert column(rows, "bill") == ["B-V1", "B-V2"]
    assert rows[0]["date"] == datetime(2026, 12, 1, 0, 30)
    assert totals.sums["net"] == Decimal("35.00")
    assert totals.sums["energy_kwh"] == Decimal("256.0")
    assert totals.sums["amount"] == Decimal("33.00")
    assert totals.sums["charges"] == Decimal("1.60") and totals.sums["vat"] == Decimal("0.40")
    assert column(rows, "payment") == ["CASH", "CARD"]
    assert column(rows, "operator") == ["CASH1", "CASH2"]


def test_power_vending_empty_bounds_mean_the_whole_range(world: Database) -> None:
    everything, totals = run(world, "power-vending")
    assert column(everything, "bill") == ["B-V5", "B-V6", "B-V3", "B-V1", "B-V2"]
    assert totals.sums["net"] == Decimal("56.00") and totals.count == 5
    until, _ = run(world, "power-vending", end=date(2026, 11, 30))
    assert column(until, "bill") == ["B-V5", "B-V6", "B-V3"]
    since, _ = run(world, "power-vending", begin=date(2026, 11, 30))
    assert column(since, "bill") == ["B-V3", "B-V1", "B-V2"]


def test_power_vending_filters(world: Database) -> None:
    with_failed, _ = run(world, "power-vending", begin=date(2026, 12, 1), state="any")
    assert column(with_failed, "bill") == ["B-V1", "B-V2", "B-V4"]
    failed, _ = run(world, "power-vending", state="failed")
    assert column(failed, "bill") == ["B-V7", "B-V4"]
    by_meter, _ = run(world, "power-vending", meter=M2)
    assert column(by_meter, "bill") == ["B-V5", "B-V3"]
    by_card, _ = run(world, "power-vending", payment="CARD")
    assert column(by_card, "bill") == ["B-V2"]
    by_operator, _ = run(world, "power-vending", operator="CASH2")
    assert column(by_operator, "bill") == ["B-V2"]


def test_a_reversed_range_is_refused(world: Database) -> None:
    with pytest.raises(ReportFilterError):
        run(world, "power-vending", begin=date(2026, 12, 2), end=date(2026, 12, 1))


def test_token_enquiry_by_token_meter_customer_bill_and_day(world: Database) -> None:
    (one,), _ = run(world, "token-enquiry", token=TOKENS["V2"])
    assert (one["bill"], one["meter"], one["energy_kwh"], one["net"]) == (
        "B-V2", M1, Decimal("198.2"), Decimal("25.00"),
    )  # fmt: skip
    spaced, _ = run(world, "token-enquiry", token="2222 2222 2222 2222 2222")
    assert column(spaced, "bill") == ["B-V2"]
    assert column(run(world, "token-enquiry", meter=M2)[0], "token") == [TOKENS["V5"], TOKENS["V3"]]
    assert column(run(world, "token-enquiry", customer="C4")[0], "bill") == ["B-V6"]
    assert column(run(world, "token-enquiry", bill="B-V1")[0], "token") == [TOKENS["V1"]]
    day, totals = run(world, "token-enquiry", begin=date(2026, 11, 30), end=date(2026, 11, 30))
    assert column(day, "bill") == ["B-V3"] and totals.sums["net"] == Decimal("5.00")


def test_abnormal_purchase_names_meters_idle_for_the_days_given(world: Database) -> None:
    (idle,), _ = run(world, "abnormal-purchase", days=60, as_of=AS_OF)
    # V7 (20 November) failed: the last purchase that stands is V6, 15 September 11:00 Lagos.
    assert (idle["customer"], idle["meter"], idle["days"]) == ("C4", M5, 77)
    assert idle["last_purchase"] == datetime(2026, 9, 15, 11, 0)
    assert run(world, "abnormal-purchase", days=78, as_of=AS_OF)[0] == []
    everyone, _ = run(world, "abnormal-purchase", days=0, as_of=AS_OF)
    assert column(everyone, "meter") == [M1, M2, M5]
    assert column(everyone, "days") == [0, 1, 77]


def test_customer_information(world: Database) -> None:
    rows, totals = run(world, "customer-information")
    assert column(rows, "customer") == ["C1", "C2", "C3", "C4"]
    assert column(rows, "meter") == [M1, M2, "", M5]
    assert rows[1]["customer_name"] == "Beta 北京"
    assert rows[2]["debt"] is None and totals.sums["debt"] == Decimal("0.00")
    ranged, _ = run(world, "customer-information", begin=date(2026, 3, 1), end=date(2026, 6, 1))
    assert column(ranged, "customer") == ["C2", "C3"]  # both bounds included
    assert column(run(world, "customer-information", meter=M5)[0], "customer") == ["C4"]


def test_meter_status_detail_and_summary(world: Database) -> None:
    rows, totals = run(world, "meter-status")
    assert column(rows, "meter") == [M1, M2, M3, M4, M5] and totals.count == 5
    using, _ = run(world, "meter-status", using="in-warehouse")
    assert column(using, "meter") == [M3, M4]
    maintenance, _ = run(world, "meter-status", condition="maintenance")
    assert column(maintenance, "meter") == [M4]
    by_using, totals = run(world, "meter-status-summary", by="using")
    assert [(row["group"], row["meters"]) for row in by_using] == [
        ("in_stock", 2), ("installed", 3),
    ]  # fmt: skip
    assert totals.sums["meters"] == 5
    by_model, _ = run(world, "meter-status-summary", by="model")
    assert [(row["group"], row["meters"]) for row in by_model] == [
        ("SC-1P", 1), ("SK-1P", 3), ("SP-1P", 1),
    ]  # fmt: skip
    by_condition, _ = run(world, "meter-status-summary", by="condition", using="in-warehouse")
    assert [(row["group"], row["meters"]) for row in by_condition] == [
        ("good", 1), ("maintenance", 1),
    ]  # fmt: skip


def test_expiring_meters(world: Database) -> None:
    soon, _ = run(world, "expiring-meters", days=120, as_of=AS_OF)
    assert [(row["meter"], row["end_of_life"], row["days_left"]) for row in soon] == [
        (M2, date(2027, 1, 30), 60),
        (M3, date(2027, 2, 1), 62),
    ]
    with_overdue, _ = run(world, "expiring-meters", days=120, overdue=True, as_of=AS_OF)
    assert column(with_overdue, "meter") == [M2, M3, M4]
    assert with_overdue[2]["days_left"] == -548  # 2025-06-01 to 2026-12-01
    assert column(run(world, "expiring-meters", days=61, as_of=AS_OF)[0], "meter") == [M2]


def test_meter_keys(world: Database) -> None:
    rows, _ = run(world, "meter-keys", as_of=AS_OF)
    assert column(rows, "meter") == [M1, M2, M3, M4, M5]
    first = rows[0]
    # KEN 255 stops the 1993 key at 255 x 65535 minutes: 10 October 2024, before its TID ends.
    assert (first["base_date"], first["key_expiry"]) == (date(1993, 1, 1), date(2024, 10, 10))
    assert first["days_left"] == -782
    assert rows[1]["key_expiry"] == date(2045, 10, 10)
    expired, _ = run(world, "meter-keys", days=0, as_of=AS_OF)
    assert column(expired, "meter") == [M1]
    assert (first["sgc"], first["krn"], first["ti"]) == ("123456", 1, 1)


def test_login_log_from_the_audit_log(world: Database) -> None:
    rows, _ = run(world, "login-log")
    assert [(row["event"], row["operator"]) for row in rows] == [
        ("login", "CASH1"), ("login_failed", "NOBODY"), ("logout", "CASH1"), ("login", "CASH2"),
    ]  # fmt: skip
    assert rows[0]["date"] == datetime(2026, 12, 1, 8, 0)
    assert rows[1]["details"] == "reason=unknown"
    day, _ = run(world, "login-log", begin=date(2026, 12, 1))
    assert len(day) == 3
    assert column(run(world, "login-log", operator="NOBODY")[0], "event") == ["login_failed"]
    assert len(run(world, "login-log", event="login")[0]) == 2


def test_card_alarm_events_count_each_event_once(world: Database) -> None:
    rows, totals = run(world, "card-alarms")
    assert [(row["date"], row["event"], row["count"]) for row in rows] == [
        (datetime(2026, 11, 5, 9, 0), "tamper:cover-open", 1),
        (datetime(2026, 11, 10, 10, 50), "overload", 2),
        (datetime(2026, 11, 20, 15, 0), "tamper:magnet", 1),
    ]
    assert rows[0]["read_at"] == datetime(2026, 11, 10, 10, 0)  # first seen on the first read
    assert totals.sums["count"] == 4
    later, _ = run(world, "card-alarms", begin=date(2026, 11, 6))
    assert column(later, "event") == ["overload", "tamper:magnet"]
    assert run(world, "card-alarms", meter=M1)[0] == []


def test_monthly_consumption_takes_each_month_from_the_newest_reading(world: Database) -> None:
    rows, totals = run(world, "monthly-consumption")
    assert [(row["month"], row["energy_kwh"]) for row in rows] == [
        ("2026-06", Decimal("34.0")),
        ("2026-07", Decimal("33.0")),
        ("2026-08", Decimal("32.0")),
        ("2026-09", Decimal("31.0")),
        ("2026-10", Decimal("30.0")),
        ("2026-11", Decimal("12.5")),
    ]
    assert totals.sums["energy_kwh"] == Decimal("172.5")
    recent, _ = run(world, "monthly-consumption", begin=date(2026, 10, 15))
    assert column(recent, "month") == ["2026-10", "2026-11"]


def test_engineering_token_report_has_the_common_shape(world: Database) -> None:
    rows, totals = run(world, "engineering-tokens", begin=date(2026, 1, 1))
    assert rows == [] and totals.count == 0


def _choice(**values: Any) -> Mapping[str, Any]:
    return values
