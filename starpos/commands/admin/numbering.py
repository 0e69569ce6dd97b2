"""``starpos admin numbering list|set``: the bill types' numbering rules (manual 2.13).

``--fields`` lists the prefix fields in order, comma separated: a field kind (``year``,
``year2``, ``month``, ``day``, ``sales_point``, ``branch``, ``terminal``), a code field with
its length (``sales_point:4``; without one the whole code), or a fixed text (``V``, or
``fixed:V`` for a text that is also a kind's name). What is not given stays as it was; the
core checks the rule as the window does (:mod:`starpos.masterdata.numbering_rules`).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError, print_json
from starpos.commands.admin.common import acting, add_operator_options, done, flag
from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.masterdata.bill_numbers import PrefixField
from starpos.masterdata.numbering_rules import (
    describe,
    numbering_facts,
    read_rules,
    sample_number,
    save_rule,
)


def register(actions: Any) -> None:
    numbering = actions.add_parser("numbering", help="bill numbering rules (manual 2.13)")
    sub = numbering.add_subparsers(dest="numbering_action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="each bill type's rule with a sample number")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    setting = sub.add_parser("set", help="change a bill type's rule")
    setting.add_argument("bill_type")
    setting.add_argument("--fields", help="prefix fields in order, e.g. V,year2,month,terminal")
    setting.add_argument("--digits", type=int, help="serial digits (1-12)")
    setting.add_argument("--start", type=int, help="the first serial of a period")
    setting.add_argument("--reset", choices=[r.value for r in NumberReset])
    setting.add_argument("--enabled", type=flag)
    add_operator_options(setting)
    setting.add_argument("--json", action="store_true")
    setting.set_defaults(handler=_set)


def parse_fields(text: str) -> tuple[PrefixField, ...]:
    kinds = {k.value for k in NumberFieldKind} - {NumberFieldKind.FIXED.value}
    fields = []
    for position, token in enumerate((t.strip() for t in text.split(",") if t.strip()), 1):
        name, _, length = token.partition(":")
        if name == NumberFieldKind.FIXED.value:
            fields.append(PrefixField(position, NumberFieldKind.FIXED, None, length))
        elif name in kinds:
            if length and not length.isdigit():
                raise UsageError(f"--fields: {token!r}: the length must be a whole number")
            fields.append(
                PrefixField(position, NumberFieldKind(name), int(length) if length else None)
            )
        else:
            fields.append(PrefixField(position, NumberFieldKind.FIXED, None, token))
    return tuple(fields)


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        rules, facts = read_rules(session), numbering_facts(session)
    rows = [
        {"bill_type": r.bill_type, "rule": describe(r), "sample": sample_number(r, facts)}
        for r in rules
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['bill_type']:<22} {row['sample']:<21} {row['rule']}")
    return 0


def _set(args: argparse.Namespace) -> int:
    bill_type = args.bill_type.strip().lower()
    with open_database() as database:
        by = acting(database, args)
        with database.reading() as session:
            rule = next((r for r in read_rules(session) if r.bill_type == bill_type), None)
        if rule is None:
            raise UsageError(
                f"{args.bill_type!r}: no such bill type (see: starpos admin numbering list)"
            )
        changes: dict[str, Any] = {}
        if args.fields is not None:
            changes["fields"] = parse_fields(args.fields)
        for option, name in (("digits", "serial_digits"), ("start", "start_number")):
            if getattr(args, option) is not None:
                changes[name] = getattr(args, option)
        if args.reset is not None:
            changes["reset"] = NumberReset(args.reset)
        if args.enabled is not None:
            changes["enabled"] = args.enabled
        rule = replace(rule, **changes)
        save_rule(database, by, rule)
    return done(args, f"numbering {bill_type}", {"bill_type": bill_type, "rule": describe(rule)})
