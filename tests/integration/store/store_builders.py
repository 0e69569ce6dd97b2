"""Builders for store tests that need more than the conftest fixtures."""

from __future__ import annotations

from starpos.db import Database
from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.db.models import NumberingField, NumberingRule


def add_numbering_rule(
    database: Database,
    bill_type: str,
    *fields: tuple[NumberFieldKind, str | int | None],
    digits: int = 6,
    reset: NumberReset = NumberReset.NEVER,
    start: int = 1,
) -> None:
    with database.unit_of_work() as uow:
        rule = NumberingRule(
            bill_type=bill_type, serial_digits=digits, start_number=start, reset=reset
        )
        for position, (kind, value) in enumerate(fields, start=1):
            rule.fields.append(
                NumberingField(
                    position=position,
                    kind=kind,
                    fixed_text=value if isinstance(value, str) else "",
                    length=value if isinstance(value, int) else None,
                )
            )
        uow.session.add(rule)
        uow.commit()
