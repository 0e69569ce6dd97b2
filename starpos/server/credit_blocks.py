"""Credit blocks from the head office: issued for one module, sent to its terminal only.

``starpos server credit --module M --add N`` signs a credit update block for module ``M``
(the KMC side, :func:`starpos.devices.sm.kmc.make_credit_block`) and keeps it in
``sync_credit_blocks``, addressed to the terminal whose module it is. What the head office
knows of a module it learnt from that terminal's events (``module_credit`` entries, subject
``module:<id>``): the terminal that last reported the module is the one it serves, and the
highest update sequence it reported is where the module stands. The block is for the next
one, so the module takes it once and refuses it ever after (docs/sync.md, SYN-26).

Every sync, the terminal asks for its blocks (``GET /v1/credit-blocks``) and gets those
still ``issued``; the counter applies each through ``credit_module`` (the one credit path).
Its ``module_credit`` entry travels up, and :func:`module_credit_step` (a projector) settles
the block: ``applied``, ``refused`` or ``superseded``. From then on it is not sent again.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.column_types import utc_now
from starpos.db.models import IssuedCreditBlock, ReceivedEvent, Terminal, TerminalEnrolment
from starpos.devices.sm.kmc import make_credit_block
from starpos.server.errors import HeadOfficeError
from starpos.server.findings import FindingKind, Flag
from starpos.vending.module_credit import block_digest

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

ISSUED = "issued"
APPLIED = "applied"
REFUSED = "refused"
SUPERSEDED = "superseded"
#: Withdrawn at the head office before its counter reported it (``credit_block_admin``).
WITHDRAWN = "withdrawn"
#: The module_credit steps in which the module took an update at its sequence.
TAKEN_STEPS = ("applied", "recovered", "adopted")
AUDIT_KIND = "module_credit"


class ModuleNotReportedError(HeadOfficeError):
    code = "server.module_not_reported"
    template = (
        "No terminal has reported module {module} to the head office yet, so its next "
        "credit update sequence is unknown. Sync the counter that uses it (after one sale "
        "or credit there), then issue the block."
    )


class BlockWaitingError(HeadOfficeError):
    code = "server.credit_block_waiting"
    template = (
        "Module {module} already has a credit block waiting for its counter (sequence "
        "{sequence}, issued {issued}). Sync terminal {terminal} first: the module takes one "
        "block at a time."
    )


@dataclass(frozen=True)
class IssuedBlock:
    module_id: str
    terminal: str
    sequence: int
    operation: str
    amount_kwh: Decimal
    block_digest: str
    operator: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "terminal": self.terminal,
            "sequence": self.sequence,
            "operation": self.operation,
            "amount_kwh": self.amount_kwh,
            "block_digest": self.block_digest,
            "operator": self.operator,
        }


def _module_standing(session: Session, module_id: str) -> tuple[int, int] | None:
    """(terminal id, highest update sequence) the module's counter reported, or None."""
    rows = session.execute(
        select(TerminalEnrolment.terminal_id, ReceivedEvent.details)
        .join(TerminalEnrolment, TerminalEnrolment.id == ReceivedEvent.enrolment_id)
        .where(ReceivedEvent.kind == AUDIT_KIND, ReceivedEvent.subject == f"module:{module_id}")
        .order_by(ReceivedEvent.received_at, ReceivedEvent.seq)
    ).all()
    terminal_id: int | None = None
    highest = 0
    for row_terminal, text in rows:
        details = json.loads(text)
        terminal_id = row_terminal  # the latest report names the terminal it serves
        if details.get("step") in TAKEN_STEPS:
            highest = max(highest, int(details.get("sequence", 0)))
    return None if terminal_id is None else (terminal_id, highest)


def issue_block(
    session: Session,
    module_id: str,
    operation: str,
    amount_tenths: int,
    operator_code: str,
    kmc_folder: Path | None = None,
) -> IssuedBlock:
    """Sign and keep a block for ``module_id``'s next update sequence (the caller commits)."""
    standing = _module_standing(session, module_id)
    if standing is None:
        raise ModuleNotReportedError(module=module_id)
    terminal_id, highest = standing
    waiting = session.scalars(
        select(IssuedCreditBlock)
        .where(IssuedCreditBlock.module_id == module_id, IssuedCreditBlock.state == ISSUED)
        .with_for_update()
    ).first()
    terminal = session.get(Terminal, terminal_id)
    assert terminal is not None
    if waiting is not None:
        raise BlockWaitingError(
            module=module_id,
            sequence=waiting.sequence,
            issued=waiting.issued_at.strftime("%Y-%m-%d %H:%M"),
            terminal=waiting.terminal.code,
        )
    sequence = highest + 1
    block = make_credit_block(module_id, sequence, operation, amount_tenths, kmc_folder)
    row = IssuedCreditBlock(
        module_id=module_id,
        terminal_id=terminal_id,
        sequence=sequence,
        operation=operation,
        amount_kwh=Decimal(amount_tenths) / 10,
        block=block,
        block_digest=block_digest(block),
        operator_code=operator_code,
        state=ISSUED,
    )
    session.add(row)
    session.flush()
    return IssuedBlock(
        module_id,
        terminal.code,
        sequence,
        operation,
        row.amount_kwh,
        row.block_digest,
        operator_code,
    )


def blocks_for(session: Session, terminal_id: int) -> list[dict[str, Any]]:
    """The blocks waiting for ``terminal_id``'s module(s), as the wire carries them."""
    rows = session.scalars(
        select(IssuedCreditBlock)
        .where(IssuedCreditBlock.terminal_id == terminal_id, IssuedCreditBlock.state == ISSUED)
        .order_by(IssuedCreditBlock.module_id, IssuedCreditBlock.sequence)
    ).all()
    return [
        {
            "module_id": row.module_id,
            "sequence": row.sequence,
            "operation": row.operation,
            "amount_kwh": str(row.amount_kwh),
            "block": base64.b64encode(row.block).decode("ascii"),
            "block_digest": row.block_digest,
            "operator": row.operator_code,
            "issued_at": row.issued_at.isoformat(),
        }
        for row in rows
    ]


def module_credit_step(session: Session, event: TerminalEvent) -> list[Flag]:
    """Projector of ``module_credit`` entries: settle the block the entry reports on.

    The module names a block by its digest: the same digest taken (applied, recovered) is
    the block applied, refused (``failed``) the block refused. Another block taken at a
    waiting block's sequence leaves it no sequence it could ever be taken at: superseded."""
    details = event.details
    step = details.get("step")
    digest = details.get("block_digest")
    row = session.scalars(
        select(IssuedCreditBlock).where(
            IssuedCreditBlock.block_digest == digest,
            IssuedCreditBlock.state.in_((ISSUED, WITHDRAWN)),
        )
    ).first()
    flags: list[Flag] = []
    if row is not None:
        withdrawn = row.state == WITHDRAWN
        if step in TAKEN_STEPS:
            # Taken even if withdrawn meanwhile: the module has the credit (SYN-35).
            row.state = APPLIED
            if withdrawn:
                flags.append(Flag(FindingKind.WITHDRAWN_BLOCK_APPLIED, _named(row)))
        elif step == "failed" and not withdrawn:
            row.state = REFUSED
        else:
            return []
        row.settled_at = utc_now()
        session.flush()
        if not withdrawn:
            return flags
    sequence = details.get("sequence")
    if step not in TAKEN_STEPS or not isinstance(sequence, int):
        return flags
    for other in session.scalars(
        select(IssuedCreditBlock).where(
            IssuedCreditBlock.module_id == event.subject.removeprefix("module:"),
            IssuedCreditBlock.sequence == sequence,
            IssuedCreditBlock.state == ISSUED,
        )
    ):
        other.state = SUPERSEDED
        other.settled_at = utc_now()
    return flags


def _named(row: IssuedCreditBlock) -> dict[str, Any]:
    return {"module": row.module_id, "sequence": row.sequence, "block": row.block_digest}
