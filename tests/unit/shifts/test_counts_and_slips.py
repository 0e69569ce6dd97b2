"""Counting by denomination (exact Decimals), the command line's count, and a slip's text:
pure, no store."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from starpos.commands.shift.common import counted_amounts
from starpos.db.enums import ZKind
from starpos.devices.printer.slip import Slip, heading, pair, rule, text
from starpos.i18n import catalog_files, load_catalog
from starpos.shifts import errors
from starpos.shifts.denominations import count_total, parse_denominations, read_pieces
from starpos.shifts.slips import L, z_slip
from starpos.shifts.zreport import ZInfo

NOTES = parse_denominations("100, 50,20;10,5, 1, 0.25,0.10, 0.05, x, -2")


def test_denominations_are_read_largest_first_and_junk_left_out() -> None:
    assert tuple(Decimal(v) for v in ("100", "50", "20", "10", "5", "1", "0.25",
                                                "0.10", "0.05")) == NOTES  # fmt: skip


def test_a_count_adds_up_exactly() -> None:
    pieces = {Decimal("0.10"): 3, Decimal("0.05"): 7, Decimal(20): 2}
    assert count_total(pieces, NOTES) == Decimal("40.65")


@pytest.mark.parametrize("pieces", [{Decimal(3): 1}, {Decimal(5): -1}])
def test_an_unknown_note_or_a_negative_count_is_refused(pieces: dict[Decimal, int]) -> None:
    with pytest.raises(errors.DenominationNotValidError):
        count_total(pieces, NOTES)


def test_the_command_lines_count() -> None:
    assert read_pieces("50x3, 20=2 50x1 0.25x4") == {
        Decimal(50): 4, Decimal(20): 2, Decimal("0.25"): 4,
    }  # fmt: skip
    for bad in ("50", "50xtwo", "-5x2", "abcx1"):
        with pytest.raises(errors.DenominationNotValidError):
            read_pieces(bad)


def test_a_slip_reads_as_the_paper_prints_it() -> None:
    slip = Slip(
        ("Utility", "Z REPORT No. 7"),
        (heading("Count"), pair("Total variance", "-20.00", bold=True), rule(), text("ab" * 30)),
        banner="DUPLICATE",
    )
    lines = slip.text(32).splitlines()
    assert lines[0].strip() == "Utility" and lines[0].startswith(" ")
    assert "DUPLICATE" in lines[2]
    assert lines[4] == "Total variance" + " " * 12 + "-20.00"
    assert lines[5] == "-" * 32 and all(len(line) <= 32 for line in lines)


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_report_label_is_translated(lang: str) -> None:
    catalog = load_catalog([p for p in catalog_files(lang) if p.name == f"shifts_{lang}.ts"])
    assert [text for text in L.values() if ("shifts", text) not in catalog] == []


def test_a_card_batch_may_be_counted_below_zero_on_the_command_line() -> None:
    assert counted_amounts(["CARD=-29.00", "MOBILE=12.5"]) == {
        "CARD": Decimal("-29.00"), "MOBILE": Decimal("12.50"),
    }  # fmt: skip


def z_with(cancels: dict[str, object], **more: object) -> ZInfo:
    """A Z as its row keeps it, with ``cancels`` as its body has them."""
    shift = {"shift": 4, "operator": "CASH1", "sales_point": "SP01", "opening_float": "10.00",
             "opened_at": "2026-12-02T08:00:00", "closed_at": None}  # fmt: skip
    body = {"shift": shift, "currency": "USD", "payments": [], "sales_count": 0,
            "sales_net": "0.00", "energy_kwh": "0.0", "tokens_issued": 0,
            "card_sales": {"count": 0, "net": "0.00"}, "cancels": cancels, "failed_count": 0,
            "movements": [], "expected": {"CASH": "10.00"}, "counts": [], **more}  # fmt: skip
    return ZInfo("T01", 1, ZKind.CLOSE, datetime(2026, 12, 2, 9), "SUP1", body, Decimal(0),
                 Decimal(0), 0, 1, "a" * 64, "b" * 64, "0" * 64, 0, None)  # fmt: skip


def test_a_z_shows_its_cancels_and_an_older_z_prints_as_it_did() -> None:
    cancels = {
        "count": 1,
        "amount": "40.00",
        "charge": "1.00",
        "refund": "39.00",
        "energy_kwh": "31.2",
        "cash_refund": "39.00",
        "refunds": {"CASH": "39.00"},
    }
    new = z_slip(z_with(cancels), "Utility", duplicate=False).text()
    shown = (
        "Cancels and refunds (1)",
        "39.00",
        "Cancelled sales",
        "40.00",
        "Cancel charges kept",
        "Energy voided (kWh)",
        "31.2",
        "Refunded in cash",
    )
    for line in shown:
        assert line in new
    assert "Expected cash in drawer" in new and "10.00" in new  # CASH, with no cash sale
    old = z_slip(z_with({"count": 1, "net": "40.00"}), "Utility", duplicate=False).text()
    assert "Cancels and refunds (1)" in old and "Refunded in cash" not in old


def test_a_z_has_a_line_for_each_method_s_non_cash_charges() -> None:
    """Replacement and registration charges by cheque or transfer (TOK-30): in the method's
    expected amount and on a line of their own; a Z from before TOK-25 has no such line."""
    charges = [{"payment": "CHQ", "count": 2, "total": "55.00"}]
    new = z_slip(z_with({"count": 0, "net": "0.00"}, charges=charges), "Utility", duplicate=False)
    assert "Bill charges paid by CHQ (2)" in new.text() and "55.00" in new.text()
    french = z_slip(
        z_with({"count": 0, "net": "0.00"}, charges=charges), "U", duplicate=False, language="fr"
    )
    assert "Frais de factures payés par CHQ (2)" in french.text()
    old = z_slip(z_with({"count": 0, "net": "0.00"}), "Utility", duplicate=False).text()
    assert "Bill charges" not in old
