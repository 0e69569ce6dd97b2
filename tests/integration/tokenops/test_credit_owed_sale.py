"""Credit owed back to a meter (a debt repaid twice by two offline counters; SYN-53): the
meter's next sale through the real vend returns it as a negative line, the voucher prints
it, the row is settled by that sale and named in its audit entry, and the sale after it
carries nothing. A credit larger than the sale is returned whole, as a remain is."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.counter.vouchers import voucher_for
from starpos.db.enums import CreditOwedState
from starpos.db.models import AuditEntry, Meter, MeterCreditOwed, Vend
from starpos.devices.printer.layout import LayoutOptions, layout_voucher
from starpos.devices.printer.paper import paper_for
from starpos.devices.printer.template import load_template
from starpos.masterdata.credit_owed import DETAILS_KEY, OWED
from starpos.settings import Settings
from starpos.vending import VendRequest, sell
from starpos.vending.errors import TenderedTooLittleError
from tests.integration.keychange.sale_world import sell_to, sellable
from tests.integration.tokenops.ops_world import OpsWorld


def owe(world: OpsWorld, number: str, amount: str, bill: str = "S0000042") -> None:
    """The head office's row, as a pull writes it (``meters`` part)."""
    with world.database.unit_of_work() as uow:
        meter_id = uow.session.scalars(select(Meter.id).where(Meter.number == number)).one()
        uow.session.add(
            MeterCreditOwed(
                meter_id=meter_id,
                overpaid_terminal="T09",
                overpaid_bill=bill,
                amount=Decimal(amount),
            )
        )
        uow.commit()


def credits(world: OpsWorld) -> list[tuple[str, CreditOwedState, str | None]]:
    with world.database.reading() as session:
        return [
            (row.overpaid_bill, row.state, row.settled_bill)
            for row in session.scalars(select(MeterCreditOwed).order_by(MeterCreditOwed.id))
        ]


def test_the_next_sale_returns_the_credit_owed(world: OpsWorld, tmp_path: Path) -> None:
    """What 50.00 buys with 12.50 returned is what 62.50 buys on a meter owed nothing."""
    number, other = sellable(world, 1, 2)
    owe(world, number, "12.50")

    sale = sell_to(number, world, "50.00")
    plain = sell_to(other, world, "62.50")

    returned = [(line.code, line.amount) for line in sale.breakdown.charges if line.code == OWED]
    assert returned == [(OWED, Decimal("-12.50"))]
    assert sale.breakdown.net == sale.breakdown.lines_total() == Decimal("50.00")
    assert sale.breakdown.amount == plain.breakdown.amount
    assert sale.breakdown.energy_kwh == plain.breakdown.energy_kwh
    assert credits(world) == [("S0000042", CreditOwedState.SETTLED, sale.bill_number)]
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == sale.bill_number)).one()
        assert {c.code: c.amount for c in vend.charges}[OWED] == Decimal("-12.50")
        issued = [
            json.loads(entry.details)
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.subject == f"vend:{sale.bill_number}")
            )
            if DETAILS_KEY in json.loads(entry.details)
        ]
        assert [details[DETAILS_KEY] for details in issued] == [[["T09", "S0000042"]]]
        printer = ConfiguredPrinter(Settings())
        voucher = voucher_for(session, vend, printer, reprint=False)
    assert ("Debt repaid twice, returned", Decimal("-12.50")) in [
        (line.label, line.amount) for line in voucher.amount_lines
    ]
    paper = layout_voucher(voucher, load_template(), LayoutOptions(paper_for(80, None)))
    squeezed = [" ".join(line.split()) for line in paper.text().splitlines()]
    assert any(line.startswith("Debt repaid twice, returned -12.50") for line in squeezed)
    image = printer.preview(voucher)
    image.save(tmp_path / "voucher.png")
    if os.environ.get("STARPOS_SCREENS"):  # docs/screens/credit-owed-voucher.png
        image.save(Path(os.environ["STARPOS_SCREENS"]) / "credit-owed-voucher.png")

    after = sell_to(number, world, "50.00")
    assert OWED not in {line.code for line in after.breakdown.charges}


def test_a_credit_larger_than_the_sale_is_returned_whole(world: OpsWorld) -> None:
    """As a remain: the customer pays 20.00 and gets what 100.00 buys, the row settled."""
    number, other = sellable(world, 1, 2)
    owe(world, number, "50.00", bill="S0000042")
    owe(world, number, "30.00", bill="S0000043")

    sale = sell_to(number, world, "20.00")
    plain = sell_to(other, world, "100.00")

    assert [(line.code, line.amount) for line in sale.breakdown.charges if line.code == OWED] == [
        (OWED, Decimal("-80.00"))
    ]
    assert sale.breakdown.net == Decimal("20.00")
    assert sale.breakdown.amount == plain.breakdown.amount
    assert [state for _, state, _ in credits(world)] == [CreditOwedState.SETTLED] * 2


def test_a_refused_sale_leaves_the_credit_owed_open(world: OpsWorld) -> None:
    """Refused (too little tendered) after it was priced with the line: nothing settled,
    nothing sold; the next sale still returns it."""
    (number,) = sellable(world, 1)
    owe(world, number, "12.50")
    with open_configured_module() as access, pytest.raises(TenderedTooLittleError):
        sell(
            world.database,
            access,
            VendRequest(number, Decimal("50.00"), operator_code="CASH1", tendered=Decimal("49")),
        )
    assert credits(world) == [("S0000042", CreditOwedState.OPEN, None)]
    with world.database.reading() as session:
        assert session.scalars(select(Vend).join(Meter).where(Meter.number == number)).all() == []

    sale = sell_to(number, world, "50.00")
    assert credits(world) == [("S0000042", CreditOwedState.SETTLED, sale.bill_number)]
