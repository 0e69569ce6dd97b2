"""registration numbering: a store set up before registrations had their own series (0021)
gets a numbering rule for them, so its registration bills stop taking sale numbers
(decision BO-26)

Data only. The rule follows the store's own style: it is modelled on the rule of the
office's nearest bill (contract cancellation, then stock out, stock in, customer): the same
date and place fields, serial digits and reset, with the fixed text's letters made "RG". A
store with none of them, or whose model would not fit the 20 characters of manual 2.13 with
the codes in use, gets the starting kit's rule (RG, two-digit year, five digits, yearly).
Left alone: a store that has a registration rule, a store with no rules at all (not set up:
the starting kit or the demo brings them all) and a counter enrolled with a head office (the
head office owns its rules: its own store gets the rule here and sends it down).
Registrations already numbered keep their sale numbers; the new series starts at 1.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-03 15:00:00.000000
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# Frozen here: a migration must not change when the application's constants do.
_REGISTRATION = "registration"
_PREFIX = "RG"
_MODELS = ("contract_cancellation", "stock_out", "stock_in", "customer")
_MAX_LENGTH = 20
_DATE_WIDTHS = {"year": 4, "year2": 2, "month": 2, "day": 2}
_CODE_TABLES = {"sales_point": "sales_points", "branch": "branches", "terminal": "terminals"}
#: the starting kit's rule: (serial digits, start, reset, fields as (kind, length, text))
_KIT = (5, 1, "yearly", (("fixed", None, _PREFIX), ("year2", None, "")))

_rules = sa.table(
    "numbering_rules",
    sa.column("bill_type", sa.String),
    sa.column("enabled", sa.Boolean),
    sa.column("serial_digits", sa.Integer),
    sa.column("start_number", sa.Integer),
    sa.column("reset", sa.String),
)
_fields = sa.table(
    "numbering_fields",
    sa.column("bill_type", sa.String),
    sa.column("position", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("length", sa.Integer),
    sa.column("fixed_text", sa.String),
)
_sync_state = sa.table("sync_state", sa.column("server_url", sa.String))

Field = tuple[str, "int | None", str]


def _longest(connection: sa.Connection, table: str) -> int:
    codes = sa.table(table, sa.column("code", sa.String))
    found = connection.execute(sa.select(sa.func.max(sa.func.length(codes.c.code)))).scalar()
    return int(found or 0)


def _width(connection: sa.Connection, digits: int, fields: list[Field]) -> int:
    width = digits
    for kind, length, text in fields:
        if kind == "fixed":
            width += len(text)
        elif kind in _DATE_WIDTHS:
            width += _DATE_WIDTHS[kind]
        elif kind in _CODE_TABLES:
            width += length if length is not None else _longest(connection, _CODE_TABLES[kind])
    return width


def _modelled(fields: list[Field]) -> list[Field]:
    """``fields`` with the first fixed text's leading letters made RG (RG first when the
    model has no fixed text): "CC" is "RG", "KC/" is "RG/"."""
    for index, (kind, length, text) in enumerate(fields):
        if kind == "fixed":
            letters = re.match(r"[A-Za-z]*", text or "")
            rest = (text or "")[letters.end() if letters else 0 :]
            return [*fields[:index], (kind, length, _PREFIX + rest), *fields[index + 1 :]]
    return [("fixed", None, _PREFIX), *fields]


def upgrade() -> None:
    connection = op.get_bind()
    have = set(connection.execute(sa.select(_rules.c.bill_type)).scalars())
    enrolled = connection.execute(
        sa.select(_sync_state.c.server_url).where(_sync_state.c.server_url.is_not(None))
    ).first()
    if not have or _REGISTRATION in have or enrolled is not None:
        return
    digits, start, reset, kit_fields = _KIT
    fields: list[Field] = list(kit_fields)
    model = next((bill_type for bill_type in _MODELS if bill_type in have), None)
    if model is not None:
        row = connection.execute(
            sa.select(_rules.c.serial_digits, _rules.c.start_number, _rules.c.reset).where(
                _rules.c.bill_type == model
            )
        ).one()
        found = connection.execute(
            sa.select(_fields.c.kind, _fields.c.length, _fields.c.fixed_text)
            .where(_fields.c.bill_type == model)
            .order_by(_fields.c.position)
        ).all()
        theirs = _modelled([(kind, length, text or "") for kind, length, text in found])
        if _width(connection, row.serial_digits, theirs) <= _MAX_LENGTH:
            digits, start, reset, fields = row.serial_digits, row.start_number, row.reset, theirs
    connection.execute(
        _rules.insert().values(
            bill_type=_REGISTRATION, enabled=True, serial_digits=digits, start_number=start,
            reset=reset,
        )
    )  # fmt: skip
    for position, (kind, length, text) in enumerate(fields, start=1):
        connection.execute(
            _fields.insert().values(
                bill_type=_REGISTRATION, position=position, kind=kind, length=length,
                fixed_text=text,
            )
        )  # fmt: skip


def downgrade() -> None:
    # Nothing to undo: the code before this revision numbers registrations by this rule too,
    # and taking it away would put them back in the sales' series.
    pass
