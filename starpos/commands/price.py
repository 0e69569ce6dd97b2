"""``starpos price``: price a net amount or an energy from the command line (no database).

Every rule of a sale is an option, so a sale can be priced, explained and scripted without
master data: ``starpos price --net 100 --vat 15 --steps 200:0.6,500:0.75,1000:1.0``.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal
from typing import Any

from starpos.commands._output import (
    ENERGY,
    MONEY,
    PERCENT,
    TOKEN_ENERGY,
    UNIT_PRICE,
    left,
    money_amount,
    number,
    parse_number,
    print_json,
    whole,
)
from starpos.i18n import tr_noop, translate
from starpos.pricing import (
    Breakdown,
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    FlatRate,
    MeterRules,
    PricingRules,
    PurchaseHistory,
    RepaymentMethod,
    RepaymentRule,
    SaleContext,
    Step,
    StepRate,
    Tariff,
    TariffVersion,
    price_for_energy,
    price_from_net,
)

CONTEXT = "pricing"
TARIFF_START = datetime(1970, 1, 1)

# Labels of the text output, in voucher order (translated when printed).
LABELS = {
    "amount": tr_noop(CONTEXT, "Amount"),
    "taxed_total": tr_noop(CONTEXT, "Taxed charges"),
    "untaxed_total": tr_noop(CONTEXT, "Untaxed charges"),
    "vat": tr_noop(CONTEXT, "VAT"),
    "debt_repayment": tr_noop(CONTEXT, "Debt repayment"),
    "preinstalled": tr_noop(CONTEXT, "Pre-installed amount"),
    "prearrange": tr_noop(CONTEXT, "Prearrange amount"),
    "net": tr_noop(CONTEXT, "Net amount"),
    "energy_kwh": tr_noop(CONTEXT, "Energy bought (kWh)"),
    "fbe_kwh": tr_noop(CONTEXT, "Free basic electricity (kWh)"),
    "token_kwh": tr_noop(CONTEXT, "Token energy (kWh)"),
}
WARNING = tr_noop(CONTEXT, "The net amount is above the warn amount: confirm it before vending.")


def _steps(text: str) -> StepRate:
    """``END:PRICE,...`` with the last END empty for an open step (``200:0.6,:0.75``)."""
    steps = []
    for part in text.split(","):
        end, _, price = part.partition(":")
        if not price:
            raise argparse.ArgumentTypeError(f"a step is END:PRICE, not {part!r}")
        steps.append(
            Step(parse_number(end, ENERGY) if end else None, parse_number(price, UNIT_PRICE))
        )
    return StepRate(tuple(steps))


def _charge(text: str) -> ChargeItem:
    """``CODE:METHOD:VALUE[:taxed]`` (METHOD times, amount, monthly or yearly)."""
    parts = text.split(":")
    if len(parts) not in (3, 4) or (len(parts) == 4 and parts[3] != "taxed"):
        raise argparse.ArgumentTypeError(f"a charge is CODE:METHOD:VALUE[:taxed], not {text!r}")
    code, method_name, value = parts[:3]
    try:
        method = ChargeMethod(method_name)
    except ValueError:
        names = ", ".join(m.value for m in ChargeMethod)
        raise argparse.ArgumentTypeError(f"charge method is one of {names}") from None
    by_amount = method is ChargeMethod.BY_AMOUNT
    value_rule = PERCENT if by_amount else MONEY
    figure = parse_number(value, value_rule)
    return ChargeItem(
        code=code,
        name=code,
        method=method,
        amount=Decimal(0) if by_amount else figure,
        percent=figure if by_amount else Decimal(0),
        taxed=len(parts) == 4,
    )


def _repayment(text: str) -> RepaymentRule:
    """``METHOD:VALUE`` (times, monthly, yearly: an amount; percentage: a percent)."""
    method_name, _, value = text.partition(":")
    try:
        method = RepaymentMethod(method_name)
    except ValueError:
        names = ", ".join(m.value for m in RepaymentMethod)
        raise argparse.ArgumentTypeError(f"repayment method is one of {names}") from None
    if method is RepaymentMethod.PERCENTAGE:
        return RepaymentRule(method, percent=parse_number(value, PERCENT))
    return RepaymentRule(method, amount=parse_number(value, MONEY))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "price", help="price a net amount or an energy (no database needed)"
    )
    wanted = parser.add_mutually_exclusive_group(required=True)
    # --net is read in _price: its decimals are --decimals, known only once all are parsed.
    wanted.add_argument("--net", help="the net amount the customer pays")
    wanted.add_argument("--energy", type=number(TOKEN_ENERGY), help="the energy to buy, in kWh")
    tariff = parser.add_mutually_exclusive_group()
    tariff.add_argument(
        "--price", type=number(UNIT_PRICE), default=Decimal(1), help="flat price per kWh"
    )
    tariff.add_argument("--steps", type=_steps, help="step tariff END:PRICE,... (kWh a month)")
    parser.add_argument("--kwh-this-month", type=number(ENERGY), default=Decimal(0))
    parser.add_argument("--decimals", type=whole(0, 2), default=2, choices=(0, 1, 2))
    parser.add_argument("--warn-amount", type=number(MONEY))
    parser.add_argument(
        "--vat", type=number(PERCENT), default=Decimal(0), help="VAT rate in percent"
    )
    parser.add_argument(
        "--charge", type=_charge, action="append", default=[], help="CODE:METHOD:VALUE[:taxed]"
    )
    parser.add_argument("--repay", type=_repayment, help="debt repayment METHOD:VALUE")
    parser.add_argument("--debt", type=number(MONEY), default=Decimal(0), help="outstanding debt")
    parser.add_argument("--fbe", type=number(ENERGY), default=Decimal(0), help="free kWh a month")
    parser.add_argument("--fbe-given", type=number(ENERGY), default=Decimal(0))
    parser.add_argument("--preinstalled", type=number(MONEY), default=Decimal(0))
    parser.add_argument("--first-purchase", action="store_true", help="the meter's first sale")
    parser.add_argument("--prearrange", type=number(MONEY), help="prearrange amount still due")
    parser.add_argument("--not-first-of-month", action="store_true")
    parser.add_argument("--first-of-year", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=_price)


def _sale(args: argparse.Namespace) -> SaleContext:
    rate: FlatRate | StepRate = args.steps or FlatRate(args.price)
    kind = CustomerTypeRules(
        vat_rate=args.vat,
        charges=tuple(args.charge),
        repayment=args.repay,
        fbe_kwh_per_month=args.fbe,
        prearrange_amount=args.prearrange or Decimal(0),
    )
    history = PurchaseHistory(
        first_purchase=args.first_purchase,
        first_of_month=not args.not_first_of_month,
        first_of_year=args.first_of_year,
        kwh_this_month=args.kwh_this_month,
        outstanding_debt=args.debt,
        fbe_kwh_this_month=args.fbe_given,
        prearrange_due=args.prearrange is not None,
    )
    return SaleContext(
        rules=PricingRules(args.decimals, args.warn_amount),
        customer_type=kind,
        tariff=Tariff("cli", (TariffVersion(TARIFF_START, rate),)),
        history=history,
        at=datetime.now().replace(second=0, microsecond=0),
        meter=MeterRules(args.preinstalled),
    )


def _price(args: argparse.Namespace) -> int:
    sale = _sale(args)
    if args.net is not None:
        priced = price_from_net(money_amount(args.net, args.decimals), sale)
    else:
        priced = price_for_energy(args.energy, sale)
    if args.json:
        print_json(priced.as_dict())
    else:
        _print_text(priced)
    return 0


def _print_text(priced: Breakdown) -> None:
    values = priced.as_dict()
    for key, label in LABELS.items():
        if key == "taxed_total":
            for line in priced.charges:
                print(f"{left(line.name, 30)} {line.amount:>12}")
        value = values[key]
        if key in ("amount", "net", "token_kwh", "energy_kwh") or value:
            print(f"{left(translate(CONTEXT, label), 30)} {value:>12}")
    if priced.exceeds_warn_amount:
        print(translate(CONTEXT, WARNING))
