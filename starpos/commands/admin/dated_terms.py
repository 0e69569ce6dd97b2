"""``--from`` on ``starpos admin charge-item set`` and ``admin customer-type set``, and their
``history CODE``: a charge item's priced terms and a customer type's VAT change from a date,
as dated versions (issue 12; decisions BO-23, BO-24)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import left, print_json
from starpos.i18n import tr_noop, translate
from starpos.masterdata.choice_labels import shown_choice
from starpos.masterdata.record_kinds import KINDS, RecordKind
from starpos.masterdata.records import dated_history

IN_FORCE = tr_noop("cli", "in force")
MESSAGES = (IN_FORCE,)


def _moment(text: str) -> datetime:
    """``YYYY-MM-DD`` (from the start of that day) or ``YYYY-MM-DDTHH:MM``."""
    try:
        if len(text.strip()) == 10:
            return datetime.combine(date.fromisoformat(text.strip()), datetime.min.time())
        return datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not YYYY-MM-DD[THH:MM]") from error


def add_from_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="effective_from",
        type=_moment,
        help="the priced terms change from (utility's local time): YYYY-MM-DD or "
        "YYYY-MM-DDTHH:MM; default now",
    )


def register_history(kind_actions: Any, kind_key: str) -> None:
    listing = kind_actions.add_parser("history", help="the dated versions of its priced terms")
    listing.add_argument("code")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_history, kind=kind_key)


def _history(args: argparse.Namespace) -> int:
    with open_database() as database:
        versions = dated_history(database, args.kind, args.code)
    if args.json:
        print_json(versions)
        return 0
    marker = translate("cli", IN_FORCE)
    kind = KINDS[args.kind]
    for version in versions:
        when = f"{version['effective_from']:%Y-%m-%d %H:%M}"
        rest = "  ".join(
            f"{name}={'-' if value is None else shown_value(kind, name, value)}"
            for name, value in version.items()
            if name not in ("effective_from", "in_force")
        )
        print(f"{left(when, 17)} {rest}{'  (' + marker + ')' if version['in_force'] else ''}")
    return 0


def shown_value(kind: RecordKind, name: str, value: Any) -> Any:
    """A choice as its translated label (decision BO-30; ``--json`` keeps the stored one)."""
    choices = kind.field(name).choices
    return shown_choice(choices, value) if choices is not None else value
