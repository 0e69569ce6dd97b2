"""A meter's SUN cards come down with the meter (docs/sync.md, "Downlink"; SYN-38): in a
snapshot and as changes, by issue number, the link to the card replaced kept local; while
the counter has events the head office has not acknowledged, its own cards stay as it has
them (a card it blanked is not made active again), and the pull after brings the head
office's."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, select, update

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import MeterMedium
from starpos.db.models import CardState, IssuedCard, Meter, SyncState
from starpos.server.store import HeadOffice
from tests.integration.sync import test_sync_downlink_feed as feed
from tests.integration.sync.sync_requests import changes, enrol
from tests.integration.sync.test_sync_downlink_feed import (
    apply,
    cursor_of,
    edit,
    same_master_data,
)

pytestmark = pytest.mark.postgres

counter = feed.counter  # the fixture: a new counter's store, enrolled


def _issue(office: HeadOffice, number: str, serial: str, issue: int, **values: object) -> None:
    """A card booked at the head office, as the card register's projector books it."""
    with office.transaction() as session:
        meter_id = session.scalar(select(Meter.id).where(Meter.number == number))
        if issue > 1:
            old = session.scalars(
                select(IssuedCard).where(
                    IssuedCard.meter_id == meter_id, IssuedCard.state == CardState.ACTIVE
                )
            ).one()
            old.state, old.ended_at = CardState.LOST, datetime.now(UTC)
            session.flush()
            values["replaces_card_id"] = old.id
        session.add(
            IssuedCard(serial=serial, meter_id=meter_id, issue_number=issue, sequence_base=0,
                       issued_at=datetime.now(UTC), **values)
        )  # fmt: skip


def counter_issued_its_own(counter: Database, number: str) -> None:
    """The counter's own cards for the meter, of which the head office heard nothing: its
    issue 1, blanked, and its issue 2, active (``00000000000000F6``)."""
    with counter.engine.begin() as connection:
        meter_id = connection.scalar(select(Meter.id).where(Meter.number == number))
        for serial, issue, state in (("00000000000000D4", 1, CardState.BLANKED),
                                     ("00000000000000F6", 2, CardState.ACTIVE)):  # fmt: skip
            connection.execute(
                insert(IssuedCard).values(serial=serial, meter_id=meter_id, issue_number=issue,
                                          state=state, sequence_base=0,
                                          issued_at=datetime.now(UTC))
            )  # fmt: skip


def _cards(database: Database, number: str) -> list[tuple[str, int, str, bool]]:
    with database.reading() as session:
        rows = session.execute(
            select(IssuedCard.serial, IssuedCard.issue_number, IssuedCard.state,
                   IssuedCard.replaces_card_id.is_not(None))
            .join(Meter, Meter.id == IssuedCard.meter_id)
            .where(Meter.number == number)
            .order_by(IssuedCard.issue_number)
        )  # fmt: skip
        return [(serial, issue, str(state), linked) for serial, issue, state, linked in rows]


def test_a_meters_cards_come_down_and_the_counters_own_wait_for_its_push(
    office: HeadOffice, counter: Database
) -> None:
    with office.transaction() as session:
        number = session.scalar(
            select(Meter.number).where(Meter.medium == MeterMedium.CARD).order_by(Meter.number)
        )
    assert number is not None
    _issue(office, number, "00000000000000A1", 1)
    key_id, key = enrol(office)
    apply(counter, changes(office, key_id, key, None))
    assert _cards(counter, number) == [("00000000000000A1", 1, "active", False)]
    same_master_data(office, counter)

    # Replaced at another counter, booked here: comes down as a change of the meter.
    _issue(office, number, "00000000000000B2", 2)
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert _cards(counter, number) == [
        ("00000000000000A1", 1, "lost", False),  # its link is this store's, never sent
        ("00000000000000B2", 2, "active", False),
    ]

    # Blanked here, not pushed yet: the meter changed at the head office keeps it blanked.
    with counter.engine.begin() as connection:
        connection.execute(
            update(IssuedCard)
            .where(IssuedCard.serial == "00000000000000B2")
            .values(state=CardState.BLANKED, ended_at=datetime.now(UTC))
        )
    with counter.unit_of_work() as uow:
        append(uow.session, AuditKind.CARD_ACTION, subject="card:00000000000000B2",
               details={"step": "blanked"})  # fmt: skip
        uow.commit()
    built = date(2025, 3, 1)
    edit(office, update(Meter).where(Meter.number == number).values(ex_factory_date=built))
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert _cards(counter, number)[1] == ("00000000000000B2", 2, "blanked", False)

    # Pushed and acknowledged, and the head office booked the blanking: its cards again.
    with counter.engine.begin() as connection:
        connection.execute(update(SyncState).values(acknowledged_seq=1))
    with office.transaction() as session:
        card = session.scalars(select(IssuedCard).where(IssuedCard.issue_number == 2)).one()
        card.state, card.ended_at = CardState.BLANKED, datetime.now(UTC)
    apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert [row[2] for row in _cards(counter, number)] == ["lost", "blanked"]


def test_a_card_the_head_office_did_not_book_gives_way_and_the_pull_goes_through(
    office: HeadOffice, counter: Database
) -> None:
    """The counter issued the meter a card (issue 2 after its own blanked issue 1) while the
    head office booked another counter's (issue 1): once the counter's events are
    acknowledged, the head office's card is the meter's, and the counter's ends here
    (reported) rather than fail this pull and every later one on the one-active-card rule
    (SYN-47). The rest of the pull (another meter's change) is applied with it."""
    with office.transaction() as session:
        number, other = session.scalars(
            select(Meter.number)
            .where(Meter.medium == MeterMedium.CARD)
            .order_by(Meter.number)
            .limit(2)
        ).all()
    key_id, key = enrol(office)
    apply(counter, changes(office, key_id, key, None))
    counter_issued_its_own(counter, number)
    _issue(office, number, "00000000000000A1", 1)
    built = date(2025, 3, 1)
    edit(office, update(Meter).where(Meter.number == other).values(ex_factory_date=built))

    report = apply(counter, changes(office, key_id, key, cursor_of(counter)))
    # Ended, then (used by nothing here) gone as any row the head office lacks; a card its
    # sales still name would stay, ended.
    assert _cards(counter, number) == [("00000000000000A1", 1, "active", False)]
    assert [str(row) for row in report.yielded] == [f"cards {number} 2"]
    with counter.reading() as session:
        assert session.scalar(select(Meter.ex_factory_date).where(Meter.number == other)) == built
    # Nothing left to give way: the next pull goes through and ends nothing more.
    _issue(office, number, "00000000000000B2", 2)
    again = apply(counter, changes(office, key_id, key, cursor_of(counter)))
    assert again.yielded == []
    assert [row[:3] for row in _cards(counter, number)] == [
        ("00000000000000A1", 1, "lost"),
        ("00000000000000B2", 2, "active"),
    ]
