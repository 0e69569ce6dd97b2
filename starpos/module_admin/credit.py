"""Crediting the module with a signed credit update block (STAR manual §4.1 d, "Credit
SM": Replace / Add / Decrease, the result under 1,800,000 kWh).

:func:`preview_credit` reads the block and works out the balance after it with the same
rules the module applies (:func:`~starpos.devices.sm.credit_blocks.apply_credit_block`),
so a replayed block, another module's block, a decrease below zero or a result above the
ceiling is refused before anything is sent, in the module's own words.

Sending it is never done from here: ``starpos sm credit`` and the manager's dialog both go
through the store's :func:`~starpos.vending.module_credit.credit_module`, which records the
update with the operator who made it, in the ledger and the audit log (DESIGN.md rule 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from starpos.devices.sm.credit_blocks import (
    CreditBlock,
    CreditBlockError,
    apply_credit_block,
    read_credit_block,
)
from starpos.devices.sm.errors import SmRefusedError, error_for_response
from starpos.devices.sm.messages import ModuleBalance
from starpos.devices.sm.signed_files import public_key_from_hex

COMMAND = "SM?TU"
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class CreditPreview:
    block: CreditBlock
    before: ModuleBalance
    balance_after: Decimal

    @property
    def operation(self) -> str:
        return self.block.operation

    @property
    def amount(self) -> Decimal:
        return Decimal(self.block.amount_tenths) * TENTH


@dataclass(frozen=True)
class CreditResult:
    """``block`` is None when the module could not be asked for its KMC (checked by it alone)."""

    block: CreditBlock | None
    before: ModuleBalance
    after: ModuleBalance


def preview_credit(
    data: bytes, module_id: str, kmc_public_key_hex: str, before: ModuleBalance
) -> CreditPreview:
    """What ``data`` would do to the module ``module_id`` now at ``before``."""
    try:
        block = read_credit_block(data, public_key_from_hex(kmc_public_key_hex))
        tenths = int(before.balance / TENTH)
        after = apply_credit_block(block, module_id, before.sequence, tenths)
    except CreditBlockError as error:
        raise _refused(error.response_code) from error
    return CreditPreview(block, before, Decimal(after) * TENTH)


def _refused(code: int) -> SmRefusedError:
    return error_for_response(COMMAND, code)
