"""``starpos sm kmc``: the development key management centre. TEST AND DEMO TOOLING ONLY.

It signs KMF key files and credit update blocks with a key kept in a folder; a real
installation gets these files from the utility's key management centre instead.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.commands._output import module_tenths, print_json, whole
from starpos.devices.sm.errors import SmKmcError


def register(actions: Any) -> None:
    parser = actions.add_parser("kmc", help="development KMC (test and demo tooling only)")
    parser.add_argument(
        "--kmc", type=Path, help="KMC folder (default: <data>-dev-kmc beside the data folder)"
    )
    kmc_actions = parser.add_subparsers(dest="kmc_action", required=True, metavar="ACTION")

    init = kmc_actions.add_parser("init", help="create the KMC signing key; print its public key")
    init.set_defaults(handler=_init)

    kmf = kmc_actions.add_parser("make-kmf", help="write a KMF key file for one module")
    kmf.add_argument("--module-id", required=True)
    kmf.add_argument("--module-key", required=True, help="the module's public key (sm info)")
    kmf.add_argument(
        "--keys",
        type=Path,
        required=True,
        help="JSON list of key specs (register, sgc, krn, key_type, ken, dkga, ea, base_date, "
        "usage, activation, issued_until, credit_limit_tenths, vending_key_hex)",
    )
    kmf.add_argument("--out", type=Path, required=True)
    kmf.set_defaults(handler=_make_kmf)

    block = kmc_actions.add_parser("credit-block", help="write a signed credit update block")
    block.add_argument("--module-id", required=True)
    block.add_argument(
        "--sequence", type=whole(1, 0xFFFF_FFFF), required=True, help="the module's next one"
    )
    block.add_argument("--operation", choices=("replace", "add", "decrease"), default="add")
    block.add_argument("--kwh", required=True, help="amount in kWh at 0.1")
    block.add_argument("--out", type=Path, required=True)
    block.set_defaults(handler=_credit_block)

    describe = kmc_actions.add_parser("describe", help="show what a KMF file holds (no keys)")
    describe.add_argument("file", type=Path)
    describe.set_defaults(handler=_describe)


def _init(args: argparse.Namespace) -> int:
    from starpos.devices.sm.kmc import init_kmc

    print(init_kmc(args.kmc))
    return 0


def _make_kmf(args: argparse.Namespace) -> int:
    from starpos.devices.sm.kmc import key_from_spec, make_kmf

    try:
        specs = json.loads(args.keys.read_text(encoding="utf-8"))
        keys = [key_from_spec(spec) for spec in specs]
        data = make_kmf(args.module_id, args.module_key, keys, args.kmc)
    except RecursionError as error:  # JSON nested deeper than the parser goes
        raise SmKmcError(reason=f"{args.keys} is nested too deeply") from error
    except (OSError, ValueError, TypeError) as error:
        raise SmKmcError(reason=str(error)) from error
    args.out.write_bytes(data)
    return 0


def _credit_block(args: argparse.Namespace) -> int:
    from starpos.devices.sm.credit_blocks import CEILING_TENTHS
    from starpos.devices.sm.kmc import make_credit_block

    tenths = module_tenths(args.kwh, Decimal(CEILING_TENTHS) / 10)
    try:
        data = make_credit_block(args.module_id, args.sequence, args.operation, tenths, args.kmc)
    except ValueError as error:
        raise SmKmcError(reason=str(error)) from error
    args.out.write_bytes(data)
    return 0


def _describe(args: argparse.Namespace) -> int:
    from starpos.devices.sm.kmf import KmfError, describe_kmf

    try:
        print_json(describe_kmf(args.file.read_bytes()))
    except (OSError, KmfError) as error:
        raise SmKmcError(reason=str(error)) from error
    return 0
