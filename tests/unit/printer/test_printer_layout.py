from __future__ import annotations

from dataclasses import replace

import pytest

from starpos.devices.printer.layout import (
    Cut,
    DrawerKick,
    LayoutOptions,
    QrCode,
    TextRow,
    cell_width,
    layout_voucher,
)
from starpos.devices.printer.paper import paper_for
from starpos.devices.printer.template import load_template
from starpos.devices.printer.voucher import Voucher, sample_voucher
from tests.unit.printer.printer_helpers import key_change_voucher, odd_amount_voucher


def lay(voucher: Voucher, mm: int = 80, profile_dots: int | None = None, **options: bool):
    paper = paper_for(mm, profile_dots)
    return layout_voucher(voucher, load_template(), LayoutOptions(paper, **options))


@pytest.mark.parametrize(
    ("mm", "profile_dots", "columns"),
    [(80, None, 48), (80, 512, 42), (58, None, 32), (58, 512, 32)],
)
def test_every_row_fits_the_paper(mm: int, profile_dots: int | None, columns: int) -> None:
    layout = lay(key_change_voucher(), mm, profile_dots)
    assert layout.paper.columns == columns
    rows = [line for line in layout.lines if isinstance(line, TextRow)]
    assert rows
    for row in rows:
        assert cell_width(row.text) * row.width <= columns, row


@pytest.mark.parametrize("mm", [58, 80])
def test_printed_amounts_are_the_vouchers(mm: int) -> None:
    voucher = odd_amount_voucher()
    text = lay(voucher, mm).text().splitlines()

    def row(label: str) -> str:
        return next(line for line in text if line.startswith(label))

    for line in voucher.amount_lines:
        assert row(line.label).endswith(f" {line.amount} KWD")
    assert row("Net amount").endswith(" 1234.567 KWD")
    assert row("Paid").endswith(" 1300.000 KWD")
    assert row("Change").endswith(" 65.433 KWD")
    assert row("Energy  ").endswith(" 55.3 kWh")


def test_token_in_large_type_grouped_in_fours() -> None:
    rows = [line for line in lay(sample_voucher(), 80).lines if isinstance(line, TextRow)]
    token = [row for row in rows if row.width == 2 and row.height == 2]
    assert [row.text for row in token] == ["5638 1247 0938 1625 4708"]
    assert token[0].bold and token[0].align == "center"


@pytest.mark.parametrize("mm", [58, 80])
def test_narrow_paper_shares_the_groups_out_evenly(mm: int) -> None:
    rows = lay(sample_voucher(), mm, 512).lines
    token = [line.text for line in rows if isinstance(line, TextRow) and line.width == 2]
    assert token == ["5638 1247 0938", "1625 4708"]


def test_key_change_prints_both_tokens_in_order_with_their_labels() -> None:
    text = lay(key_change_voucher()).text()
    first = text.index("Key change token 1 of 2")
    assert first < text.index("1234 5678 9012 3456 7890") < text.index("Key change token 2 of 2")
    assert text.index("Key change token 2 of 2") < text.index("0987 6543 2109 8765 4321")
    qr = [line.data for line in lay(key_change_voucher()).lines if isinstance(line, QrCode)]
    assert qr == ["12345678901234567890", "09876543210987654321"]


def test_reprint_is_marked_and_an_original_is_not() -> None:
    assert "*** REPRINT ***" not in lay(sample_voucher()).text()
    reprint = lay(sample_voucher(reprint=True)).text().splitlines()
    assert reprint[0] == "*** REPRINT ***"
    assert reprint.count("*** REPRINT ***") == 2


def test_drawer_kicks_only_on_an_original_cash_sale_when_configured() -> None:
    def kicks(voucher: Voucher, drawer: bool) -> int:
        return sum(isinstance(line, DrawerKick) for line in lay(voucher, cash_drawer=drawer).lines)

    assert kicks(sample_voucher(), True) == 1
    assert kicks(sample_voucher(), False) == 0
    assert kicks(replace(sample_voucher(), cash_sale=False), True) == 0
    assert kicks(sample_voucher(reprint=True), True) == 0


def test_qr_code_is_optional_and_the_voucher_ends_with_a_cut() -> None:
    without = lay(sample_voucher(), qr_code=False).lines
    assert not any(isinstance(line, QrCode) for line in without)
    assert isinstance(without[-1], Cut)


def test_empty_fields_leave_no_empty_rows() -> None:
    text = lay(replace(sample_voucher(), fbe_kwh=None, sgc="", tax_reference="")).text()
    assert "Free basic electricity" not in text
    assert "SGC" not in text
    assert "VAT 4120267391" not in text


def test_a_value_too_long_for_its_row_moves_below_its_label() -> None:
    long_name = "Nomvula Precious Dlamini-Khumalo of Soweto Extension"
    rows = lay(replace(sample_voucher(), customer_name=long_name), 58).text().splitlines()
    start = rows.index("Customer")
    assert all(len(row) <= 32 for row in rows[start : start + 3])
    assert " ".join(row.strip() for row in rows[start + 1 : start + 3]) == long_name


def test_labels_are_printed_in_the_vouchers_language() -> None:
    text = lay(replace(sample_voucher(), language="fr")).text()
    assert "Montant net" in text and "Jeton de crédit" in text
    chinese = lay(replace(sample_voucher(), language="zh_CN"), 58)
    assert any(line.startswith("净额") for line in chinese.text().splitlines())
    for row in chinese.lines:
        if isinstance(row, TextRow):
            assert cell_width(row.text) * row.width <= 32


@pytest.mark.parametrize(("mm", "profile_dots", "columns"), [(58, None, 42), (80, None, 64)])
def test_font_b_fits_more_columns(mm: int, profile_dots: int | None, columns: int) -> None:
    template = replace(load_template(), font="b")
    options = LayoutOptions(paper_for(mm, profile_dots))
    layout = layout_voucher(sample_voucher(), template, options)
    assert layout.columns == columns
    rows = [line for line in layout.lines if isinstance(line, TextRow)]
    assert {row.font for row in rows} == {"b"}
    assert max(len(row.text) for row in rows if row.width == 1) == columns
