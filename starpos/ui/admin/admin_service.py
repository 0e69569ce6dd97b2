"""What the administration window asks of the core, as plain calls a worker thread runs.

The window never holds a database session: each call opens its own transaction in the core
(:mod:`starpos.masterdata`), acting as the operator who logged in.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from starpos import pricing
from starpos.db import Database
from starpos.db.enums import ChargeOccasion, RoleKind
from starpos.db.parameters import SystemParametersMissingError, utility_now
from starpos.masterdata import registration_charges
from starpos.masterdata.company import set_system_parameters, system_parameters_view
from starpos.masterdata.customer_changes import CustomerCard, change_customer, customer_card
from starpos.masterdata.customer_type_charges import (
    all_type_charges,
    charge_items_to_choose,
    charges_of,
    set_charges,
)
from starpos.masterdata.customers import CustomerSummary, list_customers
from starpos.masterdata.default_amounts import default_amounts, set_default_amounts
from starpos.masterdata.meter_changes import (
    MeterCard,
    add_meter_paid,
    change_meter,
    meter_card,
)
from starpos.masterdata.numbering_rules import (
    NumberingFacts,
    Rule,
    numbering_facts,
    read_rules,
    save_rule,
)
from starpos.masterdata.pricing_inputs import SampleSaleTerms, sample_sale_terms
from starpos.masterdata.records import (
    add_record,
    dated_history,
    delete_record,
    read_records,
    reference_codes,
    update_record,
)
from starpos.masterdata.registration import MeterContract, register_paid
from starpos.masterdata.registration_charges import RegistrationResult
from starpos.masterdata.replacement_reason_charges import (
    all_reason_charges,
    charge_item_choices,
    reason_charges_of,
    set_reason_charges,
)
from starpos.masterdata.setup_checklist import ChecklistItem, read_checklist
from starpos.masterdata.tariffs import (
    add_tariff_scheme,
    add_tariff_version,
    delete_tariff_scheme,
    tariff_of,
    tariff_overview,
)
from starpos.operators import permissions
from starpos.operators.accounts import (
    OperatorView,
    add_operator,
    add_role,
    delete_role,
    list_operators,
    permission_matrix,
    update_operator,
)
from starpos.operators.lockout import unlock_operator
from starpos.operators.roles import RoleView, change_role, list_roles
from starpos.operators.session import OperatorSession
from starpos.sync.state import enrolment
from starpos.tokenops.registration_voucher import preview_registration, print_registration
from starpos.tokenops.vouchers import OperationPrinter
from starpos.ui.admin.region_service import CoreRegionService, RegionService
from starpos.ui.admin.stock_service import CoreStockService, StockService


class AdminService(Protocol):
    def checklist(self) -> list[ChecklistItem]: ...
    def head_office(self) -> str | None: ...
    def records(self, kind: str) -> list[dict[str, Any]]: ...
    def references(self, kind: str) -> dict[str, list[str]]: ...
    def add(self, kind: str, values: dict[str, Any]) -> str: ...
    def update(
        self,
        kind: str,
        code: str,
        values: dict[str, Any],
        effective_from: datetime | None = None,
    ) -> None: ...
    def dated_history(self, kind: str, code: str) -> list[dict[str, Any]]: ...
    def delete(self, kind: str, code: str) -> None: ...
    def customers(self, search: str, exact: bool, limit: int) -> list[CustomerSummary]: ...
    def customer_card(self, code: str) -> CustomerCard: ...
    def change_customer(self, code: str, changes: dict[str, Any]) -> dict[str, list[Any]]: ...
    def meter_cards(self, numbers: list[str]) -> list[MeterCard]: ...
    def change_meter(
        self, number: str, customer: str, changes: dict[str, Any]
    ) -> dict[str, list[Any]]: ...
    def add_meter(
        self,
        code: str,
        number: str,
        tariff: str,
        installed: date | None,
        paid: Decimal | None = None,
    ) -> RegistrationResult: ...
    def reason_charges(self, code: str) -> tuple[list[tuple[str, str, Decimal]], list[str]]: ...
    def set_reason_charges(self, code: str, items: list[str]) -> None: ...
    def type_charges(
        self, code: str
    ) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]: ...
    def set_type_charges(self, code: str, occasion: str, items: list[str]) -> None: ...
    def register_choices(self) -> tuple[list[str], list[str], dict[str, Decimal]]: ...
    def register_customer(self, values: dict[str, Any]) -> RegistrationResult: ...
    def prints_bills(self) -> bool: ...
    def shows_bills(self) -> bool: ...
    def print_registration(self, bill: str) -> int: ...
    def registration_paper(self, bill: str) -> tuple[bytes, bytes]: ...
    def meter_charge(self, code: str) -> Decimal: ...
    def operators(self) -> tuple[list[OperatorView], list[str], list[str]]: ...
    def add_operator(
        self, code: str, name: str, sales_point: str, role: str, password: str
    ) -> None: ...
    def forbid_login(self, code: str, forbid: bool) -> None: ...
    def unlock(self, code: str) -> None: ...
    def system(self) -> dict[str, Any] | None: ...
    def save_system(self, values: dict[str, Any]) -> None: ...
    def amounts(self) -> list[Decimal]: ...
    def save_amounts(self, amounts: list[Decimal]) -> None: ...
    def may_change_prices(self) -> bool: ...
    def tariffs(self) -> list[dict[str, Any]]: ...
    def tariff(self, code: str) -> pricing.Tariff: ...
    def sample_terms(self) -> SampleSaleTerms: ...
    def utility_now(self) -> datetime: ...
    def add_tariff(
        self, code: str, name: str, start: datetime, rate: pricing.tariffs.Rate
    ) -> None: ...
    def add_tariff_version(
        self, code: str, start: datetime, rate: pricing.tariffs.Rate
    ) -> None: ...
    def delete_tariff(self, code: str) -> None: ...
    def roles(self) -> list[RoleView]: ...
    def add_role(self, code: str, name: str, kind: RoleKind, granted: set[str]) -> None: ...
    def change_role(self, code: str, name: str, kind: RoleKind, granted: set[str]) -> None: ...
    def delete_role(self, code: str) -> None: ...
    def stock(self) -> StockService: ...
    def regions(self) -> RegionService: ...
    def numbering(self) -> tuple[list[Rule], NumberingFacts]: ...
    def save_numbering(self, rule: Rule) -> None: ...


class CoreAdminService:
    """:class:`AdminService` on a store, as ``operator``, on this computer's terminal."""

    def __init__(
        self,
        database: Database,
        operator: OperatorSession,
        terminal_code: str | None,
        printer: OperationPrinter | None = None,
        layout: OperationPrinter | None = None,
    ) -> None:
        """``printer``: the counter's, which prints the registration bills (None: this
        computer has none; the bill is shown, to be saved as PDF). ``layout``: what lays the
        paper out for that (the settings' printer, never asked to print); the printer's
        own layout when None."""
        self.database, self.operator, self.terminal_code = database, operator, terminal_code
        self.printer, self.layout = printer, layout or printer

    def checklist(self) -> list[ChecklistItem]:
        return read_checklist(self.database, self.terminal_code)

    def head_office(self) -> str | None:
        """The head office this counter is enrolled with, which owns its master data (None:
        this store's own back office changes it)."""
        with self.database.reading() as session:
            found = enrolment(session)
        return found.server_url if found is not None else None

    def records(self, kind: str) -> list[dict[str, Any]]:
        rows = read_records(self.database, kind)
        if kind == "replacement_reason":  # manual 2.4: each reason with its charges
            charges = all_reason_charges(self.database)
            rows = [{**row, "charges": charges.get(str(row["code"]), [])} for row in rows]
        elif kind == "customer_type":  # manual 2.3: each type with its charges
            charges = all_type_charges(self.database)
            rows = [{**row, "charges": charges.get(str(row["code"]), [])} for row in rows]
        return rows

    def reason_charges(self, code: str) -> tuple[list[tuple[str, str, Decimal]], list[str]]:
        """The charge items a reason may cost, and those it costs now."""
        return charge_item_choices(self.database), reason_charges_of(self.database, code)

    def set_reason_charges(self, code: str, items: list[str]) -> None:
        set_reason_charges(self.database, self.operator, code, items)

    def type_charges(self, code: str) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
        """The charge items a customer type may collect, and those it collects now by
        occasion (register, vend, token_cancel)."""
        return charge_items_to_choose(self.database), charges_of(self.database, code)

    def set_type_charges(self, code: str, occasion: str, items: list[str]) -> None:
        set_charges(self.database, self.operator, code, ChargeOccasion(occasion), items)

    def register_choices(self) -> tuple[list[str], list[str], dict[str, Decimal]]:
        """The customer type codes and the tariff codes a new customer may get, and each
        type's register charge for one meter."""
        types = [str(row["code"]) for row in read_records(self.database, "customer_type")]
        charges = {code: registration_charges.charges_due(self.database, code, 1).total
                   for code in types}  # fmt: skip
        return types, [str(row["code"]) for row in tariff_overview(self.database)], charges

    def register_customer(self, values: dict[str, Any]) -> RegistrationResult:
        """Register a customer with one meter from stock (manual 3.3), the register charge
        paid with ``values["paid"]``; the registration bill."""
        return register_paid(
            self.database, self.operator, name=values["name"],
            customer_type_code=values["customer_type"], address=values["address"],
            telephone=values["telephone"], id_number=values["id_number"] or None,
            meters=[MeterContract(values["meter"], values["tariff"])],
            paid=values.get("paid"),
        )  # fmt: skip

    def prints_bills(self) -> bool:
        return self.printer is not None

    def shows_bills(self) -> bool:
        """Whether a bill can be laid out on screen (a printer's settings are at hand)."""
        return self.layout is not None

    def print_registration(self, bill: str) -> int:
        """Print the registration bill ``bill`` on the counter's printer, REPRINT from the
        second print on (blocking printer I/O: the printer worker runs it); its print count."""
        assert self.printer is not None
        return print_registration(self.database, self.printer, self.operator, bill)

    def registration_paper(self, bill: str) -> tuple[bytes, bytes]:
        """The registration bill ``bill`` as the paper shows it: a PNG and a PDF (nothing
        recorded), laid out as the settings' printer would."""
        self.operator.require(permissions.REGISTER_CUSTOMER)
        assert self.layout is not None, "shows_bills() says whether a bill can be laid out"
        image = preview_registration(self.database, self.layout, bill)
        png, pdf = io.BytesIO(), io.BytesIO()
        image.save(png, "PNG")
        image.convert("RGB").save(pdf, "PDF")
        return png.getvalue(), pdf.getvalue()

    def meter_charge(self, code: str) -> Decimal:
        """What adding one meter contract costs customer ``code`` (their type's charge)."""
        card = customer_card(self.database, code)
        return registration_charges.charges_due(
            self.database, str(card.values["customer_type"]), 1
        ).total

    def references(self, kind: str) -> dict[str, list[str]]:
        return reference_codes(self.database, kind)

    def add(self, kind: str, values: dict[str, Any]) -> str:
        return add_record(self.database, self.operator, kind, values)

    def update(
        self,
        kind: str,
        code: str,
        values: dict[str, Any],
        effective_from: datetime | None = None,
    ) -> None:
        update_record(self.database, self.operator, kind, code, values, effective_from)

    def dated_history(self, kind: str, code: str) -> list[dict[str, Any]]:
        """The dated versions of a charge item's or customer type's priced terms."""
        return dated_history(self.database, kind, code)

    def delete(self, kind: str, code: str) -> None:
        delete_record(self.database, self.operator, kind, code)

    def customers(self, search: str, exact: bool, limit: int) -> list[CustomerSummary]:
        with self.database.reading() as session:
            return list_customers(session, search, limit=limit, exact=exact)

    def customer_card(self, code: str) -> CustomerCard:
        return customer_card(self.database, code)

    def change_customer(self, code: str, changes: dict[str, Any]) -> dict[str, list[Any]]:
        return change_customer(self.database, self.operator, code, changes)

    def meter_cards(self, numbers: list[str]) -> list[MeterCard]:
        return [meter_card(self.database, number) for number in numbers]

    def change_meter(
        self, number: str, customer: str, changes: dict[str, Any]
    ) -> dict[str, list[Any]]:
        return change_meter(self.database, self.operator, number, changes, customer_code=customer)

    def add_meter(
        self,
        code: str,
        number: str,
        tariff: str,
        installed: date | None,
        paid: Decimal | None = None,
    ) -> RegistrationResult:
        contract = MeterContract(number, tariff, installed)
        return add_meter_paid(self.database, self.operator, code, contract, paid=paid)

    def operators(self) -> tuple[list[OperatorView], list[str], list[str]]:
        """The operators, and the sales points and roles a new one may get."""
        with self.database.reading() as session:
            operators = list_operators(session)
            roles = sorted(permission_matrix(session))
        points = reference_codes(self.database, "terminal")["sales_point"]
        return operators, points, roles

    def add_operator(
        self, code: str, name: str, sales_point: str, role: str, password: str
    ) -> None:
        add_operator(
            self.database, self.operator, code, name, password,
            sales_point_code=sales_point or None, roles=[role] if role else [],
        )  # fmt: skip

    def forbid_login(self, code: str, forbid: bool) -> None:
        update_operator(self.database, self.operator, code, forbid_login=forbid)

    def unlock(self, code: str) -> None:
        unlock_operator(self.database, self.operator, code)

    def system(self) -> dict[str, Any] | None:
        return system_parameters_view(self.database)

    def save_system(self, values: dict[str, Any]) -> None:
        set_system_parameters(self.database, self.operator, **values)

    def amounts(self) -> list[Decimal]:
        return default_amounts(self.database)

    def save_amounts(self, amounts: list[Decimal]) -> None:
        set_default_amounts(self.database, self.operator, amounts)

    def may_change_prices(self) -> bool:
        return self.operator.may(permissions.CHANGE_PRICES)

    def tariffs(self) -> list[dict[str, Any]]:
        return tariff_overview(self.database)

    def tariff(self, code: str) -> pricing.Tariff:
        return tariff_of(self.database, code)

    def sample_terms(self) -> SampleSaleTerms:
        with self.database.reading() as session:
            return sample_sale_terms(session)

    def utility_now(self) -> datetime:
        """The utility's wall-clock time (its time zone, a system parameter), which the
        administration dates with, never this computer's (BO-28); the computer's clock only
        while the store has no system parameters."""
        with self.database.reading() as session:
            try:
                return utility_now(session)
            except SystemParametersMissingError:
                return datetime.now()

    def add_tariff(self, code: str, name: str, start: datetime, rate: pricing.tariffs.Rate) -> None:
        add_tariff_scheme(self.database, self.operator, code, name, start, rate)

    def add_tariff_version(self, code: str, start: datetime, rate: pricing.tariffs.Rate) -> None:
        add_tariff_version(self.database, self.operator, code, start, rate)

    def delete_tariff(self, code: str) -> None:
        delete_tariff_scheme(self.database, self.operator, code)

    def roles(self) -> list[RoleView]:
        with self.database.reading() as session:
            return list_roles(session)

    def add_role(self, code: str, name: str, kind: RoleKind, granted: set[str]) -> None:
        add_role(self.database, self.operator, code, name, granted, kind=kind)

    def change_role(self, code: str, name: str, kind: RoleKind, granted: set[str]) -> None:
        change_role(self.database, self.operator, code, name=name, kind=kind, granted=granted)

    def delete_role(self, code: str) -> None:
        delete_role(self.database, self.operator, code)

    def stock(self) -> StockService:
        """The meter stock screen's calls, as the same operator."""
        return CoreStockService(self.database, self.operator)

    def regions(self) -> RegionService:
        """The regions screen's calls, as the same operator."""
        return CoreRegionService(self.database, self.operator)

    def numbering(self) -> tuple[list[Rule], NumberingFacts]:
        """The rules, and the store's facts they are checked and sampled with."""
        with self.database.reading() as session:
            return read_rules(session), numbering_facts(session, self.terminal_code)

    def save_numbering(self, rule: Rule) -> None:
        save_rule(self.database, self.operator, rule)
