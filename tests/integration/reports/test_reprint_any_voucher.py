"""Reprint of any past voucher by bill number, token or meter: found in the ledger on both
databases; printed through the real printer package to the virtual printer, marked
REPRINT, counted and audited, and refused without the permission."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db import Database
from starpos.db.models import AuditEntry, Vend
from starpos.devices.printer.virtual.launcher import output_folder, stop_virtual_printer
from starpos.vending.history import NoVoucherError, find_vouchers, find_vouchers_by_text
from tests.integration.reports.report_world import NUMBERS, TOKENS
from tests.support.store_backends import SQLITE

Run = Callable[..., subprocess.CompletedProcess[str]]


def bills(found: list[dict[str, object]]) -> list[object]:
    return [sale["bill_number"] for sale in found]


def test_a_voucher_is_found_by_bill_token_or_meter(world: Database) -> None:
    with world.reading() as session:
        assert bills(find_vouchers(session, bill="B-V3")) == ["B-V3"]
        assert bills(find_vouchers(session, token=TOKENS["V2"])) == ["B-V2"]
        # A meter's vouchers newest first; a failed sale (V4) has none to reprint.
        assert bills(find_vouchers(session, meter=NUMBERS["M2"][0])) == ["B-V3", "B-V5"]
        assert bills(find_vouchers(session, meter=NUMBERS["M2"][1])) == ["B-V3", "B-V5"]  # PAN
        assert bills(find_vouchers_by_text(session, "5555 5555 5555 5555 5555")) == ["B-V5"]
        assert bills(find_vouchers_by_text(session, NUMBERS["M1"][0])) == ["B-V2", "B-V1"]
        assert bills(find_vouchers_by_text(session, " B-V6 ")) == ["B-V6"]
        for missing in ({"bill": "B-V4"}, {"token": "1" * 19 + "2"}, {"meter": NUMBERS["M3"][0]}):
            with pytest.raises(NoVoucherError):
                find_vouchers(session, **missing)


@pytest.fixture
def printer_stopped(data_dir: Path) -> Iterator[Path]:
    yield output_folder(data_dir)
    stop_virtual_printer(data_dir)


@pytest.mark.parametrize("store_backend", [SQLITE], indirect=True)
def test_reprint_from_the_command_line_is_marked_counted_and_audited(
    world: Database, run_starpos: Run, printer_stopped: Path
) -> None:
    done = run_starpos("vend", "reprint", "--token", TOKENS["V3"], "--operator", "SUP1",
                       "--password-stdin", input="super-demo\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "B-V3" in done.stdout and "REPRINT" in done.stdout
    (paper,) = sorted(printer_stopped.glob("voucher-*.txt"))
    text = paper.read_text(encoding="utf-8")
    assert "*** REPRINT ***" in text and "B-V3" in text
    assert TOKENS["V3"] in "".join(text.split())  # the token, in groups over two lines
    with world.reading() as session:
        sale = session.scalars(select(Vend).where(Vend.bill_number == "B-V3")).one()
        assert sale.print_count == 1
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == AuditKind.REPRINT.value)
        ).all()
        assert [(entry.subject, entry.operator_code) for entry in audited] == [
            ("vend:B-V3", "SUP1")
        ]
    refused = run_starpos("vend", "reprint", "--bill", "B-V3", "--operator", "ENG1",
                          "--password-stdin", input="eng-demo\n")  # fmt: skip
    assert refused.returncode != 0 and "permission" in refused.stderr
    assert refused.stderr.count("\n") == 1
    unknown = run_starpos("vend", "reprint", "--meter", NUMBERS["M3"][0], "--operator", "SUP1",
                          "--password-stdin", input="super-demo\n")  # fmt: skip
    assert unknown.returncode != 0 and "No sale with a voucher" in unknown.stderr
    assert len(sorted(printer_stopped.glob("voucher-*.txt"))) == 1  # nothing more printed
