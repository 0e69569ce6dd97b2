"""What every card flow does first with a card it has read: find it in the register, store
the meter data it brought back, and settle the meter's card sales left in doubt."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.card_sales import register
from starpos.card_sales.readings import ReadingPlace, record_reading
from starpos.card_sales.settle import SettledSale, settle_pending
from starpos.db import Database
from starpos.db.models import Operator, SalesPoint
from starpos.devices.card.sun_card import CardContents


@dataclass(frozen=True)
class CardInTake:
    """The register's view of a card just read."""

    card_id: int
    serial: str
    meter_id: int
    meter_number: str
    issue_number: int
    reading_id: int | None
    reading_flagged: bool
    settled: tuple[SettledSale, ...]


def take_in(
    database: Database,
    contents: CardContents,
    *,
    meter_number: str | None,
    actor: Actor,
) -> CardInTake:
    """Check the card is the meter's active card, store its reading, settle; one commit.

    Refusals (unknown, replaced, blanked card; wrong meter) leave the store as it was.
    """
    with database.unit_of_work() as uow:
        session = uow.session
        card = register.registered_card(session, contents, meter_number)
        reading = None
        if contents.returned is not None:
            reading = record_reading(
                session,
                meter_id=card.meter_id,
                card_id=card.id,
                serial=contents.serial,
                returned=contents.returned,
                place=reading_place(session, actor),
                audit=actor,
                identity=(card.meter.number, card.issue_number),
            )
        settled = settle_pending(session, card, contents, actor)
        result = CardInTake(
            card_id=card.id,
            serial=card.serial,
            meter_id=card.meter_id,
            meter_number=card.meter.number,
            issue_number=card.issue_number,
            reading_id=reading.id if reading else None,
            reading_flagged=bool(reading and reading.flagged),
            settled=tuple(settled),
        )
        uow.commit()
    return result


def reading_place(session: Session, actor: Actor) -> ReadingPlace:
    """Where a card is read: the actor's sales point, else the operator's own."""
    sales_point_id = None
    if actor.sales_point_code:
        sales_point_id = session.scalar(
            select(SalesPoint.id).where(SalesPoint.code == actor.sales_point_code)
        )
    elif actor.operator_code:
        sales_point_id = session.scalar(
            select(Operator.sales_point_id).where(Operator.code == actor.operator_code)
        )
    return ReadingPlace(actor.operator_code, sales_point_id)
