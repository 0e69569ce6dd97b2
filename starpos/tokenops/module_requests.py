"""What a PENDING row asks of the secure module, and how its answer is recognised later.

:func:`ask` sends exactly the request whose digest the row keeps (``SM?TC`` for free credit,
``SM?TM`` for management tokens, ``SM?TK`` for a key change), with the store's audit head as
its anchor, through the driver's own methods. :func:`reads_back` is recovery's check that
tokens found in the module's last answer are this row's: each decrypts (``SM?TV``, the
meter's current key) to the row's class, subclass, TID and value.
"""

from __future__ import annotations

from starpos.db.enums import TokenOperationKind as Kind
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.messages import MeterKeyRef
from starpos.tokenops import kinds
from starpos.tokenops.ledger import ELECTRICITY, PendingOperation

#: The subclasses of a key change set, in entry order, by its size (64- or 128-bit key).
KEY_CHANGE_SECTIONS = {2: (3, 4), 4: (3, 4, 8, 9)}


def _new_ref(pending: PendingOperation) -> MeterKeyRef:
    new, pan = pending.new_key, pending.key_ref.pan
    assert new is not None
    return MeterKeyRef(pan, new.register, new.sgc, new.ti, new.krn, new.ken)


def ask(module: SecureModule, pending: PendingOperation) -> list[str]:
    """The module's tokens for ``pending`` in entry order; raises the driver's errors
    (``SmRefusedError``: it made none; any other ``SmError``: it may have)."""
    kind = pending.kind
    if kind is Kind.KEY_CHANGE:
        new_ref = _new_ref(pending)
        issued = module.issue_key_change_tokens(
            pending.key_ref, new_ref, pending.rollover, anchor=pending.anchor
        )
        return [token.token for token in issued]
    assert pending.tid is not None
    value = kinds.module_value(kind, pending.value)
    if kind in kinds.CREDIT_KINDS:
        token = module.issue_credit_token(
            pending.key_ref, ELECTRICITY, pending.tid, value, anchor=pending.anchor
        )
    elif kind is Kind.TOKEN_CANCEL:
        token = module.issue_credit_token(
            pending.key_ref, ELECTRICITY, pending.tid, 0, zero_amount=True, anchor=pending.anchor
        )
    else:
        subclass = kinds.MANAGEMENT_SUBCLASS[kind]
        token = module.issue_management_token(
            pending.key_ref, subclass, pending.tid, value, anchor=pending.anchor
        )
    return [token.token]


def reads_back(module: SecureModule, pending: PendingOperation, tokens: list[str]) -> bool:
    """Whether ``tokens`` decrypt with the meter's current key to what ``pending`` asked.

    Raises the driver's errors when the module cannot be asked.
    """
    kind = pending.kind
    if kind is Kind.KEY_CHANGE:
        expected = KEY_CHANGE_SECTIONS.get(len(tokens))
        if expected is None:
            return False
        for token, subclass in zip(tokens, expected, strict=True):
            decoded = module.verify_token(token, pending.key_ref)
            if (decoded.token_class, decoded.token_subclass) != (2, subclass):
                return False
        return True
    if len(tokens) != 1:
        return False
    decoded = module.verify_token(tokens[0], pending.key_ref)
    value = kinds.module_value(kind, pending.value)
    if kind in kinds.CREDIT_KINDS or kind is Kind.TOKEN_CANCEL:
        wanted = (0, ELECTRICITY, pending.tid, value)
    else:
        wanted = (2, kinds.MANAGEMENT_SUBCLASS[kind], pending.tid, value)
    return (decoded.token_class, decoded.token_subclass, decoded.tid, decoded.value) == wanted
