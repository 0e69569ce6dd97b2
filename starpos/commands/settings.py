"""``starpos settings``: read and change this installation's settings.

``set`` checks the value first (:mod:`starpos.setting_checks`) and refuses it with the
reason, writing nothing; after a change it says when the change applies. ``check`` lists
every value in the file that fails its check (one line each, exit 2 when there is one);
``--connect`` (``check``) and ``--check`` (``set``) also reach the database.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from starpos.commands._output import show
from starpos.i18n import render_error, tr_noop, translate
from starpos.settings import APPLIES_TEXT, Applies, Settings, setting

DATABASE_ANSWERS = tr_noop("settings", "The database answers (schema {revision}).")
DATABASE_EMPTY = tr_noop("settings", "There is no store there yet: starpos db init makes it.")
NOTHING_TO_REACH = tr_noop(
    "settings", "--check reaches the database only; the form of {key} is checked."
)
ALL_GOOD = tr_noop("settings", "Every setting is good.")
EMULATOR_STOPPED = tr_noop(
    "settings",
    "The built-in module emulator was stopped: it starts again with the new value when it "
    "is next needed.",
)
EMULATOR_BUSY = tr_noop(
    "settings",
    "The app is using the built-in module emulator: close the app and run this command "
    "again to apply the new value.",
)
MESSAGES = (
    DATABASE_ANSWERS,
    DATABASE_EMPTY,
    NOTHING_TO_REACH,
    ALL_GOOD,
    EMULATOR_STOPPED,
    EMULATOR_BUSY,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("settings", help="show or change installation settings")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    show = actions.add_parser("show", help="list every setting and its value")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    get = actions.add_parser("get", help="print one setting")
    get.add_argument("key")
    get.set_defaults(handler=_get)

    set_ = actions.add_parser("set", help="change one setting (the value is checked first)")
    set_.add_argument("key")
    set_.add_argument("value")
    set_.add_argument("--check", action="store_true", help="database.url: connect before saving it")
    set_.set_defaults(handler=_set)

    reset = actions.add_parser("reset", help="put one setting back to its default")
    reset.add_argument("key")
    reset.set_defaults(handler=_reset)

    check = actions.add_parser("check", help="check every value in the settings file")
    check.add_argument("--connect", action="store_true", help="also connect to the database")
    check.set_defaults(handler=_check)


def _show(args: argparse.Namespace) -> int:
    settings = Settings()
    show(args, settings.as_dict())
    if not args.json:  # a value the file holds that fails its check, said under the list
        for problem in settings.problems().values():
            print(f"starpos: {render_error(problem)}", file=sys.stderr)
    return 0


def _get(args: argparse.Namespace) -> int:
    setting(args.key)
    print(Settings().get(args.key))
    return 0


def _set(args: argparse.Namespace) -> int:
    settings = Settings()
    settings.set(args.key, args.value)
    if args.check:
        _reach(args.key, settings)
    settings.save()
    print(translate("settings", _when_it_applies(setting(args.key).applies)))
    return 0


def _when_it_applies(applies: Applies) -> str:
    if applies is not Applies.EMULATOR_RESTART:
        return APPLIES_TEXT[applies]
    from starpos.bootstrap.module import stop_idle_embedded

    # The emulator outlives the programs that use it: stopped when idle, it starts again
    # with the new value; not running, it starts with it anyway.
    return {
        "stopped": EMULATOR_STOPPED,
        "not_running": APPLIES_TEXT[Applies.AT_ONCE],
        "busy": EMULATOR_BUSY,
    }[stop_idle_embedded()]


def _reset(args: argparse.Namespace) -> int:
    settings = Settings()
    settings.reset(args.key)
    settings.save()
    print(translate("settings", APPLIES_TEXT[setting(args.key).applies]))
    return 0


def _check(args: argparse.Namespace) -> int:
    settings = Settings()
    problems = settings.problems()
    for problem in problems.values():
        print(f"starpos: {render_error(problem)}", file=sys.stderr)
    if problems:
        return 2
    if args.connect:
        _reach("database.url", settings)
    print(translate("settings", ALL_GOOD))
    return 0


def _reach(key: str, settings: Settings) -> None:
    if key != "database.url":
        print(translate("settings", NOTHING_TO_REACH).format(key=key))
        return
    from starpos.bootstrap.database import database_url, reach_database

    revision = reach_database(database_url(settings))
    if revision is None:
        print(translate("settings", DATABASE_EMPTY))
    else:
        print(translate("settings", DATABASE_ANSWERS).format(revision=revision))
