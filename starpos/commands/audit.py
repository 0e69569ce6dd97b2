"""``starpos audit verify``: the audit chain, the ledger against it, and the module's anchor.

Three checks (docs/security.md): the hash chain (:func:`starpos.audit.log.verify`: no entry
changed, removed or inserted), every money and energy field and token of the ledger
against the entries (:mod:`starpos.audit.ledger_check`), and the chain against the last
audit head the secure module journalled (:mod:`starpos.audit.anchor_check`). The module is
asked when one is configured (``sm.url``) or the embedded emulator of this data folder
exists; ``--no-module`` skips it and says so. Exit 0 when everything that was checked
agrees, 2 when something disagrees, 3 when the module could not be asked.
"""

from __future__ import annotations

import argparse
from typing import Any

from starpos.audit.anchor_check import CUT, AnchorCheck, check_anchor
from starpos.audit.ledger_check import LedgerCheck, check_ledger
from starpos.audit.log import AuditReport, verify
from starpos.bootstrap.database import open_database
from starpos.commands._output import print_json
from starpos.errors import StarposError, StorageError
from starpos.i18n import render_error, tr_noop, translate
from starpos.settings import Settings

INTACT = tr_noop("cli", "The audit log is intact: {count} entries checked.")
CHAIN_PROBLEM = tr_noop("audit", "Audit entry {entry}: {problem}")
LEDGER_AGREES = tr_noop(
    "audit",
    "The ledger agrees with the audit log: {sales} sales and {operations} token operations "
    "checked.",
)
LEDGER_FINDING = tr_noop(
    "audit", "{record}: {field} is {ledger} in the ledger but {audited} in the audit log."
)
ANCHOR_AGREES = tr_noop(
    "audit", "The audit log agrees with the anchor of {source} (entry {entry})."
)
ANCHOR_CUT = tr_noop(
    "audit",
    "The audit log disagrees with the anchor of {source}: it anchored entry {entry}, the log "
    "holds {entries}. Entries were removed.",
)
ANCHOR_REWRITTEN = tr_noop(
    "audit",
    "The audit log disagrees with the anchor of {source}: entry {entry} is not the one it "
    "anchored. The history was rewritten.",
)
NO_ANCHOR = tr_noop("audit", "{source} holds no audit anchor yet.")
NO_MODULE = tr_noop("audit", "No secure module was asked: its anchor was not checked.")
MODULE_UNREACHABLE = tr_noop(
    "audit", "The secure module could not be asked for its anchor: {reason}"
)
MESSAGES = (
    INTACT, CHAIN_PROBLEM, LEDGER_AGREES, LEDGER_FINDING, ANCHOR_AGREES, ANCHOR_CUT,
    ANCHOR_REWRITTEN, NO_ANCHOR, NO_MODULE, MODULE_UNREACHABLE,
)  # fmt: skip


class BooksDoNotVerifyError(StorageError):
    code = "storage.books_do_not_verify"
    template = (
        "The books do NOT verify: {count} problem(s), listed above. Keep a copy of the "
        "database and tell the administrator; starpos audit verify --json lists every problem."
    )


#: A value the ledger or the audit log does not have, as shown.
NONE_SHOWN = "-"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="check the audit log")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "verify", help="check the audit log, the ledger against it and the module's anchor"
    )
    check.add_argument("--no-module", action="store_true", help="do not ask the secure module")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    anchor: tuple[str, str, int] | None = None
    unreachable: str | None = None
    if not args.no_module and _module_configured():
        try:
            anchor = _module_anchor()
        except StarposError as error:  # said, and the exit is 3
            unreachable = render_error(error)
    with open_database() as database, database.reading() as session:
        chain = verify(session)
        ledger = check_ledger(session)
        anchored = check_anchor(session, *anchor) if anchor and anchor[2] else None
    module_asked = anchor is not None
    problems = (
        len(chain.problems) + len(ledger.findings) + int(bool(anchored and not anchored.agrees))
    )
    code = 2 if problems else 3 if unreachable else 0
    if args.json:
        print_json(
            {
                "intact": problems == 0,
                "entries": chain.entries,
                "problems": [{"entry": p.entry_id, "problem": p.problem} for p in chain.problems],
                "ledger": {
                    "agrees": ledger.agrees,
                    "sales": ledger.sales,
                    "token_operations": ledger.token_operations,
                    "findings": [finding.as_dict() for finding in ledger.findings],
                },
                "anchor": anchored.as_dict() if anchored else None,
                "module_asked": module_asked,
                "module_error": unreachable,
            }
        )
        return code
    for line in _lines(chain, ledger, anchored, anchor, unreachable, args.no_module):
        print(line)
    chain.raise_if_broken()  # one line on stderr, as before the ledger was checked too
    if problems:
        raise BooksDoNotVerifyError(count=problems)
    return code


def _lines(
    chain: AuditReport,
    ledger: LedgerCheck,
    anchored: AnchorCheck | None,
    anchor: tuple[str, str, int] | None,
    unreachable: str | None,
    skipped: bool,
) -> list[str]:
    lines = [
        translate("audit", CHAIN_PROBLEM).format(entry=p.entry_id, problem=p.problem)
        for p in chain.problems
    ]
    if not chain.problems:
        lines.append(translate("cli", INTACT).format(count=chain.entries))
    lines.extend(
        translate("audit", LEDGER_FINDING).format(
            record=f.record,
            field=f.field,
            ledger=f.ledger or NONE_SHOWN,
            audited=f.audited or NONE_SHOWN,
        )
        for f in ledger.findings
    )
    if ledger.agrees:
        lines.append(
            translate("audit", LEDGER_AGREES).format(
                sales=ledger.sales, operations=ledger.token_operations
            )
        )
    if anchored is not None:
        key = (
            ANCHOR_AGREES
            if anchored.agrees
            else ANCHOR_CUT
            if anchored.problem == CUT
            else ANCHOR_REWRITTEN
        )
        lines.append(
            translate("audit", key).format(
                source=anchored.source, entry=anchored.entry_count, entries=anchored.chain_entries
            )
        )
    elif anchor is not None:
        lines.append(translate("audit", NO_ANCHOR).format(source=anchor[0]))
    elif unreachable is not None:
        lines.append(translate("audit", MODULE_UNREACHABLE).format(reason=unreachable))
    elif skipped or anchor is None:
        lines.append(translate("audit", NO_MODULE))
    return lines


def _module_configured() -> bool:
    """A module to ask: one configured, or the embedded emulator this data folder made."""
    from starpos.devices.sm.embedded import emulator_dir

    return bool(Settings().get("sm.url")) or (emulator_dir() / "module.journal").exists()


def _module_anchor() -> tuple[str, str, int]:
    """``(source, head hash, entry count)`` of the configured module's last anchor (count 0:
    none yet)."""
    from starpos.bootstrap.module import ModuleTarget, module_for_command

    with module_for_command(ModuleTarget(), acting=False) as held:
        module_id = held.module.identify().module_id
        anchor = held.module.audit_anchor()
    source = f"module {module_id}"
    if anchor is None:
        return source, "", 0
    return source, anchor.head_hash, anchor.entry_count
