"""Two ledgers side by side: the vends each holds with their credit token, and the
bill-number counters, read from a store put aside without changing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from starpos.backup.store_file import read_only_engine
from starpos.db.enums import VendState
from starpos.db.models import Meter, NumberingCounter, Vend, VendToken
from starpos.vending import token_ledger

#: States of a vend whose token the module made (a cancelled token was made, then cancelled).
TOKEN_MADE = (VendState.ISSUED, VendState.PRINTED, VendState.CANCELLED)


@dataclass(frozen=True)
class LedgerVend:
    """One vend as a ledger holds it, for comparing two ledgers."""

    request_id: str
    bill: str
    state: VendState
    meter: str
    token_kwh: Decimal
    tid: int | None
    module_id: str | None
    token: str | None
    at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill": self.bill,
            "state": self.state.value,
            "meter": self.meter,
            "token_kwh": self.token_kwh,
            "tid": self.tid,
            "module_id": self.module_id,
            "token": self.token,
            "at": self.at,
        }


@dataclass
class ReplacedStore:
    vends: dict[str, LedgerVend]
    counters: dict[tuple[str, str, str], int]


def ledger_vends(session: Session) -> dict[str, LedgerVend]:
    """Every vend of a ledger with its credit token, by request id."""
    tokens = {
        vend_id: token
        for vend_id, token in session.execute(
            select(VendToken.vend_id, VendToken.token).where(
                VendToken.kind == token_ledger.CREDIT_TOKEN
            )
        )
    }
    rows = session.execute(
        select(
            Vend.id,
            Vend.request_id,
            Vend.bill_number,
            Vend.state,
            Meter.number,
            Vend.token_kwh,
            Vend.tid,
            Vend.module_id,
            Vend.issued_at,
        )
        .join(Meter, Meter.id == Vend.meter_id)
        .order_by(Vend.id)
    )
    return {
        request: LedgerVend(
            request, bill, VendState(state), meter, kwh, tid, module, tokens.get(vend_id), at
        )
        for vend_id, request, bill, state, meter, kwh, tid, module, at in rows
    }


def read_replaced_store(path: Path) -> ReplacedStore:
    """The vends and bill-number counters of the store put aside (read-only). Raises one of
    ``STORE_READ_ERRORS`` when it cannot be read (a damaged store is why one restores)."""
    with read_only_engine(path) as engine:
        return _read(engine)


def _read(engine: Engine) -> ReplacedStore:
    with Session(engine) as session:
        counters = {
            (bill_type, period, prefix): value
            for bill_type, period, prefix, value in session.execute(
                select(
                    NumberingCounter.bill_type,
                    NumberingCounter.period,
                    NumberingCounter.prefix,
                    NumberingCounter.next_value,
                )
            )
        }
        return ReplacedStore(ledger_vends(session), counters)
