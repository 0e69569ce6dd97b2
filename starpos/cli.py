"""The ``starpos`` command: every capability is scriptable.

Sub-commands live in :mod:`starpos.commands`, one module each, found at start-up. Every
error a person can cause is printed as one translated line on stderr with a non-zero
exit; anything unexpected is logged with its traceback under the data folder and
reported in one line too.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, NoReturn

from starpos import __version__
from starpos.errors import user_facing_types
from starpos.i18n import language_from_environment, render_error, set_language, translate
from starpos.testing.kill_switch import install_from_environment as install_kill_switch

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 70
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Wrong command-line usage (unknown option, missing argument)."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line instead of usage text + exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _command_in(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (the first word that is not a global option)."""
    words = iter(argv)
    for word in words:
        if word in ("--data-dir", "--lang"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] = ()) -> ArgumentParser:
    from starpos.commands import register_all

    parser = ArgumentParser(
        prog="starpos", description="StarPOS prepaid electricity point of sale."
    )
    parser.add_argument("--version", action="version", version=f"starpos {__version__}")
    parser.add_argument(
        "--data-dir", help="folder for the database, device state, logs and settings"
    )
    parser.add_argument("--lang", help="language of messages (en, fr, zh_CN)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    register_all(commands, only=_command_in(argv))
    return parser


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    """Write ``value`` as one JSON document (Decimals as strings, never floats)."""
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False) + "\n")


def _log_unexpected(error: BaseException) -> str:
    from starpos.paths import log_dir

    path = log_dir() / "errors.log"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"--- {datetime.now().isoformat()} starpos {' '.join(sys.argv[1:])}\n")
        handle.write("".join(traceback.format_exception(error)))
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(language_from_environment())
    # The crash tests run ``starpos`` as a child that kills itself at a named step; without
    # their STARPOS_KILL_AT this does nothing.
    install_kill_switch()
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if args.data_dir:
            os.environ["STARPOS_DATA_DIR"] = os.path.abspath(args.data_dir)
        if args.lang:
            set_language(args.lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            return _run_default(args)
        return int(handler(args) or 0)
    except UsageError as error:
        print(f"starpos: {translate('cli', 'usage error')}: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except user_facing_types() as error:
        print(f"starpos: {render_error(error)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as error:  # the last funnel: one line for the person, details in the log
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        where = _log_unexpected(error)
        text = translate("cli", "internal error ({kind}); details are in {path}")
        print(f"starpos: {text.format(kind=type(error).__name__, path=where)}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def _run_default(args: argparse.Namespace) -> int:
    """``starpos`` with no command: open the app when it is installed, else list commands."""
    try:
        from starpos.commands.app import run_app
    except ImportError:
        build_parser().print_help()
        return 0
    return int(run_app(args))
