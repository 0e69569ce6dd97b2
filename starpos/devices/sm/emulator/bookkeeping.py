"""What the emulated module counts and remembers for the store, inside a state change.

Every function here changes :class:`~.state.ModuleState` in place and is called between
``begin()`` and ``commit()``, so a count, a credit update record, a binding or an anchor
takes effect exactly when the command's answer does (docs/sm-protocol.md, "The module's
records"). The wire form of what they read back is in :mod:`starpos.devices.sm.records`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from starpos.devices.sm.credit_blocks import CreditBlock
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.records import (
    AuditAnchor,
    CreditUpdateRecord,
    ModuleCounters,
    StoreBinding,
)


def counters(state: ModuleState) -> ModuleCounters:
    c = state.counters
    return ModuleCounters(
        sequence=state.sequence,
        balance_tenths=state.balance_tenths,
        credited_tenths=int(c["credited"]),
        debited_tenths=int(c["debited"]),
        issued_tenths=int(c["issued"]),
        credit_tokens=int(c["credit_tokens"]),
        management_tokens=int(c["management_tokens"]),
        key_change_sets=int(c["key_change_sets"]),
        last_tid=c["last_tid"],
        counted_since=int(c["counted_since"]),
    )


def count_credit_update(
    state: ModuleState, block: CreditBlock, block_bytes: bytes, before: int, after: int
) -> None:
    """A credit update applied: the balance moved from ``before`` to ``after`` tenths."""
    c = state.counters
    c["credited"] = int(c["credited"]) + max(0, after - before)
    c["debited"] = int(c["debited"]) + max(0, before - after)
    state.add_history(
        "credit_updates",
        {
            "sequence": block.sequence,
            "operation": block.operation,
            "amount_tenths": block.amount_tenths,
            "balance_before_tenths": before,
            "balance_after_tenths": after,
            "block_digest": hashlib.sha256(block_bytes).hexdigest()[:16].upper(),
            "issued_at": block.issued_at.isoformat(timespec="seconds"),
            "applied_at": datetime.now().isoformat(timespec="seconds"),
        },
    )


def credit_update(state: ModuleState, sequence: int) -> CreditUpdateRecord | None:
    """The credit update that moved the module to ``sequence``, if it is on record."""
    for entry in state.history("credit_updates"):
        if entry["sequence"] == sequence:
            return CreditUpdateRecord(
                int(entry["sequence"]),
                str(entry["operation"]),
                int(entry["amount_tenths"]),
                int(entry["balance_before_tenths"]),
                int(entry["balance_after_tenths"]),
                str(entry["block_digest"]),
            )
    return None


def count_credit_token(state: ModuleState, tid: int, amount_tenths: int) -> None:
    c = state.counters
    c["issued"] = int(c["issued"]) + amount_tenths
    c["credit_tokens"] = int(c["credit_tokens"]) + 1
    c["last_tid"] = tid


def count_management_token(state: ModuleState, tid: int) -> None:
    c = state.counters
    c["management_tokens"] = int(c["management_tokens"]) + 1
    c["last_tid"] = tid


def count_key_change(state: ModuleState) -> None:
    c = state.counters
    c["key_change_sets"] = int(c["key_change_sets"]) + 1


# -- store binding and audit anchor --------------------------------------------------------
def _anchor_of(binding: dict[str, Any]) -> AuditAnchor | None:
    raw = binding.get("anchor")
    return AuditAnchor(raw["hash"], int(raw["count"])) if raw else None


def binding(state: ModuleState) -> StoreBinding:
    """The current binding, with what the module did since it began."""
    b, c = state.binding, state.counters
    credit = int(c["credit_tokens"]) - int(b["credit_tokens_at_bind"])
    management = int(c["management_tokens"]) - int(b["management_tokens_at_bind"])
    return StoreBinding(
        number=int(b["number"]),
        store_id=str(b["store_id"]),
        sequence_at_bind=int(b["sequence_at_bind"]),
        credit_tokens=credit,
        management_tokens=management,
        issued_tenths=int(c["issued"]) - int(b["issued_at_bind"]),
        last_tid=c["last_tid"] if credit + management else None,
        anchor=_anchor_of(b),
    )


def anchor_conflict(state: ModuleState, anchor: AuditAnchor) -> AuditAnchor | None:
    """The anchor the module holds when ``anchor`` contradicts it, else None.

    A store's audit chain only grows: an anchor with fewer entries than the last one, or
    as many entries and another head, means the store's history was cut or rewritten. The
    module refuses it instead of letting it overwrite the evidence.
    """
    held = _anchor_of(state.binding)
    if held is None:
        return None
    if anchor.entry_count < held.entry_count:
        return held
    if anchor.entry_count == held.entry_count and anchor.head_hash != held.head_hash:
        return held
    return None


def record_anchor(state: ModuleState, anchor: AuditAnchor) -> None:
    state.binding["anchor"] = {"hash": anchor.head_hash, "count": anchor.entry_count}


def bind(state: ModuleState, store_id: str, anchor: AuditAnchor | None) -> None:
    """Start binding number n+1 to ``store_id``; the one it replaces goes into the history.

    Its anchor starts from ``anchor``, the store's head at the binding: a re-bind after a
    restore starts from the restored store's head, and the replaced binding keeps the head
    it had, for the record.
    """
    previous = dict(state.binding)
    if int(previous["number"]):
        previous["unbound_at"] = datetime.now().isoformat(timespec="seconds")
        state.add_history("bindings", previous)
    c = state.counters
    state.binding = {
        "number": int(previous["number"]) + 1,
        "store_id": store_id,
        "bound_at": datetime.now().isoformat(timespec="seconds"),
        "sequence_at_bind": state.sequence,
        "credit_tokens_at_bind": int(c["credit_tokens"]),
        "management_tokens_at_bind": int(c["management_tokens"]),
        "issued_at_bind": int(c["issued"]),
        "anchor": None,
    }
    if anchor is not None:
        record_anchor(state, anchor)
