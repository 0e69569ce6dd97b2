"""Issue, vend, check and blank through pcscd + vpcd + the virtual card, with the ledger,
the register and the card telling the same story."""

from __future__ import annotations

import json
import shutil
import signal
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos import pricing
from starpos.audit import log as audit
from starpos.card_sales import blank_card, check_card, issue_card, meter_history, vend_to_card
from starpos.card_sales import errors as sale_errors
from starpos.card_sales.blanking import BLANK_AFTER_ERASE, BLANK_AFTER_INTENT
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, VendState
from starpos.db.models import AuditEntry, Meter
from starpos.devices.card.errors import CardMacError, CardNotIssuedError, WrongMeterCardError
from starpos.masterdata.pricing_inputs import sale_context
from starpos.vending.errors import VendRefusedError
from starpos.vending.history import list_vends
from tests.integration.card_sales.card_world import (
    ADMIN,
    CASHIER,
    CardWorld,
    customer_meter,
    insert_into_meter,
    ledger,
    register_rows,
    sale,
)
from tests.support.login import log_in_superuser

pytestmark = pytest.mark.pcsc


def test_a_card_vend_puts_exactly_the_booked_energy_on_the_card(
    world: CardWorld, virtual_card: Any
) -> None:
    number = world.meters[0]
    card_process = virtual_card()
    with world.card() as card:
        issued = issue_card(world.database, card, number, ADMIN)
    assert (issued.serial, issued.issue_number) == (card_process.serial, 1)
    assert register_rows(world.database, number) == [(card_process.serial, 1, "active")]

    # Priced exactly as a token vend: the same inputs, the same engine (before the sale:
    # the sale itself becomes purchase history).
    with world.database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == number)).one()
        expected = pricing.price_from_net(
            Decimal("50.00"), sale_context(session, meter, datetime.now(UTC))
        )
    with world.card() as card:
        result = vend_to_card(world.database, card, sale(number, "50.00", tendered=Decimal("60")))
    with world.card() as card:
        on_card = card.read()
    assert result.sale.breakdown == expected
    assert result.sale.change == Decimal("10.00")

    assert on_card.credit is not None
    assert on_card.credit.energy_kwh == expected.token_kwh == result.energy_kwh
    assert on_card.credit.vend_id == result.bill_number
    assert on_card.credit.sequence == result.sequence == 1
    assert ledger(world.database) == [
        {
            "bill": result.bill_number,
            "state": VendState.ISSUED,
            "medium": MeterMedium.CARD,
            "token_kwh": expected.token_kwh,
            "net": expected.net,
            "sequence": 1,
        }
    ]
    with world.database.reading() as session:
        (listed,) = list_vends(session, meter_number=number)  # reports see card sales too
        assert listed["state"] == "issued" and listed["tokens"] == []
        steps = [
            json.loads(e.details).get("step")
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
            if e.kind in ("card_action", "vend")
        ]
        assert steps[-3:] == ["issued", "pending", "issued"]
        assert audit.verify(session).intact


def test_unloaded_credit_is_refused_until_the_meter_has_loaded_it(
    world: CardWorld, virtual_card: Any
) -> None:
    number = world.meters[0]
    virtual_card()
    meter = customer_meter(world, number)
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        first = vend_to_card(world.database, card, sale(number, "40.00"))

    with world.card() as card, pytest.raises(sale_errors.CreditNotLoadedError) as refused:
        vend_to_card(world.database, card, sale(number, "30.00"))
    assert first.bill_number in refused.value.message
    assert len(ledger(world.database)) == 1  # nothing booked for the refused sale

    assert insert_into_meter(world, meter) == "loaded"
    assert meter.state.credit_tenths == int(first.energy_kwh * 10)
    with world.card() as card:
        second = vend_to_card(world.database, card, sale(number, "30.00"))
    assert second.sequence == 2
    assert [row["state"] for row in ledger(world.database)] == [VendState.ISSUED] * 2

    with world.database.reading() as session:
        (reading,) = meter_history(session, number)
    assert reading["last_loaded_sequence"] == 1
    assert reading["remaining_kwh"] == first.energy_kwh
    assert reading["card_serial"] == second.serial and reading["flags"] == []


def test_a_card_for_another_meter_is_refused_and_nothing_is_booked(
    world: CardWorld, virtual_card: Any
) -> None:
    virtual_card()
    with world.card() as card:
        issue_card(world.database, card, world.meters[0], ADMIN)
    with world.card() as card, pytest.raises(WrongMeterCardError):
        vend_to_card(world.database, card, sale(world.meters[1]))
    assert ledger(world.database) == []
    with world.database.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.kind == "vend_refused"
        assert json.loads(last.details)["code"] == "device.card.wrong_meter"


def _tamper_credit_slots(state: Path) -> None:
    data = json.loads(state.read_text())
    credit = bytearray.fromhex(data["files"]["5302"])
    for base in (0, 64):
        if credit[base : base + 2] == b"SP":
            credit[base + 14] ^= 0x01  # one bit of the energy
    data["files"]["5302"] = credit.hex()
    state.write_text(json.dumps(data))


def test_a_tampered_credit_record_is_refused(world: CardWorld, virtual_card: Any) -> None:
    number = world.meters[0]
    card_process = virtual_card()
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        vend_to_card(world.database, card, sale(number))
    card_process.stop()
    _tamper_credit_slots(card_process.state)
    virtual_card(state=card_process.state)

    with world.card() as card, pytest.raises(CardMacError) as refused:
        vend_to_card(world.database, card, sale(number))
    assert "credit data on the card failed its security check" in refused.value.message
    assert len(ledger(world.database)) == 1


def test_a_replayed_old_credit_record_adds_nothing_anywhere(
    world: CardWorld, virtual_card: Any, tmp_path: Path
) -> None:
    number = world.meters[0]
    card_process = virtual_card()
    meter = customer_meter(world, number)
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        vend_to_card(world.database, card, sale(number, "40.00"))
    assert insert_into_meter(world, meter) == "loaded"
    card_process.stop()
    dump = tmp_path / "dump.json"
    shutil.copy(card_process.state, dump)  # the customer copies the card after loading it
    card_process = virtual_card(state=card_process.state)
    with world.card() as card:
        vend_to_card(world.database, card, sale(number, "20.00"))
    assert insert_into_meter(world, meter) == "loaded"
    credit = meter.state.credit_tenths
    card_process.stop()

    shutil.copy(dump, card_process.state)  # ... and writes the old copy back
    virtual_card(state=card_process.state)
    with world.card() as card, pytest.raises(sale_errors.CardRolledBackError) as refused:
        vend_to_card(world.database, card, sale(number, "20.00"))
    assert "purchase 1" in refused.value.message and "purchase 2" in refused.value.message
    assert insert_into_meter(world, meter) == "replayed"
    assert meter.state.credit_tenths == credit
    assert [row["sequence"] for row in ledger(world.database)] == [1, 2]


def test_blank_is_refused_with_unloaded_credit_then_the_card_can_be_issued_again(
    world: CardWorld, virtual_card: Any
) -> None:
    number = world.meters[0]
    card_process = virtual_card()
    meter = customer_meter(world, number)
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        sold = vend_to_card(world.database, card, sale(number))
    with world.card() as card, pytest.raises(sale_errors.BlankWithCreditError) as refused:
        blank_card(world.database, card, ADMIN)
    assert f"{sold.energy_kwh} kWh of sale {sold.bill_number}" in refused.value.message
    insert_into_meter(world, meter)
    with world.card() as card:
        assert blank_card(world.database, card, ADMIN)["was_issued"] is True
    assert register_rows(world.database, number) == [(card_process.serial, 1, "blanked")]
    with world.card() as card, pytest.raises(CardNotIssuedError):
        vend_to_card(world.database, card, sale(number))

    with world.card() as card:
        again = issue_card(world.database, card, number, ADMIN)
        contents = card.read()
    assert again.issue_number == 2 and again.sequence_base == 1
    assert contents.identity is not None and contents.identity.sequence_base == 1
    with world.card() as card:
        assert vend_to_card(world.database, card, sale(number)).sequence == 2


def test_check_reads_without_writing_and_says_why_a_card_cannot_be_sold_to(
    world: CardWorld, virtual_card: Any
) -> None:
    number = world.meters[0]
    card_process = virtual_card()
    with world.card() as card:
        blank = check_card(world.database, card, CASHIER)
    assert blank["problem"]["code"] == "device.card.not_issued" and not blank["sellable"]
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        vend_to_card(world.database, card, sale(number))
    before = card_process.state.read_bytes()
    with world.card() as card:
        checked = check_card(world.database, card, CASHIER)
    assert card_process.state.read_bytes() == before
    assert checked["meter"] == number and checked["credit_pending"] is True
    assert checked["sellable"] is False and checked["problem"] is None


def test_issuing_needs_the_right_to_manage_meters_and_selling_the_right_to_vend(
    world: CardWorld, virtual_card: Any
) -> None:
    from starpos.operators.errors import PermissionDeniedError
    from starpos.vending.errors import OperatorMayNotVendError

    virtual_card()
    with world.card() as card, pytest.raises(PermissionDeniedError):
        issue_card(world.database, card, world.meters[0], CASHIER)
    with world.card() as card:
        issue_card(world.database, card, world.meters[0], ADMIN)
    with world.card() as card, pytest.raises(OperatorMayNotVendError):
        vend_to_card(world.database, card, sale(world.meters[0], operator="ADMIN1"))
    assert ledger(world.database) == []


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ("blacklist", "vend.customer_blacklisted"),
        ("cancel_contract", "vend.contract_cancelled"),
    ],
)
def test_a_card_sale_is_refused_by_the_same_meter_and_customer_rules_as_a_token(
    world: CardWorld, virtual_card: Any, change: str, refusal: str
) -> None:
    number = world.meters[0]
    virtual_card()
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.database.unit_of_work() as uow:
        meter = uow.session.scalars(select(Meter).where(Meter.number == number)).one()
        if change == "blacklist":
            assert meter.customer is not None
            meter.customer.status = CustomerStatus.BLACKLISTED
            meter.customer.remark = "meter bypass found"
        else:
            meter.contract_status = ContractStatus.CANCELLED
        uow.commit()

    with world.card() as card, pytest.raises(VendRefusedError) as refused:
        vend_to_card(world.database, card, sale(number, "50.00"))
    assert refused.value.code == refusal
    with world.card() as card:
        assert card.read().credit is None  # nothing written
    assert ledger(world.database) == []
    with world.database.reading() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.kind == audit.AuditKind.VEND_REFUSED)
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and json.loads(entry.details)["code"] == refusal


@pytest.mark.parametrize("kill_at", [BLANK_AFTER_INTENT, BLANK_AFTER_ERASE])
def test_a_blanking_killed_mid_way_is_finished_by_blanking_again(
    world: CardWorld, virtual_card: Any, run_starpos: Any, kill_at: str
) -> None:
    number = world.meters[0]
    card_process = virtual_card()
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        sold = vend_to_card(world.database, card, sale(number))
    blank = (
        "card", "blank", "--discard-credit", "--key-file", str(world.key_file),
        "--json",
    )  # fmt: skip
    log_in_superuser()  # discarding credit needs the right to refund too

    killed = run_starpos(*blank, STARPOS_KILL_AT=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert register_rows(world.database, number) == [(card_process.serial, 1, "active")]

    finished = run_starpos(*blank)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["was_issued"] is True
    assert Decimal(report["discarded_kwh"]) == sold.energy_kwh
    assert register_rows(world.database, number) == [(card_process.serial, 1, "blanked")]
    with world.card() as card:
        assert card.read().identity is None
    with world.database.reading() as session:
        entries = [
            json.loads(entry.details)
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.subject == f"card:{card_process.serial}")
                .order_by(AuditEntry.id)
            )
        ]
    blanked = [entry for entry in entries if entry["step"] == "blanked"]
    assert len(blanked) == 1  # the discarded credit is on record once
    assert Decimal(str(blanked[0]["discarded_kwh"])) == sold.energy_kwh
    assert blanked[0]["discarded_bill"] == sold.bill_number
    with world.card() as card:  # a blank card again: it can be issued to the meter
        assert issue_card(world.database, card, number, ADMIN).issue_number == 2
