"""The head office's credit blocks listed, and a waiting one withdrawn (``starpos server
credit-blocks``, ``starpos server withdraw-credit``; docs/sync.md, "Credit blocks";
decision SYN-35).

A block waits (``issued``) until its counter reports what the module did with it. Withdrawn
before then, it is no longer sent down, so no counter applies it, and the module's next
sequence is free for another block. A counter that applied it before it heard of the
withdrawal still reports it: the module took the credit, so the block is ``applied`` and the
head office is told (``withdrawn_block_applied``, ``credit_blocks.module_credit_step``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.column_types import utc_now
from starpos.db.models import IssuedCreditBlock, Terminal
from starpos.server.credit_blocks import ISSUED, WITHDRAWN
from starpos.server.errors import HeadOfficeError


class NoWaitingBlockError(HeadOfficeError):
    code = "server.no_waiting_credit_block"
    template = (
        "Module {module} has no credit block waiting for its counter, so there is nothing to "
        "withdraw (starpos server credit-blocks --all lists every block and what became of it)."
    )


@dataclass(frozen=True)
class CreditBlockRow:
    module_id: str
    terminal: str
    sequence: int
    operation: str
    amount_kwh: Decimal
    block_digest: str
    operator: str
    state: str
    issued_at: datetime
    settled_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id, "terminal": self.terminal, "sequence": self.sequence,
            "operation": self.operation, "amount_kwh": self.amount_kwh,
            "block_digest": self.block_digest, "operator": self.operator, "state": self.state,
            "issued_at": self.issued_at, "settled_at": self.settled_at,
        }  # fmt: skip


def _row(block: IssuedCreditBlock, terminal: str) -> CreditBlockRow:
    return CreditBlockRow(
        block.module_id, terminal, block.sequence, block.operation, block.amount_kwh,
        block.block_digest, block.operator_code, block.state, block.issued_at, block.settled_at,
    )  # fmt: skip


def list_blocks(
    session: Session, *, module_id: str | None = None, everything: bool = False
) -> list[CreditBlockRow]:
    """The blocks still waiting (``everything``: every block, whatever became of it), by
    module and sequence, newest issue last."""
    query = select(IssuedCreditBlock, Terminal.code).join(
        Terminal, Terminal.id == IssuedCreditBlock.terminal_id
    )
    if module_id is not None:
        query = query.where(IssuedCreditBlock.module_id == module_id)
    if not everything:
        query = query.where(IssuedCreditBlock.state == ISSUED)
    query = query.order_by(
        IssuedCreditBlock.module_id, IssuedCreditBlock.sequence, IssuedCreditBlock.id
    )
    return [_row(block, terminal) for block, terminal in session.execute(query)]


def withdraw_block(session: Session, module_id: str) -> CreditBlockRow:
    """Withdraw the block waiting for ``module_id`` (a module has at most one; the caller
    audits and commits); refused when none waits."""
    block = session.scalars(
        select(IssuedCreditBlock)
        .where(IssuedCreditBlock.module_id == module_id, IssuedCreditBlock.state == ISSUED)
        .with_for_update()
    ).first()
    if block is None:
        raise NoWaitingBlockError(module=module_id)
    block.state = WITHDRAWN
    block.settled_at = utc_now()
    session.flush()
    return _row(block, block.terminal.code)
