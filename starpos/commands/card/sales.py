"""``starpos card issue|vend|check|replace|blank|history|flags``: the card sale flows of
:mod:`starpos.card_sales` on the configured reader (``--reader``, else the setting
``card.reader``, else the first reader holding a card).

Like ``starpos vend``, every flow acts for an authenticated operator (the ``starpos login``
session, or ``--operator CODE`` with the password: :mod:`starpos.commands._credentials`),
checks that operator's right to sell for a vend, and audits every action under that code.
The operator is authenticated before the card is touched.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from starpos.audit.log import Actor
from starpos.bootstrap.database import open_database
from starpos.card_sales import (
    ReplaceReason,
    blank_card,
    check_card,
    flagged_readings,
    issue_card,
    meter_history,
    replace_card,
    vend_to_card,
)
from starpos.commands._credentials import add_credential_options, authenticated
from starpos.commands._output import MONEY, number, print_json, show, whole
from starpos.commands.card.common import UTILITY_ID, card_in_reader, contents_dict
from starpos.db import Database
from starpos.devices.card.sun_card import SunCard
from starpos.i18n import tr_noop, translate
from starpos.operators import permissions
from starpos.vending.sale import VendRequest

T = TypeVar("T")
LIMIT = whole(1, 100_000)
READING_LINE = tr_noop(
    "cardflows",
    "{at}  meter {meter}  card {serial}  remaining {remaining} kWh  total {total} kWh  "
    "tampers {tampers}  overloads {overloads}  flags {flags}",
)


def register(actions: Any) -> None:
    def card_flow(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        action: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        action.add_argument("--reader", help="reader name (default: the setting card.reader)")
        action.add_argument("--key-file", type=Path, help="utility card master key file")
        add_credential_options(action)
        action.add_argument("--sales-point", help="sales point code (default: the operator's)")
        action.add_argument("--json", action="store_true")
        action.set_defaults(handler=handler)
        return action

    issue = card_flow("issue", "issue a blank card to a card meter (recorded)", _issue)
    issue.add_argument("meter", help="meter number")
    issue.add_argument("--utility-id", type=UTILITY_ID, default=1)

    vend = card_flow("vend", "sell credit onto the customer's card", _vend)
    vend.add_argument("--meter", help="refuse a card of another meter")
    vend.add_argument(
        "--amount", type=number(MONEY), required=True, help="net amount the customer pays"
    )
    vend.add_argument("--payment", default="cash", help="payment term code or kind")
    vend.add_argument(
        "--paid", type=number(MONEY), help="money handed over (default: the net amount)"
    )
    vend.add_argument("--yes", action="store_true", help="confirm an amount above the warn amount")

    check = card_flow("check", "read a card and say whether it can be sold to", _check)
    check.add_argument("--meter", help="refuse a card of another meter")

    replace = card_flow("replace", "issue a new card in place of a lost or broken one", _replace)
    replace.add_argument("meter", help="meter number")
    replace.add_argument("--reason", choices=[r.value for r in ReplaceReason], required=True)
    replace.add_argument("--utility-id", type=UTILITY_ID, default=1)

    blank = card_flow("blank", "erase a card (refused while it carries unloaded credit)", _blank)
    blank.add_argument(
        "--discard-credit", action="store_true", help="erase unloaded credit too (audited)"
    )

    history = actions.add_parser("history", help="meter data read back from a meter's cards")
    history.add_argument("meter", help="meter number")
    history.add_argument("--limit", type=LIMIT, default=100)
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_history)

    flags = actions.add_parser("flags", help="card readings with tamper, overload or rollback")
    flags.add_argument("--limit", type=LIMIT, default=200)
    flags.add_argument("--json", action="store_true")
    flags.set_defaults(handler=_flags)


def _on_card(
    args: argparse.Namespace,
    work: Callable[[Database, SunCard, Actor], T],
    permission: str | None = None,
) -> T:
    """``work`` on the card in the reader, for the authenticated operator (asked first)."""
    with open_database() as database:
        operator = authenticated(database, args, permission)
        actor = Actor(
            operator.code,
            args.sales_point or operator.sales_point_code,
            args.terminal or operator.terminal_code,
        )
        with card_in_reader(args) as card:
            return work(database, card, actor)


def _issue(args: argparse.Namespace) -> int:
    result = _on_card(
        args,
        lambda db, card, actor: issue_card(
            db, card, args.meter, actor, utility_id=args.utility_id
        ).as_dict(),
    )
    return show(args, result)


def _replace(args: argparse.Namespace) -> int:
    result = _on_card(
        args,
        lambda db, card, actor: replace_card(
            db,
            card,
            args.meter,
            ReplaceReason(args.reason),
            actor,
            utility_id=args.utility_id,
        ).as_dict(),
    )
    return show(args, result)


def _vend(args: argparse.Namespace) -> int:
    def work(database: Database, card: SunCard, actor: Actor) -> dict[str, Any]:
        request = VendRequest(
            meter=args.meter or "",
            net=args.amount,
            operator_code=actor.operator_code or "",
            payment=args.payment,
            tendered=args.paid,
            sales_point_code=actor.sales_point_code,
            terminal_code=actor.terminal_code,
            confirmed=args.yes,
        )
        return vend_to_card(database, card, request).as_dict()

    return show(args, _on_card(args, work, permissions.VEND))


def _check(args: argparse.Namespace) -> int:
    def work(database: Database, card: SunCard, actor: Actor) -> dict[str, Any]:
        result = check_card(database, card, actor, args.meter)
        result["contents"] = contents_dict(result["contents"], card.channel.reader)
        return result

    return show(args, _on_card(args, work))


def _blank(args: argparse.Namespace) -> int:
    return show(
        args,
        _on_card(
            args,
            lambda db, card, actor: blank_card(db, card, actor, discard_credit=args.discard_credit),
        ),
    )


def _history(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        rows = meter_history(session, args.meter, args.limit)
    return _list(args, rows)


def _flags(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        rows = flagged_readings(session, args.limit)
    return _list(args, rows)


def _list(args: argparse.Namespace, rows: list[dict[str, Any]]) -> int:
    if args.json:
        print_json(rows)
        return 0
    line = translate("cardflows", READING_LINE)
    for row in rows:
        print(
            line.format(
                at=f"{row['read_at']:%Y-%m-%d %H:%M}",
                meter=row["meter"],
                serial=row["card_serial"],
                remaining=row["remaining_kwh"],
                total=row["cumulative_kwh"],
                tampers=row["tamper_count"],
                overloads=row["overload_count"],
                flags=",".join(row["flags"]) or "-",
            )
        )
    return 0
