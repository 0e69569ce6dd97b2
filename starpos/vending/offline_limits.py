"""How long, and for how much, a counter may sell without reaching its head office.

The head office sets both per terminal (``sync_offline_limits``, which comes down with the
master data; docs/sync.md "Offline limits"). They bound what a stolen or cut-off counter
can sell that nobody has seen: past either, every sale, token or card, is refused with a
message that says how to get going again. A store that is not enrolled with a head office
(one PC) and a terminal without limits sell as before.

- **Time**: since the head office last answered this counter (its enrolment, until then).
- **Value**: the net amount of the sales the head office has not acknowledged yet (their
  audit entries lie after the acknowledged position), this sale included.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from starpos.db.enums import VendState
from starpos.db.models import AuditEntry, OfflineLimit, SyncState, Terminal, Vend
from starpos.vending.errors import VendRefusedError

_STATE = cast(Table, SyncState.__table__)
_LIMITS = cast(Table, OfflineLimit.__table__)
_TERMINALS = cast(Table, Terminal.__table__)
_ENTRIES = cast(Table, AuditEntry.__table__)
_VENDS = cast(Table, Vend.__table__)
_READ_LIMITS = select(
    _STATE.c.terminal_code,
    _STATE.c.enrolled_at,
    _STATE.c.last_contact_at,
    _STATE.c.acknowledged_seq,
    _LIMITS.c.max_offline_minutes,
    _LIMITS.c.max_offline_value,
).select_from(
    _STATE.join(_TERMINALS, _TERMINALS.c.code == _STATE.c.terminal_code).join(
        _LIMITS, _LIMITS.c.terminal_id == _TERMINALS.c.id
    )
)
#: The sales whose entries the head office has not acknowledged (the entries are few: the
#: value limit keeps them so).
_UNSENT_VALUE = select(func.sum(_VENDS.c.net_amount)).where(
    _VENDS.c.bill_number.in_(
        select(func.substr(_ENTRIES.c.subject, len("vend:") + 1)).where(
            _ENTRIES.c.id > bindparam("acknowledged"),
            _ENTRIES.c.kind == "vend",
        )
    ),
    _VENDS.c.state.in_((VendState.PENDING, VendState.ISSUED, VendState.PRINTED)),
)


class OfflineTooLongError(VendRefusedError):
    code = "vend.offline_too_long"
    template = (
        "This counter has not reached the head office for {hours} hours (terminal {terminal} "
        "may sell offline for {limit} hours), so it stops selling. Connect it to the network "
        "and sync (starpos sync run), or ask the head office to raise the terminal's "
        "offline limit."
    )


class OfflineValueReachedError(VendRefusedError):
    code = "vend.offline_value_reached"
    template = (
        "This counter has sold {unsent} that the head office has not received; this sale of "
        "{amount} would pass terminal {terminal}'s offline limit of {limit}, so it stops "
        "selling. Connect it to the network and sync (starpos sync run) to send its sales, "
        "or ask the head office to raise the terminal's offline limit."
    )


def check_offline_limits(session: Session, now: datetime, amount: Decimal) -> None:
    """Refuse a sale of ``amount`` (net) at ``now`` (UTC) past the terminal's limits."""
    connection = session.connection()
    found = connection.execute(_READ_LIMITS).first()
    if found is None:
        return
    terminal, enrolled_at, contact, acknowledged, minutes, value = found
    if minutes is not None:
        since = contact or enrolled_at
        offline = (now - since).total_seconds() / 60
        if offline > minutes:
            raise OfflineTooLongError(
                hours=_hours(offline), limit=_hours(minutes), terminal=terminal
            )
    if value is not None:
        unsent = connection.execute(_UNSENT_VALUE, {"acknowledged": acknowledged}).scalar()
        unsent = unsent if unsent is not None else Decimal("0.00")
        if unsent + amount > value:
            raise OfflineValueReachedError(
                unsent=unsent, amount=amount, limit=value, terminal=terminal
            )


def _hours(minutes: float) -> Decimal:
    return Decimal(str(round(minutes / 60, 1)))
