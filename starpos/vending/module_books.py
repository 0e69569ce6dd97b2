"""What this store's books say one secure module did: a shared read for reconciliation.

Every credit token a module makes comes out of its credit: the token sales of the vend
ledger (ISSUED, PRINTED, and CANCELLED ones, whose token was made before it was cancelled)
and the free credit tokens of the token operations. Its management tokens and key change
sets are token operations too. Card sales take nothing from the module (the card carries
the credit; docs/card-sales.md), so they are not here. Beside them: the credit updates the
store applied or adopted, and the binding whose accepted reconciliation counting starts
from (:class:`~starpos.db.models.ModuleBinding`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import CreditUpdateState, VendState
from starpos.db.free_credit import FreeCreditToken, free_credit_tokens, token_operation_totals
from starpos.db.models import ModuleBinding, ModuleCreditUpdate, Vend

#: States of a vend whose token the module made.
TOKEN_MADE = (VendState.ISSUED, VendState.PRINTED, VendState.CANCELLED)


@dataclass(frozen=True)
class LedgerToken:
    """One credit token the ledger holds, with the module's state just before it."""

    label: str  # a bill number, or "free credit <request id>"
    tid: int | None
    kwh: Decimal
    sequence: int | None
    balance_before: Decimal | None
    made: bool  # False: the row FAILED (no token, no credit taken)
    at: datetime | None


@dataclass
class ModuleBooks:
    module_id: str
    tokens: list[LedgerToken] = field(default_factory=list)
    credit_tokens: int = 0
    energy_kwh: Decimal = Decimal("0.0")
    vends_issued: int = 0
    vended_kwh: Decimal = Decimal("0.0")
    free_credit_kwh: Decimal = Decimal("0.0")
    management_tokens: int = 0
    key_change_sets: int = 0
    last_tid: int | None = None
    last_issued_at: datetime | None = None  # when the token with ``last_tid`` was made
    pending: list[str] = field(default_factory=list)
    credit_updates: dict[int, ModuleCreditUpdate] = field(default_factory=dict)
    binding: ModuleBinding | None = None


def module_books(session: Session, module_id: str) -> ModuleBooks:
    """Everything the store recorded of ``module_id`` (one reading transaction)."""
    books = ModuleBooks(module_id)
    last: tuple[datetime, int] | None = None
    rows = session.execute(
        select(
            Vend.bill_number,
            Vend.state,
            Vend.token_kwh,
            Vend.tid,
            Vend.module_sequence,
            Vend.module_balance_before,
            Vend.issued_at,
        )
        .where(Vend.module_id == module_id)
        .order_by(Vend.id)
    )
    for bill, state, kwh, tid, sequence, before, issued_at in rows:
        if state == VendState.PENDING:
            books.pending.append(bill)
            continue
        made = state in TOKEN_MADE
        books.tokens.append(LedgerToken(bill, tid, kwh, sequence, before, made, issued_at))
        if not made:
            continue
        books.vends_issued += 1
        books.vended_kwh += kwh
        if tid is not None and issued_at is not None and (last is None or issued_at >= last[0]):
            last = (issued_at, tid)
    for free in free_credit_tokens(session, module_id):
        books.tokens.append(_free_token(free))
    operations = token_operation_totals(session, module_id)
    books.pending.extend(operations.pending)
    books.free_credit_kwh = operations.free_credit_kwh
    books.credit_tokens = books.vends_issued + operations.free_credit_tokens
    books.energy_kwh = books.vended_kwh + operations.free_credit_kwh
    books.management_tokens = operations.management_tokens
    # Key change sets made by sales (docs/key-changes.md) count once each, however often a
    # later sale printed them again (the same tokens).
    books.key_change_sets = operations.key_change_sets + _sale_key_change_sets(session, module_id)
    if operations.last is not None and (last is None or operations.last[0] >= last[0]):
        last = operations.last
    books.last_tid = last[1] if last is not None else None
    books.last_issued_at = last[0] if last is not None else None
    books.credit_updates = {
        row.sequence: row
        for row in session.scalars(
            select(ModuleCreditUpdate).where(ModuleCreditUpdate.module_id == module_id)
        )
    }
    books.binding = session.scalars(
        select(ModuleBinding)
        .where(ModuleBinding.module_id == module_id)
        .order_by(ModuleBinding.binding_number.desc())
        .limit(1)
    ).first()
    return books


def _sale_key_change_sets(session: Session, module_id: str) -> int:
    from sqlalchemy import func

    from starpos.db.models import VendToken

    return int(
        session.scalar(
            select(func.count(func.distinct(VendToken.token)))
            .join(Vend, Vend.id == VendToken.vend_id)
            .where(
                Vend.module_id == module_id,
                VendToken.kind == "key_change",
                VendToken.position == 1,
            )
        )
        or 0
    )


def _free_token(free: FreeCreditToken) -> LedgerToken:
    label = f"free-credit:{free.request_id}"
    return LedgerToken(
        label, None, free.energy_kwh, free.module_sequence, free.module_balance_before, True,
        free.issued_at,
    )  # fmt: skip


def in_module_order(books: ModuleBooks) -> list[LedgerToken]:
    """The tokens whose module state is recorded, in the order the module made them."""
    return sorted(
        (t for t in books.tokens if t.sequence is not None and t.balance_before is not None),
        key=_module_order,
    )


def _module_order(token: LedgerToken) -> tuple[int, Decimal, bool, str]:
    # Within one credit update sequence the balance only falls, so the balance before each
    # token orders them; a row that took nothing (FAILED) goes before a token made at the
    # same balance.
    assert token.sequence is not None and token.balance_before is not None
    return (token.sequence, -token.balance_before, token.made, token.label)


def recorded_credit_updates(books: ModuleBooks) -> list[ModuleCreditUpdate]:
    """The credit updates the store holds as applied to the module (in sequence order)."""
    done = (CreditUpdateState.APPLIED, CreditUpdateState.ADOPTED)
    return [books.credit_updates[s] for s in sorted(books.credit_updates)
            if books.credit_updates[s].state in done]  # fmt: skip
