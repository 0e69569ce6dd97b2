"""Meters flagged for a key change at their next purchase (issue 16, docs/key-changes.md).

An administrator flags a meter for a new key (module register, SGC, TI, KRN, KEN, key type,
base date); the meter's next sale issues the key change tokens first and then the credit
token under the new key, in one durable vend (``starpos.vending.key_change_sale``). The
row keeps the tokens once made, so a sale that could not deliver them (its credit failed,
or a crash settled it FAILED) leaves them for the next sale to print again, never to make
again. The logic lives in ``starpos.vending.key_change_sale`` and ``starpos.keychanges``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import UtcDateTime, utc_now
from starpos.db.enums import KeyChangeState
from starpos.db.models.customers import Meter
from starpos.db.models.token_operations import TOKENS_TEXT

#: At most one open flag (flagged or issued) per meter.
_OPEN = text("state IN ('flagged', 'issued')")


class KeyChangeFlag(Base):
    __tablename__ = "key_change_flags"
    __table_args__ = (
        Index(
            "uq_key_change_flags_open_meter",
            "meter_id",
            unique=True,
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
        Index("ix_key_change_flags_state", "state"),
        # How a flag is named within its meter on the downlink (migration 0032, SYN-55).
        Index("uq_key_change_flags_meter_request", "meter_id", "request_id", unique=True),
        Index("ix_key_change_flags_vend", "vend_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    state: Mapped[KeyChangeState] = mapped_column(
        str_enum(KeyChangeState, "key_change_state"), default=KeyChangeState.FLAGGED
    )
    # The new key: the module register that holds it and what the meter learns.
    new_key_register: Mapped[str] = mapped_column(String(8))
    new_sgc: Mapped[str] = mapped_column(String(6))
    new_ti: Mapped[int] = mapped_column(Integer)
    new_krn: Mapped[int] = mapped_column(Integer)
    new_ken: Mapped[int] = mapped_column(Integer)
    new_key_type: Mapped[int] = mapped_column(Integer)
    new_base_date: Mapped[int] = mapped_column(Integer)
    # How the meter was chosen (one meter, a file, "base date 1993" ...), for the list.
    source: Mapped[str] = mapped_column(String(200), default="")
    # The key change tokens in entry order, once made (space-separated).
    tokens: Mapped[str | None] = mapped_column(String(TOKENS_TEXT))
    # The sale that made them, or the latest sale that carries them again.
    vend_id: Mapped[int | None] = mapped_column(ForeignKey("vends.id"))
    flagged_by: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    flagged_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    unflagged_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    unflagged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    meter: Mapped[Meter] = relationship()

    @property
    def token_list(self) -> list[str]:
        return self.tokens.split() if self.tokens else []
