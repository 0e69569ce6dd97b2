"""The card desk: issue, replace and blank SUN cards, and the meter data cards bring back.

The counter's administrators and supervisors do here what ``starpos card issue|replace|
blank|history|flags`` do on the command line, as the operator logged in at the counter
(their :class:`~starpos.audit.log.Actor`). The card flows are the card sales core's
(:mod:`starpos.card_sales.lifecycle`), run on the counter's one card reader thread (the
one card mode reads and sells through), and they check the operator's permissions
themselves. Meter data is read from the store. Calls block: a window runs the card
methods on its card worker and the readings on its database worker.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from starpos.card_sales import blank_card, flagged_readings, issue_card, meter_history
from starpos.card_sales.lifecycle import IssuedCardResult, ReplaceReason, replace_card
from starpos.counter.card_desk_views import CardBlanked, CardIssued, CardOnDesk, MeterReading
from starpos.counter.cards import CounterCards
from starpos.db import Database
from starpos.db.models import IssuedCard, Meter
from starpos.db.parameters import to_local
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.errors import VendError
from starpos.operators import permissions
from starpos.operators.login import acting_as
from starpos.operators.session import OperatorSession

#: How many readings a search shows (newest first); the CLI's default too.
HISTORY_LIMIT = 100
FLAGGED_LIMIT = 200


class NotTheCardShownError(VendError):
    code = "counter.card_desk.other_card"
    template = (
        "The card in the reader ({serial}) is not the card shown before ({expected}): it was "
        "changed meanwhile. Nothing was done. Check the card in the reader and try again."
    )


class CounterCardDesk:
    """Card issue, replacement, blanking and meter data at one counter."""

    def __init__(self, cards: CounterCards) -> None:
        self.cards = cards
        self.database: Database = cards.database

    # -- the card in the reader ---------------------------------------------------------
    def inspect(self, reader: str) -> CardOnDesk:
        """Read and verify the card in ``reader`` and say what it holds; writes nothing,
        neither to the card nor to the store."""
        contents: CardContents = self.cards.run(lambda card: card.read(), reader)
        return self._on_desk(reader, contents)

    def issue(self, meter_number: str, reader: str, operator: OperatorSession) -> CardIssued:
        """Bind the blank card in ``reader`` to the card meter ``meter_number``."""
        actor = operator.actor
        result = self.cards.run(
            lambda card: issue_card(self.database, card, meter_number, actor), reader
        )
        return _issued(result)

    def replace(
        self, meter_number: str, reason: str, reader: str, operator: OperatorSession
    ) -> CardIssued:
        """Issue the blank card in ``reader`` in place of the meter's ``lost`` or ``broken``
        card, carrying the credit no reading shows the meter loaded (exactly once)."""
        actor = operator.actor
        why = ReplaceReason(reason)
        result = self.cards.run(
            lambda card: replace_card(self.database, card, meter_number, why, actor), reader
        )
        return _issued(result)

    def blank(
        self,
        reader: str,
        operator: OperatorSession,
        discard_credit: bool,
        expected_serial: str = "",
    ) -> CardBlanked:
        """Erase the card in ``reader``; refused while it carries unloaded credit unless
        ``discard_credit`` (the operator then needs ``refund``; the audit keeps the energy).
        ``expected_serial``: the card the operator saw and confirmed for; any other card
        in the reader is refused untouched (a card swapped after the question)."""
        actor = operator.actor

        def work(card: SunCard) -> tuple[CardContents, dict[str, Any]]:
            before = card.read()
            if expected_serial and before.serial != expected_serial:
                raise NotTheCardShownError(serial=before.serial, expected=expected_serial)
            return before, blank_card(self.database, card, actor, discard_credit=discard_credit)

        before, result = self.cards.run(work, reader)
        discarded = result.get("discarded_kwh")
        return CardBlanked(
            serial=str(result["serial"]),
            was_issued=bool(result["was_issued"]),
            meter_number=str(result.get("meter") or ""),
            discarded_kwh=discarded,
            discarded_bill=before.credit.vend_id if discarded is not None and before.credit else "",
        )

    # -- meter data ---------------------------------------------------------------------
    def meter_readings(self, meter_number: str, operator: OperatorSession) -> list[MeterReading]:
        """The readings cards brought back from ``meter_number``, newest first."""
        acting_as(self.database, operator.actor).require(permissions.VIEW_REPORTS)
        with self.database.reading() as session:
            rows = meter_history(session, meter_number, limit=HISTORY_LIMIT)
            return [_reading(row, to_local(session, row["read_at"])) for row in rows]

    def flagged_readings(self, operator: OperatorSession) -> list[MeterReading]:
        """Every flagged reading of every meter (tamper, overload, rollback), newest first."""
        acting_as(self.database, operator.actor).require(permissions.VIEW_REPORTS)
        with self.database.reading() as session:
            rows = flagged_readings(session, limit=FLAGGED_LIMIT)
            return [_reading(row, to_local(session, row["read_at"])) for row in rows]

    # -- helpers ------------------------------------------------------------------------
    def _on_desk(self, reader: str, contents: CardContents) -> CardOnDesk:
        identity = contents.identity
        if identity is None:
            return CardOnDesk(reader=reader, serial=contents.serial, blank=True)
        with self.database.reading() as session:
            state = session.scalars(
                select(IssuedCard.state)
                .join(Meter, Meter.id == IssuedCard.meter_id)
                .where(
                    IssuedCard.serial == contents.serial,
                    Meter.number == identity.meter_number,
                    IssuedCard.issue_number == identity.issue_number,
                )
            ).first()
        credit = contents.credit if contents.credit_pending else None
        return CardOnDesk(
            reader=reader,
            serial=contents.serial,
            blank=False,
            meter_number=identity.meter_number,
            issue_number=identity.issue_number,
            register_state=str(state) if state is not None else "",
            credit_pending=credit is not None,
            pending_kwh=credit.energy_kwh if credit else None,
            pending_bill=credit.vend_id if credit else "",
        )


def _issued(result: IssuedCardResult) -> CardIssued:
    carried = result.carried
    return CardIssued(
        serial=result.serial,
        meter_number=result.meter_number,
        issue_number=result.issue_number,
        replaced_serial=result.replaced_serial or "",
        carried_kwh=carried.energy_kwh if carried else None,
        carried_bill=carried.bill_number if carried else "",
        settled_bills=result.settled_bills,
    )


def _reading(row: dict[str, Any], read_at_local: Any) -> MeterReading:
    flags = set(row["flags"])
    return MeterReading(
        reading_id=int(row["id"]),
        read_at=read_at_local,
        meter_number=str(row["meter"]),
        card_serial=str(row["card_serial"]),
        meter_clock=row["meter_clock"].replace(tzinfo=None),
        remaining_kwh=Decimal(row["remaining_kwh"]),
        cumulative_kwh=Decimal(row["cumulative_kwh"]),
        tamper_count=int(row["tamper_count"]),
        new_tampers=int(row["new_tampers"]),
        tamper_kinds=tuple(str(event["kind"]) for event in row["tamper_events"]),
        overload_count=int(row["overload_count"]),
        new_overloads=int(row["new_overloads"]),
        power_cut_count=int(row["power_cut_count"]),
        warning_level=int(row["warning_level"]),
        rolled_back="rollback" in flags,
        flagged=bool(flags),
        operator_code=str(row["operator"] or ""),
    )
