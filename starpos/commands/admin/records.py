"""``starpos admin KIND list|add|set|delete``: the plain records of base and common data
(branches, sales points, terminals, payment terms, banks, meter models, charge items,
customer types, replacement reasons), each field an option (:mod:`starpos.masterdata.
record_kinds`)."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import left, print_json
from starpos.commands.admin.common import (
    acting,
    add_operator_options,
    done,
    option_name,
    reader_for,
)
from starpos.commands.admin.dated_terms import add_from_option, register_history, shown_value
from starpos.i18n import tr_noop, translate
from starpos.masterdata.record_kinds import KINDS, RecordKind
from starpos.masterdata.records import (
    DATED,
    add_record,
    delete_record,
    list_records,
    update_record,
)

SCHEDULED = tr_noop("cli", "{terms} from {day}")
MESSAGES = (SCHEDULED,)


def register(actions: Any) -> None:
    for kind in KINDS.values():
        _register_kind(actions, kind)


def command_name(kind: RecordKind) -> str:
    return kind.key.replace("_", "-")


def _register_kind(actions: Any, kind: RecordKind) -> None:
    # The screen's title names them in the plural ("Branches"), spelt right.
    parser = actions.add_parser(command_name(kind), help=kind.title.lower())
    sub = parser.add_subparsers(dest="kind_action", required=True, metavar="ACTION")

    listing = sub.add_parser("list", help="list them by code")
    listing.add_argument("--search", default="", help="part of a code or name")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list, kind=kind.key)

    for action, handler in (("add", _add), ("set", _set)):
        changing = sub.add_parser(action, help=f"{action} one")
        if action == "set":
            changing.add_argument("code")
        for field in kind.fields:
            if action == "set" and field.name == "code":
                continue
            changing.add_argument(
                option_name(field.name),
                dest=f"field_{field.name}",
                type=reader_for(field.field_type),
                help=field.label,
            )
        if action == "set" and kind.key in DATED:
            add_from_option(changing)
        add_operator_options(changing)
        changing.add_argument("--json", action="store_true")
        changing.set_defaults(handler=handler, kind=kind.key)

    deleting = sub.add_parser("delete", help="delete one nothing uses")
    deleting.add_argument("code")
    add_operator_options(deleting)
    deleting.add_argument("--json", action="store_true")
    deleting.set_defaults(handler=_delete, kind=kind.key)

    if kind.key in DATED:  # its priced terms are dated (decision BO-23)
        register_history(sub, kind.key)
    if kind.key == "replacement_reason":  # manual 2.4: a reason has its charges
        from starpos.commands.admin.reason_charges import register_reason_charges

        register_reason_charges(sub)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    return {
        name.removeprefix("field_"): value
        for name, value in vars(args).items()
        if name.startswith("field_") and value is not None
    }


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        rows = list_records(session, args.kind, args.search)
    if args.json:
        print_json(rows)
        return 0
    kind = KINDS[args.kind]
    for row in rows:
        rest = "  ".join(
            f"{key}={_shown(kind, key, value)}"
            for key, value in row.items()
            if key not in ("code", "name", "scheduled")
        )
        # The terms in force; a change dated later follows them (decision BO-29).
        later = "; ".join(
            translate("cli", SCHEDULED).format(
                terms=" ".join(
                    f"{name}={_shown(kind, name, value)}"
                    for name, value in version.items()
                    if name != "effective_from"
                ),
                day=f"{version['effective_from']:%Y-%m-%d %H:%M}".removesuffix(" 00:00"),
            )
            for version in row.get("scheduled") or []
        )
        line = f"{left(row['code'], 12)} {left(row['name'], 32)} {rest}"
        print(f"{line}  ({later})" if later else line.rstrip())
    return 0


def _shown(kind: RecordKind, name: str, value: Any) -> Any:
    return shown_value(kind, name, value) if value is not None else value


def _add(args: argparse.Namespace) -> int:
    with open_database() as database:
        code = add_record(database, acting(database, args), args.kind, _values(args))
    return done(args, f"{command_name(KINDS[args.kind])} {code}", {"code": code})


def _set(args: argparse.Namespace) -> int:
    with open_database() as database:
        dated_from = update_record(
            database,
            acting(database, args),
            args.kind,
            args.code,
            _values(args),
            getattr(args, "effective_from", None),
        )
    result: dict[str, Any] = {"code": args.code.strip().upper()}
    if dated_from is not None:
        result["effective_from"] = dated_from
    return done(args, f"{command_name(KINDS[args.kind])} {args.code}", result)


def _delete(args: argparse.Namespace) -> int:
    with open_database() as database:
        delete_record(database, acting(database, args), args.kind, args.code)
    return done(args, f"{command_name(KINDS[args.kind])} {args.code}", {"deleted": args.code})
