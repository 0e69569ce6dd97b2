"""What the ``starpos admin`` sub-commands share: the operator who acts, reading a field's
value from the command line, and the one line a change prints.

Every change of master data is an operator's audited action, so every command that changes
something logs its operator in: ``--operator CODE`` (or ``$STARPOS_OPERATOR``) with the
password at the prompt, or the first line of standard input with ``--password-stdin``
(scripts). Reading commands (``list``, ``show``, ``checklist``) need no login.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from starpos.commands._output import (
    ENERGY,
    MONEY,
    PERCENT,
    UsageError,
    number,
    print_json,
    whole,
)
from starpos.commands.engineering.common import add_operator_options, operator_session
from starpos.db import Database
from starpos.i18n import render_error, tr_noop, translate
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.record_kinds import FieldType
from starpos.operators.session import OperatorSession

__all__ = [
    "acting",
    "add_operator_options",
    "done",
    "flag",
    "option_name",
    "print_problems",
    "reader_for",
]

DONE = tr_noop("cli", "Done: {what}.")
ROW_PROBLEM = tr_noop("cli", "line {line}, column {column}: {why}")
MESSAGES = (DONE, ROW_PROBLEM)

_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}


def flag(text: str) -> bool:
    """``yes``/``no`` (also true/false, 1/0, on/off)."""
    value = text.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise UsageError(f"{text!r}: give yes or no")


def reader_for(field_type: FieldType) -> Callable[[str], Any]:
    """How a value of ``field_type`` is read from the command line."""
    return {
        FieldType.MONEY: number(MONEY),
        FieldType.PERCENT: number(PERCENT),
        FieldType.ENERGY: number(ENERGY),
        FieldType.WHOLE: whole(0, 1_000_000_000),
        FieldType.FLAG: flag,
    }.get(field_type, str)


def option_name(field_name: str) -> str:
    return "--" + field_name.replace("_", "-")


def acting(database: Database, args: argparse.Namespace) -> OperatorSession:
    """The operator named by ``--operator``, logged in with their password (audited)."""
    return operator_session(database, args)


def done(args: argparse.Namespace, what: str, result: dict[str, Any] | None = None) -> int:
    """Print that the change is made (or ``result`` as JSON with ``--json``); exit code 0."""
    if getattr(args, "json", False):
        print_json({"done": what, **(result or {})})
    else:
        print(translate("cli", DONE).format(what=what))
    return 0


def print_problems(args: argparse.Namespace, refusal: CsvRefusedError) -> None:
    """Every bad row of a refused file: ``line N, column C: why`` on standard output (the
    one-line refusal follows on standard error), or as JSON with ``--json``."""
    if getattr(args, "json", False):
        print_json({"refused": True, "problems": [p.as_dict() for p in refusal.problems]})
        return
    template = translate("cli", ROW_PROBLEM)
    for problem in refusal.problems:
        print(
            template.format(line=problem.line, column=problem.column, why=render_error(problem.why))
        )
