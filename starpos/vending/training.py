"""Device-level commands that make credit outside a sale: on a training module only, and
on the record.

``starpos sm issue`` (a credit, management or key change token for any PAN) and
``starpos card credit`` (credit written straight onto a card) bypass the sale's checks and
prices, so they run only against an emulator made in training mode (``SM?ID`` mode ``T``,
:meth:`SecureModule.require_training`), and they are still an operator's recorded action
(DESIGN.md rule 10): an audit entry with what was asked is committed *before* the device
acts, carrying the store's audit head to the module as anchor, and one with what it made
right after. A crash between the two leaves the request on record, never a token nobody
knows of. The subject is ``training:<module id>``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmRefusedError
from starpos.devices.sm.records import AuditAnchor
from starpos.i18n import tr_noop
from starpos.operators.session import OperatorSession
from starpos.vending.anchors import store_anchor

T = TypeVar("T")
#: Starts every line such a command prints (context ``sm``, translated when shown).
TRAINING = tr_noop("sm", "TRAINING")


def training_module(module: SecureModule) -> str:
    """The module's id if it is a training module; ``SmNotTrainingModuleError`` if not."""
    return module.require_training().module_id


def on_the_record(
    database: Database,
    operator: OperatorSession,
    module_id: str,
    kind: AuditKind,
    facts: Mapping[str, Any],
    act: Callable[[AuditAnchor], T],
    made: Callable[[T], Mapping[str, Any]],
) -> T:
    """Audit the request, ``act`` (given the anchor to send), audit what it made.

    ``facts`` say what is asked (kind, PAN, TID, energy ...); ``made(result)`` what the
    result adds (the tokens, the card's record). A refusal is audited too, then re-raised.
    """
    subject = f"training:{module_id}"
    with database.unit_of_work() as uow:
        anchor = store_anchor(uow.session)
        append(
            uow.session,
            kind,
            subject=subject,
            details={"step": "requested", "training": True, "module": module_id, **facts},
            actor=operator.actor,
        )
        uow.commit()
    try:
        result = act(anchor)
    except SmRefusedError as refusal:
        _audit(database, operator, kind, subject, {"step": "refused", "reason": refusal.code})
        raise
    _audit(database, operator, kind, subject, {"step": "made", "training": True, **made(result)})
    return result


def _audit(
    database: Database,
    operator: OperatorSession,
    kind: AuditKind,
    subject: str,
    details: Mapping[str, Any],
) -> None:
    with database.unit_of_work() as uow:
        append(uow.session, kind, subject=subject, details=details, actor=operator.actor)
        uow.commit()
