"""``starpos customer list|show``: customers and their meters."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import label_lines, left, print_json, whole
from starpos.commands._status_labels import status_text
from starpos.db.enums import CustomerStatus
from starpos.i18n import translate
from starpos.masterdata.customers import customer_by_code, list_customers


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("customer", help="list customers or show one")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="list customers (by code)")
    listing.add_argument(
        "--search", default="", help="part of a code, name, ID number or meter number"
    )
    listing.add_argument("--limit", type=whole(1, 100_000), default=50)
    listing.add_argument("--offset", type=whole(0, 2**63 - 1), default=0)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="one customer by code")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        customers = list_customers(session, args.search, limit=args.limit, offset=args.offset)
    if args.json:
        print_json([customer.as_dict() for customer in customers])
        return 0
    for customer in customers:
        meters = ",".join(customer.meters) or "-"
        status = status_text(CustomerStatus, customer.status)
        print(f"{customer.code:<12} {left(status, 12)} {meters:<14} {customer.name}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        customer = customer_by_code(session, args.code)
    if args.json:
        print_json(customer.as_dict())
        return 0
    rows = [
        (translate("cli", "Customer"), f"{customer.code} {customer.name}"),
        (translate("cli", "Address"), customer.address),
        (translate("cli", "ID number"), customer.id_number or "-"),
        (translate("cli", "Customer type"), customer.customer_type),
        (translate("cli", "Customer status"), status_text(CustomerStatus, customer.status)),
        (translate("cli", "Region"), customer.region or "-"),
        (translate("cli", "Meters"), ", ".join(customer.meters) or "-"),
        (translate("cli", "Debt"), str(customer.outstanding_debt)),
    ]
    print(label_lines(rows))
    return 0
