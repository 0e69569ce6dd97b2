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
    # Every credit token a token operation made: free credit and a replaced meter's
    # remainder both come out of the module's credit.
    TokenOperation.kind.in_(
        (
            TokenOperationKind.FREE_CREDIT,
            TokenOperationKind.REMAINDER_CREDIT,
            TokenOperationKind.TOKEN_CANCEL,
            TokenOperationKind.TID_REPLACEMENT,
        )
    ),
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


@dataclass(frozen=True)
class TokenOperationTotals:
    """The issued token operations of one module, as its counters count them: free credit
    tokens (credit tokens, with their energy), management tokens, key change sets."""

    free_credit_tokens: int
    free_credit_kwh: Decimal
    management_tokens: int
    key_change_sets: int
    #: (issued_at, tid) of the last token with a TID the module counts (credit or management)
    last: tuple[datetime, int] | None
    pending: list[str]


def token_operation_totals(session: Session, module_id: str) -> TokenOperationTotals:
    """What the token operations of ``module_id`` took from it (reconciliation's read)."""
    kinds = TokenOperationKind
    counted = (kinds.FREE_CREDIT, kinds.KEY_CHANGE, kinds.TEST)
    free, free_kwh, management, key_changes = 0, Decimal("0.0"), 0, 0
    last: tuple[datetime, int] | None = None
    pending: list[str] = []
    rows = session.execute(
        select(
            TokenOperation.request_id,
            TokenOperation.kind,
            TokenOperation.state,
            TokenOperation.energy_kwh,
            TokenOperation.tid,
            TokenOperation.issued_at,
        ).where(TokenOperation.module_id == module_id)
    )
    for request_id, kind, state, energy, tid, issued_at in rows:
        if state == TokenOperationState.PENDING:
            pending.append(request_id)
            continue
        if state != TokenOperationState.ISSUED:
            continue
        if kind in (kinds.FREE_CREDIT, kinds.REMAINDER_CREDIT, kinds.TOKEN_CANCEL,
                    kinds.TID_REPLACEMENT):  # fmt: skip
            # Credit tokens (SM?TC): a replaced meter's remainder, a cancel's 0 kWh token.
            free, free_kwh = free + 1, free_kwh + energy
        elif kind == kinds.KEY_CHANGE:
            key_changes += 1
        elif kind not in counted:
            management += 1
        if kind in (kinds.KEY_CHANGE, kinds.TEST) or tid is None or issued_at is None:
            continue
        if last is None or issued_at >= last[0]:
            last = (issued_at, tid)
    return TokenOperationTotals(free, free_kwh, management, key_changes, last, pending)
