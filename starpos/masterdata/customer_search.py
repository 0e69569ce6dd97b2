"""Which customers a search finds (manual 4.1's enquiry): fuzzy, the code, name, ID number or
one of the meter numbers contains the text (letter case ignored); exact, one of them is it.

Answered as a condition on ``customers`` that the customer list orders by code and pages.
On 100,000 customers (issue 12: an answer in under 100 ms) the way it is asked matters more
than what is asked (decision BO-32):

- exact: the few ids from the unique indexes, asked first;
- fuzzy on SQLite: the trigram indexes of migration 0029 say how many rows may contain the
  text. Few (a name, a number): the list reads just those. Many (a common word): matches
  are everywhere, so the list walks the customers by code and stops at its page.
- fuzzy on PostgreSQL, or text too short for a trigram: the LIKE pass over every row.

Every way checks the rows with the same LIKE, so the answers are the scan's; the indexes
only decide which rows are read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select, union
from sqlalchemy.orm import Session

from starpos.db import search_index
from starpos.db.models import Customer, Meter

#: More candidates than this and the matches are common enough that walking the customers
#: by code meets a page of them sooner than reading every candidate.
DENSE = 1000


def finding(session: Session, text: str, exact: bool) -> ColumnElement[bool]:
    """The condition a customer meets when ``text`` (stripped, not empty) finds them."""
    # A meter number is all digits: text with anything else never looks at the meters.
    by_meter = text.isascii() and text.isdigit()
    if exact:
        return Customer.id.in_(list(session.scalars(_exactly(text, by_meter))))
    if not search_index.indexed(session):
        return Customer.id.in_(_containing(session, text, by_meter))
    if len(text) < search_index.SHORTEST:
        return _contains(session, text, by_meter)
    like = _like(session, text)
    own = or_(like(Customer.code), like(Customer.name), like(Customer.id_number))
    customers = _candidates(session, search_index.CUSTOMER_SEARCH, text)
    if not by_meter:
        return own if customers is None else (Customer.id.in_(customers) & own)
    meters = _candidates(session, search_index.METER_SEARCH, text)
    if meters is None:
        return _contains(session, text, by_meter)
    owners = list(
        session.scalars(
            select(Meter.customer_id).where(
                Meter.id.in_(meters), like(Meter.number), Meter.customer_id.is_not(None)
            )
        )
    )
    by_meters = Customer.id.in_(owners)
    if customers is None:
        return own | by_meters
    return Customer.id.in_(customers + owners) & (own | by_meters)


def _exactly(text: str, by_meter: bool) -> Any:
    """The ids whose code (as typed or upper case), name, ID number or meter number is
    ``text``: each part one lookup in a unique or plain index. Asked before the list, or
    the planner walks every customer by code testing each against the UNION."""
    parts: list[Any] = [
        select(Customer.id).where(Customer.code == text.upper()),
        select(Customer.id).where(Customer.code == text),
        select(Customer.id).where(Customer.name == text),
        select(Customer.id).where(Customer.id_number == text),
    ]
    if by_meter:
        parts.append(select(Meter.customer_id).where(Meter.number == text))
    return union(*parts)


def _like(session: Session, text: str) -> Any:
    """``column -> column contains text``, letter case ignored. SQLite's LIKE ignores ASCII
    letter case by itself and is three times faster than lower() on every row; PostgreSQL's
    LIKE minds case, so it gets ILIKE."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    sqlite = session.get_bind().dialect.name == "sqlite"

    def contains(column: Any) -> Any:
        return (column.like if sqlite else column.ilike)(pattern, escape="\\")

    return contains


def _contains(session: Session, text: str, by_meter: bool) -> ColumnElement[bool]:
    """The fuzzy match, row by row (one of the customer's meters by its index on customers)."""
    like = _like(session, text)
    either = [like(Customer.code), like(Customer.name), like(Customer.id_number)]
    if by_meter:
        either.append(
            exists().where(Meter.customer_id == Customer.id, like(Meter.number)).correlate(Customer)
        )
    return or_(*either)


def _containing(session: Session, text: str, by_meter: bool) -> Any:
    """The fuzzy match as one UNION of ids: one pass over customers, one over meters."""
    like = _like(session, text)
    parts: list[Any] = [
        select(Customer.id).where(
            or_(like(Customer.code), like(Customer.name), like(Customer.id_number))
        )
    ]
    if by_meter:
        parts.append(
            select(Meter.customer_id).where(like(Meter.number), Meter.customer_id.is_not(None))
        )
    return union(*parts)


def _candidates(session: Session, index: str, text: str) -> list[int] | None:
    """The row ids ``index`` says may contain ``text``; None when there are more than
    ``DENSE``."""
    found = list(session.scalars(search_index.candidates(index, text).limit(DENSE + 1)))
    return None if len(found) > DENSE else found
