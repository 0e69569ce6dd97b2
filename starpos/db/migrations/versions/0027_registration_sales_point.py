"""registration sales point: a registration bill keeps the sales point it was made at, as a
sale does, instead of the bill finding it in its audit entry (decision BO-31)

Bills made before are filled as the paper found their place (BO-27): the sales point of the
terminal the registration's audit entry names, else the entry's sales point, else the
operator's home; STAR, who has none, made bills that name none.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-03 19:00:00.000000
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

# Frozen here: a migration must not change when the application's models do.
_bills = sa.table(
    "registration_bills",
    sa.column("id", sa.Integer),
    sa.column("bill_number", sa.String),
    sa.column("operator_id", sa.Integer),
    sa.column("sales_point_id", sa.Integer),
)
_audit = sa.table(
    "audit_log",
    sa.column("kind", sa.String),
    sa.column("subject", sa.String),
    sa.column("details", sa.Text),
    sa.column("terminal_code", sa.String),
    sa.column("sales_point_code", sa.String),
)
_terminals = sa.table(
    "terminals", sa.column("code", sa.String), sa.column("sales_point_id", sa.Integer)
)
_points = sa.table("sales_points", sa.column("id", sa.Integer), sa.column("code", sa.String))
_operators = sa.table(
    "operators", sa.column("id", sa.Integer), sa.column("sales_point_id", sa.Integer)
)


def upgrade() -> None:
    with op.batch_alter_table("registration_bills", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sales_point_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_registration_bills_sales_point_id_sales_points"),
            "sales_points",
            ["sales_point_id"],
            ["id"],
        )
    _fill(op.get_bind())


def _fill(connection: sa.Connection) -> None:
    terminals = dict(
        connection.execute(sa.select(_terminals.c.code, _terminals.c.sales_point_id)).all()
    )
    points = dict(connection.execute(sa.select(_points.c.code, _points.c.id)).all())
    homes = dict(connection.execute(sa.select(_operators.c.id, _operators.c.sales_point_id)).all())
    # Where each bill was made, by its number, from the registrations' audit entries.
    made: dict[str, tuple[str | None, str | None]] = {}
    for details, terminal, point in connection.execute(
        sa.select(_audit.c.details, _audit.c.terminal_code, _audit.c.sales_point_code).where(
            _audit.c.kind == "master_data_change", _audit.c.subject.like("customer:%")
        )
    ):
        try:
            bill = json.loads(details or "{}").get("bill")
        except ValueError:
            continue
        if isinstance(bill, str):
            made[bill] = (terminal, point)
    for bill_id, number, operator in connection.execute(
        sa.select(_bills.c.id, _bills.c.bill_number, _bills.c.operator_id)
    ):
        terminal, point = made.get(number, (None, None))
        found = (
            (terminals.get(terminal) if terminal else None)
            or (points.get(point) if point else None)
            or (homes.get(operator) if operator is not None else None)
        )
        if found is not None:
            connection.execute(
                _bills.update().where(_bills.c.id == bill_id).values(sales_point_id=found)
            )


def downgrade() -> None:
    with op.batch_alter_table("registration_bills", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_registration_bills_sales_point_id_sales_points"), type_="foreignkey"
        )
        batch_op.drop_column("sales_point_id")
