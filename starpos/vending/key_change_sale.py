"""A key change at the meter's next purchase: what a sale adds when its meter is flagged
(issue 16, docs/key-changes.md).

The sale is one durable vend whose PENDING row goes through the module twice, each step
committed before the module is asked, the way a token batch goes row to row:

1. PENDING, the key change request (``SM?TK``, old key -> new key) and its digest; the flag
   is claimed by the sale (no second sale can take it); the meter's key data unchanged.
2. The key change tokens, in ONE commit with: the meter's key data moved to the new key (a
   rollover forgets its TIDs), the credit token's TID under the new key, and the row's
   request now the credit token's (``SM?TC`` under the new key). The flag is ISSUED.
3. The credit token: ISSUED as any sale; the flag DELIVERED with it.

A module refusal of the key change books the sale FAILED and frees the flag. If the key
change tokens exist but the credit token does not (the module refused it, or a crash was
settled as "the module never acted on it"), the sale is FAILED, its key change tokens stay
booked on it and on the flag, which stays ISSUED: the meter's next sale prints them again
before its credit token (made once, printed as often as needed, never made twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db.column_types import utc_now
from starpos.db.enums import KeyChangeState, VendState
from starpos.db.meter_keys import NewKeyData, move_meter_key
from starpos.db.models import KeyChangeFlag, Meter, Vend, VendToken
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.frames import Request
from starpos.devices.sm.messages import MeterKeyRef, key_change_params
from starpos.devices.sm.records import AuditAnchor, acting_request

KEY_CHANGE_TOKEN = "key_change"
#: The subclasses of a key change set, in entry order, by its size (64- or 128-bit key).
SECTIONS = {2: (3, 4), 4: (3, 4, 8, 9)}

_FLAGS = cast(Table, KeyChangeFlag.__table__)
_TOKENS = cast(Table, VendToken.__table__)
_VENDS = cast(Table, Vend.__table__)
_METERS = cast(Table, Meter.__table__)
_OPEN = (KeyChangeState.FLAGGED, KeyChangeState.ISSUED)

# Every sale's ISSUED and FAILED moves run these (one indexed UPDATE each, usually no row).
_DELIVERED = (
    update(_FLAGS)
    .where(_FLAGS.c.vend_id == bindparam("b_vend"), _FLAGS.c.state == KeyChangeState.ISSUED)
    .values(state=KeyChangeState.DELIVERED, delivered_at=bindparam("b_at"))
)
_RELEASED = (
    update(_FLAGS)
    .where(_FLAGS.c.vend_id == bindparam("b_vend"), _FLAGS.c.state == KeyChangeState.FLAGGED)
    .values(vend_id=None)
)


@dataclass(frozen=True)
class SaleKeyChange:
    """The key change a sale carries before its credit token.

    ``made`` holds the tokens when an earlier sale made them (printed again, not made);
    empty when this sale asks the module for them.
    """

    flag_id: int
    old_ref: MeterKeyRef
    new_key: NewKeyData
    rollover: bool
    made: tuple[str, ...] = ()
    #: The flag's own name in every store (the head office books its sale by it: SYN-55).
    request_id: str = ""

    @property
    def new_ref(self) -> MeterKeyRef:
        new = self.new_key
        return MeterKeyRef(self.old_ref.pan, new.register, new.sgc, new.ti, new.krn, new.ken)

    @property
    def to_make(self) -> bool:
        return not self.made

    def request(self, anchor: AuditAnchor | None = None) -> Request:
        """The ``SM?TK`` frame the driver sends with ``anchor`` (its digest is what ``GL?RR``
        echoes)."""
        params = key_change_params(self.old_ref, self.new_ref, self.rollover)
        return acting_request("TK", params, anchor)

    def as_dict(self) -> dict[str, Any]:
        new = self.new_key
        return {
            "to_make": self.to_make,
            "tokens": list(self.made),
            "new_key": {
                "register": new.register, "sgc": new.sgc, "ti": new.ti, "krn": new.krn,
                "ken": new.ken, "key_type": new.key_type, "base_date": new.base_date,
            },
            "rollover": self.rollover,
            "flag": self.request_id,
        }  # fmt: skip


class KeyChangeInProgressError(Exception):
    """Another sale holds this meter's key change (a PENDING sale): the bill number."""

    def __init__(self, bill: str) -> None:
        super().__init__(bill)
        self.bill = bill


def for_meter(
    session: Session, meter_id: int, current: MeterKeyRef, base_date: int
) -> SaleKeyChange | None:
    """The key change the meter's next sale carries, or None.

    ``current`` is the meter's key as the store holds it, ``base_date`` its base date.
    Raises :class:`KeyChangeInProgressError` when a PENDING sale holds the flag.
    """
    flag = session.scalars(
        select(KeyChangeFlag).where(
            KeyChangeFlag.meter_id == meter_id, KeyChangeFlag.state.in_(_OPEN)
        )
    ).first()
    if flag is None:
        return None
    if flag.vend_id is not None:
        holder = session.get(Vend, flag.vend_id)
        if holder is not None and holder.state is VendState.PENDING:
            raise KeyChangeInProgressError(holder.bill_number)
    new = NewKeyData(
        int(flag.new_key_register), flag.new_sgc, flag.new_ti, flag.new_krn, flag.new_ken,
        flag.new_key_type, flag.new_base_date,
    )  # fmt: skip
    if flag.state is KeyChangeState.ISSUED:
        # Made by an earlier sale that could not deliver them: the store's key data has
        # moved already (``current`` is the new key); this sale prints them again.
        return SaleKeyChange(flag.id, current, new, False, tuple(flag.token_list), flag.request_id)
    return SaleKeyChange(flag.id, current, new, new.base_date != base_date, (), flag.request_id)


def tokens_at_next_sale(session: Session, meter_number: str) -> int:
    """How many key change tokens the meter's next sale prints before its credit token (0:
    none), for the cashier's screen: the made ones, or 2 for a 64-bit key and 4 for a
    128-bit (MISTY1, EA11) one still to make."""
    row = session.execute(
        select(KeyChangeFlag.state, KeyChangeFlag.tokens, Meter.ea)
        .join(Meter, Meter.id == KeyChangeFlag.meter_id)
        .where(Meter.number == meter_number, KeyChangeFlag.state.in_(_OPEN))
    ).first()
    if row is None:
        return 0
    if row.state == KeyChangeState.ISSUED and row.tokens:
        return len(row.tokens.split())
    return 4 if row.ea == "11" else 2


def claim(session: Session, change: SaleKeyChange, vend_id: int) -> None:
    """In the PENDING transaction: the flag is this sale's; tokens made before are booked on
    it at once, in entry order (positions 1..n), so its voucher carries them."""
    session.connection().execute(
        update(_FLAGS).where(_FLAGS.c.id == change.flag_id).values(vend_id=vend_id)
    )
    if change.made:
        session.connection().execute(
            _TOKENS.insert(),
            [
                {"vend_id": vend_id, "position": n, "kind": KEY_CHANGE_TOKEN, "token": token,
                 "tid": None}
                for n, token in enumerate(change.made, start=1)
            ],
        )  # fmt: skip


def record_tokens(
    session: Session,
    vend_id: int,
    bill: str,
    change: SaleKeyChange,
    tokens: list[str],
    actor: Actor,
    *,
    credit_tid: int,
    credit_request: Request,
    recovered: bool = False,
) -> None:
    """In the caller's transaction: the key change tokens booked on the sale and the flag,
    the meter moved to the new key (its last TID the credit token's), and the sale's
    request now the credit token's under the new key."""
    connection = session.connection()
    connection.execute(
        _TOKENS.insert(),
        [
            {"vend_id": vend_id, "position": n, "kind": KEY_CHANGE_TOKEN, "token": token,
             "tid": None}
            for n, token in enumerate(tokens, start=1)
        ],
    )  # fmt: skip
    moved = connection.execute(
        update(_FLAGS)
        .where(
            _FLAGS.c.id == change.flag_id,
            _FLAGS.c.state == KeyChangeState.FLAGGED,
            _FLAGS.c.vend_id == vend_id,
        )
        .values(state=KeyChangeState.ISSUED, tokens=" ".join(tokens), issued_at=utc_now())
    )
    if moved.rowcount != 1:
        raise RuntimeError(f"key change flag {change.flag_id} is not held by sale {bill}")
    meter_id = _meter_of(session, vend_id)
    move_meter_key(session, meter_id, change.new_key, change.rollover)
    # The credit token's TID is the meter's last from now on (under the new base date).
    connection.execute(update(_METERS).where(_METERS.c.id == meter_id).values(last_tid=credit_tid))
    connection.execute(
        update(_VENDS)
        .where(_VENDS.c.id == vend_id, _VENDS.c.state == VendState.PENDING)
        .values(
            tid=credit_tid,
            module_key_ref=change.new_ref.params(),
            module_request_digest=credit_request.digest(),
        )
    )
    new = change.new_key
    append(
        session,
        AuditKind.VEND,
        subject=f"vend:{bill}",
        details={
            "step": "key_change_recovered" if recovered else "key_change_issued",
            "tokens": tokens,
            "new_key": {
                "register": new.register, "sgc": new.sgc, "ti": new.ti, "krn": new.krn,
                "ken": new.ken, "key_type": new.key_type, "base_date": new.base_date,
            },
            "rollover": change.rollover,
            "flag": change.request_id,
            "tid": credit_tid,
            "key_ref": change.new_ref.params(),
            "request_digest": credit_request.digest(),
        },
        actor=actor,
    )  # fmt: skip


def _meter_of(session: Session, vend_id: int) -> int:
    return int(
        session.connection()
        .execute(select(_VENDS.c.meter_id).where(_VENDS.c.id == vend_id))
        .scalar_one()
    )


def on_issued(session: Session, vend_id: int) -> None:
    """The sale is ISSUED: the key change tokens it carried are with the customer."""
    session.connection().execute(_DELIVERED, {"b_vend": vend_id, "b_at": utc_now()})


def on_failed(session: Session, vend_id: int) -> None:
    """The sale FAILED: a flag it held before any key change token existed is free again
    (one whose tokens exist stays ISSUED, for the next sale to print again)."""
    session.connection().execute(_RELEASED, {"b_vend": vend_id})


def held_by(session: Session, vend_id: int) -> SaleKeyChange | None:
    """The key change a PENDING sale still has to make (its flag FLAGGED and held by it), as
    recovery rebuilds it from the store; None when the sale has none to make."""
    flag = session.scalars(
        select(KeyChangeFlag).where(
            KeyChangeFlag.vend_id == vend_id, KeyChangeFlag.state == KeyChangeState.FLAGGED
        )
    ).first()
    if flag is None:
        return None
    vend = session.get(Vend, vend_id)
    assert vend is not None
    meter = vend.meter
    old_ref = MeterKeyRef.parse(vend.module_key_ref or "")
    new = NewKeyData(
        int(flag.new_key_register), flag.new_sgc, flag.new_ti, flag.new_krn, flag.new_ken,
        flag.new_key_type, flag.new_base_date,
    )  # fmt: skip
    return SaleKeyChange(
        flag.id, old_ref, new, new.base_date != meter.tid_base_year, (), flag.request_id
    )


def reads_back(module: SecureModule, change: SaleKeyChange, tokens: list[str]) -> bool:
    """Whether ``tokens`` decrypt with the meter's old key to a key change set in order
    (recovery's check; raises the driver's errors when the module cannot be asked)."""
    expected = SECTIONS.get(len(tokens))
    if expected is None:
        return False
    for token, subclass in zip(tokens, expected, strict=True):
        decoded = module.verify_token(token, change.old_ref)
        if (decoded.token_class, decoded.token_subclass) != (2, subclass):
            return False
    return True
