"""``starpos vend``: sell credit headless, settle crashed vends, list and reconcile the ledger.

``starpos vend --meter M --amount X --payment cash [--paid P] [--json]`` vends through the
configured module (the embedded emulator when ``sm.url`` is empty).
``starpos vend recover`` settles PENDING vends (the app does it at start-up),
``starpos vend list`` shows the latest vends, ``starpos vend reprint`` prints a past voucher
again (:mod:`starpos.commands._vend_reprint`), ``starpos vend reconcile`` compares the
module's credit with the ledger.

A sale is an authenticated operator's action (DESIGN.md rule 10): the operator of the
``starpos login`` session, or ``--operator CODE`` with the password
(:mod:`starpos.commands._credentials`); no credentials, no sale. The operator's right to sell
is checked, and every vend and refusal is audited under that code.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.commands._credentials import add_credential_options, authenticated
from starpos.commands._output import (
    MONEY,
    UsageError,
    label_lines,
    left,
    number,
    print_json,
    show,
    whole,
)
from starpos.commands._status_labels import status_text
from starpos.commands._terminal import acting_terminal
from starpos.commands._vend_reprint import register_reprint
from starpos.db.enums import VendState
from starpos.i18n import tr_noop, translate
from starpos.operators import permissions
from starpos.vending import (
    VendRequest,
    VendResult,
    recover,
    sell,
)
from starpos.vending.history import list_vends, show_vend
from starpos.vending.meter_check import typed_meter_number
from starpos.vending.reconcile import ReconcileReport
from starpos.vending.reconcile_audit import reconcile_and_record

#: Labels and messages printed without --json (context "vend", translated when shown).
LABELS = {
    "token": tr_noop("vend", "Token"),
    "bill": tr_noop("vend", "Bill number"),
    "meter": tr_noop("vend", "Meter"),
    "customer": tr_noop("vend", "Customer"),
    "net": tr_noop("vend", "Net amount"),
    "amount": tr_noop("vend", "Vending amount"),
    "energy": tr_noop("vend", "Energy (kWh)"),
    "change": tr_noop("vend", "Change"),
    "recovered": tr_noop("vend", "recovered"),
    "failed": tr_noop("vend", "failed"),
}
RECOVERED = tr_noop(
    "vend",
    "Module {module}: {recovered} vend(s) recovered with their token, {failed} failed "
    "(the module never made their token), {waiting} waiting for another module.",
)
AGREES = tr_noop(
    "vend",
    "Module {module}: balance {balance} kWh agrees with the ledger ({count} vends, {vended} kWh).",
)
DISAGREES = tr_noop(
    "vend",
    "Module {module}: balance {balance} kWh does NOT agree with the ledger (expected "
    "{expected} kWh; {problems} problem(s), {pending} vend(s) pending).",
)
LIFE = tr_noop(
    "vend",
    "Over its life: credited {credited} kWh, debited {debited} kWh, issued {issued} kWh in "
    "{tokens} credit token(s); the books hold {ledger} kWh in {ledger_tokens} token(s); "
    "last TID {tid} (books: {ledger_tid}).",
)
#: One line per finding kind (context "vend"), filled from the finding's facts.
FINDING_LINES = {
    "module_counters_inconsistent": tr_noop(
        "vend", "The module's own counters do not add up (balance {balance_kwh} kWh)."
    ),
    "energy_beyond_ledger": tr_noop(
        "vend",
        "The module issued {beyond_kwh} kWh more than the books hold ({module_issued_kwh} kWh "
        "issued, {ledger_kwh} kWh in the books).",
    ),
    "credit_tokens_beyond_ledger": tr_noop(
        "vend", "The module made {beyond} credit token(s) the books do not hold."
    ),
    "management_tokens_beyond_ledger": tr_noop(
        "vend", "The module made {beyond} management token(s) the books do not hold."
    ),
    "key_change_sets_beyond_ledger": tr_noop(
        "vend", "The module made {beyond} key change set(s) the books do not hold."
    ),
    "last_tid_not_in_ledger": tr_noop(
        "vend",
        "The module's last token (TID {module_last_tid}) is not in the books (their last: "
        "{ledger_last_tid}).",
    ),
    "credit_update_not_in_store": tr_noop(
        "vend",
        "Credit update {sequence} ({operation} {amount_kwh} kWh, block {block_digest}) was "
        "applied to the module but is not in the store.",
    ),
    "credit_update_differs": tr_noop(
        "vend",
        "Credit update {sequence}: the module applied block {block_digest}, the store recorded "
        "{store_digest}.",
    ),
    "credit_update_pending": tr_noop(
        "vend", "Credit update {sequence} is still pending in the store (starpos vend recover)."
    ),
    "credit_update_not_on_module": tr_noop(
        "vend",
        "Credit update {sequence} ({amount_kwh} kWh) is in the store but the module has no "
        "record of it.",
    ),
    "balance_step": tr_noop(
        "vend",
        "Between {after} and {at} the module's balance fell {missing_kwh} kWh more than the "
        "books say (expected {expected_kwh} kWh, found {found_kwh} kWh).",
    ),
}
#: A sale that carries a key change (docs/key-changes.md): each token's label, and the order.
KEY_CHANGE_TOKEN = tr_noop("vend", "Key change token {number} of {count}")
ENTER_IN_ORDER = tr_noop(
    "vend",
    "Enter any older tokens first, then the key change tokens in order, then the credit token.",
)
MESSAGES = (
    RECOVERED, AGREES, DISAGREES, LIFE, *FINDING_LINES.values(), KEY_CHANGE_TOKEN, ENTER_IN_ORDER,
)  # fmt: skip


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "vend", help="sell credit for a meter; recover, list or reconcile vends"
    )
    parser.add_argument("--meter", help="meter number (11 or 13 digits) or 18-digit PAN")
    parser.add_argument("--amount", type=number(MONEY), help="net amount the customer pays")
    parser.add_argument("--payment", default="cash", help="payment term code or kind")
    parser.add_argument(
        "--paid", type=number(MONEY), help="money handed over (default: the net amount)"
    )
    add_credential_options(parser)
    parser.add_argument("--sales-point", help="sales point code (default: the operator's)")
    parser.add_argument(
        "--yes", action="store_true", help="confirm an amount above the warn amount"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=_vend)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    recovering = actions.add_parser("recover", help="settle vends a crash left PENDING")
    recovering.add_argument("--json", action="store_true")
    recovering.set_defaults(handler=_recover)

    listing = actions.add_parser("list", help="the latest vends")
    listing.add_argument("--state", choices=[state.value for state in VendState])
    listing.add_argument("--meter", dest="list_meter")
    listing.add_argument("--limit", type=whole(1, 100_000), default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    showing = actions.add_parser("show", help="one vend by bill number")
    showing.add_argument("bill")
    showing.add_argument("--json", action="store_true")
    showing.set_defaults(handler=_show)

    register_reprint(actions)

    reconciling = actions.add_parser(
        "reconcile", help="compare the module's credit with what the ledger vended from it"
    )
    reconciling.add_argument("--json", action="store_true")
    reconciling.set_defaults(handler=_reconcile)

    bench = actions.add_parser(
        "bench", help="build a large store in an empty data folder and time full vends"
    )
    bench.add_argument("--customers", type=whole(1, 10_000_000), default=100_000)
    bench.add_argument(
        "--history", type=whole(0, 100_000_000), default=0, help="earlier sales to add first"
    )
    bench.add_argument("--vends", type=whole(1, 1_000_000), default=300)
    bench.add_argument("--seed", type=whole(0, 2**63 - 1), default=1)
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)


def _vend(args: argparse.Namespace) -> int:
    if not args.meter or args.amount is None:
        raise UsageError("starpos vend: --meter and --amount are required")
    typed_meter_number(args.meter)  # a typo is answered before the module is opened
    with open_database() as database:
        operator = authenticated(database, args, permissions.VEND)
        terminal = acting_terminal(database, args, operator)
        request = VendRequest(
            meter=args.meter,
            net=args.amount,
            operator_code=operator.code,
            payment=args.payment,
            tendered=args.paid,
            # A sale on a terminal is booked at the terminal's sales point (the sale's checks
            # refuse an operator who may not sell there), not at the operator's home.
            sales_point_code=args.sales_point or (None if terminal else operator.sales_point_code),
            terminal_code=terminal,
            confirmed=args.yes,
        )
        with open_configured_module() as access:
            result = sell(database, access, request)
    if args.json:
        print_json(result.as_dict())
    else:
        print(format_result(result))
    return 0


def _grouped(token: str) -> str:
    return " ".join(token[i : i + 4] for i in range(0, 20, 4))


def format_result(result: VendResult) -> str:
    price = result.breakdown
    count = len(result.key_change_tokens)
    changes = [
        (translate("vend", KEY_CHANGE_TOKEN).format(number=n, count=count), _grouped(token))
        for n, token in enumerate(result.key_change_tokens, start=1)
    ]
    rows = [
        ("token", _grouped(result.token)),
        ("bill", result.bill_number),
        ("meter", result.meter_number),
        ("customer", f"{result.customer_code} {result.customer_name}"),
        ("net", str(price.net)),
        ("amount", str(price.amount)),
        ("energy", str(price.token_kwh)),
        ("change", str(result.change)),
    ]
    labelled = [(translate("vend", LABELS[key]), value) for key, value in rows]
    if not changes:
        return label_lines(labelled)
    return "\n".join([translate("vend", ENTER_IN_ORDER), label_lines([*changes, *labelled])])


def _recover(args: argparse.Namespace) -> int:
    with (
        open_database() as database,
        open_configured_module() as access,
        access.exclusive() as module,
    ):
        report = recover(database, module)
        # Recovery is the start of the day for the command line: reconcile after it.
        reconciled = reconcile_and_record(database, module, why="start")
    if args.json:
        print_json({**report.as_dict(), "reconcile": reconciled.as_dict()})
        return 0
    text = translate("vend", RECOVERED)
    waiting = sum(len(bills) for bills in report.other_module.values())
    print(
        text.format(
            module=report.module_id,
            recovered=len(report.recovered),
            failed=len(report.failed),
            waiting=waiting,
        )
    )
    for bill in report.recovered:
        print(f"  {translate('vend', LABELS['recovered'])}: {bill}")
    for bill in report.failed:
        print(f"  {translate('vend', LABELS['failed'])}: {bill}")
    print("\n".join(reconcile_lines(reconciled)))
    return 0


def _list(args: argparse.Namespace) -> int:
    state = VendState(args.state) if args.state else None
    with open_database() as database, database.reading() as session:
        vends = list_vends(session, state=state, meter_number=args.list_meter, limit=args.limit)
    if args.json:
        print_json(vends)
        return 0
    for vend in vends:
        token = vend["tokens"][-1] if vend["tokens"] else "-"
        label = status_text(VendState, vend["state"])
        print(
            f"{vend['bill_number']:<14} {left(label, 13)} {vend['meter']:<13} "
            f"{vend['net']!s:>10} {vend['token_kwh']!s:>9} kWh  {token}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        vend = show_vend(session, args.bill)
    return show(args, vend)


def _reconcile(args: argparse.Namespace) -> int:
    with (
        open_database() as database,
        open_configured_module() as access,
        access.exclusive() as module,
    ):
        report = reconcile_and_record(database, module, why="command")
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(reconcile_lines(report)))
    return 0 if report.agrees else 1


def reconcile_lines(report: ReconcileReport) -> list[str]:
    """The verdict, the module's life beside the books, and one line per finding."""
    key = AGREES if report.agrees else DISAGREES
    lines = [
        translate("vend", key).format(
            module=report.module_id,
            balance=report.balance,
            count=report.vends_issued,
            vended=report.vended_kwh,
            expected=report.expected_balance,
            problems=len(report.findings),
            pending=len(report.pending),
        )
    ]
    life = report.life
    if life:
        lines.append(
            translate("vend", LIFE).format(
                credited=life["total_credited_kwh"],
                debited=life["total_debited_kwh"],
                issued=life["total_issued_kwh"],
                tokens=life["credit_tokens"]["module"],
                ledger=life["ledger_energy_kwh"],
                ledger_tokens=life["credit_tokens"]["ledger"],
                tid=life["last_tid"]["module"] if life["last_tid"]["module"] is not None else "-",
                ledger_tid=(
                    life["last_tid"]["ledger"] if life["last_tid"]["ledger"] is not None else "-"
                ),
            )
        )
    for finding in report.findings:
        facts = {key: "-" if value is None else value for key, value in finding.facts.items()}
        lines.append("  " + translate("vend", FINDING_LINES[finding.kind]).format(**facts))
    return lines


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.vend import run_vend_bench

    with open_database() as database:
        report = run_vend_bench(
            database,
            customers=args.customers,
            history=args.history,
            vends=args.vends,
            seed=args.seed,
            progress=lambda text: print(text, file=sys.stderr, flush=True),
        )
    return show(args, report.as_dict())
