"""Loading a KMF key file into the module as an installer's recorded action (DESIGN.md rule 7:
every key-moving action is in the audit log).

The order is the training commands' (:mod:`starpos.vending.training`): an audit entry with
what is asked (the module, the file's digest, the registers it changes) is committed
*before* the module acts, and the request carries the store's audit head for the module to
journal (issue 17 section 4); what the module loaded is audited right after, a refusal too.
A crash between the two leaves the request on record; the module's key registry says
whether it loaded. The subject is ``module:<module id>``, the kind ``key_action``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmRefusedError
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.vending.anchors import store_anchor

ACTION = "kmf_load"


def load_keys_on_record(
    database: Database,
    module: SecureModule,
    module_id: str,
    kmf: bytes,
    operator: OperatorSession,
    registers: Mapping[str, str],
) -> tuple[int, str]:
    """``SM?KL`` with ``kmf`` for ``operator`` (permission installer_settings), audited
    before and after; returns (keys loaded, key check value). ``registers`` is what the
    preview said each register becomes (``{"01": "new"}``)."""
    operator.require(permissions.INSTALLER_SETTINGS)
    subject = f"module:{module_id}"
    with database.unit_of_work() as uow:
        anchor = store_anchor(uow.session)
        _append(uow.session, operator, subject, {
            "step": "requested", "module": module_id, "registers": dict(registers),
            "file_digest": hashlib.sha256(kmf).hexdigest()[:16].upper(),
        })  # fmt: skip
        uow.commit()
    try:
        loaded, key_check = module.load_kmf(kmf, anchor=anchor)
    except SmRefusedError as refusal:
        _record(database, operator, subject, {"step": "refused", "reason": refusal.code})
        raise
    _record(database, operator, subject, {
        "step": "loaded", "keys_loaded": loaded, "key_check": key_check,
        "registers": dict(registers),
    })  # fmt: skip
    return loaded, key_check


def _record(
    database: Database, operator: OperatorSession, subject: str, details: dict[str, Any]
) -> None:
    with database.unit_of_work() as uow:
        _append(uow.session, operator, subject, details)
        uow.commit()


def _append(session: Any, operator: OperatorSession, subject: str, details: dict[str, Any]) -> None:
    append(
        session,
        AuditKind.KEY_ACTION,
        subject=subject,
        details={"action": ACTION, **details},
        actor=operator.actor,
    )
