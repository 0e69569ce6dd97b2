"""``starpos sm credit`` and ``starpos sm rebind``: what the module does for the store's books.

``credit FILE --operator CODE`` applies a signed credit update block through
:func:`starpos.vending.module_credit.credit_module` (recorded, audited, reconciled after);
``rebind --operator CODE --reason TEXT`` binds the module to this store when it served
another (:func:`starpos.vending.store_binding.rebind`), recording what it accepts. Both
log the operator in with their password and need the permission installer_settings.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from starpos.commands._output import print_json, show, whole
from starpos.commands.engineering.common import add_operator_options, operator_session
from starpos.commands.sm.common import open_module
from starpos.devices.sm.errors import SmCreditBlockFileError
from starpos.i18n import tr_noop, translate

LABELS = {
    "module_id": tr_noop("sm", "Module id"),
    "sequence": tr_noop("sm", "Credit update sequence"),
    "balance_kwh": tr_noop("sm", "Balance (kWh)"),
    "operation": tr_noop("sm", "Operation"),
    "amount_kwh": tr_noop("sm", "Amount (kWh)"),
    "balance_before_kwh": tr_noop("sm", "Balance before (kWh)"),
    "block_digest": tr_noop("sm", "Block digest"),
}
RECONCILED = tr_noop("sm", "Reconciled over the module's life: {verdict}.")
AGREES = tr_noop("sm", "the books agree")
DISAGREES = tr_noop("sm", "{count} finding(s), see starpos vend reconcile")
REBOUND = tr_noop(
    "sm",
    "Module {module} now serves this store (binding {number}; it served {previous}). "
    "Accepted and recorded: {kwh} kWh in {tokens} token(s) this store does not hold.",
)
MESSAGES = (RECONCILED, AGREES, DISAGREES, REBOUND, *LABELS.values())

BAUD = whole(50, 4_000_000)
TIMEOUT_MS = whole(1, 600_000)


def register(actions: Any) -> None:
    for name, help_text, handler in (
        ("credit", "apply a signed credit update block (recorded and audited)", _credit),
        ("rebind", "bind the module to this store, accepting what it made elsewhere", _rebind),
    ):
        sub: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        sub.add_argument("--url", help="port path or pyserial URL (default: setting sm.url)")
        sub.add_argument("--baud", type=BAUD, help="baud rate (default: setting sm.baud)")
        sub.add_argument("--timeout-ms", type=TIMEOUT_MS, help="answer timeout (default: setting)")
        sub.add_argument("--json", action="store_true", help="print JSON")
        add_operator_options(sub)
        sub.set_defaults(handler=handler)
        if name == "credit":
            sub.add_argument("file", type=Path)
        else:
            sub.add_argument("--reason", required=True, help="why (recorded with the binding)")


def _credit(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.vending.module_credit import credit_module

    try:
        block = args.file.read_bytes()
    except OSError as exc:
        raise SmCreditBlockFileError(path=str(args.file), reason=exc.strerror or str(exc)) from exc
    with open_database() as database:
        operator = operator_session(database, args)
        with open_module(args, acting=True) as module:
            outcome = credit_module(database, module, block, operator)
    if args.json:
        print_json(outcome.as_dict())
        return 0
    shown = {k: v for k, v in outcome.as_dict().items() if k in LABELS}
    show(args, shown, LABELS, "sm")
    report = outcome.reconcile
    verdict = (
        translate("sm", AGREES)
        if report.agrees
        else translate("sm", DISAGREES).format(count=len(report.findings) + len(report.pending))
    )
    print(translate("sm", RECONCILED).format(verdict=verdict))
    return 0


def _rebind(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.vending.store_binding import rebind

    with open_database() as database:
        operator = operator_session(database, args)
        with open_module(args, acting=True, check_served=False) as module:
            rebound = rebind(database, module, operator, args.reason)
    if args.json:
        print_json(rebound.as_dict())
        return 0
    life = rebound.accepted.life
    tokens = life["credit_tokens"]["module"] - life["credit_tokens"]["ledger"]
    print(
        translate("sm", REBOUND).format(
            module=rebound.module_id,
            number=rebound.binding.number,
            previous=rebound.previous_store_id or "-",
            kwh=life["total_issued_kwh"] - life["ledger_energy_kwh"],
            tokens=tokens,
        )
    )
    return 0
