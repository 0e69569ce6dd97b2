"""``starpos sm emulator``: run the secure module emulator as its own process."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.commands._output import NumberRule, echo, number, whole
from starpos.devices.sm.errors import SmEmulatorError

#: Seconds a module session may idle (to the millisecond, at most a day).
SESSION_IDLE_S = NumberRule(3, minimum=Decimal(0), maximum=Decimal(86_400), above_minimum=True)


def register(actions: Any) -> None:
    parser = actions.add_parser("emulator", help="run a secure module emulator (pty or TCP)")
    parser.add_argument("--state", type=Path, help="state folder (default: <data>/sm-emulator)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--pty", action="store_true", help="serve on a new pty (the default)")
    where.add_argument("--listen", metavar="HOST:PORT", help="serve TCP (port 0: any free port)")
    parser.add_argument(
        "--kmc-public-key",
        help="hex Ed25519 key (or a file holding it) of the KMC a NEW module trusts "
        "(default: the development KMC, beside the data folder)",
    )
    parser.add_argument("--module-id", help="8-digit id for a NEW module (default: random)")
    parser.add_argument(
        "--credential",
        type=Path,
        help="module credential file terminals sign in with (default: <data>/sm-credential.key)",
    )
    parser.add_argument(
        "--training", action="store_true", help="make a NEW module in training mode"
    )
    parser.add_argument(
        "--session-idle-s",
        type=number(SESSION_IDLE_S),
        default=Decimal(300),
        help="end a session idle this long",
    )
    parser.add_argument("--sta-tables", help="STA tables file (default: setting sts.tables)")
    parser.add_argument("--fixed-random", type=whole(0, 15), help="use this 4-bit random number")
    parser.add_argument(
        "--drop-every", type=whole(0, 1_000_000), default=0, help="drop every Nth answer"
    )
    parser.add_argument(
        "--corrupt-crc-every",
        type=whole(0, 1_000_000),
        default=0,
        help="damage the CRC of every Nth answer",
    )
    parser.add_argument(
        "--delay-ms", type=whole(0, 600_000), default=0, help="wait before each answer"
    )
    parser.set_defaults(handler=_run)


def _listen(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not (port.isascii() and port.isdigit() and int(port) <= 65535):
        raise SmEmulatorError(reason=f"--listen needs HOST:PORT, not {echo(text)!r}")
    return host or "127.0.0.1", int(port)


def _kmc_key(value: str | None) -> str | None:
    if not value:
        return None
    path = Path(value)
    if path.is_file():
        return path.read_text(encoding="ascii").strip()
    return value


def _run(args: argparse.Namespace) -> int:
    from starpos.bootstrap.tables import configured_tables_path
    from starpos.devices.sm.embedded import emulator_dir
    from starpos.devices.sm.emulator import EmulatorOptions, run
    from starpos.devices.sm.emulator.server import Faults
    from starpos.devices.sm.emulator.state import STATE_FILE, StateError
    from starpos.devices.sm.kmc import default_kmc_dir, init_kmc

    state_dir = args.state or emulator_dir()
    kmc_key = _kmc_key(args.kmc_public_key)
    if kmc_key is None and not (state_dir / STATE_FILE).exists():
        kmc_key = init_kmc(default_kmc_dir())
    options = EmulatorOptions(
        state_dir=state_dir,
        tables_path=Path(args.sta_tables) if args.sta_tables else configured_tables_path(),
        kmc_public_key_hex=kmc_key,
        module_id=args.module_id,
        listen=_listen(args.listen) if args.listen else None,
        fixed_random=args.fixed_random,
        faults=Faults(args.drop_every, args.corrupt_crc_every, args.delay_ms),
        credential_path=args.credential,
        training=args.training,
        session_idle_s=float(args.session_idle_s),  # a timer's seconds, not money
    )
    try:
        return run(options)
    except (StateError, OSError, ValueError) as error:
        raise SmEmulatorError(reason=str(error)) from error
