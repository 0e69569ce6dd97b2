"""Every pricing refusal and every label of ``starpos price`` in French and Chinese."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from starpos.commands.price import LABELS, WARNING
from starpos.errors import PricingError
from starpos.i18n import catalog_files, clear_cache, load_catalog, render_error
from starpos.pricing.errors import PRICING_ERRORS, NetTooSmallError

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture(params=["fr", "zh_CN"])
def catalog(request: pytest.FixtureRequest) -> dict[tuple[str, str], str]:
    files = [path for path in catalog_files(request.param) if path.name.startswith("pricing_")]
    assert files, f"no pricing catalog for {request.param}"
    return load_catalog(files)


@pytest.mark.parametrize("error", [PricingError, *PRICING_ERRORS], ids=lambda e: e.__name__)
def test_every_refusal_is_translated_with_its_placeholders(
    catalog: dict[tuple[str, str], str], error: type[PricingError]
) -> None:
    translation = catalog.get(("errors", error.template))
    assert translation, f"{error.__name__} has no translation"
    assert set(PLACEHOLDER.findall(translation)) == set(PLACEHOLDER.findall(error.template))


@pytest.mark.parametrize("label", [*LABELS.values(), WARNING])
def test_every_label_of_the_price_command_is_translated(
    catalog: dict[tuple[str, str], str], label: str
) -> None:
    assert catalog.get(("pricing", label))


def test_a_refusal_reads_in_french() -> None:
    clear_cache()
    refused = NetTooSmallError(net=Decimal("5.00"), minimum=Decimal("10.10"))
    assert render_error(refused, "fr").endswith("demandez au moins 10.10.")
