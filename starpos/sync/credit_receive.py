"""Credit blocks the head office issued for this counter's module, applied once.

The head office sends, at every sync, the blocks it issued for this terminal's module and
has not yet seen settled (``GET /v1/credit-blocks``; docs/sync.md, "Credit blocks"). Each
goes through :func:`starpos.vending.module_credit.credit_module`, the one credit path, as
the head-office operator who issued it (their session as this store grants it: the
operators and roles come down with the master data), audited with ``source: head_office``.

Exactly once, twice over: a block this store already holds a credit update of (the same
digest, in any state) is not sent again, however often it comes down; and a block is for one
update sequence of its module, which refuses it once that sequence is taken. The entry the
credit writes travels up with the next push, and the head office stops sending the block.

A module lent by the counter window between sales (:meth:`starpos.counter.ModuleLink.lent`)
may be in use by a sale: the sale wins, and the blocks wait for the next sync, untouched.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.models import ModuleCreditUpdate
from starpos.devices.sm.driver import SecureModule
from starpos.errors import StarposError
from starpos.operators.login import acting_as
from starpos.sync import state
from starpos.sync.client import HeadOfficeClient
from starpos.sync.errors import ProtocolError
from starpos.vending.errors import ModuleInUseError
from starpos.vending.module_credit import block_digest, credit_module

#: What the audit entry of a credit says about a block issued at the head office.
SOURCE = "head_office"

ModuleOpener = Callable[[], AbstractContextManager[SecureModule]]


@dataclass
class CreditReceipt:
    """What became of the blocks that came down."""

    applied: list[dict[str, Any]] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    #: (block digest, module id, why)
    failed: list[tuple[str, str, StarposError]] = field(default_factory=list)
    #: Digests of the blocks left for the next sync: a sale was using the module (only the
    #: window's lent module; a command's module is waited for, so not in ``as_dict``).
    waiting: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "already_applied": self.already,
            "failed": [
                {"block": digest, "module_id": module, "reason": error.message}
                for digest, module, error in self.failed
            ],
        }


def _blocks(answer: dict[str, Any]) -> list[tuple[dict[str, Any], bytes]]:
    blocks = answer.get("blocks")
    if not isinstance(blocks, list):
        raise ProtocolError(detail="the credit blocks answer has no list of blocks")
    found = []
    for item in blocks:
        try:
            data = base64.b64decode(item["block"], validate=True)
        except (KeyError, TypeError, binascii.Error) as error:
            raise ProtocolError(detail="a credit block is not base64") from error
        if block_digest(data) != item.get("block_digest"):
            raise ProtocolError(detail="a credit block does not match its digest")
        found.append((item, data))
    return found


def _held(database: Database, digest: str) -> bool:
    with database.reading() as session:
        return (
            session.scalars(
                select(ModuleCreditUpdate.id).where(ModuleCreditUpdate.block_digest == digest)
            ).first()
            is not None
        )


def receive_credit_blocks(
    database: Database, client: HeadOfficeClient, open_module: ModuleOpener
) -> CreditReceipt:
    """Fetch this terminal's waiting blocks and apply each one this store does not hold."""
    with database.reading() as session:
        enrolment = state.require_enrolment(session)
    receipt = CreditReceipt()
    for item, data in _blocks(client.credit_blocks()):
        digest = block_digest(data)
        if _held(database, digest):
            receipt.already.append(digest)
            continue
        if receipt.waiting:  # the module is a sale's now: the rest wait with the first
            receipt.waiting.append(digest)
            continue
        try:
            operator = acting_as(
                database,
                Actor(
                    str(item.get("operator") or ""),
                    enrolment.sales_point_code,
                    enrolment.terminal_code,
                ),
            )
            with open_module() as module:
                outcome = credit_module(database, module, data, operator, source=SOURCE)
        except ModuleInUseError:  # nothing was asked of the module: not a failure
            receipt.waiting.append(digest)
            continue
        except StarposError as error:  # recorded where it happened; said once here
            receipt.failed.append((digest, str(item.get("module_id") or "-"), error))
            continue
        receipt.applied.append({"block": digest, "operator": operator.code, **outcome.as_dict()})
    return receipt
