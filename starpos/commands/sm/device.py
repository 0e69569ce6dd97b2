"""``starpos sm info|balance|load-kmf|credit|last|issue|verify|bench``: the secure module.

The port is ``--url`` or the ``sm.url`` setting; when both are empty the embedded
emulator (:mod:`starpos.devices.sm.embedded`) is started or reused.

What acts on the module is an authenticated operator's action
(:mod:`starpos.commands._credentials`): ``load-kmf`` and ``credit`` need the permission to
configure devices, ``issue`` the permission of its kind of token. ``issue`` makes tokens
outside any sale, so it runs only against a training module, says TRAINING on every line it
prints, and is on the record (:mod:`starpos.vending.training`).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starpos.commands._credentials import add_credential_options, authenticated
from starpos.commands._output import module_tenths, print_json, show, whole
from starpos.commands.sm.common import open_module
from starpos.devices.sm.errors import (
    SmError,
    SmKmfFileError,
    SmMissingOptionError,
    SmUnknownCommandError,
)
from starpos.devices.sm.messages import MeterKeyRef
from starpos.i18n import tr_noop, translate
from starpos.sts.amount import MAX_AMOUNT

if TYPE_CHECKING:
    from starpos.db import Database
    from starpos.devices.sm.driver import SecureModule
    from starpos.devices.sm.messages import IssuedToken
    from starpos.operators.session import OperatorSession


#: Numbers of a meter key reference and a token (the module's frame fields).
TID = whole(0, 0xFFFFFF)
BAUD = whole(50, 4_000_000)
TIMEOUT_MS = whole(1, 600_000)
REGISTER = whole(0, 99)
TI = whole(0, 99)
KRN = whole(0, 9)
KEN = whole(0, 255)


def register(actions: Any) -> None:
    def device_command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        sub.add_argument("--url", help="port path or pyserial URL (default: setting sm.url)")
        sub.add_argument("--baud", type=BAUD, help="baud rate (default: setting sm.baud)")
        sub.add_argument("--timeout-ms", type=TIMEOUT_MS, help="answer timeout (default: setting)")
        sub.add_argument("--json", action="store_true", help="print JSON")
        return sub

    device_command("info", "identify the module").set_defaults(handler=_info)
    device_command("balance", "credit balance and update sequence").set_defaults(handler=_balance)
    load = device_command("load-kmf", "load a KMF key file into the module")
    load.add_argument("file", type=Path)
    load.add_argument(
        "--dry-run", action="store_true", help="only check the file and show what it changes"
    )
    add_credential_options(load)
    load.set_defaults(handler=_load_kmf)
    last = device_command("last", "the module's last answer (GL?RR)")
    last.set_defaults(handler=_last)

    issue = device_command(
        "issue", "training module only: a credit, management or key change token (recorded)"
    )
    _add_key_options(issue)
    add_credential_options(issue)
    issue.add_argument("kind", choices=("credit", "management", "key-change"))
    issue.add_argument("--kwh", help="credit amount in units at 0.1 (credit)")
    issue.add_argument(
        "--credit-type", type=whole(0, 99), default=0, help="00 electricity, 01 water, ..."
    )
    issue.add_argument("--subclass", type=whole(0, 15), help="management token subclass")
    issue.add_argument("--value", type=whole(0, 0xFFFFFF), default=0, help="management token value")
    issue.add_argument("--tid", type=TID, help="token identifier (default: now)")
    issue.add_argument(
        "--base-date", type=whole(1993, 2035), default=2014, help="TID base year for --tid"
    )
    issue.add_argument("--new-register", type=REGISTER, help="key change: the new key's register")
    issue.add_argument("--new-sgc", help="key change: new SGC")
    issue.add_argument("--new-ti", type=TI, help="key change: new TI")
    issue.add_argument("--new-krn", type=KRN, help="key change: new KRN")
    issue.add_argument("--new-ken", type=KEN, default=255, help="key change: new KEN")
    issue.add_argument("--rollover", action="store_true", help="key change: TID base rollover")
    issue.set_defaults(handler=_issue)

    verify = device_command("verify", "decode a token with the meter's key")
    _add_key_options(verify)
    verify.add_argument("token")
    verify.set_defaults(handler=_verify)

    bench = actions.add_parser("bench", help="time SM?TC round trips through a pty emulator")
    bench.add_argument("--count", type=whole(1, 1_000_000), default=200, help="tokens to issue")
    bench.add_argument("--baud", type=BAUD, default=115200)
    bench.add_argument("--sta-tables", help="STA tables file (default: setting sts.tables)")
    bench.add_argument("--json", action="store_true", help="print JSON")
    bench.set_defaults(handler=_bench)


def _add_key_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pan", required=True, help="the meter's 18-digit PAN")
    parser.add_argument("--register", type=REGISTER, default=1, help="vending key register")
    parser.add_argument("--sgc", required=True, help="supply group code (6 digits)")
    parser.add_argument("--ti", type=TI, default=1, help="tariff index")
    parser.add_argument("--krn", type=KRN, default=1, help="key revision number")
    parser.add_argument("--ken", type=KEN, default=255, help="key expiry number")


#: Labels of the fields printed without --json (translated when shown, context "sm").
LABELS = {
    "module_id": tr_noop("sm", "Module id"),
    "firmware": tr_noop("sm", "Firmware"),
    "key_check": tr_noop("sm", "Key check value"),
    "keys": tr_noop("sm", "Keys loaded"),
    "keys_loaded": tr_noop("sm", "Keys loaded"),
    "public_key": tr_noop("sm", "Identity key"),
    "training": tr_noop("sm", "Training module"),
    "sequence": tr_noop("sm", "Credit update sequence"),
    "next_sequence": tr_noop("sm", "Next credit update sequence"),
    "balance_kwh": tr_noop("sm", "Balance (kWh)"),
    "balance_before_kwh": tr_noop("sm", "Balance before (kWh)"),
    "operation": tr_noop("sm", "Operation"),
    "registers": tr_noop("sm", "Key registers"),
    "command": tr_noop("sm", "Command"),
    "code": tr_noop("sm", "Response code"),
    "request_digest": tr_noop("sm", "Request digest"),
    "tokens": tr_noop("sm", "Tokens"),
    "class": tr_noop("sm", "Token class"),
    "subclass": tr_noop("sm", "Token subclass"),
    "tid": tr_noop("sm", "TID"),
    "value": tr_noop("sm", "Value"),
    "amount": tr_noop("sm", "Amount"),
    "count": tr_noop("sm", "Tokens issued"),
    "baud": tr_noop("sm", "Baud rate"),
    "p50_ms": tr_noop("sm", "Round trip p50 (ms)"),
    "p95_ms": tr_noop("sm", "Round trip p95 (ms)"),
    "max_ms": tr_noop("sm", "Round trip max (ms)"),
    "tokens_per_s": tr_noop("sm", "Tokens per second"),
    "status_p50_ms": tr_noop("sm", "Status query p50 (ms)"),
}


def _show(args: argparse.Namespace, value: dict[str, Any]) -> int:
    return show(args, value, LABELS, "sm")


def _info(args: argparse.Namespace) -> int:
    with open_module(args) as module:
        identity = module.identify()
    return _show(
        args,
        {
            "module_id": identity.module_id,
            "firmware": identity.firmware,
            "key_check": identity.key_check,
            "keys": identity.key_count,
            "public_key": identity.public_key_hex,
            "training": identity.training,  # a training module, or a production one
        },
    )


def _balance(args: argparse.Namespace) -> int:
    with open_module(args) as module:
        balance = module.balance()
    return _show(
        args,
        {
            "sequence": balance.sequence,
            "next_sequence": balance.next_sequence,
            "balance_kwh": balance.balance,
        },
    )


def _read(path: Path, error: type[SmError]) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise error(path=str(path), reason=exc.strerror or str(exc)) from exc


def _load_kmf(args: argparse.Namespace) -> int:
    from starpos.module_admin.kmf_preview import preview_kmf
    from starpos.vending.key_load import load_keys_on_record

    data = _read(args.file, SmKmfFileError)
    with ExitStack() as held:
        installer = None
        if not args.dry_run:  # a dry run changes nothing: no login needed
            installer = held.enter_context(_installer(args))
        module = held.enter_context(open_module(args, acting=not args.dry_run))
        # Checked here first (signature, module, expiry): a refusal names what is wrong
        # before anything is sent, in the module's own words.
        identity = module.identify()
        try:
            registry = module.key_registry()
        except SmUnknownCommandError:
            if args.dry_run:
                raise
            registry = None  # a module before SM?KI checks the file alone (INS-16)
        changes: dict[str, str] = {}
        if registry is not None:
            preview = preview_kmf(data, identity.module_id, registry, date.today())
            changes = preview.registers
        if args.dry_run or installer is None:
            return _show(args, {"module_id": identity.module_id, "registers": changes})
        database, operator = installer
        loaded, key_check = load_keys_on_record(
            database, module, identity.module_id, data, operator, changes
        )
    return _show(args, {"keys_loaded": loaded, "key_check": key_check, "registers": changes})


@contextmanager
def _installer(args: argparse.Namespace) -> Iterator[tuple[Database, OperatorSession]]:
    """The store and the authenticated operator, allowed to configure devices (asked before
    the module is opened)."""
    from starpos.bootstrap.database import open_database
    from starpos.operators import permissions

    with open_database() as database:
        yield database, authenticated(database, args, permissions.INSTALLER_SETTINGS)


def _last(args: argparse.Namespace) -> int:
    with open_module(args) as module:
        last = module.resend_last()
    return _show(
        args,
        {
            "command": last.command,
            "code": f"{last.code:02d}",
            "request_digest": last.request_digest,
            "tokens": [t.token for t in last.tokens],
        },
    )


def _tid(args: argparse.Namespace) -> int:
    if args.tid is not None:
        return int(args.tid)
    from starpos.sts.tid import tid_for

    return int(tid_for(datetime.now(), args.base_date))


def _key(args: argparse.Namespace) -> MeterKeyRef:
    return MeterKeyRef(args.pan, args.register, args.sgc, args.ti, args.krn, args.ken)


#: The permission each kind of token needs (the same as the recorded engineering batches).
_ISSUE_PERMISSIONS = {
    "credit": "free_credit_tokens",
    "management": "engineering_tokens",
    "key-change": "key_change",
}


def _issue(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database

    key = _key(args)
    # Read before the module is opened: a typo must not start (or wait for) the module.
    tenths = module_tenths(args.kwh, MAX_AMOUNT) if args.kind == "credit" else 0
    if args.kind == "management" and args.subclass is None:
        raise SmMissingOptionError(option="--subclass")
    if args.kind == "key-change" and args.new_register is None:
        raise SmMissingOptionError(option="--new-register")
    with open_database() as database:
        operator = authenticated(database, args, _ISSUE_PERMISSIONS[args.kind])
        with open_module(args, acting=True) as module:
            tokens = _issue_on_record(database, operator, module, key, tenths, args)
    from starpos.vending.training import TRAINING

    training = translate("sm", TRAINING)
    if args.json:
        print_json(
            {
                "training": True,
                "tokens": [t.token for t in tokens],
                "token66_hex": [t.token66_hex for t in tokens],
            }
        )
    else:
        for token in tokens:
            print(f"{training}  " + " ".join(token.token[i : i + 4] for i in range(0, 20, 4)))
    return 0


def _issue_on_record(
    database: Database,
    operator: OperatorSession,
    module: SecureModule,
    key: MeterKeyRef,
    tenths: int,
    args: argparse.Namespace,
) -> list[IssuedToken]:
    """Make the tokens on a training module, audited before and after
    (:func:`starpos.vending.training.on_the_record`)."""
    from starpos.audit.log import AuditKind
    from starpos.devices.sm.records import AuditAnchor
    from starpos.vending.training import on_the_record, training_module

    module_id = training_module(module)
    facts: dict[str, Any] = {"command": f"sm issue {args.kind}", "pan": key.pan}
    if args.kind == "key-change":
        new_key = MeterKeyRef(
            args.pan,
            args.new_register,
            args.new_sgc or args.sgc,
            args.ti if args.new_ti is None else args.new_ti,
            args.new_krn or args.krn,
            args.new_ken,
        )
        facts["new_key"] = new_key.params()

        def act(anchor: AuditAnchor) -> list[IssuedToken]:
            return module.issue_key_change_tokens(key, new_key, args.rollover, anchor=anchor)

    else:
        tid = _tid(args)
        facts["tid"] = tid
        if args.kind == "credit":
            facts["energy_kwh"] = Decimal(tenths) / 10

            def act(anchor: AuditAnchor) -> list[IssuedToken]:
                made = module.issue_credit_token(key, args.credit_type, tid, tenths, anchor=anchor)
                return [made]

        else:
            facts["subclass"] = args.subclass
            facts["value"] = args.value

            def act(anchor: AuditAnchor) -> list[IssuedToken]:
                made = module.issue_management_token(
                    key, args.subclass, tid, args.value, anchor=anchor
                )
                return [made]

    return on_the_record(
        database,
        operator,
        module_id,
        AuditKind.MODULE_ACTION,
        facts,
        act,
        lambda tokens: {"tokens": [token.token for token in tokens]},
    )


def _verify(args: argparse.Namespace) -> int:
    token = "".join(ch for ch in args.token if ch in "0123456789")
    with open_module(args) as module:
        decoded = module.verify_token(token, _key(args))
    value: dict[str, Any] = {
        "class": decoded.token_class,
        "subclass": decoded.token_subclass,
        "tid": decoded.tid,
        "value": decoded.value,
    }
    if decoded.amount is not None:
        value["amount"] = decoded.amount
    return _show(args, value)


def _bench(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from starpos.bench.sm import run_benchmark
    from starpos.bootstrap.tables import configured_tables_path

    tables = Path(args.sta_tables) if args.sta_tables else configured_tables_path()
    return _show(args, asdict(run_benchmark(args.count, tables, args.baud)))
