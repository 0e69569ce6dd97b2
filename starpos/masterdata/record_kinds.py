"""The kinds of base and common data an administrator keeps as plain records, as data.

A :class:`RecordKind` says what a screen and a command need to list, add, change and delete
one kind of record (manual 1.4 branches, 1.5 sales points, 1.6 payment terms, 1.8 meter
models, 2.1 banks, 2.2 charge items, 2.3 customer types, 2.4 replacement reasons, 2.10
terminals): its fields, the records it refers to by code, and who uses it (a record still
used is never deleted). :mod:`starpos.masterdata.records` does the work once for all of
them; what is more than fields (a customer type's charges, a role's permissions, tariffs,
operators) has its own module.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from starpos.db.enums import PaymentKind, PaymentMode
from starpos.db.models import (
    Bank,
    Branch,
    ChargeItem,
    Customer,
    CustomerType,
    CustomerTypeCharge,
    Meter,
    MeterModel,
    MeterReplacement,
    Operator,
    PaymentTerm,
    ReplacementReason,
    ReplacementReasonCharge,
    SalesPoint,
    Terminal,
    Vend,
)
from starpos.i18n import Term, tr_noop
from starpos.masterdata import terms
from starpos.operators import permissions
from starpos.pricing.rules import ChargeMethod, RepaymentMethod


class FieldType(enum.Enum):
    TEXT = "text"
    MONEY = "money"
    PERCENT = "percent"
    ENERGY = "energy"
    WHOLE = "whole"
    FLAG = "flag"
    CHOICE = "choice"  # one member of ``Field.choices``
    REFERENCE = "reference"  # the code of a record of ``Field.reference``


@dataclass(frozen=True)
class Field:
    """One field: ``name`` is the attribute (for a reference, the code is given and shown,
    the ``<name>_id`` column is stored); ``label`` a source text (context ``admin``)."""

    name: str
    label: str
    field_type: FieldType = FieldType.TEXT
    required: bool = False
    default: Any = None
    choices: type[enum.Enum] | None = None
    reference: Any = None


@dataclass(frozen=True)
class Use:
    """Records of ``model`` whose ``column`` points at this kind keep it from deletion."""

    model: Any
    column: str
    users: Term


@dataclass(frozen=True)
class RecordKind:
    key: str
    model: Any
    what: Term
    title: str  # the screen's title, context "admin"
    fields: tuple[Field, ...]
    uses: tuple[Use, ...] = ()
    permission: str = permissions.ADMIN_MASTER_DATA

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


CODE = Field("code", tr_noop("admin", "Code"), required=True)
NAME = Field("name", tr_noop("admin", "Name"), required=True)
ADDRESS = Field("address", tr_noop("admin", "Address"), default="")
TELEPHONE = Field("telephone", tr_noop("admin", "Telephone"), default="")

KINDS: dict[str, RecordKind] = {
    kind.key: kind
    for kind in (
        RecordKind(
            "branch",
            Branch,
            terms.BRANCH,
            tr_noop("admin", "Branches"),
            (CODE, NAME, ADDRESS, TELEPHONE),
            (
                Use(SalesPoint, "branch_id", terms.SALES_POINTS),
                Use(Meter, "branch_id", terms.METERS),
            ),
        ),
        RecordKind(
            "sales_point",
            SalesPoint,
            terms.SALES_POINT,
            tr_noop("admin", "Sales points"),
            (
                CODE,
                NAME,
                Field(
                    "branch",
                    tr_noop("admin", "Branch"),
                    FieldType.REFERENCE,
                    required=True,
                    reference=Branch,
                ),
                ADDRESS,
                TELEPHONE,
                Field(
                    "forbid_sales",
                    tr_noop("admin", "Forbid to sales"),
                    FieldType.FLAG,
                    default=False,
                ),
            ),
            (
                Use(Vend, "sales_point_id", terms.SALES),
                Use(Terminal, "sales_point_id", terms.TERMINALS),
                Use(Operator, "sales_point_id", terms.OPERATORS),
            ),
        ),
        RecordKind(
            "terminal",
            Terminal,
            terms.TERMINAL,
            tr_noop("admin", "Terminals (computers)"),
            (
                CODE,
                NAME,
                Field(
                    "sales_point",
                    tr_noop("admin", "Sales point"),
                    FieldType.REFERENCE,
                    required=True,
                    reference=SalesPoint,
                ),
                Field("active", tr_noop("admin", "Active"), FieldType.FLAG, default=True),
            ),
            (Use(Vend, "terminal_id", terms.SALES),),
        ),
        RecordKind(
            "payment_term",
            PaymentTerm,
            terms.PAYMENT_TERM,
            tr_noop("admin", "Payment terms"),
            (
                CODE,
                NAME,
                Field(
                    "kind",
                    tr_noop("admin", "Kind"),
                    FieldType.CHOICE,
                    required=True,
                    choices=PaymentKind,
                ),
                Field("active", tr_noop("admin", "Active"), FieldType.FLAG, default=True),
            ),
            (Use(Vend, "payment_term_id", terms.SALES),),
        ),
        RecordKind(
            "bank",
            Bank,
            Term(tr_noop("terms", "bank")),
            tr_noop("admin", "Banks"),
            (CODE, NAME),
            (Use(Customer, "bank_id", terms.CUSTOMERS),),
        ),
        RecordKind(
            "meter_model",
            MeterModel,
            terms.METER_MODEL,
            tr_noop("admin", "Meter models"),
            (
                CODE,
                NAME,
                Field(
                    "payment_mode",
                    tr_noop("admin", "Pay type"),
                    FieldType.CHOICE,
                    default=PaymentMode.PREPAID,
                    choices=PaymentMode,
                ),
                Field("phases", tr_noop("admin", "Phases (1 or 3)"), FieldType.WHOLE, default=1),
                Field("ct_ratio", tr_noop("admin", "CT ratio"), FieldType.WHOLE, default=1),
                Field("pt_ratio", tr_noop("admin", "PT ratio"), FieldType.WHOLE, default=1),
                Field("using_life_years", tr_noop("admin", "Using life (years)"), FieldType.WHOLE),
                Field(
                    "preinstalled_amount",
                    tr_noop("admin", "Pre-installed amount"),
                    FieldType.MONEY,
                    default=None,
                ),
            ),
            (Use(Meter, "model_id", terms.METERS),),
        ),
        RecordKind(
            "charge_item",
            ChargeItem,
            terms.CHARGE_ITEM,
            tr_noop("admin", "Charge items"),
            (
                CODE,
                NAME,
                Field(
                    "method",
                    tr_noop("admin", "Calculate method"),
                    FieldType.CHOICE,
                    required=True,
                    choices=ChargeMethod,
                ),
                Field("amount", tr_noop("admin", "Amount"), FieldType.MONEY),
                Field("percentage", tr_noop("admin", "Percentage"), FieldType.PERCENT),
                Field(
                    "vat_applies", tr_noop("admin", "Calculate VAT"), FieldType.FLAG, default=False
                ),
                Field("active", tr_noop("admin", "Active"), FieldType.FLAG, default=True),
            ),
            (
                Use(CustomerTypeCharge, "charge_item_id", terms.CUSTOMER_TYPES),
                Use(ReplacementReasonCharge, "charge_item_id", terms.REPLACEMENT_REASONS),
            ),
            permissions.CHANGE_PRICES,
        ),
        RecordKind(
            "customer_type",
            CustomerType,
            terms.CUSTOMER_TYPE,
            tr_noop("admin", "Customer types"),
            (
                CODE,
                NAME,
                Field("vat_rate", tr_noop("admin", "VAT (%)"), FieldType.PERCENT, default=None),
                Field(
                    "prearrange_amount",
                    tr_noop("admin", "Prearrange amount"),
                    FieldType.MONEY,
                    default=None,
                ),
                Field(
                    "repayment_method",
                    tr_noop("admin", "Repayment method"),
                    FieldType.CHOICE,
                    default=RepaymentMethod.NONE,
                    choices=RepaymentMethod,
                ),
                Field("repayment_amount", tr_noop("admin", "Repayment amount"), FieldType.MONEY),
                Field(
                    "repayment_percentage",
                    tr_noop("admin", "Repayment percentage"),
                    FieldType.PERCENT,
                ),
                Field(
                    "fbe_kwh_per_month",
                    tr_noop("admin", "Free basic electricity (kWh a month)"),
                    FieldType.ENERGY,
                    default=None,
                ),
            ),
            (Use(Customer, "customer_type_id", terms.CUSTOMERS),),
            permissions.CHANGE_PRICES,
        ),
        RecordKind(
            "replacement_reason",
            ReplacementReason,
            Term(tr_noop("terms", "replacement reason")),
            tr_noop("admin", "Meter replacement reasons"),
            (CODE, NAME),
            (Use(MeterReplacement, "reason_id", Term(tr_noop("terms", "meter replacements"))),),
        ),
    )
}
