"""terminal in bill numbers: the numbering rules of the bills a counter makes in its own
store (vend, token_cancel, replacement) get the terminal field, so two counters of one
sales point never make the same number (docs/decisions.md SYN-22)

Data only. A rule that already has a terminal field is left alone; so is one whose numbers
would no longer fit the 20 characters of manual 2.13 with the longest terminal code (the
set-up checklist then names it). Old bills keep their numbers; the serial goes on in the new
prefix's series, whose numbers are longer than the old ones, so none can repeat one. A sale
made without a terminal renders the field empty: its numbers look as before.

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-02 14:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0015"
down_revision = "0010"
branch_labels = None
depends_on = None

# Frozen here: a migration must not change when the application's constants do.
_COUNTER_BILL_TYPES = ("vend", "token_cancel", "replacement")
_MAX_LENGTH = 20
_DATE_WIDTHS = {"year": 4, "year2": 2, "month": 2, "day": 2}

_rules = sa.table(
    "numbering_rules", sa.column("bill_type", sa.String), sa.column("serial_digits", sa.Integer)
)
_fields = sa.table(
    "numbering_fields",
    sa.column("bill_type", sa.String),
    sa.column("position", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("length", sa.Integer),
    sa.column("fixed_text", sa.String),
)


def _longest(connection: sa.Connection, table: str) -> int:
    codes = sa.table(table, sa.column("code", sa.String))
    found = connection.execute(sa.select(sa.func.max(sa.func.length(codes.c.code)))).scalar()
    return int(found or 0)


def upgrade() -> None:
    connection = op.get_bind()
    longest = {
        "sales_point": _longest(connection, "sales_points"),
        "branch": _longest(connection, "branches"),
        "terminal": _longest(connection, "terminals"),
    }
    rules = connection.execute(
        sa.select(_rules.c.bill_type, _rules.c.serial_digits).where(
            _rules.c.bill_type.in_(_COUNTER_BILL_TYPES)
        )
    ).all()
    for bill_type, serial_digits in rules:
        fields = connection.execute(
            sa.select(
                _fields.c.position, _fields.c.kind, _fields.c.length, _fields.c.fixed_text
            ).where(_fields.c.bill_type == bill_type)
        ).all()
        if any(kind == "terminal" for _, kind, _, _ in fields):
            continue
        width = serial_digits + longest["terminal"]
        for _, kind, length, fixed_text in fields:
            if kind == "fixed":
                width += len(fixed_text or "")
            elif kind in _DATE_WIDTHS:
                width += _DATE_WIDTHS[kind]
            else:
                width += length if length is not None else longest.get(kind, 0)
        if width > _MAX_LENGTH:
            continue
        last = max((position for position, _, _, _ in fields), default=0)
        connection.execute(
            _fields.insert().values(
                bill_type=bill_type,
                position=last + 1,
                kind="terminal",
                length=None,
                fixed_text="",
            )
        )


def downgrade() -> None:
    # Nothing to undo: the code before this revision renders a terminal field too, and
    # taking it away would let two counters make the same numbers again.
    pass
