"""The store's audit head as the anchor every acting module command carries.

The module is the tamper-resistant device at the counter: with each command that acts it
journals the store's audit head (docs/sm-protocol.md 3.2) and refuses a head that
contradicts the one it holds (fewer entries, or as many and another hash). So a chain cut
back or rewritten after a sale disagrees with the module, which ``starpos audit verify``
asks (:mod:`starpos.audit.anchor_check`, docs/security.md).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from starpos.audit.log import head
from starpos.devices.sm.records import AuditAnchor


def store_anchor(session: Session) -> AuditAnchor:
    """The audit head as ``session``'s transaction sees it, as the module takes it.

    Read after the command's own PENDING entry is appended and before the module is asked,
    in the transaction that commits that entry: the anchor names an entry that exists.
    """
    chain = head(session)
    return AuditAnchor.of(chain.last_hash, chain.last_id)
