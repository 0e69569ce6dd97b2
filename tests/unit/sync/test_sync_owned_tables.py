"""What the head office owns and how its rows travel: checks on the registry itself, so a
table or a column added later cannot break the downlink quietly."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Table, UniqueConstraint

from starpos.commands import server as server_command
from starpos.commands import sync as sync_command
from starpos.db.migrate import MIGRATIONS
from starpos.i18n import catalog_files, load_catalog
from starpos.server.findings import PROBLEMS
from starpos.sync.owned_tables import (
    BY_NAME,
    ROOTS,
    Part,
    Root,
    chains,
    owned_table_names,
    root_of,
)
from starpos.sync.row_codec import part_shape, root_shape


def _unique_sets(table: Table) -> set[tuple[str, ...]]:
    found = {tuple(c.name for c in table.primary_key.columns)}
    found |= {
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    }
    found |= {(c.name,) for c in table.columns if c.unique}
    found |= {tuple(c.name for c in index.columns) for index in table.indexes if index.unique}
    return found


@pytest.mark.parametrize("root", ROOTS, ids=lambda root: root.name)
def test_every_root_is_named_by_a_unique_key_and_its_rows_travel_without_ids(root: object) -> None:
    from starpos.sync.owned_tables import Root

    assert isinstance(root, Root)
    assert (root.key,) in _unique_sets(root.table)  # what ON CONFLICT (key) needs
    shape = root_shape(root)
    names = shape.header()
    assert root.key in names
    assert not (root.local & set(names))
    if root.key != "id":
        assert "id" not in names
    for chain in chains(root):
        part = chain[-1]
        if part.identity:
            assert (part.parent_column, *part.identity) in _unique_sets(part.table)
        part_names = part_shape(root, chain).header()
        assert "id" not in part_names and part.parent_column not in part_names


def test_every_reference_of_an_owned_row_points_at_an_owned_row() -> None:
    """A counter can only resolve references to rows that come down too (a local column
    does not travel: a key change flag's sale is each store's own row)."""
    owned = owned_table_names()
    for name in owned:
        root = root_of(name)
        assert root is not None
        owner: Root | Part = (
            root
            if root.name == name
            else next(chain[-1] for chain in chains(root) if chain[-1].name == name)
        )
        table = owner.table
        for column in table.columns:
            if column.name in owner.local:
                continue
            for foreign_key in column.foreign_keys:
                assert foreign_key.column.table.name in owned, f"{name}.{column.name}"


def test_a_meter_travels_with_its_customer_model_and_tariff_by_their_keys() -> None:
    shape = root_shape(BY_NAME["meters"])
    references = {c.name: c.refers_to.name for c in shape.columns if c.refers_to is not None}
    assert references == {
        "model_id": "meter_models",
        "branch_id": "branches",
        "customer_id": "customers",
        "tariff_scheme_id": "tariff_schemes",
    }


def _migration(name: str = "0007_downlink") -> ModuleType:
    path = Path(MIGRATIONS) / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"migration_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_captures_what_the_registry_says_the_head_office_owns() -> None:
    migration = _migration()
    assert [(table, key) for table, key, _ in migration.ROOTS] == [
        (root.name, root.key) for root in ROOTS
    ]
    parts = {table: (owner, *rest[2:]) for table, owner, *rest in migration.PARTS}
    # Later migrations capture the parts added since (0022: the dated terms, BO-23).
    parts.update(
        {
            table: (owner, column, "", "")
            for table, owner, column in _migration("0022_dated_terms").PARTS
        }
    )
    # Parts captured by later migrations: a meter's cards (0024, SYN-38).
    cards = _migration("0024_card_register_downlink").ARGUMENTS
    parts["cards"] = (cards[0], *cards[3:])
    # A meter's credit owed back (0031, SYN-53).
    owed = _migration("0031_meter_credits_owed")
    parts[owed.TABLE] = (owed.ARGUMENTS[0], *owed.ARGUMENTS[3:])
    # ... and its key change flags (0032, SYN-55).
    flags = _migration("0032_key_change_flag_downlink").ARGUMENTS
    parts["key_change_flags"] = (flags[0], *flags[3:])
    # A meter's sales whose token needs a replacement (0030, SYN-51).
    dues = _migration("0030_token_replacements_due").ARGUMENTS
    parts["token_replacements_due"] = (dues[0], *dues[3:])
    expected = {}
    for root in ROOTS:
        for chain in chains(root):
            between = ("", "") if len(chain) == 1 else (chain[0].name, chain[0].parent_column)
            expected[chain[-1].name] = (root.name, chain[-1].parent_column, *between)
    assert parts == expected


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_the_sync_commands_read_in_every_language(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    texts = [
        *sync_command.MESSAGES,
        *sync_command.LABELS.values(),
        *server_command.MESSAGES,
        *server_command.LABELS.values(),
        *PROBLEMS.values(),
    ]
    assert [text for text in texts if ("sync", text) not in catalog] == []
