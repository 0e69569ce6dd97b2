"""``starpos server``: the head office's server and its terminals.

``run`` serves the counters from this data folder's PostgreSQL store; ``enrol`` makes a
one-time enrolment code for a terminal; ``revoke`` stops taking anything from a terminal's
keys; ``credit`` issues a signed credit block for one module, which goes down to that
module's terminal at its next sync (SYN-26); ``credit-blocks`` lists them and
``withdraw-credit`` withdraws one still waiting (SYN-35); ``status`` lists the enrolled
keys, how far each chain is applied and what the projected sales add up to; ``findings``,
``resolve-finding`` and ``check`` are the supervisor's (:mod:`._server_findings`);
``bench`` fills an empty store and measures pushes and pulls (docs/benchmarks.md).
``enrol``, ``revoke``, ``credit`` and ``withdraw-credit`` change what the central store
trusts: each acts only for an authenticated operator with ``installer_settings``, who is
written in the head office's audit log (SYN-27).
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starpos.commands._credentials import add_credential_options
from starpos.commands._head_office import open_head_office
from starpos.commands._output import label_lines, module_tenths, print_json, whole
from starpos.commands._server_findings import FINDINGS_MESSAGES, register_findings
from starpos.i18n import tr_noop, translate

if TYPE_CHECKING:
    from starpos.operators.session import OperatorSession

CODE_MADE = tr_noop(
    "sync",
    "Enrolment code for terminal {terminal} ({sales_point}): {code}\n"
    "It works once, until {expires} (UTC). On the counter run: "
    "starpos sync enrol --server URL --code {code}",
)
REVOKED = tr_noop("sync", "Terminal {terminal}: {count} key(s) revoked.")
BLOCK_ISSUED = tr_noop(
    "sync",
    "Credit block for module {module_id} issued: {operation} {amount_kwh} kWh, update "
    "sequence {sequence}. It reaches terminal {terminal} at its next sync.",
)
BLOCK_WITHDRAWN = tr_noop(
    "sync",
    "Credit block for module {module_id} withdrawn: {operation} {amount_kwh} kWh, update "
    "sequence {sequence}. It is no longer sent to terminal {terminal}.",
)
NO_BLOCKS = tr_noop("sync", "No credit block is waiting.")
NO_TERMINALS = tr_noop("sync", "No terminal is enrolled yet.")
LABELS = {
    "terminal": tr_noop("sync", "Terminal"),
    "sales_point": tr_noop("sync", "Sales point"),
    "applied": tr_noop("sync", "Events applied"),
    "last_seen": tr_noop("sync", "Last seen"),
    "revoked": tr_noop("sync", "Revoked"),
    "sales": tr_noop("sync", "Sales"),
    "net": tr_noop("sync", "Net amount"),
    "energy": tr_noop("sync", "Energy (kWh)"),
    "findings": tr_noop("sync", "Open findings"),
}
BLOCK_STATES = {
    "issued": tr_noop("sync", "waiting"),
    "applied": tr_noop("sync", "applied"),
    "refused": tr_noop("sync", "refused"),
    "superseded": tr_noop("sync", "superseded"),
    "withdrawn": tr_noop("sync", "withdrawn"),
}
MESSAGES = (
    CODE_MADE, REVOKED, BLOCK_ISSUED, BLOCK_WITHDRAWN, NO_BLOCKS, NO_TERMINALS,
    *FINDINGS_MESSAGES,
)  # fmt: skip


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "server", help="the head office server: run it, enrol and revoke terminals, findings"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    run = actions.add_parser("run", help="serve the counters from this data folder's store")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on")
    run.add_argument("--port", type=whole(0, 65535), default=8470, help="port (0: any free port)")
    run.set_defaults(handler=_run)

    # ``--terminal`` names the counter acted on, not where the operator signs in: its own
    # dest keeps the login (``_credentials``) at no terminal, as ``server credit``'s is.
    enrol = actions.add_parser("enrol", help="make a one-time enrolment code for a terminal")
    enrol.add_argument("--terminal", dest="terminal_code", required=True, help="terminal code")
    enrol.add_argument("--valid-hours", type=whole(1, 24 * 365), default=24)
    add_credential_options(enrol, terminal=False)
    enrol.add_argument("--json", action="store_true")
    enrol.set_defaults(handler=_enrol)

    revoke = actions.add_parser("revoke", help="take nothing more from a terminal's keys")
    revoke.add_argument("--terminal", dest="terminal_code", required=True, help="terminal code")
    revoke.add_argument("--reason", default="", help="why (kept with the enrolment)")
    add_credential_options(revoke, terminal=False)
    revoke.add_argument("--json", action="store_true")
    revoke.set_defaults(handler=_revoke)

    credit = actions.add_parser(
        "credit", help="issue a signed credit block for one module (sent to its terminal)"
    )
    credit.add_argument("--module", required=True, help="the secure module's id")
    how = credit.add_mutually_exclusive_group(required=True)
    for operation in ("add", "decrease", "replace"):
        how.add_argument(f"--{operation}", metavar="KWH", help=f"{operation} this many kWh")
    credit.add_argument(
        "--kmc", type=Path, help="the KMC folder that signs (default: the development KMC)"
    )
    add_credential_options(credit, terminal=False)
    credit.add_argument("--json", action="store_true")
    credit.set_defaults(handler=_credit)

    blocks = actions.add_parser("credit-blocks", help="the credit blocks issued for modules")
    blocks.add_argument("--module", help="only this module's blocks")
    blocks.add_argument("--all", action="store_true", help="settled and withdrawn ones too")
    blocks.add_argument("--json", action="store_true")
    blocks.set_defaults(handler=_credit_blocks)

    withdraw = actions.add_parser(
        "withdraw-credit", help="withdraw the credit block waiting for a module's counter"
    )
    withdraw.add_argument("--module", required=True, help="the secure module's id")
    withdraw.add_argument("--reason", default="", help="why (kept in the audit log)")
    add_credential_options(withdraw, terminal=False)
    withdraw.add_argument("--json", action="store_true")
    withdraw.set_defaults(handler=_withdraw_credit)

    status = actions.add_parser("status", help="enrolled terminals, their chains and sales")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    bench = actions.add_parser(
        "bench", help="fill an empty PostgreSQL store, time counters pushing and pulling"
    )
    bench.add_argument("--counters", type=whole(1, 1000), default=20, help="pushing at once")
    bench.add_argument("--sales", type=whole(1, 100_000), default=50, help="per counter")
    bench.add_argument("--batch", type=whole(1, 5000), default=150, help="events per push")
    bench.add_argument("--customers", type=whole(1, 10_000_000), default=100_000)
    bench.add_argument("--changes", type=whole(1, 1_000_000), default=100, help="to pull")
    bench.add_argument("--seed", type=whole(0, 2**63 - 1), default=1)
    bench.add_argument(
        "--offered", type=whole(0, 1_000_000), default=2000, help="events/s paced; 0: none"
    )
    bench.add_argument("--offered-seconds", type=whole(1, 3600), default=10)
    bench.add_argument("--offered-batch", type=whole(1, 5000), default=15, help="events")
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)
    register_findings(actions)


def _trusted_operator(office: Any, args: argparse.Namespace) -> OperatorSession:
    """The head-office operator who may change what the central store trusts (enrol,
    revoke, credit; SYN-27): authenticated as every command that acts is, refused in one
    line before anything is written."""
    from starpos.commands._credentials import authenticated
    from starpos.operators import permissions

    return authenticated(office.database, args, permissions.INSTALLER_SETTINGS)


def _run(args: argparse.Namespace) -> int:
    from starpos.server import logs
    from starpos.server.runner import serve

    logs.configure()
    office = open_head_office()

    def announce(url: str) -> None:
        print(url, flush=True)

    try:
        serve(office, args.host, args.port, announce)
    finally:
        office.database.close()
    return 0


def _enrol(args: argparse.Namespace) -> int:
    from starpos.server.enrolment import issue_code

    office = open_head_office()
    try:
        operator = _trusted_operator(office, args)
        with office.transaction() as session:
            issued = issue_code(
                session,
                args.terminal_code,
                timedelta(hours=args.valid_hours),
                operator_code=operator.code,
            )
    finally:
        office.database.close()
    if args.json:
        print_json(issued.as_dict())
        return 0
    expires = issued.expires_at.strftime("%Y-%m-%d %H:%M")
    print(
        translate("sync", CODE_MADE).format(
            terminal=issued.terminal,
            sales_point=issued.sales_point,
            code=issued.code,
            expires=expires,
        )
    )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from starpos.server.enrolment import revoke

    office = open_head_office()
    try:
        operator = _trusted_operator(office, args)
        with office.transaction() as session:
            revoked = revoke(session, args.terminal_code, args.reason, operator_code=operator.code)
    finally:
        office.database.close()
    if args.json:
        print_json({"terminal": args.terminal_code, "revoked": revoked})
    else:
        print(translate("sync", REVOKED).format(terminal=args.terminal_code, count=len(revoked)))
    return 0


def _credit(args: argparse.Namespace) -> int:
    from starpos.audit.log import AuditKind, append
    from starpos.devices.sm.credit_blocks import CEILING_TENTHS
    from starpos.server.credit_blocks import issue_block

    operation = next(name for name in ("add", "decrease", "replace") if getattr(args, name))
    # The module's ceiling (manual 4.1 d: under 1,800,000 kWh) bounds the amount here; the
    # module itself refuses a block whose result would pass it.
    tenths = module_tenths(getattr(args, operation), Decimal(CEILING_TENTHS) / 10)
    office = open_head_office()
    try:
        operator = _trusted_operator(office, args)
        with office.transaction() as session:
            issued = issue_block(session, args.module, operation, tenths, operator.code, args.kmc)
            append(
                session,
                AuditKind.MODULE_CREDIT,
                subject=f"module:{issued.module_id}",
                details={"step": "issued", **issued.as_dict()},
                actor=operator.actor,
            )
    finally:
        office.database.close()
    if args.json:
        print_json(issued.as_dict())
    else:
        print(translate("sync", BLOCK_ISSUED).format(**issued.as_dict()))
    return 0


def _credit_blocks(args: argparse.Namespace) -> int:
    from starpos.server.credit_block_admin import list_blocks

    office = open_head_office()
    try:
        with office.transaction() as session:
            rows = list_blocks(session, module_id=args.module, everything=args.all)
    finally:
        office.database.close()
    if args.json:
        print_json([row.as_dict() for row in rows])
        return 0
    if not rows:
        print(translate("sync", NO_BLOCKS))
    for row in rows:
        state = translate("sync", BLOCK_STATES.get(row.state, row.state))
        issued = row.issued_at.strftime("%Y-%m-%d %H:%M")
        sys.stdout.write(
            f"{row.module_id}  #{row.sequence}  {row.terminal}  {row.operation} "
            f"{row.amount_kwh} kWh  {state}  {issued}  {row.operator}\n"
        )
    return 0


def _withdraw_credit(args: argparse.Namespace) -> int:
    from starpos.audit.log import AuditKind, append
    from starpos.server.credit_block_admin import withdraw_block

    office = open_head_office()
    try:
        operator = _trusted_operator(office, args)
        with office.transaction() as session:
            withdrawn = withdraw_block(session, args.module)
            append(
                session,
                AuditKind.MODULE_CREDIT,
                subject=f"module:{withdrawn.module_id}",
                details={"step": "withdrawn", **withdrawn.as_dict(), "reason": args.reason},
                actor=operator.actor,
            )
    finally:
        office.database.close()
    if args.json:
        print_json(withdrawn.as_dict())
    else:
        print(translate("sync", BLOCK_WITHDRAWN).format(**withdrawn.as_dict()))
    return 0


def _status(args: argparse.Namespace) -> int:
    from starpos.server.status import server_status

    office = open_head_office()
    try:
        with office.transaction() as session:
            status = server_status(session)
    finally:
        office.database.close()
    if args.json:
        print_json(status.as_dict())
        return 0
    label = {key: translate("sync", text) for key, text in LABELS.items()}
    if not status.enrolments:
        print(translate("sync", NO_TERMINALS))
    for row in status.enrolments:
        lines = [
            (label["terminal"], f"{row.terminal} ({row.key_id})"),
            (label["sales_point"], row.sales_point),
            (label["applied"], row.applied_seq),
            (label["last_seen"], row.last_seen_at or "-"),
        ]
        if row.revoked_at is not None:
            lines.append((label["revoked"], row.revoked_at))
        print(label_lines(lines) + "\n")
    for total in status.totals:
        print(
            label_lines(
                [
                    (label["terminal"], total.terminal or "-"),
                    (label["sales"], total.sales),
                    (label["net"], total.net_amount),
                    (label["energy"], total.token_kwh),
                ]
            )
            + "\n"
        )
    print(label_lines([(label["findings"], status.open_findings)]))
    return 0


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.sync_server import run_server_bench
    from starpos.paths import data_dir

    office = open_head_office()
    try:
        report = run_server_bench(
            data_dir(),
            office.database,
            counters=args.counters,
            sales=args.sales,
            batch=args.batch,
            customers=args.customers,
            changes=args.changes,
            seed=args.seed,
            paced_rate=args.offered,
            paced_seconds=args.offered_seconds,
            paced_batch=args.offered_batch,
            progress=lambda line: print(line, file=sys.stderr, flush=True),
        )
    finally:
        office.database.close()
    found = report.as_dict()
    if args.json:
        print_json(found)
        return 0
    for part in ("uplink", "paced", "downlink"):
        if found[part] is not None:
            print(label_lines([(name, value) for name, value in found[part].items()]) + "\n")
    return 0
