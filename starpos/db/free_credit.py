"""Free credit tokens as the module's credit sees them: a shared read for reconciliation.

A free credit token (``token_operations`` of kind ``free_credit``, docs/token-operations.md)
comes out of the secure module's credit like a sale's token, so the module's issued total
counts it. Reconciling a module's credit with the store (``starpos.vending.reconcile``)
reads it here: ``starpos.tokenops`` is built on ``vending`` and cannot be imported by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.db.enums import TokenOperationKind, TokenOperationState
from starpos.db.models import TokenOperation

_FREE_CREDIT_ISSUED = (
    TokenOperation.kind == TokenOperationKind.FREE_CREDIT,
    TokenOperation.state == TokenOperationState.ISSUED,
)


@dataclass(frozen=True)
class FreeCreditToken:
    """One issued free credit token: the module's credit update sequence and balance just
    before it (kWh), and the energy it carried (kWh)."""

    request_id: str
    issued_at: datetime | None
    module_sequence: int | None
    module_balance_before: Decimal | None
    energy_kwh: Decimal


def free_credit_energy(session: Session, module_id: str) -> Decimal:
    """kWh of every issued free credit token the module ``module_id`` made (0.0 if none)."""
    total = session.scalar(
        select(func.sum(TokenOperation.energy_kwh)).where(
            TokenOperation.module_id == module_id, *_FREE_CREDIT_ISSUED
        )
    )
    return Decimal("0.0") if total is None else total


def free_credit_tokens(session: Session, module_id: str) -> list[FreeCreditToken]:
    """Every issued free credit token of the module ``module_id``, in the order they were
    made (for a walk along the module's balance beside its vends)."""
    rows = session.execute(
        select(
            TokenOperation.request_id,
            TokenOperation.issued_at,
            TokenOperation.module_sequence,
            TokenOperation.module_balance_before,
            TokenOperation.energy_kwh,
        )
        .where(TokenOperation.module_id == module_id, *_FREE_CREDIT_ISSUED)
        .order_by(TokenOperation.issued_at, TokenOperation.id)
    )
    return [FreeCreditToken(*row) for row in rows]
