"""Vouchers from the ledger through the real printer package to the virtual printer (TCP)."""

from __future__ import annotations

import pytest
from PIL import Image
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.counter import CounterPrinting, voucher_for
from starpos.db import Database
from starpos.db.models import AuditEntry, Vend
from starpos.devices.printer import PrinterError
from starpos.operators.login import login
from starpos.settings import Settings
from tests.integration.counter.booked_vend import book_vend

pytestmark = pytest.mark.slow

TOKEN = "56381247093816254708"


def test_the_voucher_carries_the_ledgers_amounts(demo_database: Database) -> None:
    booked = book_vend(demo_database, "CASH1", "50.00", TOKEN)
    with demo_database.reading() as session:
        vend = session.get(Vend, booked.id)
        assert vend is not None
        voucher = voucher_for(session, vend, ConfiguredPrinter(Settings()), reprint=False)
    assert voucher.net_amount == booked.net_amount
    assert sum(line.amount for line in voucher.amount_lines) == booked.net_amount
    assert voucher.energy_kwh == booked.energy_kwh
    assert voucher.tokens[0].digits == TOKEN
    assert voucher.bill_number == "T000001"


def test_print_reprint_and_preview_on_the_virtual_printer(demo_database: Database) -> None:
    booked = book_vend(demo_database, "SUP1", "20.00", TOKEN)
    settings = Settings()
    printing = CounterPrinting(demo_database, ConfiguredPrinter(settings))
    session = login(demo_database, "SUP1", "super-demo")
    try:
        printing.print_voucher("T000001", session, False)
        printing.print_voucher("T000001", session, True)
        png = printing.preview_voucher("T000001")
        state = printing.printer_state()
    finally:
        from starpos.devices.printer.virtual.launcher import stop_virtual_printer

        stop_virtual_printer()
    with demo_database.reading() as db:
        vend = db.get(Vend, booked.id)
        assert vend is not None
        assert vend.print_count == 2
        assert str(vend.state) == "printed"
        reprints = db.scalars(select(AuditEntry).where(AuditEntry.kind == AuditKind.REPRINT)).all()
        assert [entry.subject for entry in reprints] == ["vend:T000001"]
    import io

    assert Image.open(io.BytesIO(png)).width > 300
    assert state.online


def test_a_printer_that_is_off_keeps_the_sale_issued(demo_database: Database) -> None:
    booked = book_vend(demo_database, "CASH1", "20.00", TOKEN)
    settings = Settings()
    settings.set("printer.connection", "network:127.0.0.1:9")  # nothing listens there
    printing = CounterPrinting(demo_database, ConfiguredPrinter(settings))
    session = login(demo_database, "CASH1", "cash-demo")
    with pytest.raises(PrinterError):
        printing.print_voucher("T000001", session, False)
    with demo_database.reading() as db:
        vend = db.get(Vend, booked.id)
        assert vend is not None
        assert str(vend.state) == "issued" and vend.print_count == 0
