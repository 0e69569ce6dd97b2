"""``starpos demo seed``: fill an empty data folder with a realistic demo utility."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.cli import print_json
from starpos.db import Database
from starpos.demo.seed import load_demo_keys, seed_demo
from starpos.i18n import translate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="demo data")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    seed = actions.add_parser("seed", help="seed a demo utility into an empty database")
    seed.add_argument("--customers", type=int, default=1000)
    seed.add_argument("--spare-meters", type=int, default=50)
    seed.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    seed.add_argument(
        "--no-module",
        action="store_true",
        help="do not load the demo keys into the secure module (see: demo load-keys)",
    )
    seed.add_argument("--json", action="store_true")
    seed.set_defaults(handler=_seed)

    keys = actions.add_parser(
        "load-keys", help="load the demo vending keys and credit into the secure module"
    )
    keys.add_argument("--json", action="store_true")
    keys.set_defaults(handler=_load_keys)


def _seed(args: argparse.Namespace) -> int:
    with Database.open() as database:
        report = seed_demo(
            database, customers=args.customers, spare_meters=args.spare_meters, seed=args.seed
        )
        module = None if args.no_module else load_demo_keys(database)
    if args.json:
        print_json({**report.as_dict(), "module": module})
        return 0
    text = translate(
        "cli",
        "Demo utility seeded: {customers} customers, {meters} meters installed, {spares} in "
        "stock. Log in as STAR with the password star (you will be asked to change it).",
    )
    population = report.population
    if module is not None:
        _print_module(module)
    print(
        text.format(
            customers=population.customers,
            meters=population.meters_installed,
            spares=population.meters_in_stock,
        )
    )
    return 0


def _load_keys(args: argparse.Namespace) -> int:
    with Database.open() as database:
        module = load_demo_keys(database)
    if args.json:
        print_json(module)
    else:
        _print_module(module)
    return 0


def _print_module(module: dict[str, Any]) -> None:
    text = translate(
        "cli", "Secure module {module}: {keys} demo keys loaded, credit {balance} kWh."
    )
    print(
        text.format(
            module=module["module_id"], keys=module["keys_loaded"], balance=module["balance"]
        )
    )
