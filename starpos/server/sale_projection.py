"""Terminals' sales into the head office's vend ledger, step by step as the counter booked
them: PENDING (the row, its charge lines), ISSUED (its token, the meter's debt settled),
PRINTED, FAILED, reprints.

The facts come from the audit entries (``starpos.vending.sale_rows.sale_facts``): codes, not
row ids. A row is the store's that opened it: the next steps find it by bill number, the
signing terminal *and* its enrolment (:mod:`starpos.server.sale_owner`), so neither another
terminal's entry nor the same terminal's new store (SYN-42) can ever move it. Card sales
are booked as vends with ``medium = card`` and their ``card_vends`` row on the meter's
active card (:mod:`starpos.server.card_projection`); card readings are not audited, so not
booked.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from starpos.audit.log import ISSUING_STEPS
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
    VendToken,
)
from starpos.pricing import ChargeMethod
from starpos.server import credit_owed, key_change_projection
from starpos.server.card_projection import (
    OpenedCardSale,
    book_card_vends,
    card_named,
    note_sold,
)
from starpos.server.dated_versions import DatedVersions, dated_versions
from starpos.server.findings import FindingKind, Flag
from starpos.server.payment_settlement import IssuedSale, carries_dues, settle_dues
from starpos.server.sale_owner import opened_by
from starpos.server.shift_projection import terminal_shifts

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

#: Steps of a VEND entry after which the credit reached the meter's token or card: the
#: ledger's own list, so a new way of settling a sale cannot be missed here.
ISSUED_STEPS = ISSUING_STEPS
CREDIT_TOKEN = "credit"
#: Vend columns a PENDING entry carries as figures (``sale_rows.priced_columns``).
FIGURES = (
    "net_amount",
    "amount",
    "amount_rounding",
    "taxed_charges",
    "untaxed_charges",
    "vat_rate",
    "vat",
    "debt_repayment",
    "debt_after",
    "preinstalled",
    "prearrange",
    "energy_kwh",
    "fbe_kwh",
    "token_kwh",
    "tendered",
    "change",
)


def bill_of(event: TerminalEvent) -> str:
    return event.subject.removeprefix("vend:")


def decimal_or_none(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def vend_step(session: Session, event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step")
    if step == "pending":
        return _open(session, event)
    if step in ISSUED_STEPS:
        return _issued(session, event)
    if step in KEY_CHANGE_STEPS:
        return _key_changed(session, event)
    if step == "printed":
        return _printed(session, event)
    return []


#: A sale's key change tokens were made (docs/key-changes.md): the meter is on its new key.
KEY_CHANGE_STEPS = frozenset({"key_change_issued", "key_change_recovered"})


def _key_changed(session: Session, event: TerminalEvent) -> list[Flag]:
    """The meter moves to the new key here too (a later pull must not bring the old one
    back) and the sale takes its credit token's TID. The key change tokens themselves stay
    in the counter's ledger and in this entry."""
    vend = _terminal_vend(session, event)
    if vend is None:
        return _not_found(event)
    new_key = event.details.get("new_key")
    if not isinstance(new_key, dict):
        return []
    meter = session.get(Meter, vend.meter_id, with_for_update=True)
    assert meter is not None
    meter.key_register = str(new_key["register"])
    meter.sgc = str(new_key["sgc"])
    meter.ti = int(new_key["ti"])
    meter.krn = int(new_key["krn"])
    meter.ken = int(new_key["ken"])
    meter.key_type = int(new_key["key_type"])
    meter.tid_base_year = int(new_key["base_date"])
    tid = event.details.get("tid")
    if event.details.get("rollover") or (meter.last_tid or -1) < (tid or -1):
        meter.last_tid = tid
    vend.tid = tid
    # The head office's flag is ISSUED with the tokens: not sent down as open again (SYN-55).
    return key_change_projection.tokens_made(
        session, vend.id, vend.meter_id, event.details, event.occurred_at
    )


def _id_of(id_column: Any, code_column: Any, name: str) -> Any:
    return select(id_column).where(code_column == bindparam(name)).scalar_subquery().label(name)


# Everything a PENDING entry names, in one statement (each push books many sales, and round
# trips are what a booking costs): the rows its codes stand for, whether its bill number or
# request id is booked already, and the utility's time zone (the tariff's wall clock).
_REFERENCES = select(
    _id_of(Meter.id, Meter.number, "meter"),
    _id_of(Customer.id, Customer.code, "customer"),
    _id_of(Operator.id, Operator.code, "operator"),
    _id_of(SalesPoint.id, SalesPoint.code, "sales_point"),
    _id_of(PaymentTerm.id, PaymentTerm.code, "payment"),
    select(Vend.id)
    .where(or_(Vend.bill_number == bindparam("bill"), Vend.request_id == bindparam("request_id")))
    .limit(1)
    .scalar_subquery()
    .label("taken"),
    select(SystemParameters.time_zone)
    .where(SystemParameters.id == 1)
    .scalar_subquery()
    .label("time_zone"),
)
_SCHEME_VERSIONS = select(TariffVersion.id, TariffVersion.effective_from).join(
    TariffScheme, TariffScheme.id == TariffVersion.scheme_id
)
_IN_FORCE = (
    _SCHEME_VERSIONS.where(
        TariffScheme.code == bindparam("scheme"), TariffVersion.effective_from <= bindparam("local")
    )
    .order_by(TariffVersion.effective_from.desc())
    .limit(1)
    .subquery()
)
# The version the counter priced with, and the one in force at the head office at the
# sale's local time (the same one unless the counter was behind).
_TARIFF = select(
    _SCHEME_VERSIONS.where(
        TariffScheme.code == bindparam("scheme"),
        TariffVersion.effective_from == bindparam("effective_from"),
    )
    .with_only_columns(TariffVersion.id)
    .scalar_subquery()
    .label("priced_with"),
    select(_IN_FORCE.c.id).scalar_subquery().label("in_force"),
    select(_IN_FORCE.c.effective_from).scalar_subquery().label("in_force_from"),
)
_CHARGE_ITEMS = select(ChargeItem.code, ChargeItem.id).where(
    ChargeItem.code.in_(bindparam("codes", expanding=True))
)


def _open(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    bill = bill_of(event)
    if "request_id" not in facts:
        # Written before sales carried their facts: kept in the chain, not bookable.
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": bill, "missing": ["facts"]})]
    found = session.execute(
        _REFERENCES,
        {
            "meter": facts.get("meter"),
            "customer": facts.get("customer"),
            "operator": event.operator_code,
            "sales_point": event.sales_point_claimed or event.sales_point_code,
            "payment": facts.get("payment"),
            "bill": bill,
            "request_id": facts["request_id"],
        },
    ).one()
    names = ("meter", "customer", "operator", "sales_point", "payment")
    missing = [name for name in names if getattr(found, name) is None]
    priced_with = tariff_key(facts.get("tariff"))
    tariff = None
    if priced_with is not None:
        local = event.occurred_at.astimezone(ZoneInfo(found.time_zone)).replace(tzinfo=None)
        scheme, effective_from = priced_with
        tariff = session.execute(
            _TARIFF, {"scheme": scheme, "effective_from": effective_from, "local": local}
        ).one()
        if tariff.priced_with is None:
            missing.append("tariff")
    dated = dated_versions(session, [facts])
    missing += dated.missing(facts)
    if missing:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": bill, "missing": missing})]
    if found.taken is not None:
        return [Flag(FindingKind.BILL_NUMBER_TAKEN, {"bill": bill})]
    figures = {name: decimal_or_none(facts.get(name, "0")) for name in FIGURES}
    vend = Vend(
        request_id=facts["request_id"],
        bill_number=bill,
        state=VendState.PENDING,
        medium=MeterMedium(facts.get("medium", MeterMedium.KEYPAD.value)),
        meter_id=found.meter,
        customer_id=found.customer,
        operator_id=found.operator,
        sales_point_id=found.sales_point,
        terminal_id=event.terminal_id,
        shift_id=terminal_shifts(session, event.terminal_id, {facts.get("shift")}).get(
            facts.get("shift")
        ),
        payment_term_id=found.payment,
        tariff_version_id=tariff.priced_with if tariff is not None else None,
        vat_version_id=dated.vat_version(facts),
        first_purchase=bool(facts.get("first_purchase", False)),
        tid=facts.get("tid"),
        module_id=facts.get("module"),
        module_key_ref=facts.get("key_ref"),
        module_request_digest=facts.get("request_digest"),
        module_sequence=facts.get("module_sequence"),
        module_balance_before=decimal_or_none(facts.get("module_balance")),
        created_at=event.occurred_at,
        **figures,
    )
    vend.charges = _charges(session, facts.get("charges", []), dated)
    session.add(vend)
    session.flush()
    key_change_projection.claimed(session, vend.id, vend.meter_id, facts.get("key_change"))
    card_flags: list[Flag] = []
    if vend.medium is MeterMedium.CARD and facts.get("sequence") is not None:
        sale = OpenedCardSale(
            event.seq, bill, vend.id, vend.meter_id, int(facts["sequence"]), card_named(facts)
        )
        card_flags = book_card_vends(session, [sale]).get(event.seq, [])
    if tariff is None or priced_with is None or tariff.in_force in (None, tariff.priced_with):
        return card_flags
    # The sale stands at the counter's price; the head office had another version in force
    # at the sale's local time: the counter was offline when the price changed.
    return [
        *card_flags,
        Flag(
            FindingKind.STALE_TARIFF,
            {
                "bill": bill,
                "tariff": priced_with[0],
                "priced_with": priced_with[1],
                "in_force": tariff.in_force_from,
            },
        ),
    ]


def _charges(session: Session, lines: list[list[Any]], dated: DatedVersions) -> list[VendCharge]:
    codes = [line[0] for line in lines]
    items = dict(session.execute(_CHARGE_ITEMS, {"codes": codes}).all()) if codes else {}
    charges = []
    for position, line in enumerate(lines, start=1):
        code, name, method, amount, taxed = line[:5]
        charges.append(
            VendCharge(
                position=position,
                charge_item_id=items.get(code),
                charge_version_id=dated.charge_version(line),
                method=stored_member(ChargeMethod, method),
                code=code,
                name=name,
                amount=Decimal(str(amount)),
                taxed=bool(taxed),
            )
        )
    return charges


def tariff_key(tariff: Any) -> tuple[str, datetime] | None:
    """(scheme code, effective from) of the version the counter priced with: the wall-clock
    time a version starts is its name in every store."""
    if not tariff:
        return None
    scheme, effective_from = tariff
    return scheme, datetime.fromisoformat(effective_from)


def _terminal_vend(session: Session, event: TerminalEvent) -> Vend | None:
    vend: Vend | None = session.scalars(
        select(Vend)
        .where(
            Vend.bill_number == bill_of(event),
            Vend.terminal_id == event.terminal_id,
            opened_by(event.enrolment_id),
        )
        .with_for_update()
    ).first()
    return vend


def _not_found(event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step", event.kind)
    return [Flag(FindingKind.SALE_NOT_FOUND, {"bill": bill_of(event), "step": step})]


def _issued(session: Session, event: TerminalEvent) -> list[Flag]:
    vend = _terminal_vend(session, event)
    if vend is None:
        return _not_found(event)
    flags: list[Flag] = []
    if vend.state is VendState.PENDING:
        vend.state = VendState.ISSUED
        vend.issued_at = event.occurred_at
        lined = carries_dues(charge.code for charge in vend.charges)
        sale = IssuedSale(vend.id, vend.meter_id, vend.prearrange, event.occurred_at, lined)
        settle_dues(session, event.terminal_id, event.enrolment_id, [sale])
        returned = credit_owed.returned_credits(event.details)
        if returned:
            meter_number = session.scalar(select(Meter.number).where(Meter.id == vend.meter_id))
            settling = credit_owed.Returning(
                event.seq, vend.meter_id, str(meter_number), event.terminal_code,
                vend.bill_number, returned, event.occurred_at,
            )  # fmt: skip
            flags += credit_owed.settle(session, [settling]).get(event.seq, [])
        key_change_projection.delivered(session, [vend.id], event.occurred_at)
    if vend.tid is not None:
        flags += _tid_collision(session, vend)
    token = event.details.get("token")
    if token:
        session.add(
            VendToken(
                vend_id=vend.id,
                position=1,
                kind=CREDIT_TOKEN,
                token=token,
                tid=vend.tid,
                created_at=event.occurred_at,
            )
        )
    if event.details.get("medium") == "card" and vend.state is VendState.ISSUED:
        session.flush()
        note_sold(session, [vend.id])  # its meter's card credit moved on (SYN-45)
    if vend.debt_repayment > 0 or vend.prearrange > 0:
        # NO KEY UPDATE: a push inserting a vend of this meter holds KEY SHARE on it.
        meter = session.get(Meter, vend.meter_id, with_for_update={"key_share": True})
        assert meter is not None
        repaid = min(meter.outstanding_debt, vend.debt_repayment)
        meter.outstanding_debt -= repaid
        if vend.prearrange > 0:
            meter.prearrange_due = False
        if repaid < vend.debt_repayment:
            # Two offline counters both took this debt (docs/sync.md, conflicts): the
            # excess is owed back to the customer (SYN-53).
            credit_owed.owe(
                session,
                [
                    credit_owed.Overpaid(
                        meter.id, event.terminal_code, vend.bill_number,
                        vend.debt_repayment - repaid, event.occurred_at,
                    )
                ],
            )  # fmt: skip
            flags.append(
                Flag(
                    FindingKind.DEBT_OVERPAID,
                    {
                        "bill": vend.bill_number,
                        "meter": meter.number,
                        "repaid": vend.debt_repayment,
                        "owed": repaid,
                        "excess": vend.debt_repayment - repaid,
                    },
                )
            )
    session.flush()
    return flags


def _tid_collision(session: Session, vend: Vend) -> list[Flag]:
    """Keep the meter's last TID the latest any terminal made, and flag another token of
    the same meter with the same TID: the meter takes the first one entered and refuses
    the other as used (two offline counters selling to it in the same minute)."""
    meter = session.get(Meter, vend.meter_id, with_for_update={"key_share": True})
    assert meter is not None and vend.tid is not None
    if meter.last_tid is None or meter.last_tid < vend.tid:
        meter.last_tid = vend.tid
    other = session.scalar(
        select(Vend.bill_number).where(
            Vend.meter_id == vend.meter_id,
            Vend.tid == vend.tid,
            Vend.id != vend.id,
            Vend.state.in_((VendState.ISSUED, VendState.PRINTED)),
        )
    )
    if other is None:
        return []
    return [
        Flag(
            FindingKind.TID_COLLISION,
            {"bill": vend.bill_number, "meter": meter.number, "tid": vend.tid, "other": other},
        )
    ]


def _printed(session: Session, event: TerminalEvent) -> list[Flag]:
    vend = _terminal_vend(session, event)
    if vend is None:
        return _not_found(event)
    if vend.state is VendState.ISSUED:
        vend.state = VendState.PRINTED
        vend.printed_at = event.occurred_at
    vend.print_count = max(vend.print_count, int(event.details.get("print_count", 1)))
    return []


def reprint(session: Session, event: TerminalEvent) -> list[Flag]:
    return _printed(session, event)


def vend_failed(session: Session, event: TerminalEvent) -> list[Flag]:
    vend = _terminal_vend(session, event)
    if vend is None:
        return _not_found(event)
    if vend.state is VendState.PENDING:
        vend.state = VendState.FAILED
        vend.failed_at = event.occurred_at
        vend.failure_reason = event.details.get("reason")
        key_change_projection.released(session, [vend.id])
    return []
