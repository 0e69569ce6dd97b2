"""The ``starpos`` command: every capability is scriptable.

Sub-commands live in :mod:`starpos.commands`, one module each, found at start-up. Every
error a person can cause is printed as one translated line on stderr with a non-zero
exit; anything unexpected is logged with its traceback under the data folder and
reported in one line too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

from starpos import __version__
from starpos.commands._output import UsageError, echo, log_unexpected
from starpos.errors import user_facing_types
from starpos.i18n import (
    Term,
    language_from_environment,
    render_error,
    set_language,
    translate,
)
from starpos.testing.kill_switch import install_from_environment as install_kill_switch

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 70
EXIT_INTERRUPTED = 130


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


def _option_in(argv: Sequence[str], option: str) -> str | None:
    """The value given to global ``option`` in ``argv`` (``--lang fr`` or ``--lang=fr``)."""
    for index, word in enumerate(argv):
        if word == option and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith(option + "="):
            return word.partition("=")[2]
    return None


#: Text longer than this in an error is a paste, not a path or a reason: it is cut.
LONG_TEXT = 200


def _shorten_echoes(error: BaseException) -> BaseException:
    """``error`` with the texts it repeats on one line, and any paste (over
    :data:`LONG_TEXT` characters) cut to a few words: a person who pasted 10 kB into an
    option reads one short line, not the paste back."""
    params = getattr(error, "params", None)
    if isinstance(params, dict):
        for name, value in params.items():
            if isinstance(value, BaseException):
                _shorten_echoes(value)
            elif isinstance(value, str) and not isinstance(value, Term):  # Terms are ours
                params[name] = echo(value) if len(value) > LONG_TEXT else echo(value, LONG_TEXT)
    return error


UNLOGGED = "internal error ({kind}); the error log could not be written either ({reason})"


def report_unexpected(error: BaseException) -> None:
    """The last resort: one line on stderr for an error nobody expected, the traceback in
    the error log. It never raises: a full disk, a read-only or missing data folder, even a
    failing translation still leave that one line (issue 17, section 5)."""
    kind = type(error).__name__
    try:
        where: str | None = log_unexpected(error)
        reason = ""
    except Exception as log_error:  # the log cannot be written: say so, do not fail here
        where, reason = None, f"{type(log_error).__name__}: {log_error}"
    try:
        if where is not None:
            text = translate("cli", "internal error ({kind}); details are in {path}")
            line = text.format(kind=kind, path=where)
        else:
            text = translate("cli", UNLOGGED)
            line = text.format(kind=kind, reason=echo(reason, LONG_TEXT))
    except Exception:  # a broken catalog must not hide the error itself
        line = f"internal error ({kind})"
    _say(line)


def _say(line: str) -> None:
    """``starpos: line`` on stderr, or nothing when stderr itself is gone."""
    with suppress(Exception):  # stderr itself is gone: nothing more can be said
        print(f"starpos: {line}", file=sys.stderr, flush=True)


def _tell(error: BaseException) -> int:
    """A user-facing error in one line of the reader's language; exit code 2."""
    try:
        line = render_error(_shorten_echoes(error))
    except Exception:  # a message that cannot be rendered is a bug: the last resort
        report_unexpected(error)
        return EXIT_INTERNAL_ERROR
    _say(line)
    return EXIT_USER_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The crash tests run ``starpos`` as a child that kills itself at a named step; without
    # their STARPOS_KILL_AT this does nothing.
    install_kill_switch()
    try:
        # --lang before parsing, so an option refused while parsing reads in that language.
        set_language(_option_in(argv, "--lang") or language_from_environment())
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if args.data_dir:
            os.environ["STARPOS_DATA_DIR"] = os.path.abspath(args.data_dir)
        handler = getattr(args, "handler", None)
        if handler is None:
            return _run_default(args)
        return int(handler(args) or 0)
    except UsageError as error:
        _say(f"{translate('cli', 'usage error')}: {echo(str(error), LONG_TEXT)}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except user_facing_types() as error:
        return _tell(error)
    except Exception as error:  # the last funnel: one line for the person, details in the log
        damage = _store_damage(error)
        if damage is not None:
            return _tell(damage)
        report_unexpected(error)
        return EXIT_INTERNAL_ERROR


def _store_damage(error: BaseException) -> BaseException | None:
    """A store found damaged in the middle of a command (a page SQLite cannot read) is
    named as such, with its file, not as an internal error (issue 17, section 3); so is a
    data folder on a full disk or a read-only file system (section 5)."""
    try:
        from starpos.bootstrap.database import database_url, sqlite_file
        from starpos.db.store_health import damage_of, damaged, unwritable
        from starpos.paths import data_dir

        reason = damage_of(error)
        if reason is None:
            return unwritable(error, Path(data_dir()))
        url = database_url()
        return damaged(sqlite_file(url) or Path(url), reason)
    except Exception:  # the last resort must not fail here
        return None


def _run_default(args: argparse.Namespace) -> int:
    """``starpos`` with no command: open the app when it is installed, else list commands."""
    try:
        from starpos.commands.app import run_app
    except ImportError:
        build_parser().print_help()
        return 0
    return int(run_app(args))
