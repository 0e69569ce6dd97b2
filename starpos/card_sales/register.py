"""The card register: which physical card is the meter's current card, and what the ledger
has sold onto a meter's cards. Queries only, inside the caller's session."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.card_sales import errors
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import CardState, CardVend, IssuedCard, Meter, Vend
from starpos.devices.card.errors import CardNotIssuedError, WrongMeterCardError
from starpos.devices.card.records import IdentityRecord
from starpos.devices.card.sun_card import CardContents

#: Vend states in which the credit was (or may have been) put on a card.
SOLD = (VendState.ISSUED, VendState.PRINTED)


def card_meter(session: Session, number: str, *, lock: bool = False) -> Meter:
    """The card meter with this number (VendRefused errors otherwise)."""
    from starpos.vending.errors import UnknownMeterRefusedError

    query = select(Meter).where(Meter.number == number)
    if lock:
        query = query.with_for_update()
    meter = session.scalars(query).first()
    if meter is None:
        raise UnknownMeterRefusedError(number=number)
    if meter.medium != MeterMedium.CARD:
        raise errors.NotACardMeterError(number=number)
    return meter


def identity_of(contents: CardContents, meter_number: str | None = None) -> IdentityRecord:
    """The card's identity, refusing a blank card or one bound to another meter."""
    identity = contents.identity
    if identity is None:
        raise CardNotIssuedError()
    if meter_number is not None and identity.meter_number != meter_number:
        raise WrongMeterCardError(card_meter=identity.meter_number, meter=meter_number)
    return identity


def registered_card(
    session: Session, contents: CardContents, meter_number: str | None = None
) -> IssuedCard:
    """The register row of the card read, which must be the meter's ACTIVE card."""
    identity = identity_of(contents, meter_number)
    rows = session.scalars(
        select(IssuedCard).where(IssuedCard.serial == contents.serial).order_by(IssuedCard.id)
    ).all()
    for row in reversed(rows):
        if row.meter.number == identity.meter_number and row.issue_number == identity.issue_number:
            if row.state != CardState.ACTIVE:
                current = active_card(session, row.meter_id)
                raise errors.CardNotActiveError(
                    serial=contents.serial,
                    meter=identity.meter_number,
                    state=str(row.state),
                    current=current.issue_number if current else "-",
                )
            return row
    active = next((row for row in rows if row.state == CardState.ACTIVE), None)
    if active is not None:
        raise errors.CardRegisterMismatchError(
            serial=contents.serial,
            card_meter=identity.meter_number,
            card_issue=identity.issue_number,
            meter=active.meter.number,
            issue=active.issue_number,
        )
    raise errors.UnknownCardError(serial=contents.serial, meter=identity.meter_number)


def active_card(session: Session, meter_id: int) -> IssuedCard | None:
    return session.scalars(
        select(IssuedCard).where(
            IssuedCard.meter_id == meter_id, IssuedCard.state == CardState.ACTIVE
        )
    ).first()


def last_issue_number(session: Session, meter_id: int) -> int:
    found = session.scalar(
        select(func.max(IssuedCard.issue_number)).where(IssuedCard.meter_id == meter_id)
    )
    return int(found or 0)


def highest_sequence(session: Session, meter_id: int, states: tuple[VendState, ...]) -> int:
    """The highest credit sequence of the meter's card vends in ``states`` (0: none)."""
    found = session.scalar(
        select(func.max(CardVend.sequence))
        .join(Vend, Vend.id == CardVend.vend_id)
        .where(CardVend.meter_id == meter_id, Vend.state.in_(states))
    )
    return int(found or 0)


def sold_sequence(session: Session, meter_id: int) -> int:
    """The newest credit sequence known to be on one of the meter's cards: this store's
    issued sales, or the head office's for every counter, which comes down with the meter
    (``meters.card_sequence``, SYN-45). A card carrying less is a restored copy."""
    office = session.scalar(select(Meter.card_sequence).where(Meter.id == meter_id))
    return max(highest_sequence(session, meter_id, SOLD), int(office or 0))


def any_sequence(session: Session, meter_id: int) -> int:
    """The highest sequence ever used for the meter, failed sales included: never reused."""
    found = session.scalar(select(func.max(CardVend.sequence)).where(CardVend.meter_id == meter_id))
    return int(found or 0)


def last_sold(session: Session, meter_id: int) -> tuple[CardVend, Vend] | None:
    """The meter's newest card sale that was issued (its credit is on a card)."""
    row = session.execute(
        select(CardVend, Vend)
        .join(Vend, Vend.id == CardVend.vend_id)
        .where(CardVend.meter_id == meter_id, Vend.state.in_(SOLD))
        .order_by(CardVend.sequence.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def pending_card_vends(
    session: Session, meter_id: int | None = None
) -> list[tuple[CardVend, Vend]]:
    """Card vends still PENDING (of one meter when given), oldest first."""
    query = (
        select(CardVend, Vend)
        .join(Vend, Vend.id == CardVend.vend_id)
        .where(Vend.state == VendState.PENDING)
        .order_by(Vend.id)
    )
    if meter_id is not None:
        query = query.where(CardVend.meter_id == meter_id)
    return [(card_vend, vend) for card_vend, vend in session.execute(query).all()]
