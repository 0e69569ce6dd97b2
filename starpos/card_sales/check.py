"""The read-only card check: what the card holds and what the register says about it.

Nothing is written to the card. The store gains what any insertion gives it: the meter's
reading event and the settlement of sales left in doubt (only for the meter's active card).
"""

from __future__ import annotations

from typing import Any

from starpos.audit.log import Actor
from starpos.card_sales import register
from starpos.card_sales.intake import take_in
from starpos.db import Database
from starpos.devices.card.errors import CardNotIssuedError
from starpos.devices.card.sun_card import SunCard
from starpos.errors import StarposError
from starpos.i18n import render_error


def check_card(
    database: Database, card: SunCard, actor: Actor, meter_number: str | None = None
) -> dict[str, Any]:
    """Read and verify the card; say whether it can be sold to, and why not if not."""
    contents = card.read()
    result: dict[str, Any] = {
        "serial": contents.serial,
        "contents": contents,
        "sellable": False,
        "problem": None,
        "settled": [],
        "pending_sales": [],
    }
    if contents.identity is None:
        blank = CardNotIssuedError()
        result["problem"] = {"code": blank.code, "message": render_error(blank)}
        return result
    try:
        intake = take_in(database, contents, meter_number=meter_number, actor=actor)
    except StarposError as problem:
        result["problem"] = {"code": problem.code, "message": render_error(problem)}
        return result
    with database.reading() as session:
        pending = register.pending_card_vends(session, intake.meter_id)
        result["pending_sales"] = [vend.bill_number for _, vend in pending]
    result.update(
        meter=intake.meter_number,
        issue_number=intake.issue_number,
        reading_flagged=intake.reading_flagged,
        settled=[{"bill_number": s.bill_number, "state": str(s.state)} for s in intake.settled],
        credit_pending=contents.credit_pending,
        sellable=not pending and not contents.credit_pending,
    )
    return result
