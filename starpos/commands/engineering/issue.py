"""``starpos engineering issue KIND`` and ``resume BATCH``: make engineering, test and free
tokens for one meter, a range of meter numbers or a file of them (manual 3.5, 3.6).

The list of meters is printed for confirmation first (``--yes`` confirms for scripts); the
tokens are then made through the configured module (test tokens without it) and printed
with their meters. ``--print`` prints each voucher, ``--list FILE`` writes the batch list.
A batch a crash or a lost module stopped goes on with ``resume``.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.commands._output import ENERGY, UsageError, number, print_json, whole
from starpos.commands.engineering.common import (
    KIND_NAMES,
    NOTHING_MADE,
    add_operator_options,
    confirmed,
    operator_session,
    outcome_text,
    plan_lines,
    token_lines,
)
from starpos.db import Database
from starpos.db.enums import TokenOperationKind as Kind
from starpos.i18n import translate
from starpos.operators.session import OperatorSession
from starpos.tokenops import (
    BatchOutcome,
    KeyTarget,
    MeterList,
    Order,
    meter_range,
    meters_from_file,
    one_meter,
    open_batch,
    plan_batch,
    run_batch,
)
from starpos.tokenops.batch import batch_kind
from starpos.tokenops.kinds import MAX_WATTS
from starpos.tokenops.report import batch_rows

#: The value option each kind takes (the others are refused for it).
VALUE_OPTIONS: dict[Kind, str] = {
    Kind.SET_POWER_LIMIT: "watts",
    Kind.SET_PHASE_UNBALANCE_LIMIT: "watts",
    Kind.CLEAR_CREDIT: "register",
    Kind.SET_TARIFF_RATE: "rate",
    Kind.SET_WATER_FACTOR: "factor",
    Kind.FREE_CREDIT: "kwh",
    Kind.TEST: "control",
}
KEY_OPTIONS = ("new_register", "new_sgc", "new_ti", "new_krn", "new_ken", "new_key_type",
               "new_base_date")  # fmt: skip


def register(actions: Any) -> None:
    issue = actions.add_parser("issue", help="make tokens for one meter, a range or a file")
    issue.add_argument("kind", choices=sorted(KIND_NAMES), help="what the token does")
    source = issue.add_mutually_exclusive_group(required=True)
    source.add_argument("--meter", help="one meter number (11 or 13 digits) or PAN")
    source.add_argument("--file", type=Path, help="text or CSV file, one meter a line")
    source.add_argument("--from-meter", help="first meter number of a range (with --to-meter)")
    issue.add_argument("--to-meter", help="last meter number of the range")
    issue.add_argument("--watts", type=whole(0, MAX_WATTS), help="power limit in W")
    issue.add_argument("--register", type=whole(0, 0xFFFF), help="clear credit: register")
    issue.add_argument("--rate", type=whole(0, 0xFFFF), help="tariff rate (16-bit)")
    issue.add_argument("--factor", type=whole(0, 0xFFFF), help="water meter factor (16-bit)")
    issue.add_argument("--kwh", type=number(ENERGY), help="free credit in kWh (0.1 steps)")
    issue.add_argument("--control", type=whole(0, (1 << 36) - 1), help="test control bits")
    issue.add_argument("--new-register", type=whole(0, 99), help="key change: module register")
    issue.add_argument("--new-sgc", help="key change: supply group code (6 digits)")
    issue.add_argument("--new-ti", type=whole(0, 99), help="key change: tariff index")
    issue.add_argument("--new-krn", type=whole(1, 9), help="key change: key revision number")
    issue.add_argument("--new-ken", type=whole(0, 255), help="key change: key expiry number")
    issue.add_argument("--new-key-type", type=whole(0, 3), help="key change: key type")
    issue.add_argument("--new-base-date", type=whole(1993, 2035), help="key change: base date")
    add_operator_options(issue)
    _output_options(issue)
    issue.add_argument("--yes", action="store_true", help="make them without asking")
    issue.set_defaults(handler=_issue)

    resume = actions.add_parser("resume", help="go on with a batch a crash or fault stopped")
    resume.add_argument("batch")
    add_operator_options(resume)
    _output_options(resume)
    resume.set_defaults(handler=_resume)


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--print", action="store_true", help="print each token's voucher")
    parser.add_argument("--list", type=Path, help="write the batch list (plain text) here")
    parser.add_argument("--json", action="store_true")


def order_from(args: argparse.Namespace) -> Order:
    kind = KIND_NAMES[args.kind]
    wanted = VALUE_OPTIONS.get(kind)
    for option in set(VALUE_OPTIONS.values()):
        if option != wanted and getattr(args, option) is not None:
            raise UsageError(f"starpos engineering issue {args.kind}: --{option} is not for it")
    given = [name for name in KEY_OPTIONS if getattr(args, name) is not None]
    if kind is not Kind.KEY_CHANGE and given:
        option = given[0].replace("_", "-")
        raise UsageError(f"starpos engineering issue {args.kind}: --{option} is for key-change")
    if kind is Kind.KEY_CHANGE:
        target = KeyTarget(
            register=args.new_register, sgc=args.new_sgc, ti=args.new_ti, krn=args.new_krn,
            ken=args.new_ken, key_type=args.new_key_type, base_date=args.new_base_date,
        )  # fmt: skip
        return Order(kind, key=target)
    value = getattr(args, wanted) if wanted else None
    return Order(kind, Decimal(value) if kind is Kind.FREE_CREDIT and value is not None else value)


def _meters(database: Database, args: argparse.Namespace) -> MeterList:
    if args.meter:
        return one_meter(args.meter)
    if args.file:
        return meters_from_file(args.file)
    if not args.to_meter:
        raise UsageError("starpos engineering issue: --from-meter needs --to-meter")
    with database.reading() as session:
        return meter_range(session, args.from_meter, args.to_meter)


def _issue(args: argparse.Namespace) -> int:
    if args.to_meter and not args.from_meter:
        raise UsageError("starpos engineering issue: --to-meter needs --from-meter")
    order = order_from(args)
    with open_database() as database:
        operator = operator_session(database, args)
        plan = plan_batch(database, operator, order, _meters(database, args))
        if args.json and args.yes:
            pass  # a script reads the outcome only
        elif args.json:
            print_json({"plan": plan.as_dict()})
        else:
            print("\n".join(plan_lines(plan)))
        if not args.yes and not confirmed(len(plan.meters)):
            print(translate("tokenops", NOTHING_MADE), file=sys.stderr)
            return 1
        batch = open_batch(database, operator, plan)
        return _make(database, operator, batch, args)


def _resume(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_session(database, args)
        return _make(database, operator, args.batch, args)


def _make(
    database: Database, operator: OperatorSession, batch: str, args: argparse.Namespace
) -> int:
    module = nullcontext() if batch_kind(database, batch) is Kind.TEST else None
    with module if module is not None else open_configured_module() as access:
        outcome = run_batch(database, access, operator, batch, _progress)
    with database.reading() as session:
        records = batch_rows(session, batch)
    if args.list:
        from starpos.tokenops.vouchers import batch_list

        with database.reading() as session:
            args.list.write_text(batch_list(session, batch), encoding="utf-8")
    if args.print:
        _print_vouchers(database, operator, records)
    if args.json:
        print_json({"outcome": outcome.as_dict(), "operations": records})
    else:
        print(token_lines(records))
        print(outcome_text(outcome))
    return _exit_code(outcome)


def _exit_code(outcome: BatchOutcome) -> int:
    """0 when every meter has its token; 1 when some failed or wait (the list says which)."""
    return 0 if outcome.complete and not outcome.failed else 1


def _progress(done: int, total: int) -> None:
    if total >= 100:
        print(f"{done}/{total}", file=sys.stderr, flush=True)


def _print_vouchers(
    database: Database, operator: OperatorSession, records: list[dict[str, Any]]
) -> None:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings
    from starpos.tokenops.vouchers import print_operation

    printer = ConfiguredPrinter(Settings())
    for record in records:
        if record["tokens"]:
            print_operation(database, printer, operator, record["batch"], record["position"])
