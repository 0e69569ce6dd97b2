"""Counting by denomination (exact Decimals), the command line's count, and a slip's text:
pure, no store."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.devices.printer.slip import Slip, heading, pair, rule, text
from starpos.i18n import catalog_files, load_catalog
from starpos.shifts import errors
from starpos.shifts.denominations import count_total, parse_denominations, read_pieces
from starpos.shifts.slips import L

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
