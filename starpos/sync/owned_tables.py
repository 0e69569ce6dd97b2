"""What the head office owns and sends down: its master-data tables, how each row is named
in every store, and what a counter keeps of its own.

Row ids differ between stores, so a row travels under its **natural key** (a customer's
code, a meter's number) and a reference to another row as that row's key. Rows that only
make sense with their owner (a customer type's charges, a tariff scheme's versions and
their blocks) travel with it: a change to one of them is a change of the owner, and the
owner comes down whole. One registry serves the head office (its triggers and the feed),
the counter (applying what comes down) and the guard that refuses local edits.

The order of :data:`ROOTS` is the order rows are applied in: every table after the ones it
references (a meter after its customer, model, branch and tariff scheme).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Column, Table

from starpos.db.base import Base
from starpos.db.models import (
    Bank,
    Branch,
    ChargeItem,
    ChargeItemVersion,
    Customer,
    CustomerType,
    CustomerTypeCharge,
    CustomerTypeVatVersion,
    DefaultAmount,
    IssuedCard,
    KeyChangeFlag,
    Meter,
    MeterCreditOwed,
    MeterModel,
    NumberingField,
    NumberingRule,
    OfflineLimit,
    Operator,
    OperatorRole,
    PaymentTerm,
    Region,
    RegionLevel,
    ReplacementReason,
    ReplacementReasonCharge,
    Role,
    RolePermission,
    SalesPoint,
    SystemParameters,
    TariffScheme,
    TariffStep,
    TariffVersion,
    Terminal,
    TokenReplacementDue,
    TouDaySwitch,
    TouHoliday,
    TouPrice,
    TouSeason,
    TouWeekDay,
)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@dataclass(frozen=True)
class Part:
    """Rows that belong to an owner row and travel with it.

    ``parent_column`` references the owner. With ``identity`` (columns naming a row within
    its owner) the rows are updated in place, so what references them locally keeps
    pointing at them (a sale at its tariff version); without, they are replaced as a set.
    """

    table: Table
    parent_column: str
    identity: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    #: Columns each store keeps for itself, never sent nor overwritten (a card's link to
    #: the card it replaced is a row id of this store).
    local: frozenset[str] = frozenset()
    #: Rows the counter's own records make and change (a card issued, replaced, blanked at
    #: a counter travels up as an audit entry): allowed past the edit guard in the session
    #: of that record, and kept as the counter has them while its events are
    #: unacknowledged, as a root's ``record_effects`` (SYN-38).
    records: bool = False
    #: ``(column, value, becomes)``: a row of this store's the head office did not send,
    #: holding ``value`` in ``column`` (a card ACTIVE here) while a row sent for the same
    #: owner holds it too, takes ``becomes`` (the head office kept another card for the
    #: meter: SYN-47), so one refused record never stops a pull on a unique rule.
    yields: tuple[str, str, str] | None = None
    #: With ``records``: the counter's records move these rows by statements of their own
    #: (a sale's key change), never through a session's flush, so the edit guard still
    #: refuses what an operator would change here (flagging a meter: SYN-56).
    guarded: bool = False

    @property
    def name(self) -> str:
        return self.table.name


@dataclass(frozen=True)
class Root:
    """A table whose rows are named by one column of their own (``key``).

    ``local``: columns each store keeps for itself, never sent nor overwritten (an
    operator's failed logins here). ``highest``: columns that only ever grow while
    ``counted_from`` stays the same, where the counter keeps the higher of its value and the
    head office's (a meter's last TID: a token is only accepted with a later one; a key
    change to a new base date starts it again).
    """

    table: Table
    key: str
    parts: tuple[Part, ...] = ()
    local: frozenset[str] = frozenset()
    highest: frozenset[str] = frozenset()
    counted_from: str | None = None
    #: Columns the counter's own records change (a sale settles the meter's debt, a key
    #: change token moves its key data): not an edit of master data. While the head office
    #: has not acknowledged the counter's events, a pull keeps the counter's values.
    record_effects: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def key_column(self) -> Column[object]:
        return cast(Column[object], self.table.c[self.key])


def _tou_parts() -> tuple[Part, ...]:
    return tuple(
        Part(_table(model), "version_id")
        for model in (TariffStep, TouPrice, TouDaySwitch, TouWeekDay, TouSeason, TouHoliday)
    )


ROOTS: tuple[Root, ...] = (
    Root(_table(SystemParameters), "id"),
    Root(_table(RegionLevel), "level"),
    Root(_table(Region), "code"),
    Root(_table(Branch), "code"),
    Root(_table(Bank), "code"),
    Root(_table(SalesPoint), "code"),
    Root(_table(Terminal), "code", parts=(Part(_table(OfflineLimit), "terminal_id"),)),
    Root(_table(PaymentTerm), "code"),
    Root(_table(MeterModel), "code"),
    Root(_table(DefaultAmount), "position"),
    # Dated versions are updated in place by their start, like tariff versions: a sale
    # keeps pointing at the version that priced it (decision BO-23).
    Root(
        _table(ChargeItem),
        "code",
        parts=(Part(_table(ChargeItemVersion), "charge_item_id", identity=("effective_from",)),),
    ),
    Root(
        _table(CustomerType),
        "code",
        parts=(
            Part(_table(CustomerTypeCharge), "customer_type_id"),
            Part(_table(CustomerTypeVatVersion), "customer_type_id", identity=("effective_from",)),
        ),
    ),
    Root(
        _table(ReplacementReason),
        "code",
        parts=(Part(_table(ReplacementReasonCharge), "reason_id"),),
    ),
    Root(_table(Role), "code", parts=(Part(_table(RolePermission), "role_id"),)),
    Root(
        _table(Operator),
        "code",
        parts=(Part(_table(OperatorRole), "operator_id"),),
        # Lockouts and logins are each counter's own; the password is the head office's.
        local=frozenset({"failed_logins", "locked_until", "last_login_at"}),
    ),
    Root(_table(NumberingRule), "bill_type", parts=(Part(_table(NumberingField), "bill_type"),)),
    Root(
        _table(TariffScheme),
        "code",
        parts=(
            Part(
                _table(TariffVersion),
                "scheme_id",
                identity=("effective_from",),
                parts=_tou_parts(),
            ),
        ),
    ),
    Root(_table(Customer), "code"),
    Root(
        _table(Meter),
        "number",
        # The meter's SUN cards, so a card issued at one counter sells at every other
        # (SYN-38); named within the meter by issue number, as the identity record does.
        parts=(
            Part(
                _table(IssuedCard),
                "meter_id",
                identity=("issue_number",),
                local=frozenset({"replaces_card_id"}),
                records=True,
                yields=("state", "active", "replaced"),
            ),
            # Credit owed back to the customer (a debt repaid twice, SYN-53): the head
            # office's rows, settled at the counter by the sale that returns it.
            Part(
                _table(MeterCreditOwed),
                "meter_id",
                identity=("overpaid_terminal", "overpaid_bill"),
            ),
            # Its key change flags (SYN-55): set at the head office, moved to issued and
            # delivered by a counter's sale, which keeps the tokens and its own sale's id.
            Part(
                _table(KeyChangeFlag),
                "meter_id",
                identity=("request_id",),
                local=frozenset({"vend_id"}),
                records=True,
                guarded=True,
            ),
            # Its sales whose token collided with another counter's TID (SYN-51): the
            # counter's replacement token marks its row replaced until the head office books it.
            Part(
                _table(TokenReplacementDue),
                "meter_id",
                identity=("bill_number",),
                records=True,
            ),
        ),
        highest=frozenset({"last_tid"}),
        counted_from="tid_base_year",
        record_effects=frozenset(
            {
                *("outstanding_debt", "prearrange_due"),  # a sale
                *("key_register", "sgc", "ti", "krn", "ken", "key_type", "tid_base_year"),
            }
        ),
    ),
)

BY_NAME: dict[str, Root] = {root.name: root for root in ROOTS}


def parts_of(owner: Root | Part) -> Iterator[tuple[Part, int]]:
    """Every part under ``owner``, depth first, with its depth (1: the owner's own)."""

    def walk(parts: tuple[Part, ...], depth: int) -> Iterator[tuple[Part, int]]:
        for part in parts:
            yield part, depth
            yield from walk(part.parts, depth + 1)

    yield from walk(owner.parts, 1)


def chains(root: Root) -> list[tuple[Part, ...]]:
    """The path from ``root`` down to each of its parts, every owner before its parts."""
    found: list[tuple[Part, ...]] = []
    path: list[Part] = []
    for part, depth in parts_of(root):
        del path[depth - 1 :]
        path.append(part)
        found.append(tuple(path))
    return found


def owned_table_names() -> frozenset[str]:
    """Every table the head office owns: the roots and all their parts."""
    names = {root.name for root in ROOTS}
    for root in ROOTS:
        names |= {part.name for part, _ in parts_of(root)}
    return frozenset(names)


def root_of(table_name: str) -> Root | None:
    """The root a table is, or belongs to; None for a table the head office does not own."""
    for root in ROOTS:
        if root.name == table_name or any(p.name == table_name for p, _ in parts_of(root)):
            return root
    return None
