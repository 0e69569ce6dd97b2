"""A push's PENDING entries booked together (:mod:`starpos.server.sale_batch`): the rows
they name read in one query for every kind of row, their vends inserted in one ``COPY``
and their charges in another (:mod:`starpos.server.bulk`), with the flags
:func:`starpos.server.sale_projection.vend_step` raises for the same entries.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, literal, or_, select, union_all
from sqlalchemy.orm import Session

from starpos.db.base import stored_member
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import (
    ChargeItem,
    Customer,
    Meter,
    Operator,
    PaymentTerm,
    SalesPoint,
    SystemParameters,
    TariffScheme,
    TariffVersion,
    Vend,
    VendCharge,
)
from starpos.pricing import ChargeMethod
from starpos.server import bulk
from starpos.server.card_projection import OpenedCardSale, book_card_vends, card_named
from starpos.server.dated_versions import dated_versions
from starpos.server.driver_sql import DriverStatement
from starpos.server.findings import FindingKind, Flag
from starpos.server.projections import TerminalEvent
from starpos.server.sale_projection import FIGURES, bill_of, decimal_or_none, tariff_key
from starpos.server.shift_projection import terminal_shifts
from starpos.server.store import any_of

_VENDS = cast(Table, Vend.__table__)
_CHARGES = cast(Table, VendCharge.__table__)


#: What a push's PENDING entries name, by kind, in the order :func:`_ids` answers them.
_KINDS = (
    (Meter.id, Meter.number),
    (Customer.id, Customer.code),
    (Operator.id, Operator.code),
    (SalesPoint.id, SalesPoint.code),
    (PaymentTerm.id, PaymentTerm.code),
    (ChargeItem.id, ChargeItem.code),
)
#: The ids of every kind's codes in one query (``UNION ALL``: a round trip per kind cost
#: more than the rows); built once, a kind with no codes given an empty array (SYN-43).
_IDS = DriverStatement(
    union_all(
        *(
            select(literal(position), code_column, id_column).where(
                any_of(code_column, f"codes{position}")
            )
            for position, (id_column, code_column) in enumerate(_KINDS)
        )
    )
)
_TAKEN = DriverStatement(
    select(Vend.bill_number, Vend.request_id).where(
        or_(any_of(Vend.bill_number, "bills"), any_of(Vend.request_id, "requests"))
    )
)
_ZONE = DriverStatement(select(SystemParameters.time_zone).where(SystemParameters.id == 1))
_VEND_IDS = DriverStatement(
    select(Vend.bill_number, Vend.id).where(any_of(Vend.bill_number, "bills"))
)
_VERSIONS = DriverStatement(
    select(TariffScheme.code, TariffVersion.effective_from, TariffVersion.id)
    .join(TariffScheme, TariffScheme.id == TariffVersion.scheme_id)
    .where(any_of(TariffScheme.code, "schemes"))
    .order_by(TariffScheme.code, TariffVersion.effective_from)
)


def _ids(session: Session, codes: list[set[Any]]) -> list[dict[Any, int]]:
    """For each kind of :data:`_KINDS`, the ids of ``codes`` of that kind."""
    found: list[dict[Any, int]] = [{} for _ in _KINDS]
    wanted = [[c for c in kind if c is not None] for kind in codes]
    if any(wanted):
        parameters = {f"codes{position}": kind for position, kind in enumerate(wanted)}
        for position, code, row_id in _IDS.rows(session.connection(), parameters):
            found[position][code] = row_id
    return found


def open_all(
    session: Session, events: list[TerminalEvent], flags_of: dict[int, list[Flag]]
) -> None:
    """Book every PENDING entry of a push; what they disagree with goes into ``flags_of``."""
    if not events:
        return
    facts = [event.details for event in events]
    meters, customers, operators, points, payments, items = _ids(
        session,
        [
            {f.get("meter") for f in facts},
            {f.get("customer") for f in facts},
            {e.operator_code for e in events},
            {e.sales_point_claimed or e.sales_point_code for e in events},
            {f.get("payment") for f in facts},
            {line[0] for f in facts for line in f.get("charges", [])},
        ],
    )
    shifts = terminal_shifts(session, events[0].terminal_id, {f.get("shift") for f in facts})
    bills = [bill_of(event) for event in events]
    requests = [f.get("request_id") for f in facts]
    taken: set[Any] = set()
    connection = session.connection()
    for bill, request_id in _TAKEN.rows(
        connection, {"bills": bills, "requests": [r for r in requests if r]}
    ):
        taken |= {bill, request_id}
    zone = ZoneInfo(next((name for (name,) in _ZONE.rows(connection, {}) if name), "UTC"))
    versions = _versions(session, {tariff_key(f.get("tariff")) for f in facts})
    dated = dated_versions(session, facts)
    rows: list[dict[str, Any]] = []
    charge_lines: list[tuple[str, list[list[Any]]]] = []
    # seq, bill, meter, credit sequence, the card named (serial, issue number)
    on_cards: list[tuple[int, str, Any, int, tuple[str, int] | None]] = []
    for event, facts_of, bill in zip(events, facts, bills, strict=True):
        flags = flags_of.setdefault(event.seq, [])
        if "request_id" not in facts_of:
            flags.append(Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": bill, "missing": ["facts"]}))
            continue
        found = {
            "meter": meters.get(facts_of.get("meter")),
            "customer": customers.get(facts_of.get("customer")),
            "operator": operators.get(event.operator_code),
            "sales_point": points.get(event.sales_point_claimed or event.sales_point_code),
            "payment": payments.get(facts_of.get("payment")),
        }
        missing = [name for name, value in found.items() if value is None]
        priced_with = tariff_key(facts_of.get("tariff"))
        priced_id = in_force = in_force_from = None
        if priced_with is not None:
            local = event.occurred_at.astimezone(zone).replace(tzinfo=None)
            scheme, effective_from = priced_with
            known = versions.get(scheme, [])
            priced_id = next((v for start, v in known if start == effective_from), None)
            at = bisect.bisect_right([start for start, _ in known], local)
            if at:
                in_force_from, in_force = known[at - 1]
            if priced_id is None:
                missing.append("tariff")
        missing += dated.missing(facts_of)
        if missing:
            flags.append(Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": bill, "missing": missing}))
            continue
        request_id = facts_of["request_id"]
        if bill in taken or request_id in taken:
            flags.append(Flag(FindingKind.BILL_NUMBER_TAKEN, {"bill": bill}))
            continue
        taken |= {bill, request_id}
        rows.append(
            {
                "request_id": request_id,
                "bill_number": bill,
                "state": VendState.PENDING,
                "medium": MeterMedium(facts_of.get("medium", MeterMedium.KEYPAD.value)),
                "meter_id": found["meter"],
                "customer_id": found["customer"],
                "operator_id": found["operator"],
                "sales_point_id": found["sales_point"],
                "terminal_id": event.terminal_id,
                "shift_id": shifts.get(facts_of.get("shift")),
                "payment_term_id": found["payment"],
                "tariff_version_id": priced_id,
                "vat_version_id": dated.vat_version(facts_of),
                "first_purchase": bool(facts_of.get("first_purchase", False)),
                "tid": facts_of.get("tid"),
                "module_id": facts_of.get("module"),
                "module_key_ref": facts_of.get("key_ref"),
                "module_request_digest": facts_of.get("request_digest"),
                "module_sequence": facts_of.get("module_sequence"),
                "module_balance_before": decimal_or_none(facts_of.get("module_balance")),
                "created_at": event.occurred_at,
                **{name: decimal_or_none(facts_of.get(name, "0")) for name in FIGURES},
            }
        )
        charge_lines.append((bill, facts_of.get("charges", [])))
        if rows[-1]["medium"] is MeterMedium.CARD and facts_of.get("sequence") is not None:
            on_cards.append(
                (event.seq, bill, found["meter"], int(facts_of["sequence"]), card_named(facts_of))
            )
        if priced_with is not None and in_force not in (None, priced_id):
            # The sale stands at the counter's price (docs/sync.md, conflict rules).
            flags.append(
                Flag(
                    FindingKind.STALE_TARIFF,
                    {
                        "bill": bill,
                        "tariff": priced_with[0],
                        "priced_with": priced_with[1],
                        "in_force": in_force_from,
                    },
                )
            )
    if not rows:
        return
    # One COPY for them all (server/bulk.py), then their ids read back: a COPY returns none.
    bulk.insert_rows(session.connection(), _VENDS, rows)
    inserted = [row["bill_number"] for row in rows]
    vend_ids = dict(_VEND_IDS.rows(session.connection(), {"bills": inserted}))
    charges = [
        {
            "vend_id": vend_ids[bill],
            "position": position,
            "charge_item_id": items.get(line[0]),
            "charge_version_id": dated.charge_version(line),
            "method": stored_member(ChargeMethod, line[2]),
            "code": line[0],
            "name": line[1],
            "amount": Decimal(str(line[3])),
            "taxed": bool(line[4]),
        }
        for bill, lines in charge_lines
        for position, line in enumerate(lines, start=1)
    ]
    if charges:
        bulk.insert_rows(session.connection(), _CHARGES, charges)
    opened = [
        OpenedCardSale(seq, bill, vend_ids[bill], meter, sequence, card)
        for seq, bill, meter, sequence, card in on_cards
    ]
    for seq, flags in book_card_vends(session, opened).items():
        flags_of.setdefault(seq, []).extend(flags)


def _versions(
    session: Session, keys: set[tuple[str, datetime] | None]
) -> dict[str, list[tuple[datetime, int]]]:
    """Every version of the schemes named, by scheme code, oldest first."""
    schemes = {key[0] for key in keys if key is not None}
    if not schemes:
        return {}
    found: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for code, effective_from, version_id in _VERSIONS.rows(
        session.connection(), {"schemes": list(schemes)}
    ):
        found[code].append((effective_from, version_id))
    return found
