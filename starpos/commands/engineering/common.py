"""What the ``starpos engineering`` sub-commands share: the operator who acts (logged in with
a password), the kinds by their command-line names, and the messages they print.

Making energy or moving keys is an operator's recorded action (DESIGN.md rule 10), so these
commands act for an authenticated operator: the ``starpos login`` session, or ``--operator
CODE`` with the password typed at the prompt or given on standard input with
``--password-stdin`` (:mod:`starpos.commands._credentials`; a login is audited like the
window's).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from starpos.commands._credentials import add_credential_options, authenticated
from starpos.commands._output import label_lines
from starpos.db import Database
from starpos.db.enums import TokenOperationKind as Kind
from starpos.i18n import tr_noop, translate
from starpos.operators.session import OperatorSession
from starpos.tokenops import BatchOutcome, BatchPlan, kinds

#: The kinds by the names the command takes.
KIND_NAMES: dict[str, Kind] = {
    "power-limit": Kind.SET_POWER_LIMIT,
    "clear-credit": Kind.CLEAR_CREDIT,
    "tariff-rate": Kind.SET_TARIFF_RATE,
    "clear-tamper": Kind.CLEAR_TAMPER,
    "unbalance-limit": Kind.SET_PHASE_UNBALANCE_LIMIT,
    "water-factor": Kind.SET_WATER_FACTOR,
    "free-credit": Kind.FREE_CREDIT,
    "key-change": Kind.KEY_CHANGE,
    "test": Kind.TEST,
}

CONFIRM = tr_noop("tokenops", "Make {count} token(s)? Type yes to go on: ")
YES = tr_noop("tokenops", "yes")
NOTHING_MADE = tr_noop("tokenops", "Nothing was made.")
PLAN_TITLE = tr_noop("tokenops", "{kind} for {count} meter(s) ({source}):")
PLAN_REFUSED = tr_noop("tokenops", "Left out ({count}):")
PLAN_ENERGY = tr_noop("tokenops", "Free credit in all: {energy} kWh from the secure module.")
OUTCOME = tr_noop(
    "tokenops",
    "Batch {batch}: {issued} issued, {failed} failed, {waiting} waiting.",
)
RECOVERED = tr_noop(
    "tokenops",
    "Module {module}: {recovered} token operation(s) recovered with their tokens, {failed} "
    "failed, {returned} back in their batch (the module never made them).",
)
LABELS = {
    "token": tr_noop("tokenops", "Token"),
    "meter": tr_noop("tokenops", "Meter"),
    "failed": tr_noop("tokenops", "failed"),
}
MESSAGES = (CONFIRM, YES, NOTHING_MADE, PLAN_TITLE, PLAN_REFUSED, PLAN_ENERGY,
            OUTCOME, RECOVERED, *LABELS.values())  # fmt: skip


def add_operator_options(parser: argparse.ArgumentParser) -> None:
    add_credential_options(parser)


def operator_session(database: Database, args: argparse.Namespace) -> OperatorSession:
    """The operator these commands act for: logged in, or the ``starpos login`` session."""
    return authenticated(database, args)


def confirmed(count: int) -> bool:
    """Ask on the terminal (stderr) and read the answer from standard input."""
    print(translate("tokenops", CONFIRM).format(count=count), end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in {"y", "yes", translate("tokenops", YES).casefold()}


def plan_lines(plan: BatchPlan) -> list[str]:
    """The list to confirm, as a person reads it."""
    kind = translate("tokenops", kinds.LABELS[plan.order.kind])
    title = translate("tokenops", PLAN_TITLE)
    lines = [title.format(kind=kind, count=len(plan.meters), source=plan.source)]
    unit = kinds.UNITS.get(plan.order.kind, "")
    for position, meter in enumerate(plan.meters, start=1):
        value = f"{meter.value} {unit}".strip()
        lines.append(f"{position:>6}  {meter.number:<13}  {value}  {meter.customer}".rstrip())
    if plan.refused:
        lines.append(translate("tokenops", PLAN_REFUSED).format(count=len(plan.refused)))
        for refused in plan.refused:
            where = f"{refused.typed.where}: " if refused.typed.where else ""
            lines.append(f"  {where}{refused.typed.text}  {_message(refused.refusal)}")
    if plan.energy_kwh:
        lines.append(translate("tokenops", PLAN_ENERGY).format(energy=plan.energy_kwh))
    return lines


def _message(error: Any) -> str:
    from starpos.i18n import render_error

    return render_error(error)


def outcome_text(outcome: BatchOutcome) -> str:
    waiting = outcome.planned + outcome.pending
    return translate("tokenops", OUTCOME).format(
        batch=outcome.batch_id, issued=outcome.issued, failed=outcome.failed, waiting=waiting
    )


def token_lines(records: list[dict[str, Any]]) -> str:
    """Each issued row's meter and tokens (grouped 4-4-4-4-4), one meter a block."""
    rows: list[tuple[str, object]] = []
    for record in records:
        rows.append((translate("tokenops", LABELS["meter"]), record["meter"]))
        if not record["tokens"]:
            failed = translate("tokenops", LABELS["failed"])
            rows.append(("", f"{failed}: {record['failure_reason']}"))
        for token in record["tokens"]:
            grouped = " ".join(token[i : i + 4] for i in range(0, 20, 4))
            rows.append((translate("tokenops", LABELS["token"]), grouped))
    return label_lines(rows)
