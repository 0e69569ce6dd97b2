"""Region levels and the region tree (manual 1.2-1.3): what an administrator may do, and
every refusal leaving the store (regions, levels, system parameters, audit log) as it was,
with a reason in French and Chinese."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.models import AuditEntry, Branch, Region, RegionLevel, SystemParameters
from starpos.masterdata.changes import (
    BadCodeError,
    BadValueError,
    CodeTakenError,
    RecordInUseError,
    UnknownRecordError,
)
from starpos.masterdata.company import set_system_parameters
from starpos.masterdata.customer_changes import change_customer, customer_card
from starpos.masterdata.regions import (
    LevelOutOfRangeError,
    LevelsInUseError,
    LevelUnnamedError,
    RegionCycleError,
    TooDeepError,
    add_region,
    change_region,
    name_level,
    read_region_tree,
    remove_region,
    set_region_levels,
)
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from tests.integration.admin.admin_world import Utility
from tests.integration.admin.refusals import refusal_check
from tests.support.store_backends import both_backends

pytestmark = both_backends


def _with_tree(utility: Utility) -> Utility:
    """Three named levels; North > Kano > Ward 3, and South."""
    database, star = utility.database, utility.star
    for level, name in ((1, "Province"), (2, "District"), (3, "Ward")):
        name_level(database, star, level, name)
    add_region(database, star, "N", "North")
    add_region(database, star, "kano", "Kano", "N")
    add_region(database, star, "W3", "Ward 3", "KANO")
    add_region(database, star, "S", "South")
    return utility


@pytest.fixture
def tree(utility: Utility) -> Utility:
    return _with_tree(utility)


def _snapshot(database: Database) -> tuple[object, ...]:
    with database.reading() as session:
        regions = sorted(
            (r.code, r.name, r.level, r.parent.code if r.parent else None)
            for r in session.scalars(select(Region))
        )
        levels = sorted((lv.level, lv.name) for lv in session.scalars(select(RegionLevel)))
        system = session.get(SystemParameters, 1)
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        return (regions, levels, system and system.region_levels, audit)


_refused = refusal_check(_snapshot)


def test_the_tree_reads_with_paths_and_level_names(tree: Utility) -> None:
    shown = read_region_tree(tree.database)
    assert shown.levels == 3
    assert shown.level_names == {1: "Province", 2: "District", 3: "Ward"}
    assert [(r.code, r.level, r.parent, r.path) for r in shown.regions] == [
        ("N", 1, None, "North"),
        ("KANO", 2, "N", "North / Kano"),
        ("W3", 3, "KANO", "North / Kano / Ward 3"),
        ("S", 1, None, "South"),
    ]


def test_each_change_is_audited(tree: Utility) -> None:
    with tree.database.reading() as session:
        subjects = list(
            session.scalars(select(AuditEntry.subject).where(AuditEntry.subject.like("region%")))
        )
    assert sorted(subjects) == sorted(
        ["region_levels"] * 3 + ["region:N", "region:KANO", "region:W3", "region:S"]
    )


def test_levels_and_their_names_in_one_change(tree: Utility) -> None:
    database, star = tree.database, tree.star
    assert set_region_levels(database, star, {4: "Street", 1: "State"}, levels=4) == {
        "region_levels": [3, 4],
        "level_1": ["Province", "State"],
        "level_4": [None, "Street"],
    }
    shown = read_region_tree(database)
    assert (shown.levels, shown.level_names[4], shown.level_names[1]) == (4, "Street", "State")
    _refused(tree, BadValueError, lambda: set_region_levels(database, star, {}, levels=6))
    # A name past the last level refuses the whole change: the count stays as it was too.
    _refused(
        tree, LevelOutOfRangeError,
        lambda: set_region_levels(database, star, {4: "Lane"}, levels=3),
    )  # fmt: skip


def test_rename_and_move_carry_the_subtree(tree: Utility) -> None:
    database, star = tree.database, tree.star
    assert change_region(database, star, "kano", name="Kano State") == {
        "name": ["Kano", "Kano State"]
    }
    assert change_region(database, star, "KANO", name="Kano State") == {}  # nothing written
    moved = change_region(database, star, "KANO", parent="")
    assert moved == {"parent": ["N", None], "level": [2, 1]}
    rows = {r.code: (r.level, r.parent) for r in read_region_tree(database).regions}
    assert rows["KANO"] == (1, None) and rows["W3"] == (2, "KANO")
    change_region(database, star, "KANO", parent="S")
    rows = {r.code: (r.level, r.parent) for r in read_region_tree(database).regions}
    assert rows["KANO"] == (2, "S") and rows["W3"] == (3, "KANO")


def test_a_level_outside_the_system_levels(tree: Utility) -> None:
    _refused(tree, LevelOutOfRangeError, lambda: name_level(tree.database, tree.star, 4, "X"))
    _refused(tree, LevelOutOfRangeError, lambda: name_level(tree.database, tree.star, 0, "X"))
    _refused(tree, BadValueError, lambda: name_level(tree.database, tree.star, 1, "  "))


def test_a_region_below_the_last_level(tree: Utility) -> None:
    refusal = _refused(
        tree, TooDeepError, lambda: add_region(tree.database, tree.star, "W3A", "Street", "W3")
    )
    assert "level 4" in refusal.message
    # Moving Kano (with its ward) under a district would put the ward at level 4.
    add_region(tree.database, tree.star, "SD", "South district", "S")
    _refused(
        tree, TooDeepError, lambda: change_region(tree.database, tree.star, "KANO", parent="SD")
    )


def test_a_level_without_a_name(utility: Utility) -> None:
    name_level(utility.database, utility.star, 1, "Province")
    add_region(utility.database, utility.star, "N", "North")
    _refused(
        utility, LevelUnnamedError,
        lambda: add_region(utility.database, utility.star, "K", "Kano", "N"),
    )  # fmt: skip


def test_codes_taken_bad_or_unknown(tree: Utility) -> None:
    database, star = tree.database, tree.star
    _refused(tree, CodeTakenError, lambda: add_region(database, star, "n", "North again"))
    _refused(tree, BadCodeError, lambda: add_region(database, star, "A B", "Spaced"))
    _refused(tree, UnknownRecordError, lambda: add_region(database, star, "X", "X", "NOPE"))
    _refused(tree, UnknownRecordError, lambda: change_region(database, star, "NOPE", name="Y"))
    _refused(tree, BadValueError, lambda: add_region(database, star, "E", ""))


def test_no_cycles(tree: Utility) -> None:
    database, star = tree.database, tree.star
    _refused(tree, RegionCycleError, lambda: change_region(database, star, "N", parent="W3"))
    _refused(tree, RegionCycleError, lambda: change_region(database, star, "N", parent="N"))


def test_a_region_something_is_in_is_never_deleted(tree: Utility) -> None:
    database, star = tree.database, tree.star
    refusal = _refused(tree, RecordInUseError, lambda: remove_region(database, star, "KANO"))
    assert "regions under it (1)" in refusal.message
    change_customer(database, star, tree.customer_code, {"region": "W3"})
    refusal = _refused(tree, RecordInUseError, lambda: remove_region(database, star, "W3"))
    assert "customers (1)" in refusal.message
    with database.unit_of_work() as uow:  # a branch in South, as the demo data has them
        south = uow.session.scalars(select(Region).where(Region.code == "S")).one()
        uow.session.scalars(select(Branch).where(Branch.code == "BR01")).one().region_id = south.id
        uow.commit()
    refusal = _refused(tree, RecordInUseError, lambda: remove_region(database, star, "S"))
    assert "branches (1)" in refusal.message


def test_the_customer_card_shows_each_region_by_its_path(tree: Utility) -> None:
    card = customer_card(tree.database, tree.customer_code)
    assert card.choices["region"] == ["N", "KANO", "W3", "S"]  # tree order
    assert card.region_paths["W3"] == "North / Kano / Ward 3"


def test_remove_an_empty_region(tree: Utility) -> None:
    remove_region(tree.database, tree.star, "W3")
    remove_region(tree.database, tree.star, "KANO")
    assert [r.code for r in read_region_tree(tree.database).regions] == ["N", "S"]


def test_fewer_system_levels_than_a_region_is_at(tree: Utility) -> None:
    database, star = tree.database, tree.star
    refusal = _refused(
        tree, LevelsInUseError, lambda: set_system_parameters(database, star, region_levels=2)
    )
    assert "1 regions are at level 3" in refusal.message
    remove_region(database, star, "W3")
    set_system_parameters(database, star, region_levels=2)
    assert read_region_tree(database).levels == 2
    _refused(tree, LevelOutOfRangeError, lambda: name_level(database, star, 3, "Ward"))


def test_only_with_the_permission(tree: Utility) -> None:
    database = tree.database
    change_password(database, "CASH1", "temporary-1", "cashier-own-1")
    cashier = login(database, "CASH1", "cashier-own-1")
    _refused(tree, PermissionDeniedError, lambda: add_region(database, cashier, "E", "East"))
    _refused(tree, PermissionDeniedError, lambda: remove_region(database, cashier, "S"))
    _refused(tree, PermissionDeniedError, lambda: name_level(database, cashier, 1, "State"))
