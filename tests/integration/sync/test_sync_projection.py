"""Sales pushed by terminals are booked into the head office's vend ledger, and what they
disagree with is raised, never rewritten (docs/sync.md, "Projection", "Findings").

The entries carry the facts in the shape ``starpos.vending.sale_rows.sale_facts`` gives
them (the process tests send real vends through the same path).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind, canonical_json
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, VendState
from starpos.db.models import (
    Customer,
    Meter,
    SyncFinding,
    TariffScheme,
    TariffVersion,
    Vend,
)
from starpos.db.parameters import utility_now
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import enrol, entries, findings, push, verdicts

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Sold:
    meter: str
    customer: str
    tariff: list[Any]


def _meters(office: HeadOffice, count: int) -> list[Sold]:
    """Keypad meters of active customers at the head office, with their tariff in force."""
    with office.transaction() as session:
        local = utility_now(session)
        rows = session.execute(
            select(Meter.number, Customer.code, TariffScheme.id, TariffScheme.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .join(TariffScheme, TariffScheme.id == Meter.tariff_scheme_id)
            .where(
                Customer.status == CustomerStatus.ACTIVE,
                Meter.contract_status != ContractStatus.CANCELLED,
                Meter.medium == MeterMedium.KEYPAD,
            )
            .order_by(Meter.number)
            .limit(count)
        ).all()
        sold = []
        for number, customer, scheme_id, scheme in rows:
            effective = session.scalar(
                select(TariffVersion.effective_from)
                .where(TariffVersion.scheme_id == scheme_id, TariffVersion.effective_from <= local)
                .order_by(TariffVersion.effective_from.desc())
            )
            sold.append(Sold(number, customer, [scheme, effective.isoformat()]))
    return sold


def _sale(
    sold: Sold, bill: str, *, tid: int, net: str = "40.00", debt: str = "0.00"
) -> list[tuple[AuditKind, str, dict[str, Any]]]:
    """A token sale's PENDING and ISSUED entries, with the facts a counter records."""
    facts = {
        "step": "pending",
        "meter": sold.meter,
        "customer": sold.customer,
        "net": net,
        "token_kwh": "100.0",
        "tid": tid,
        "module": "30000001",
        "request_digest": "0badcafe",
        "key_ref": "600727000000000001" + "01" + "123456" + "01" + "1" + "FF",
        "module_sequence": 3,
        "module_balance": "20000.0",
        "request_id": str(uuid.uuid4()),
        "medium": "keypad",
        "payment": "CASH",
        "tariff": sold.tariff,
        "tendered": net,
        "change": "0.00",
        "net_amount": net,
        "amount": str(Decimal(net) - Decimal("2.00") - Decimal(debt)),
        "amount_rounding": "0.00",
        "taxed_charges": "2.00",
        "untaxed_charges": "0.00",
        "vat_rate": "0",
        "vat": "0.00",
        "debt_repayment": debt,
        "debt_after": "0.00",
        "preinstalled": "0.00",
        "prearrange": "0.00",
        "energy_kwh": "100.0",
        "fbe_kwh": "0.0",
        "first_purchase": False,
        "charges": [["SVC", "Service fee", "by_times", "2.00", True]],
    }
    issued = {"step": "issued", "token_kwh": "100.0", "tid": tid, "module": "30000001",
              "token": "12345678901234567890"}  # fmt: skip
    return [
        (AuditKind.VEND, f"vend:{bill}", facts),
        (AuditKind.VEND, f"vend:{bill}", issued),
    ]


def _send(
    office: HeadOffice,
    folder: Path,
    terminal: str,
    written: list[tuple[AuditKind, str, dict[str, Any]]],
    signer: tuple[str, Any] | None = None,
) -> tuple[str, Any]:
    key_id, key = signer or enrol(office, terminal)
    actor = Actor({"T01": "CASH1", "T03": "CASH2"}[terminal], None, terminal)
    chain = entries(folder, [(kind, subject, details, actor) for kind, subject, details in written])
    assert all(
        verdict != "rejected" for _, verdict, _ in verdicts(push(office, key_id, key, chain))
    )
    return key_id, key


def _vend(office: HeadOffice, bill: str) -> dict[str, Any]:
    with office.transaction() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
        return {
            "state": vend.state,
            "net": vend.net_amount,
            "kwh": vend.token_kwh,
            "charges": [(c.code, c.amount, c.taxed) for c in vend.charges],
            "tokens": [t.token for t in vend.tokens],
            "print_count": vend.print_count,
            "tid": vend.tid,
            "terminal": vend.terminal_id,
        }


def test_a_sale_is_booked_step_by_step_under_the_terminal_that_signed_it(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    written = [
        *_sale(sold, "V2612SP0100001", tid=9_000_001),
        (AuditKind.VEND, "vend:V2612SP0100001", {"step": "printed", "print_count": 1}),
        (AuditKind.REPRINT, "vend:V2612SP0100001", {"print_count": 2}),
    ]
    _send(office, tmp_path / "t01", "T01", written)
    booked = _vend(office, "V2612SP0100001")
    assert booked["state"] is VendState.PRINTED
    assert (booked["net"], booked["kwh"], booked["print_count"]) == (
        Decimal("40.00"), Decimal("100.0"), 2
    )  # fmt: skip
    assert booked["charges"] == [("SVC", Decimal("2.00"), True)]
    assert booked["tokens"] == ["12345678901234567890"]
    with office.transaction() as session:
        meter = session.scalars(select(Meter).where(Meter.number == sold.meter)).one()
        assert meter.last_tid == 9_000_001
    assert findings(office) == []


def test_a_failed_sale_is_booked_failed(office: HeadOffice, tmp_path: Path) -> None:
    (sold,) = _meters(office, 1)
    pending = _sale(sold, "V2612SP0100002", tid=9_000_002)[0]
    failed = (AuditKind.VEND_FAILED, "vend:V2612SP0100002", {"reason": "sm.keys"})
    _send(office, tmp_path / "t01", "T01", [pending, failed])
    assert _vend(office, "V2612SP0100002")["state"] is VendState.FAILED


def test_debt_repaid_at_two_offline_counters_is_taken_once_and_the_excess_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    with office.transaction() as session:
        meter = session.scalars(select(Meter).where(Meter.number == sold.meter)).one()
        meter.outstanding_debt = Decimal("10.00")
    _send(office, tmp_path / "t01", "T01", _sale(sold, "V2612SP0100003", tid=1, debt="10.00"))
    _send(office, tmp_path / "t03", "T03", _sale(sold, "V2612SP0200001", tid=2, debt="10.00"))
    with office.transaction() as session:
        meter = session.scalars(select(Meter).where(Meter.number == sold.meter)).one()
        assert meter.outstanding_debt == Decimal("0.00")
        overpaid = session.scalars(
            select(SyncFinding.details).where(SyncFinding.kind == "debt_overpaid")
        ).all()
    assert overpaid == [
        canonical_json(
            {"bill": "V2612SP0200001", "meter": sold.meter, "repaid": Decimal("10.00"),
             "owed": Decimal("0.00"), "excess": Decimal("10.00")}
        )
    ]  # fmt: skip
    # Both sales stand: they are facts.
    assert _vend(office, "V2612SP0200001")["state"] is VendState.ISSUED


def test_two_terminals_giving_one_meter_the_same_tid_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    _send(office, tmp_path / "t01", "T01", _sale(sold, "V2612SP0100004", tid=9_100_000))
    _send(office, tmp_path / "t03", "T03", _sale(sold, "V2612SP0200002", tid=9_100_000))
    assert findings(office) == [("tid_collision", 2)]
    assert _vend(office, "V2612SP0200002")["state"] is VendState.ISSUED


def test_a_sale_priced_with_a_replaced_tariff_version_stands_and_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    scheme = sold.tariff[0]
    with office.transaction() as session:
        newer = session.scalars(
            select(TariffVersion)
            .join(TariffScheme, TariffScheme.id == TariffVersion.scheme_id)
            .where(TariffScheme.code == scheme)
            .order_by(TariffVersion.effective_from.desc())
        ).first()
        assert newer is not None
        # The head office changed the price yesterday; the offline counter did not know.
        session.add(
            TariffVersion(
                scheme_id=newer.scheme_id,
                effective_from=utility_now(session) - timedelta(days=1),
                kind=newer.kind,
                flat_price=newer.flat_price,
                steps=[],
            )
        )
    _send(office, tmp_path / "t01", "T01", _sale(sold, "V2612SP0100005", tid=5))
    assert findings(office) == [("stale_tariff", 1)]
    assert _vend(office, "V2612SP0100005")["state"] is VendState.ISSUED


def test_a_sale_the_head_office_cannot_book_stays_in_the_chain_and_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    unknown = Sold("01234567890", sold.customer, sold.tariff)
    key = _send(office, tmp_path / "t01", "T01", _sale(unknown, "V2612SP0100006", tid=6))
    assert findings(office) == [("unknown_reference", 1), ("sale_not_found", 2)]
    # The same bill number from another terminal: a clash, the first booking stays.
    _send(office, tmp_path / "t01", "T01", _sale(sold, "V2612SP0100007", tid=7), key)
    _send(office, tmp_path / "t03", "T03", _sale(sold, "V2612SP0100007", tid=8))
    assert findings(office)[2:] == [("bill_number_taken", 1), ("sale_not_found", 2)]
    assert _vend(office, "V2612SP0100007")["tid"] == 7
