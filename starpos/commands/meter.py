"""``starpos meter list|show|replace``: the meters of the store, as the counter sees them;
replacing one (:mod:`starpos.commands._meter_replace`)."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._meter_replace import register_replace
from starpos.commands._output import label_lines, left, print_json, whole
from starpos.commands._payment_change import register_payment_change
from starpos.commands._status_labels import status_text
from starpos.db.enums import (
    ContractStatus,
    CustomerStatus,
    MeterMedium,
    PaymentMode,
    StockStatus,
)
from starpos.i18n import translate
from starpos.masterdata.meter_lookup import MeterInfo, list_meters, lookup_meter


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("meter", help="list meters or show one")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="list meters (by number)")
    listing.add_argument("--search", default="", help="part of a meter number or customer name")
    listing.add_argument("--limit", type=whole(1, 100_000), default=50)
    listing.add_argument("--offset", type=whole(0, 2**63 - 1), default=0)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="one meter by meter number or PAN")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    register_replace(actions)  # starpos meter replace (manual 4.6)
    register_payment_change(actions)  # starpos meter payment-change (manual 4.7)


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        meters = list_meters(session, args.search, limit=args.limit, offset=args.offset)
    if args.json:
        print_json([meter.as_dict() for meter in meters])
        return 0
    for meter in meters:
        print(
            f"{meter.number}  {left(status_text(StockStatus, meter.stock_status), 20)} "
            f"{meter.customer_code or '-':<12} "
            f"{meter.customer_name or ''}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        meter = lookup_meter(session, args.number)
    if args.json:
        print_json(meter.as_dict())
        return 0
    print(format_meter(meter))
    return 0


def format_meter(meter: MeterInfo) -> str:
    def label(text: str) -> str:
        return translate("cli", text)

    last = meter.last_purchase
    rows = [
        (label("Meter"), meter.number),
        (label("PAN"), meter.pan),
        (
            label("Model"),
            f"{meter.model} ({status_text(PaymentMode, meter.payment_mode)}, "
            f"{status_text(MeterMedium, meter.medium)})",
        ),
        (label("Customer"), f"{meter.customer_code or '-'} {meter.customer_name or ''}".strip()),
        (label("Address"), meter.customer_address or ""),
        (label("Customer status"), status_text(CustomerStatus, meter.customer_status)),
        (label("Customer type"), meter.customer_type or "-"),
        (label("Tariff"), f"{meter.tariff_code or '-'} {meter.tariff_name or ''}".strip()),
        (label("Contract"), status_text(ContractStatus, meter.contract_status)),
        (label("Stock status"), status_text(StockStatus, meter.stock_status)),
        (label("Debt"), str(meter.outstanding_debt)),
        ("SGC / TI / KRN", f"{meter.sgc} / {meter.ti:02d} / {meter.krn}"),
        (
            label("Last purchase"),
            f"{last.at:%Y-%m-%d %H:%M} UTC  {last.bill_number}  {last.net_amount}  "
            f"{last.token_kwh} kWh"
            if last
            else "-",
        ),
    ]
    return label_lines(rows)
