"""Every report title, column, filter and message reads in French and Chinese, with the
same placeholders; every report keeps the shape the writers rely on."""

from __future__ import annotations

import re

import pytest

from starpos.commands._vend_reprint import REPRINTED
from starpos.i18n import catalog_files, load_catalog
from starpos.reports import pdf_writer, shape
from starpos.reports.bounds import ReportDateError, ReportDaysError, ReportFilterError
from starpos.reports.registry import REPORTS
from starpos.vending.history import NoVoucherError

TEXTS = sorted(
    {report.title for report in REPORTS.values()}
    | {column.label for report in REPORTS.values() for column in report.columns}
    | {chosen.label for report in REPORTS.values() for chosen in report.filters}
    | {shape.ALL, shape.TODAY, shape.YES, shape.NO, pdf_writer.PAGE_OF, pdf_writer.TOTAL,
       pdf_writer.MADE, pdf_writer.SECTION}
)  # fmt: skip
ERRORS = [ReportFilterError, ReportDateError, ReportDaysError, NoVoucherError,
          pdf_writer.TooManyRowsForPdfError]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_report_text_is_translated(lang: str) -> None:
    files = [path for path in catalog_files(lang) if path.name == f"reports_{lang}.ts"]
    assert files, f"resources/translations/reports_{lang}.ts is missing"
    catalog = load_catalog(files)
    missing = [text for text in TEXTS if (shape.CONTEXT, text) not in catalog]
    missing += [cls.__name__ for cls in ERRORS if ("errors", cls.template) not in catalog]
    missing += [REPRINTED] if ("vend", REPRINTED) not in catalog else []
    assert missing == []
    for (_, source), translation in catalog.items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translation))


def test_every_report_has_unique_keys_and_known_filters() -> None:
    for name, report in REPORTS.items():
        assert report.name == name and re.fullmatch(r"[a-z-]+", name)
        assert len(set(report.keys)) == len(report.keys)
        assert len({chosen.name for chosen in report.filters}) == len(report.filters)
        for column in report.columns:
            if column.total:
                assert column.kind in (
                    shape.ColumnKind.MONEY, shape.ColumnKind.ENERGY, shape.ColumnKind.INTEGER,
                )  # fmt: skip


def test_error_codes_are_dotted_and_unique() -> None:
    codes = [cls.code for cls in ERRORS]
    assert len(set(codes)) == len(codes)
    assert all("." in code for code in codes)
