"""Terminals' sales into the head office's vend ledger, step by step as the counter booked
them: PENDING (the row, its charge lines), ISSUED (its token, the meter's debt settled),
PRINTED, FAILED, reprints.

The facts come from the audit entries (``starpos.vending.sale_rows.sale_facts``): codes, not
row ids. A row is the terminal's: the next steps find it by bill number *and* the signing
terminal, so another terminal's entry can never move it. Card sales are booked as vends
with ``medium = card``; the card register (``cards``, ``card_vends``) is not projected.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from starpos.db.enums import ChargeMethod, MeterMedium, VendState
from starpos.db.models import (
    ChargeItem,
    Customer,
    Meter,
    Operator,
    PaymentTerm,
    SalesPoint,
    TariffScheme,
    TariffVersion,
    Vend,
    VendCharge,
    VendToken,
)
from starpos.masterdata.parameters import to_local
from starpos.server.findings import FindingKind, Flag

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

#: Steps of a VEND entry after which the credit reached the meter's token or card.
ISSUED_STEPS = frozenset({"issued", "recovered", "settled_by_replacement"})
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


def _bill(event: TerminalEvent) -> str:
    return event.subject.removeprefix("vend:")


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def vend_step(session: Session, event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step")
    if step == "pending":
        return _open(session, event)
    if step in ISSUED_STEPS:
        return _issued(session, event)
    if step == "printed":
        return _printed(session, event)
    return []


def _code_id(session: Session, column: Any, id_column: Any, code: Any) -> int | None:
    if code is None:
        return None
    found: int | None = session.scalar(select(id_column).where(column == code))
    return found


def _tariff_version(session: Session, tariff: tuple[str, datetime] | None) -> int | None:
    if tariff is None:
        return None
    scheme, effective_from = tariff
    found: int | None = session.scalar(
        select(TariffVersion.id)
        .join(TariffScheme, TariffScheme.id == TariffVersion.scheme_id)
        .where(TariffScheme.code == scheme, TariffVersion.effective_from == effective_from)
    )
    return found


def _open(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    bill = _bill(event)
    if "request_id" not in facts:
        # Written before sales carried their facts: kept in the chain, not bookable.
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": bill, "missing": ["facts"]})]
    sales_point = event.sales_point_claimed or event.sales_point_code
    references = {
        "meter": _code_id(session, Meter.number, Meter.id, facts.get("meter")),
        "customer": _code_id(session, Customer.code, Customer.id, facts.get("customer")),
        "operator": _code_id(session, Operator.code, Operator.id, event.operator_code),
        "sales_point": _code_id(session, SalesPoint.code, SalesPoint.id, sales_point),
        "payment": _code_id(session, PaymentTerm.code, PaymentTerm.id, facts.get("payment")),
    }
    missing = sorted(name for name, found in references.items() if found is None)
    tariff_version_id = _tariff_version(session, _tariff_key(facts.get("tariff")))
    if facts.get("tariff") and tariff_version_id is None:
        missing.append("tariff")
    if missing:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"bill": bill, "missing": missing})]
    taken = session.scalar(
        select(Vend.id).where(or_(Vend.bill_number == bill, Vend.request_id == facts["request_id"]))
    )
    if taken is not None:
        return [Flag(FindingKind.BILL_NUMBER_TAKEN, {"bill": bill})]
    figures = {name: _decimal(facts.get(name, "0")) for name in FIGURES}
    vend = Vend(
        request_id=facts["request_id"],
        bill_number=bill,
        state=VendState.PENDING,
        medium=MeterMedium(facts.get("medium", MeterMedium.KEYPAD.value)),
        meter_id=references["meter"],
        customer_id=references["customer"],
        operator_id=references["operator"],
        sales_point_id=references["sales_point"],
        terminal_id=event.terminal_id,
        payment_term_id=references["payment"],
        tariff_version_id=tariff_version_id,
        first_purchase=bool(facts.get("first_purchase", False)),
        tid=facts.get("tid"),
        module_id=facts.get("module"),
        module_key_ref=facts.get("key_ref"),
        module_request_digest=facts.get("request_digest"),
        module_sequence=facts.get("module_sequence"),
        module_balance_before=_decimal(facts.get("module_balance")),
        created_at=event.occurred_at,
        **figures,
    )
    vend.charges = [
        _charge(session, position, line)
        for position, line in enumerate(facts.get("charges", []), start=1)
    ]
    session.add(vend)
    session.flush()
    return _stale_tariff(session, event, _tariff_key(facts.get("tariff")), tariff_version_id)


def _stale_tariff(
    session: Session,
    event: TerminalEvent,
    priced_with: tuple[str, datetime] | None,
    version_id: int | None,
) -> list[Flag]:
    """The sale stands at the counter's price; say so when the head office had another
    version of the tariff in force at the sale's (local) time: the counter was offline when
    the price changed, or its master data is behind."""
    if priced_with is None:
        return []
    scheme, _ = priced_with
    local = to_local(session, event.occurred_at)
    in_force = session.execute(
        select(TariffVersion.id, TariffVersion.effective_from)
        .join(TariffScheme, TariffScheme.id == TariffVersion.scheme_id)
        .where(TariffScheme.code == scheme, TariffVersion.effective_from <= local)
        .order_by(TariffVersion.effective_from.desc())
        .limit(1)
    ).first()
    if in_force is None or in_force.id == version_id:
        return []
    return [
        Flag(
            FindingKind.STALE_TARIFF,
            {
                "bill": _bill(event),
                "tariff": scheme,
                "priced_with": priced_with[1],
                "in_force": in_force.effective_from,
            },
        )
    ]


def _tariff_key(tariff: Any) -> tuple[str, datetime] | None:
    """(scheme code, effective from) of the version the counter priced with: the wall-clock
    time a version starts is its name in every store."""
    if not tariff:
        return None
    scheme, effective_from = tariff
    return scheme, datetime.fromisoformat(effective_from)


def _charge(session: Session, position: int, line: list[Any]) -> VendCharge:
    code, name, method, amount, taxed = line
    return VendCharge(
        position=position,
        charge_item_id=_code_id(session, ChargeItem.code, ChargeItem.id, code),
        method=ChargeMethod(method),
        code=code,
        name=name,
        amount=Decimal(str(amount)),
        taxed=bool(taxed),
    )


def _terminal_vend(session: Session, event: TerminalEvent) -> Vend | None:
    vend: Vend | None = session.scalars(
        select(Vend)
        .where(Vend.bill_number == _bill(event), Vend.terminal_id == event.terminal_id)
        .with_for_update()
    ).first()
    return vend


def _not_found(event: TerminalEvent) -> list[Flag]:
    step = event.details.get("step", event.kind)
    return [Flag(FindingKind.SALE_NOT_FOUND, {"bill": _bill(event), "step": step})]


def _issued(session: Session, event: TerminalEvent) -> list[Flag]:
    vend = _terminal_vend(session, event)
    if vend is None:
        return _not_found(event)
    flags: list[Flag] = []
    if vend.state is VendState.PENDING:
        vend.state = VendState.ISSUED
        vend.issued_at = event.occurred_at
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
    if vend.debt_repayment > 0 or vend.prearrange > 0:
        meter = session.get(Meter, vend.meter_id, with_for_update=True)
        assert meter is not None
        repaid = min(meter.outstanding_debt, vend.debt_repayment)
        meter.outstanding_debt -= repaid
        if vend.prearrange > 0:
            meter.prearrange_due = False
        if repaid < vend.debt_repayment:
            # Two offline counters both took this debt (docs/sync.md, conflicts).
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
    meter = session.get(Meter, vend.meter_id, with_for_update=True)
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
    return []
