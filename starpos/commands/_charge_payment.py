"""How a bill's charges are paid, as the commands that take them ask it (a meter
replacement's reason charges, a registration's register charge; decision TOK-25): what the
customer handed over and the payment method, with its bank and cheque number, as
``starpos vend --payment`` names the method."""

from __future__ import annotations

import argparse

from starpos.commands._output import MONEY, number
from starpos.shifts.paid_charges import ChargePayment


def add_payment_options(parser: argparse.ArgumentParser, charges: str) -> None:
    """``--paid``, ``--payment``, ``--bank``, ``--cheque`` for ``charges`` (how the help
    names what is paid: "the charges", "the register charge")."""
    parser.add_argument(
        "--paid", type=number(MONEY), help=f"what the customer paid (default: {charges})"
    )
    parser.add_argument(
        "--payment", default="cash",
        help="payment term code or kind (default: cash; change is given in cash only)",
    )  # fmt: skip
    parser.add_argument("--bank", help="the bank's code, for a cheque or a transfer")
    parser.add_argument("--cheque", default="", help="the cheque number")


def charge_payment(args: argparse.Namespace) -> ChargePayment:
    return ChargePayment(args.payment, args.bank, args.cheque)
