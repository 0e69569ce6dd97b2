"""Credit update blocks: the only way a module's credit balance changes upward.

Format ``starpos-credit/1`` (docs/sm-protocol.md, "Credit update blocks"): a signed body
naming the module id, the update sequence number the module must be at next, the
operation (``replace``, ``add``, ``decrease`` as in the STAR manual's "Credit SM") and the
amount in tenths of a kWh. The module applies a block once, in order, and never above
the 1,800,000 kWh ceiling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.signed_files import SignedFileError, open_sealed, seal

CREDIT_FORMAT = "starpos-credit/1"
OPERATIONS = ("replace", "add", "decrease")
#: The STAR manual's ceiling on a module's balance: 1,800,000 kWh, in tenths.
CEILING_TENTHS = 18_000_000


class CreditBlockError(ValueError):
    """A block the module refuses; ``response_code`` is the answer it sends."""

    def __init__(self, reason: str, response_code: ResponseCode) -> None:
        super().__init__(reason)
        self.reason = reason
        self.response_code = response_code


@dataclass(frozen=True)
class CreditBlock:
    """One authenticated credit update (amount in tenths of a kWh, 0 .. 18,000,000)."""

    module_id: str
    sequence: int
    operation: str
    amount_tenths: int
    issued_at: datetime

    def validate(self) -> None:
        if not re.fullmatch(r"[0-9]{8}", self.module_id):
            raise ValueError("module id must be 8 digits")
        if not 1 <= self.sequence <= 0xFFFFFFFF:
            raise ValueError("sequence must be 1 or more")
        if self.operation not in OPERATIONS:
            raise ValueError("operation must be replace, add or decrease")
        if not 0 <= self.amount_tenths <= CEILING_TENTHS:
            raise ValueError("amount must be between 0 and 1,800,000 kWh")

    def to_json(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "sequence": self.sequence,
            "operation": self.operation,
            "amount_tenths": self.amount_tenths,
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
        }


def write_credit_block(block: CreditBlock, signer: Ed25519PrivateKey) -> bytes:
    block.validate()
    return seal(CREDIT_FORMAT, block.to_json(), signer)


def read_credit_block(data: bytes, trusted_kmc: Ed25519PublicKey) -> CreditBlock:
    """The block after its format and signature checks (raises :class:`CreditBlockError`)."""
    try:
        body = open_sealed(data, CREDIT_FORMAT, trusted_kmc)
        block = CreditBlock(
            module_id=str(body["module_id"]),
            sequence=int(body["sequence"]),
            operation=str(body["operation"]),
            amount_tenths=int(body["amount_tenths"]),
            issued_at=datetime.fromisoformat(str(body["issued_at"])),
        )
        block.validate()
    except SignedFileError as error:
        code = ResponseCode.SIGNATURE_INVALID if error.signature else ResponseCode.FORMAT_ERROR
        raise CreditBlockError(error.reason, code) from error
    except (KeyError, TypeError, ValueError) as error:
        raise CreditBlockError(f"malformed block ({error})", ResponseCode.FORMAT_ERROR) from error
    return block


def apply_credit_block(
    block: CreditBlock, module_id: str, sequence: int, balance_tenths: int
) -> int:
    """The balance (tenths) after applying ``block`` to a module at ``sequence``.

    Raises :class:`CreditBlockError` with code 33 (another module), 34 (not the next
    sequence number: replayed or out of order), 35 (above the ceiling) or 31 (a decrease
    below zero).
    """
    if block.module_id != module_id:
        raise CreditBlockError("block is for another module", ResponseCode.INVALID_MODULE_ID)
    if block.sequence != sequence + 1:
        raise CreditBlockError(
            "block is not the next in sequence", ResponseCode.INVALID_UPDATE_SEQUENCE
        )
    if block.operation == "replace":
        new_balance = block.amount_tenths
    elif block.operation == "add":
        new_balance = balance_tenths + block.amount_tenths
    else:
        new_balance = balance_tenths - block.amount_tenths
    if new_balance > CEILING_TENTHS:
        raise CreditBlockError("balance would pass the ceiling", ResponseCode.CREDIT_OVERFLOW)
    if new_balance < 0:
        raise CreditBlockError("balance would go below zero", ResponseCode.INSUFFICIENT_CREDIT)
    return new_balance
