"""What the regions screen asks of the core, as plain calls its worker thread runs; each
opens its own transaction in :mod:`starpos.masterdata.regions`, as the operator who logged
in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from starpos.db import Database
from starpos.masterdata.regions import (
    RegionTree,
    add_region,
    change_region,
    read_region_tree,
    remove_region,
    set_region_levels,
)
from starpos.operators import permissions
from starpos.operators.session import OperatorSession


class RegionService(Protocol):
    def may_change(self) -> bool: ...
    def tree(self) -> RegionTree: ...
    def add(self, code: str, name: str, parent: str | None) -> str: ...
    def change(self, code: str, name: str, parent: str) -> dict[str, list[Any]]: ...
    def remove(self, code: str) -> None: ...
    def set_levels(self, levels: int, names: Mapping[int, str]) -> dict[str, list[Any]]: ...


class CoreRegionService:
    """:class:`RegionService` on a store, as ``operator``."""

    def __init__(self, database: Database, operator: OperatorSession) -> None:
        self.database, self.operator = database, operator

    def may_change(self) -> bool:
        return self.operator.may(permissions.ADMIN_MASTER_DATA)

    def tree(self) -> RegionTree:
        return read_region_tree(self.database)

    def add(self, code: str, name: str, parent: str | None) -> str:
        return add_region(self.database, self.operator, code, name, parent)

    def change(self, code: str, name: str, parent: str) -> dict[str, list[Any]]:
        """Rename and/or move region ``code`` (``parent`` "" for level 1) in one change."""
        return change_region(self.database, self.operator, code, name=name, parent=parent)

    def remove(self, code: str) -> None:
        remove_region(self.database, self.operator, code)

    def set_levels(self, levels: int, names: Mapping[int, str]) -> dict[str, list[Any]]:
        return set_region_levels(self.database, self.operator, names, levels)
