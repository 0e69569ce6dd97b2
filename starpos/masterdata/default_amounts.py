"""The default amounts (manual 1.9): the net amounts of the cashier's quick-vend keys."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.models import DefaultAmount
from starpos.masterdata import terms
from starpos.masterdata.changes import BadValueError, changing
from starpos.operators import permissions
from starpos.operators.session import OperatorSession

#: The simple client has F-keys for at most this many amounts.
MOST = 10


def set_default_amounts(
    database: Database, by: OperatorSession, amounts: Sequence[Decimal]
) -> None:
    """The quick amounts become ``amounts``, in that order (F1, F2, ...)."""
    for amount in amounts:
        if amount <= 0:
            raise BadValueError(field=terms.AMOUNT, value=amount, reason=terms.NOT_POSITIVE)
    if len(amounts) > MOST:
        raise BadValueError(field=terms.AMOUNT, value=len(amounts), reason=terms.TOO_MANY_AMOUNTS)
    with changing(
        database, by, permissions.ADMIN_MASTER_DATA, "default_amounts", "saved"
    ) as change:
        session = change.session
        before = list(
            session.scalars(select(DefaultAmount.amount).order_by(DefaultAmount.position))
        )
        session.execute(delete(DefaultAmount))
        session.add_all(
            DefaultAmount(position=position, amount=amount)
            for position, amount in enumerate(amounts, start=1)
        )
        change.details.update(before=before, after=list(amounts))


def default_amounts_in(session: Session) -> list[Decimal]:
    return list(session.scalars(select(DefaultAmount.amount).order_by(DefaultAmount.position)))


def default_amounts(database: Database) -> list[Decimal]:
    with database.reading() as session:
        return default_amounts_in(session)
