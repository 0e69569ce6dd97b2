"""The day close as a slip: the shifts that keep the day open are named, the tills and
operators come with their Zs, and every label reads in French and Chinese."""

from __future__ import annotations

import string
from datetime import date

import pytest

from starpos.i18n import catalog_files, load_catalog
from starpos.shifts.day_slip import L, day_slip

BODY = {
    "shifts": 2,
    "tills": {"@SP01": {"z": [3, 4], "sales": 5, "net": "100.00", "kwh": "40.0",
                        "cancels": 1, "refund": "20.00"}},
    "operators": {"CASH1": {"z": [3, 4], "sales": 5, "net": "100.00", "kwh": "40.0",
                            "cancels": 1, "refund": "20.00"}},
    "energy_sold_kwh": "40.0",
    "module_credit_used_kwh": "30.0",
    "energy_not_from_module_kwh": "10.0",
}  # fmt: skip


def test_a_preview_names_the_shifts_still_open() -> None:
    slip = day_slip(
        "SP01", date(2026, 12, 3), BODY, "Utility",
        unclosed=((7, "@SP01", "CASH2", "ended"),), preview=True, language="en",
    )  # fmt: skip
    text = slip.text(48)
    assert slip.banner == "NOT CLOSED YET"
    named = "Not closed: shift 7 of CASH2 on SP01 (no terminal), counted but not closed"
    assert named in " ".join(text.split())
    assert "SP01 (no terminal): Z 3, 4" in text and "CASH1: Z 3, 4" in text
    assert "Sold without module credit (kWh)" in text and text.rstrip().endswith("10.0")


def test_a_closed_day_has_no_banner() -> None:
    assert day_slip("SP01", date(2026, 12, 3), BODY, "Utility", language="en").banner == ""


@pytest.mark.parametrize("lang", ["en", "fr", "zh_CN"])
def test_a_shift_still_open_is_named_with_one_pair_of_brackets(lang: str) -> None:
    """The till of a sales point reads "SP01 (no terminal)": the shift's state is not put
    in brackets after it (issue 13)."""
    unclosed = ((7, "@SP01", "CASH2", "ended"), (8, "@SP01", "CASH1", "open"))
    slip = day_slip("SP01", date(2026, 12, 3), BODY, "Utility", unclosed=unclosed,
                    preview=True, language=lang)  # fmt: skip
    named = [row.label for row in slip.rows if "CASH" in row.label and "SP01" in row.label]
    assert len(named) == 2, named
    for label in named:
        assert label.count("(") + label.count("（") == 1, label
    assert named[0] != named[1].replace("CASH1", "CASH2").replace("8", "7")


def test_a_print_after_the_first_says_duplicate() -> None:
    slip = day_slip("SP01", date(2026, 12, 3), BODY, "Utility", duplicate=True, language="fr")
    assert slip.banner == "DUPLICATA"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_day_close_label_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = load_catalog([p for p in catalog_files(lang) if p.name == f"shifts_{lang}.ts"])
    assert [text for text in L.values() if not catalog.get(("shifts", text))] == []
    assert [t for t in L.values() if _fields(catalog[("shifts", t)]) != _fields(t)] == []
