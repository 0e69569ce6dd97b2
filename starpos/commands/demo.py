"""``starpos demo seed``: fill an empty data folder with a realistic demo utility."""

from __future__ import annotations

import argparse
import os
import sys
from decimal import Decimal
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.demo import load_demo_keys
from starpos.commands._output import MONEY, number, print_json, whole
from starpos.demo.seed import is_seeded, seed_demo
from starpos.i18n import translate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="demo data")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    seed = actions.add_parser("seed", help="seed a demo utility into an empty database")
    seed.add_argument("--customers", type=whole(1, 10_000_000), default=1000)
    seed.add_argument("--spare-meters", type=whole(0, 10_000_000), default=50)
    seed.add_argument(
        "--seed", type=whole(0, 2**63 - 1), default=2026, help="random seed (same seed, same data)"
    )
    seed.add_argument(
        "--no-module",
        action="store_true",
        help="do not load the demo keys into the secure module (see: demo load-keys)",
    )
    seed.add_argument("--json", action="store_true")
    seed.set_defaults(handler=_seed)

    run = actions.add_parser(
        "run",
        help="seed on first use, then open the window (or, with no display, one sale headless)",
    )
    run.add_argument("--headless", action="store_true", help="never open a window")
    run.add_argument(
        "--amount",
        type=number(MONEY),
        default=Decimal("50.00"),
        help="net amount of the headless sale",
    )
    run.set_defaults(handler=_run)

    card = actions.add_parser(
        "card",
        help="a customer's SUN card in the virtual reader, to try card mode in the window",
    )
    card.add_argument(
        "--port",
        type=whole(1, 65535),
        default=35963,
        help="vpcd port of the reader (35963: the first)",
    )
    card.set_defaults(handler=_card)

    keys = actions.add_parser(
        "load-keys", help="load the demo vending keys and credit into the secure module"
    )
    keys.add_argument("--json", action="store_true")
    keys.set_defaults(handler=_load_keys)


def _seed(args: argparse.Namespace) -> int:
    with open_database() as database:
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


def _card(args: argparse.Namespace) -> int:
    from starpos.demo.card_session import hold_in_reader, prepare_demo_card

    with open_database() as database:
        card, link, state = prepare_demo_card(database, args.port)
    if card.key_created is not None:
        print(
            translate("cli", "Card master key of the demo utility created: {path}").format(
                path=card.key_created
            )
        )
    print(
        translate("cli", "Virtual SUN card {serial} is in the reader {reader} ({state}).").format(
            serial=card.serial, reader=card.reader, state=state
        )
    )
    if card.meter is not None:
        print(
            translate(
                "cli",
                "It is the card of meter {meter}. In the window, log in as CASH1 (password "
                "cash-demo): the counter switches to card mode and sells onto it with Enter.",
            ).format(meter=card.meter)
        )
    elif card.meter_to_issue is not None:
        print(
            translate(
                "cli",
                "It is blank. In the window, log in as ADMIN1 (password admin-demo) and issue it "
                "with Cards > Issue a card (Ctrl+Shift+I) to meter {meter}; then log in as CASH1 "
                "(password cash-demo) and sell onto it.",
            ).format(meter=card.meter_to_issue)
        )
    print(
        translate("cli", "Press Enter to take the card out or put it back; q and Enter to stop."),
        flush=True,
    )

    def said(inserted: bool) -> None:
        text = "The card is in the reader." if inserted else "The card is out of the reader."
        print(translate("cli", text), flush=True)

    hold_in_reader(link, sys.stdin, said)
    return 0


def _load_keys(args: argparse.Namespace) -> int:
    with open_database() as database:
        module = load_demo_keys(database)
    if args.json:
        print_json(module)
    else:
        _print_module(module)  # one sentence, not a list of fields
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


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run(args: argparse.Namespace) -> int:
    with open_database() as database:
        if not is_seeded(database):
            print(translate("cli", "First run: seeding the demo utility (this takes a minute)."))
            seed_demo(database)
            _print_module(load_demo_keys(database))
    if not args.headless and _has_display():
        from starpos.commands.app import run_app

        return run_app(args)
    return _run_headless(args.amount)


def _run_headless(net: Decimal) -> int:
    from starpos.bootstrap.demo import sell_one
    from starpos.demo.walkthrough import DEMO_CASHIER

    print(translate("cli", "No display: showing one sale at the counter without the window."))
    with open_database() as database:
        sale = sell_one(database, net)
    token = " ".join(sale.token[i : i + 4] for i in range(0, 20, 4))
    text = translate(
        "cli",
        "Cashier {cashier} sold {net} to meter {meter} ({customer}): bill {bill}, "
        "{energy} kWh.\nToken: {token}",
    )
    print(
        text.format(
            cashier=DEMO_CASHIER[0],
            net=sale.net,
            meter=sale.meter_number,
            customer=sale.customer_name,
            bill=sale.bill_number,
            energy=sale.energy_kwh,
            token=token,
        )
    )
    if sale.voucher_png is not None:
        print(
            translate("cli", "Voucher printed by the virtual printer: {path}").format(
                path=sale.voucher_png
            )
        )
    return 0
