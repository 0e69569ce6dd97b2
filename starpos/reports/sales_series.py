"""The series the sales charts draw, summed from power vending rows as they stream past:
net sales per day and per hour of the day, the payment mix and the sales per operator.

Sums are Decimal (money is never a float, the chart's pixels are the window's business).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from starpos.reports.shape import Row


@dataclass
class SalesSeries:
    per_day: dict[date, Decimal] = field(default_factory=dict)
    per_hour: dict[int, Decimal] = field(
        default_factory=lambda: dict.fromkeys(range(24), Decimal(0))
    )
    per_payment: dict[str, Decimal] = field(default_factory=dict)
    per_operator: dict[str, Decimal] = field(default_factory=dict)

    def add(self, row: Row) -> None:
        net: Decimal = row["net"]
        moment = row["date"]
        day = moment.date()
        self.per_day[day] = self.per_day.get(day, Decimal(0)) + net
        self.per_hour[moment.hour] += net
        self.per_payment[row["payment"]] = self.per_payment.get(row["payment"], Decimal(0)) + net
        self.per_operator[row["operator"]] = (
            self.per_operator.get(row["operator"], Decimal(0)) + net
        )

    def days(self) -> list[tuple[str, Decimal]]:
        return [(day.isoformat(), value) for day, value in sorted(self.per_day.items())]

    def hours(self) -> list[tuple[str, Decimal]]:
        return [(f"{hour:02d}", value) for hour, value in sorted(self.per_hour.items())]

    def payments(self) -> list[tuple[str, Decimal]]:
        return sorted(self.per_payment.items(), key=lambda item: -item[1])

    def operators(self) -> list[tuple[str, Decimal]]:
        return sorted(self.per_operator.items(), key=lambda item: -item[1])
