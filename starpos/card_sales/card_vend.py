"""One sale onto a customer's card: the order of the durable steps (docs/card-sales.md).

1. Read the card; every record verified (MACs), bound to the meter asked for.
2. In one commit: the card is the meter's active card, its return record is stored as a
   reading event, and the meter's card sales left in doubt are settled from the card.
3. Refuse while the card carries credit the meter has not loaded, or older credit than
   the ledger sold (a restored copy).
4. Price exactly as a token vend; commit the PENDING row (bill number, credit sequence).
5. Write the credit record (bill number as its vend id) and read it back.
6. Commit ISSUED.

A failure at 5 before the record's commit marker was sent cannot have changed the card:
the sale is FAILED at once. After it, only the card can tell: the sale stays PENDING and
is settled at the card's next insertion (:mod:`starpos.card_sales.settle`); a crash
anywhere after 4 is settled the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from starpos.audit.log import Actor
from starpos.card_sales import errors, register
from starpos.card_sales import ledger as card_ledger
from starpos.card_sales.commit_watch import watch
from starpos.card_sales.intake import CardInTake, take_in
from starpos.card_sales.pricing import price_card_sale
from starpos.card_sales.settle import SettledSale
from starpos.db import Database
from starpos.devices.card.errors import CardError
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.errors import StarposError
from starpos.vending import ledger
from starpos.vending.crash_points import crash_point
from starpos.vending.errors import WarnAmountNotConfirmedError, reason
from starpos.vending.sale import PricedSale, VendRequest
from starpos.vending.sale_checks import audit_refusal

# Progress steps reported to ``progress`` (the UI shows them; the tests act on them).
READING = "reading"
PRICING = "pricing"
WRITING = "writing"
DONE = "done"

# Crash points for the kill tests (starpos.vending.crash_points).
AFTER_PENDING = "card-after-pending"
AFTER_CARD_WRITE = "card-after-write"


@dataclass(frozen=True)
class CardVendResult:
    """An ISSUED card sale: its bill number and what went onto the card."""

    bill_number: str
    serial: str
    sequence: int
    energy_kwh: Decimal
    sale: PricedSale
    settled: tuple[SettledSale, ...]
    reading_flagged: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill_number": self.bill_number,
            "state": "issued",
            "medium": "card",
            "card_serial": self.serial,
            "sequence": self.sequence,
            "energy_kwh": self.energy_kwh,
            **self.sale.as_dict(),
            "settled": [
                {"bill_number": s.bill_number, "state": str(s.state)} for s in self.settled
            ],
            "reading_flagged": self.reading_flagged,
        }


def vend_to_card(
    database: Database,
    card: SunCard,
    request: VendRequest,
    *,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> CardVendResult:
    """Sell ``request`` onto ``card`` (on the card reader's thread): ISSUED, or a typed
    error saying why not and what became of the sale."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    report = progress or (lambda step: None)
    actor = Actor(request.operator_code, request.sales_point_code, request.terminal_code)
    watcher = watch(card)
    report(READING)
    try:
        contents = card.read()  # a failed MAC is audited like any refusal
        intake = take_in(database, contents, meter_number=_meter(request), actor=actor)
        _check_card_state(database, intake, contents)
    except StarposError as refusal:
        audit_refusal(database, request, refusal)
        raise
    report(PRICING)
    sale = price_card_sale(database, request, intake.meter_id, now)
    if sale.needs_confirmation:
        unconfirmed = WarnAmountNotConfirmedError(net=sale.breakdown.net, warn=_warn(database))
        audit_refusal(database, request, unconfirmed, sale.actor)
        raise unconfirmed
    with database.reading() as session:
        used = register.any_sequence(session, intake.meter_id)
    pending = card_ledger.open_pending(
        database,
        sale,
        card_id=intake.card_id,
        sequence=max(contents.last_sequence, used) + 1,
        reading_id=intake.reading_id,
    )
    crash_point(AFTER_PENDING)
    report(WRITING)
    try:
        card.write_credit(
            pending.energy_kwh,
            vend_id=pending.bill_number,
            created_at=now,
            meter_number=intake.meter_number,
            sequence=pending.sequence,
        )
    except CardError as error:
        if not watcher.commit_sent:
            ledger.record_failed(database, pending.vend_id, error.code, sale.actor)
            raise errors.CardVendFailedError(
                bill=pending.bill_number, net=sale.breakdown.net, **reason(error)
            ) from error
        raise errors.CardVendInDoubtError(bill=pending.bill_number, **reason(error)) from error
    crash_point(AFTER_CARD_WRITE)
    ledger.record_issued(database, pending.vend_id, sale.actor)
    report(DONE)
    return CardVendResult(
        bill_number=pending.bill_number,
        serial=intake.serial,
        sequence=pending.sequence,
        energy_kwh=pending.energy_kwh,
        sale=sale,
        settled=intake.settled,
        reading_flagged=intake.reading_flagged,
    )


def _meter(request: VendRequest) -> str | None:
    return request.meter.strip() or None


def _check_card_state(database: Database, intake: CardInTake, contents: CardContents) -> None:
    """The pending-credit policy and the rollback check (docs/card-sales.md): against this
    store's sales and what the head office booked at every counter (SYN-45)."""
    with database.reading() as session:
        still_pending = register.pending_card_vends(session, intake.meter_id)
        sold = register.sold_sequence(session, intake.meter_id)
    if still_pending:
        card_vend, vend = still_pending[0]
        raise errors.CardVendPendingError(
            bill=vend.bill_number,
            meter=intake.meter_number,
            serial=_serial_of(database, card_vend.card_id),
        )
    if contents.credit_pending and contents.credit is not None:
        raise errors.CreditNotLoadedError(
            energy=contents.credit.energy_kwh, bill=contents.credit.vend_id
        )
    if contents.last_sequence < sold:
        raise errors.CardRolledBackError(
            card_sequence=contents.last_sequence, meter=intake.meter_number, sold_sequence=sold
        )


def _serial_of(database: Database, card_id: int) -> str:
    from starpos.db.models import IssuedCard

    with database.reading() as session:
        card = session.get(IssuedCard, card_id)
        return card.serial if card else "-"


def _warn(database: Database) -> Decimal | None:
    from starpos.db.parameters import system_parameters

    with database.reading() as session:
        return system_parameters(session).warn_amount
