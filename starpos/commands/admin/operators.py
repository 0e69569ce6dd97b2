"""``starpos admin operator|role``: operators (manual 2.6) and roles with the permission
matrix (manual 2.5)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError, print_json
from starpos.commands.admin.common import acting, add_operator_options, done, flag
from starpos.db.enums import RoleKind
from starpos.operators import permissions
from starpos.operators.accounts import (
    add_operator,
    add_role,
    delete_role,
    list_operators,
    permission_matrix,
    update_operator,
)
from starpos.operators.lockout import unlock_operator
from starpos.operators.passwords import reset_password
from starpos.operators.roles import set_role_permissions


def register(actions: Any) -> None:
    operator = actions.add_parser("operator", help="operators: add, change, unlock, reset")
    sub = operator.add_subparsers(dest="operator_action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="operators with their roles")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list_operators)

    adding = sub.add_parser("add", help="a new operator with a temporary password")
    adding.add_argument("code")
    adding.add_argument("--name", default="")
    adding.add_argument("--sales-point", help="home sales point code")
    adding.add_argument("--roles", default="", help="role codes, comma separated")
    adding.add_argument(
        "--other-sales-points",
        type=flag,
        default=False,
        help="yes: may log in at other sales points",
    )
    adding.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="read the temporary password from the line after the acting operator's password",
    )
    add_operator_options(adding)
    adding.add_argument("--json", action="store_true")
    adding.set_defaults(handler=_add_operator)

    setting = sub.add_parser("set", help="change an operator")
    setting.add_argument("code")
    setting.add_argument("--name")
    setting.add_argument("--sales-point")
    setting.add_argument("--roles", help="role codes, comma separated (replaces them)")
    setting.add_argument("--forbid-login", type=flag)
    setting.add_argument("--other-sales-points", type=flag)
    add_operator_options(setting)
    setting.add_argument("--json", action="store_true")
    setting.set_defaults(handler=_set_operator)

    unlocking = sub.add_parser("unlock", help="end a lockout early")
    unlocking.add_argument("code")
    add_operator_options(unlocking)
    unlocking.add_argument("--json", action="store_true")
    unlocking.set_defaults(handler=_unlock)

    resetting = sub.add_parser("reset-password", help="a temporary password, changed at login")
    resetting.add_argument("code")
    resetting.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="read the temporary password from the line after the acting operator's password",
    )
    add_operator_options(resetting)
    resetting.add_argument("--json", action="store_true")
    resetting.set_defaults(handler=_reset)

    role = actions.add_parser("role", help="roles and the permission matrix")
    sub = role.add_subparsers(dest="role_action", required=True, metavar="ACTION")
    matrix = sub.add_parser("matrix", help="each role's permissions")
    matrix.add_argument("--json", action="store_true")
    matrix.set_defaults(handler=_matrix)
    adding = sub.add_parser("add", help="a new role")
    adding.add_argument("code")
    adding.add_argument("--name", default="")
    adding.add_argument("--kind", choices=[k.value for k in RoleKind], default="general")
    adding.add_argument("--permissions", default="", help=", ".join(sorted(permissions.ALL)))
    add_operator_options(adding)
    adding.add_argument("--json", action="store_true")
    adding.set_defaults(handler=_add_role)
    granting = sub.add_parser("grant", help="replace a role's permissions")
    granting.add_argument("code")
    granting.add_argument("--permissions", default="")
    add_operator_options(granting)
    granting.add_argument("--json", action="store_true")
    granting.set_defaults(handler=_grant)
    deleting = sub.add_parser("delete", help="delete a role no operator has")
    deleting.add_argument("code")
    add_operator_options(deleting)
    deleting.add_argument("--json", action="store_true")
    deleting.set_defaults(handler=_delete_role)


def _codes(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _new_password(args: argparse.Namespace) -> str:
    if not args.new_password_stdin:
        raise UsageError("give the temporary password with --new-password-stdin")
    line = sys.stdin.readline()
    if not line:
        raise UsageError("--new-password-stdin: standard input has no line for it")
    return line.rstrip("\r\n")


def _list_operators(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        operators = list_operators(session)
    if args.json:
        print_json([vars(o) for o in operators])
        return 0
    for o in operators:
        flags = " ".join(
            word
            for word, on in (
                ("forbid-login", o.forbid_login),
                ("locked", o.locked),
                ("must-change-password", o.must_change_password),
                ("all-rights", o.is_superuser),
            )
            if on
        )
        print(
            f"{o.code:<10} {o.name:<24} {o.sales_point or '-':<8} "
            f"{','.join(o.roles) or '-':<16} {flags}".rstrip()
        )
    return 0


def _add_operator(args: argparse.Namespace) -> int:
    with open_database() as database:
        by = acting(database, args)
        add_operator(
            database,
            by,
            args.code,
            args.name,
            _new_password(args),
            sales_point_code=args.sales_point,
            roles=_codes(args.roles),
            may_login_other_sales_points=args.other_sales_points,
        )
    return done(args, f"operator {args.code.upper()}", {"code": args.code.upper()})


def _set_operator(args: argparse.Namespace) -> int:
    with open_database() as database:
        update_operator(
            database,
            acting(database, args),
            args.code,
            name=args.name,
            sales_point_code=args.sales_point,
            roles=None if args.roles is None else _codes(args.roles),
            forbid_login=args.forbid_login,
            may_login_other_sales_points=args.other_sales_points,
        )
    return done(args, f"operator {args.code.upper()}", {"code": args.code.upper()})


def _unlock(args: argparse.Namespace) -> int:
    with open_database() as database:
        unlock_operator(database, acting(database, args), args.code.upper())
    return done(args, f"operator {args.code.upper()}", {"unlocked": args.code.upper()})


def _reset(args: argparse.Namespace) -> int:
    with open_database() as database:
        by = acting(database, args)
        reset_password(database, by, args.code.upper(), _new_password(args))
    return done(args, f"operator {args.code.upper()}", {"reset": args.code.upper()})


def _matrix(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        matrix = permission_matrix(session)
    if args.json:
        print_json(matrix)
        return 0
    names = sorted(permissions.ALL)
    print(" " * 12 + " ".join(f"{n[:6]:>6}" for n in names))
    for role, granted in matrix.items():
        marks = " ".join(f"{'x' if n in granted else '.':>6}" for n in names)
        print(f"{role:<12}{marks}")
    return 0


def _add_role(args: argparse.Namespace) -> int:
    with open_database() as database:
        add_role(
            database,
            acting(database, args),
            args.code,
            args.name,
            _codes(args.permissions),
            kind=RoleKind(args.kind),
        )
    return done(args, f"role {args.code.upper()}", {"code": args.code.upper()})


def _grant(args: argparse.Namespace) -> int:
    with open_database() as database:
        set_role_permissions(
            database, acting(database, args), args.code.upper(), set(_codes(args.permissions))
        )
    return done(args, f"role {args.code.upper()}", {"code": args.code.upper()})


def _delete_role(args: argparse.Namespace) -> int:
    with open_database() as database:
        delete_role(database, acting(database, args), args.code)
    return done(args, f"role {args.code.upper()}", {"deleted": args.code.upper()})
