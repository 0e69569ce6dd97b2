"""``starpos settings``: read and change this installation's settings."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.commands._output import show
from starpos.settings import Settings, setting


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("settings", help="show or change installation settings")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    show = actions.add_parser("show", help="list every setting and its value")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    get = actions.add_parser("get", help="print one setting")
    get.add_argument("key")
    get.set_defaults(handler=_get)

    set_ = actions.add_parser("set", help="change one setting")
    set_.add_argument("key")
    set_.add_argument("value")
    set_.set_defaults(handler=_set)


def _show(args: argparse.Namespace) -> int:
    return show(args, Settings().as_dict())


def _get(args: argparse.Namespace) -> int:
    setting(args.key)
    print(Settings().get(args.key))
    return 0


def _set(args: argparse.Namespace) -> int:
    settings = Settings()
    settings.set(args.key, args.value)
    settings.save()
    return 0
