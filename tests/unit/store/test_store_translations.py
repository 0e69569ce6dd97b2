"""Every store, auth and demo error and every store CLI label reads in French and Chinese."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from starpos.commands._status_labels import LABELS, status_text
from starpos.errors import AuthError, ConfigError, StarposError, StorageError
from starpos.i18n import catalog_files, clear_cache, load_catalog, render_error
from starpos.operators import permissions

PLACEHOLDER = re.compile(r"\{(\w+)\}")

STORE_MODULES = (
    "starpos.db.unit_of_work",
    "starpos.db.migrate",
    "starpos.masterdata.bill_numbers",
    "starpos.audit.log",
    "starpos.operators.errors",
    "starpos.db.parameters",
    "starpos.masterdata.meter_lookup",
    "starpos.masterdata.customers",
    "starpos.masterdata.meter_stock",
    "starpos.masterdata.pricing_inputs",
    "starpos.demo.seed",
    "starpos.masterdata.tariffs",
)


def store_errors() -> list[type[StarposError]]:
    found: list[type[StarposError]] = [StorageError, AuthError, ConfigError]
    for name in STORE_MODULES:
        module = importlib.import_module(name)
        found.extend(
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, StarposError)
            and value.__module__ == name
        )
    return found


CLI_LABELS = (
    "Database ready at schema {revision}.",
    "The audit log is intact: {count} entries checked.",
    "Secure module {module}: {keys} demo keys loaded, credit {balance} kWh.",
    "Demo utility seeded: {customers} customers, {meters} meters installed, {spares} in "
    "stock. Log in as STAR with the password star (you will be asked to change it).",
    "Meter",
    "PAN",
    "Model",
    "Customer",
    "Address",
    "Customer status",
    "Customer type",
    "Tariff",
    "Contract",
    "Stock status",
    "Debt",
    "Last purchase",
    "ID number",
    "Region",
    "Meters",
)


@pytest.fixture(params=["fr", "zh_CN"])
def catalog(request: pytest.FixtureRequest) -> dict[tuple[str, str], str]:
    files = [path for path in catalog_files(request.param) if path.name.startswith("store_")]
    assert files, f"no store catalog for {request.param}"
    return load_catalog(files)


def test_the_store_defines_many_typed_errors() -> None:
    errors = store_errors()
    assert len(errors) > 25
    codes = [error.code for error in errors]
    assert len(codes) == len(set(codes)), "error codes must be unique"


@pytest.mark.parametrize("error", store_errors(), ids=lambda e: e.__name__)
def test_every_error_is_translated_with_its_placeholders(
    catalog: dict[tuple[str, str], str], error: type[StarposError]
) -> None:
    translation = catalog.get(("errors", error.template))
    assert translation, f"{error.__name__} has no translation"
    assert set(PLACEHOLDER.findall(translation)) == set(PLACEHOLDER.findall(error.template))


@pytest.mark.parametrize("label", CLI_LABELS)
def test_every_cli_label_is_translated(catalog: dict[tuple[str, str], str], label: str) -> None:
    assert catalog.get(("cli", label))


@pytest.mark.parametrize("permission", sorted(permissions.LABELS))
def test_every_permission_label_is_translated(
    catalog: dict[tuple[str, str], str], permission: str
) -> None:
    assert catalog.get(("permissions", permissions.LABELS[permission]))


def test_a_lockout_reads_in_chinese() -> None:
    from starpos.operators.errors import OperatorLockedError

    clear_cache()
    error = OperatorLockedError(operator="ANNA", attempts=5, until="10:15 UTC")
    assert render_error(error, "zh_CN") == (
        "操作员 ANNA 因 5 次密码错误已被锁定。请在 10:15 UTC 之后重试，或联系主管。"
    )


@pytest.mark.parametrize("key", sorted(LABELS, key=lambda k: (k[0].__name__, k[1])))
def test_every_status_label_is_translated(
    catalog: dict[tuple[str, str], str], key: tuple[type, str]
) -> None:
    assert catalog.get(("status", LABELS[key]))


def test_every_stored_status_has_a_label() -> None:
    from starpos.db.enums import (
        ContractStatus,
        CustomerStatus,
        MeterMedium,
        PaymentMode,
        StockStatus,
        VendState,
    )

    for kind in (ContractStatus, CustomerStatus, MeterMedium, PaymentMode, StockStatus, VendState):
        for member in kind:
            assert (kind, member.value) in LABELS, f"{kind.__name__}.{member.name}"
    assert status_text(StockStatus, "issued", "fr") == "Sorti pour installation"
    assert status_text(VendState, "issued", "fr") == "Jeton émis"
