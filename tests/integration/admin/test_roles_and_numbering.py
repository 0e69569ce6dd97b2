"""Roles with their permission matrix (manual 2.5) and numbering rules (manual 2.13) changed
through the core: what is saved is what the store then has, and every refusal leaves the
store and the audit log as they were, with a translated reason."""

from __future__ import annotations

from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.enums import NumberFieldKind, NumberReset, RoleKind
from starpos.db.models import AuditEntry, NumberingField, NumberingRule, RolePermission
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import PrefixField
from starpos.masterdata.numbering_rules import (
    CounterRuleWithoutTerminalError,
    FixedTextMissingError,
    Rule,
    RuleTooLongError,
    numbering_facts,
    read_rules,
    sample_number,
    save_rule,
)
from starpos.masterdata.records import add_record
from starpos.operators import permissions
from starpos.operators.accounts import update_operator
from starpos.operators.roles import LastAdministratorRoleError, change_role, list_roles
from tests.integration.admin.admin_world import Utility
from tests.integration.admin.refusals import refusal_check
from tests.support.store_backends import both_backends

pytestmark = both_backends

F = NumberFieldKind


def _snapshot(database: Database) -> tuple[object, ...]:
    with database.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)),
            sorted(session.execute(select(RolePermission.role_id, RolePermission.permission))),
            sorted(
                session.execute(
                    select(NumberingField.bill_type, NumberingField.position,
                           NumberingField.kind, NumberingField.length,
                           NumberingField.fixed_text)
                )
            ),
            sorted(session.execute(select(NumberingRule.bill_type, NumberingRule.serial_digits,
                                          NumberingRule.enabled))),
        )  # fmt: skip


_refused = refusal_check(_snapshot)


def _vend_rule(*fields: PrefixField, digits: int = 5) -> Rule:
    return Rule(bill_numbers.VEND, fields, digits, 1, NumberReset.MONTHLY)


def test_a_role_is_renamed_and_its_matrix_replaced_in_one_audited_change(
    utility: Utility,
) -> None:
    granted = {permissions.VEND, permissions.REPRINT, permissions.VIEW_REPORTS}
    change_role(
        utility.database, utility.star, "cashier",
        name="Senior cashier", kind=RoleKind.MANAGER, granted=granted,
    )  # fmt: skip
    with utility.database.reading() as session:
        role = next(r for r in list_roles(session) if r.code == "CASHIER")
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (role.name, role.kind, role.permissions, role.operators) == (
        "Senior cashier", "manager", frozenset(granted), 1
    )  # fmt: skip
    assert entry is not None and entry.subject == "role:CASHIER"


def test_taking_the_right_to_edit_operators_from_the_last_holders_is_refused(
    utility: Utility,
) -> None:
    from starpos.operators.accounts import add_role

    add_role(utility.database, utility.star, "ADMIN", "Administrators",
             [permissions.ADMIN_OPERATORS])  # fmt: skip
    update_operator(utility.database, utility.star, "CASH1", roles=["CASHIER", "ADMIN"])
    update_operator(utility.database, utility.star, "STAR", forbid_login=True)
    _refused(
        utility, LastAdministratorRoleError,
        lambda: change_role(utility.database, utility.star, "ADMIN", granted=set()),
    )  # fmt: skip


def test_a_rule_is_saved_and_its_sample_is_what_a_sale_gets(utility: Utility) -> None:
    rule = _vend_rule(
        PrefixField(1, F.FIXED, None, "S"), PrefixField(2, F.YEAR2),
        PrefixField(3, F.SALES_POINT, 4), PrefixField(4, F.TERMINAL), digits=6,
    )  # fmt: skip
    save_rule(utility.database, utility.star, rule)
    with utility.database.reading() as session:
        assert next(r for r in read_rules(session) if r.bill_type == "vend") == rule
        facts = numbering_facts(session, "T01")
    sample = sample_number(rule, facts)
    assert sample == f"S{facts.sample.when:%y}SP01T01000001"
    with utility.database.unit_of_work() as uow:
        number = bill_numbers.next_number(uow.session, "vend", facts.sample)
    assert number == sample


def test_a_counter_rule_without_the_terminal_is_refused_once_a_point_has_two(
    utility: Utility,
) -> None:
    rule = _vend_rule(PrefixField(1, F.FIXED, None, "V"), PrefixField(2, F.YEAR2))
    save_rule(utility.database, utility.star, rule)  # one terminal: its numbers are unique
    add_record(utility.database, utility.star, "terminal",
               {"code": "T02", "name": "Counter 2", "sales_point": "SP01"})  # fmt: skip
    refusal = _refused(
        utility, CounterRuleWithoutTerminalError,
        lambda: save_rule(utility.database, utility.star, rule),
    )  # fmt: skip
    assert "sale" in refusal.message
    # a bill the head office makes may go without it
    save_rule(
        utility.database,
        utility.star,
        Rule(bill_numbers.CUSTOMER, (PrefixField(1, F.FIXED, None, "C"),), 7),
    )


def test_a_rule_longer_than_the_bill_number_column_is_refused(utility: Utility) -> None:
    refusal = _refused(
        utility, RuleTooLongError,
        lambda: save_rule(utility.database, utility.star, _vend_rule(
            PrefixField(1, F.FIXED, None, "SALE"), PrefixField(2, F.YEAR),
            PrefixField(3, F.MONTH), PrefixField(4, F.SALES_POINT), PrefixField(5, F.TERMINAL),
            digits=8,
        )),
    )  # fmt: skip
    assert refusal.params["length"] == 4 + 4 + 2 + 4 + 3 + 8


def test_a_fixed_text_without_text_is_refused(utility: Utility) -> None:
    _refused(
        utility, FixedTextMissingError,
        lambda: save_rule(utility.database, utility.star,
                          _vend_rule(PrefixField(1, F.FIXED, None, " "),
                                     PrefixField(2, F.TERMINAL))),
    )  # fmt: skip
