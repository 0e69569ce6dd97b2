"""``starpos admin region level-name|add|change|move|remove|list``: region levels and the
region tree (manual 1.2-1.3, :mod:`starpos.masterdata.regions`).

``list`` prints the tree indented, each region with its level's name; ``--json`` gives the
levels and the regions in tree order, each with its parent's code and its path.
"""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import left, print_json, whole
from starpos.commands.admin.common import acting, add_operator_options, done
from starpos.i18n import tr_noop, translate
from starpos.masterdata.regions import (
    add_region,
    change_region,
    name_level,
    region_tree,
    remove_region,
)

LEVELS = tr_noop("cli", "Region levels: {levels}")
NO_NAME = tr_noop("cli", "(no name yet)")
NO_REGIONS = tr_noop("cli", "No regions yet.")
MESSAGES = (LEVELS, NO_NAME, NO_REGIONS)


def register(actions: Any) -> None:
    region = actions.add_parser("region", help="region levels and the region tree (1.2-1.3)")
    sub = region.add_subparsers(dest="region_action", required=True, metavar="ACTION")

    listing = sub.add_parser("list", help="the levels and the regions as a tree")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    naming = sub.add_parser("level-name", help="name a region level (1 to the region levels)")
    naming.add_argument("--level", type=whole(1, 5), required=True)
    naming.add_argument("--name", required=True)
    _changing(naming, _level_name)

    adding = sub.add_parser("add", help="add a region (under --parent, or at level 1)")
    adding.add_argument("--code", required=True)
    adding.add_argument("--name", required=True)
    adding.add_argument("--parent", help="the code of the region it is in")
    _changing(adding, _add)

    changing = sub.add_parser("change", help="rename a region (its code stays)")
    changing.add_argument("code")
    changing.add_argument("--name", required=True)
    _changing(changing, _change)

    moving = sub.add_parser("move", help="move a region and the regions under it")
    moving.add_argument("code")
    where = moving.add_mutually_exclusive_group(required=True)
    where.add_argument("--parent", help="the code of its new parent region")
    where.add_argument("--top", action="store_true", help="make it a level-1 region")
    _changing(moving, _move)

    removing = sub.add_parser("remove", help="delete a region nothing is in")
    removing.add_argument("code")
    _changing(removing, _remove)


def _changing(parser: argparse.ArgumentParser, handler: Any) -> None:
    add_operator_options(parser)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=handler)


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        tree = region_tree(session)
    if args.json:
        print_json(tree.as_dict())
        return 0
    unnamed = translate("cli", NO_NAME)
    names = {level: tree.level_names.get(level) or unnamed for level in range(1, tree.levels + 1)}
    levels = ", ".join(f"{level} {name}" for level, name in names.items())
    print(translate("cli", LEVELS).format(levels=levels))
    if not tree.regions:
        print(translate("cli", NO_REGIONS))
    for region in tree.regions:
        indent = "  " * (region.level - 1)
        level_name = names.get(region.level) or str(region.level)
        print(f"{left(indent + region.code, 16)} {region.name} ({level_name})")
    return 0


def _level_name(args: argparse.Namespace) -> int:
    with open_database() as database:
        name_level(database, acting(database, args), args.level, args.name)
    return done(args, f"region level {args.level}", {"level": args.level, "name": args.name})


def _add(args: argparse.Namespace) -> int:
    with open_database() as database:
        code = add_region(database, acting(database, args), args.code, args.name, args.parent)
    return done(args, f"region {code}", {"code": code})


def _change(args: argparse.Namespace) -> int:
    with open_database() as database:
        changed = change_region(database, acting(database, args), args.code, name=args.name)
    return done(args, f"region {args.code.upper()}", {"changed": changed})


def _move(args: argparse.Namespace) -> int:
    parent = "" if args.top else args.parent
    with open_database() as database:
        changed = change_region(database, acting(database, args), args.code, parent=parent)
    return done(args, f"region {args.code.upper()}", {"changed": changed})


def _remove(args: argparse.Namespace) -> int:
    with open_database() as database:
        remove_region(database, acting(database, args), args.code)
    return done(args, f"region {args.code.upper()}", {"deleted": args.code.upper()})
