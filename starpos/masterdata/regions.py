"""Region levels and the region tree (manual 1.2-1.3).

The system parameter ``region_levels`` (1-5) says how deep the tree goes; each level has a
name ("Province", "District", "Town"). A level-1 region has no parent and a level-n
region's parent is at level n-1, so a region's level always follows from its parent: a move
under another parent moves its whole subtree with it, a level up or down, and is refused
when a region would pass the last level or land under itself (decision BO-17). A region's
code stays (customers, branches, sales points and the head office know it by its code);
its name and its parent change. A region anything uses is never deleted, and the number of
levels never drops below a level a region is at (:func:`refuse_fewer_levels`, which the
system parameters call).

Every change runs in :func:`~starpos.masterdata.changes.changing` with ``admin_master_data``:
one transaction with its audit entry, a refusal leaving the store as it was.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.models import Branch, Customer, Region, RegionLevel, SalesPoint, SystemParameters
from starpos.db.models.master_data import NAME
from starpos.errors import StorageError
from starpos.i18n import Term, tr_noop
from starpos.masterdata import terms
from starpos.masterdata.changes import (
    BadValueError,
    by_code,
    changing,
    check_code,
    refuse_in_use,
    refuse_taken,
)
from starpos.operators import permissions
from starpos.operators.session import OperatorSession

#: What a store without system parameters yet has (the first save's default).
DEFAULT_LEVELS = 3
#: The most region levels a system may have (the manual's, and the store's check).
MAX_LEVELS = 5
#: How the path of a region reads: its ancestors' names and its own.
PATH_SEPARATOR = " / "

REGIONS = Term(tr_noop("terms", "regions"))
CHILD_REGIONS = Term(tr_noop("terms", "regions under it"))
TOO_LONG = Term(tr_noop("terms", "it is too long."))
REGION_LEVELS = Term(tr_noop("terms", "Region levels"))
ONE_TO_FIVE = Term(tr_noop("terms", "give a number from 1 to 5."))


class NoSystemParametersError(StorageError):
    code = "storage.no_system_parameters"
    template = "Save the system parameters (company and currency) first."


class LevelOutOfRangeError(StorageError):
    code = "storage.region_level_out_of_range"
    template = "There is no region level {level}: the system has {levels} (1 to {levels})."


class LevelUnnamedError(StorageError):
    code = "storage.region_level_unnamed"
    template = "Region level {level} has no name yet. Name the level first."


class TooDeepError(StorageError):
    code = "storage.region_too_deep"
    template = (
        "Region {code} cannot be at level {level}: the system has {levels} region levels. "
        "Choose a parent at a higher level."
    )


class RegionCycleError(StorageError):
    code = "storage.region_cycle"
    template = "Region {code} cannot move under {parent}: {parent} is {code} or a region under it."


class LevelsInUseError(StorageError):
    code = "storage.region_levels_in_use"
    template = (
        "The system cannot have {levels} region levels: {count} regions are at level "
        "{level}. Move or delete them first."
    )


@dataclass(frozen=True)
class RegionRow:
    """One region as lists and editors show it; ``path`` is its ancestors' names and its
    own, joined with :data:`PATH_SEPARATOR`."""

    code: str
    name: str
    level: int
    parent: str | None
    path: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RegionTree:
    """The levels (1..``levels``, each its name or "" when not named yet) and every region,
    parents before children, siblings by name (the order a tree shows them in)."""

    levels: int
    level_names: dict[int, str]
    regions: list[RegionRow]

    def as_dict(self) -> dict[str, Any]:
        return {
            "levels": [
                {"level": level, "name": self.level_names.get(level, "")}
                for level in range(1, self.levels + 1)
            ],
            "regions": [region.as_dict() for region in self.regions],
        }


def system_levels(session: Session) -> int:
    row = session.get(SystemParameters, 1)
    return row.region_levels if row is not None else DEFAULT_LEVELS


def _check_level(session: Session, level: int) -> None:
    levels = system_levels(session)
    if not 1 <= level <= levels:
        raise LevelOutOfRangeError(level=level, levels=levels)


def _checked_name(name: str, longest: int = NAME) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise BadValueError(field=terms.NAME, value="''", reason=terms.EMPTY)
    if len(cleaned) > longest:
        raise BadValueError(field=terms.NAME, value=cleaned[:20] + "…", reason=TOO_LONG)
    return cleaned


def name_level(database: Database, by: OperatorSession, level: int, name: str) -> None:
    """Give region level ``level`` (1..the system's region levels) the name ``name``."""
    set_region_levels(database, by, {level: name})


def set_region_levels(
    database: Database, by: OperatorSession, names: Mapping[int, str], levels: int | None = None
) -> dict[str, list[Any]]:
    """Set how many region levels the system has (``levels``, 1-5; None keeps it) and the
    names of ``names``' levels, in one change; what changed, as ``{field: [before,
    after]}``. Fewer levels than a region is at, a level past the last, an empty name are
    refused, and nothing changes."""
    with changing(
        database, by, permissions.ADMIN_MASTER_DATA, "region_levels", "changed"
    ) as change:
        session = change.session
        changed: dict[str, list[Any]] = {}
        if levels is not None and levels != system_levels(session):
            system = session.get(SystemParameters, 1)
            if system is None:
                raise NoSystemParametersError()
            if not 1 <= levels <= MAX_LEVELS:
                raise BadValueError(field=REGION_LEVELS, value=levels, reason=ONE_TO_FIVE)
            refuse_fewer_levels(session, levels)
            changed["region_levels"] = [system.region_levels, levels]
            system.region_levels = levels
            session.flush()
        for level, name in sorted(names.items()):
            _check_level(session, level)
            cleaned = _checked_name(name)
            row = session.get(RegionLevel, level)
            before = row.name if row is not None else None
            if before == cleaned:
                continue
            if row is None:
                session.add(RegionLevel(level=level, name=cleaned))
            else:
                row.name = cleaned
            changed[f"level_{level}"] = [before, cleaned]
        change.details["values"] = changed
    return changed


def _named_level(session: Session, level: int, code: str) -> None:
    levels = system_levels(session)
    if level > levels:
        raise TooDeepError(code=code, level=level, levels=levels)
    if session.get(RegionLevel, level) is None:
        raise LevelUnnamedError(level=level)


def add_region(
    database: Database,
    by: OperatorSession,
    code: str,
    name: str,
    parent: str | None = None,
) -> str:
    """Add region ``code`` under ``parent`` (a region's code), or at level 1 without one;
    its code as stored."""
    code = check_code(code)
    with changing(database, by, permissions.ADMIN_MASTER_DATA, f"region:{code}", "added") as change:
        session = change.session
        cleaned = _checked_name(name)
        refuse_taken(session, Region, code, terms.REGION)
        above = _parent(session, parent)
        level = above.level + 1 if above is not None else 1
        _named_level(session, level, code)
        session.add(Region(code=code, name=cleaned, level=level, parent_id=above and above.id))
        change.details["values"] = {
            "name": cleaned,
            "level": level,
            "parent": above.code if above else None,
        }
    return code


def _parent(session: Session, parent: str | None) -> Region | None:
    if parent is None or not parent.strip():
        return None
    return by_code(session, Region, parent.strip().upper(), terms.REGION)


def _subtree(session: Session, region: Region) -> list[Region]:
    """``region`` and every region under it, parents first."""
    children: dict[int | None, list[Region]] = {}
    for each in session.scalars(select(Region)):
        children.setdefault(each.parent_id, []).append(each)
    found, pending = [], [region]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(children.get(current.id, []))
    return found


def change_region(
    database: Database,
    by: OperatorSession,
    code: str,
    *,
    name: str | None = None,
    parent: str | None = None,
) -> dict[str, list[Any]]:
    """Rename region ``code`` (``name``) and/or move it (``parent``: a region's code, or ""
    for level 1; None keeps it where it is), its subtree with it; what changed, as
    ``{field: [before, after]}`` (empty, and nothing written, when nothing did)."""
    code = code.strip().upper()
    try:
        with changing(
            database, by, permissions.ADMIN_MASTER_DATA, f"region:{code}", "changed"
        ) as change:
            session = change.session
            region = by_code(session, Region, code, terms.REGION)
            changed: dict[str, list[Any]] = {}
            if name is not None:
                cleaned = _checked_name(name)
                if cleaned != region.name:
                    changed["name"] = [region.name, cleaned]
                    region.name = cleaned
            if parent is not None:
                changed.update(_move(session, region, _parent(session, parent)))
            if not changed:
                raise _Unchanged
            change.details["values"] = changed
            return changed
    except _Unchanged:
        return {}


class _Unchanged(Exception):
    """Nothing differs: leave the transaction without writing (no audit entry either)."""


def _move(session: Session, region: Region, above: Region | None) -> dict[str, list[Any]]:
    before = region.parent.code if region.parent is not None else None
    after = above.code if above is not None else None
    if before == after:
        return {}
    subtree = _subtree(session, region)
    if above is not None and above in subtree:
        raise RegionCycleError(code=region.code, parent=above.code)
    shift = (above.level + 1 if above is not None else 1) - region.level
    for each in subtree:
        _named_level(session, each.level + shift, each.code)
    for each in subtree:
        each.level += shift
    region.parent_id = above.id if above is not None else None
    region.parent = above
    moved: dict[str, list[Any]] = {"parent": [before, after]}
    if shift:
        moved["level"] = [region.level - shift, region.level]
    return moved


def remove_region(database: Database, by: OperatorSession, code: str) -> None:
    """Delete region ``code``; refused while a region, customer, branch or sales point is
    in it."""
    code = code.strip().upper()
    with changing(
        database, by, permissions.ADMIN_MASTER_DATA, f"region:{code}", "deleted"
    ) as change:
        session = change.session
        region = by_code(session, Region, code, terms.REGION)
        for model, column, users in (
            (Region, Region.parent_id, CHILD_REGIONS),
            (Customer, Customer.region_id, terms.CUSTOMERS),
            (Branch, Branch.region_id, Term(tr_noop("terms", "branches"))),
            (SalesPoint, SalesPoint.region_id, terms.SALES_POINTS),
        ):
            count = session.scalar(
                select(func.count()).select_from(model).where(column == region.id)
            )
            refuse_in_use(terms.REGION, code, int(count or 0), users)
        change.details["values"] = {"name": region.name, "level": region.level}
        session.delete(region)


def refuse_fewer_levels(session: Session, levels: int) -> None:
    """:class:`LevelsInUseError` when a region is at a level deeper than ``levels`` (the
    system parameters are about to say so)."""
    deepest = session.execute(
        select(Region.level, func.count())
        .where(Region.level > levels)
        .group_by(Region.level)
        .order_by(Region.level.desc())
    ).first()
    if deepest is not None:
        raise LevelsInUseError(levels=levels, level=deepest[0], count=deepest[1])


def _in_tree_order(regions: list[Region]) -> Iterator[tuple[Region, str]]:
    children: dict[int | None, list[Region]] = {}
    for region in regions:
        children.setdefault(region.parent_id, []).append(region)
    for siblings in children.values():
        siblings.sort(key=lambda r: (r.name.casefold(), r.code))
    pending: list[tuple[Region, str]] = [
        (region, region.name) for region in reversed(children.get(None, []))
    ]
    while pending:
        region, path = pending.pop()
        yield region, path
        pending.extend(
            (child, path + PATH_SEPARATOR + child.name)
            for child in reversed(children.get(region.id, []))
        )


def region_tree(session: Session) -> RegionTree:
    """The levels and every region, in tree order (:class:`RegionTree`)."""
    regions = list(session.scalars(select(Region)))
    codes = {region.id: region.code for region in regions}
    return RegionTree(
        levels=system_levels(session),
        level_names={row.level: row.name for row in session.scalars(select(RegionLevel))},
        regions=[
            RegionRow(
                region.code,
                region.name,
                region.level,
                codes.get(region.parent_id) if region.parent_id is not None else None,
                path,
            )
            for region, path in _in_tree_order(regions)
        ],
    )


def read_region_tree(database: Database) -> RegionTree:
    """:func:`region_tree` in a reading transaction of its own (for a window's worker)."""
    with database.reading() as session:
        return region_tree(session)


def region_paths(session: Session) -> dict[str, str]:
    """Each region's code and its path ("North / Kano / Ward 3"), in tree order."""
    return {region.code: region.path for region in region_tree(session).regions}
