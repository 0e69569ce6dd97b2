"""``starpos admin customer``: register a customer with meters from stock (manual 3.3),
import a CSV file of customers with their meters, change a customer (manual 4.1), change a
customer's meter (4.2), add a meter contract (4.3), cancel a meter contract (4.4),
blacklist and reinstate. Listing and showing: ``starpos customer``.

``register`` and ``add-meter`` take the customer type's register charge (``--paid``: the cash
handed over, without it exactly the charge) into the operator's open shift on the till the
command acts at, and make a registration bill (``--print``, ``--preview FILE``);
``registration-bill BILL`` prints it again, marked REPRINT (decision BO-21)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._bill_paper import (
    BillPaper,
    add_paper_options,
    add_reprint_command,
    paper_of,
    print_again,
)
from starpos.commands._charge_payment import add_payment_options, charge_payment
from starpos.commands._credentials import operator_at_till
from starpos.commands._output import UsageError, label_lines, print_json
from starpos.commands.admin.common import acting, add_operator_options, done, print_problems
from starpos.db.enums import CustomerStatus
from starpos.i18n import tr_noop, translate
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.customer_changes import change_customer
from starpos.masterdata.customer_import import import_customers
from starpos.masterdata.meter_changes import add_meter_paid, change_meter
from starpos.masterdata.registration import (
    MeterContract,
    cancel_meter_contract,
    register_paid,
    set_customer_status,
)
from starpos.masterdata.registration_charges import RegistrationResult
from starpos.operators import permissions

#: The registration's result, one labelled line each (context ``tokenops``: the bill's words).
LABELS = {
    "code": tr_noop("tokenops", "Customer"),
    "bill": tr_noop("tokenops", "Registration bill"),
    "meters": tr_noop("tokenops", "Meters"),
    "charges": tr_noop("tokenops", "Register charge"),
    "paid": tr_noop("tokenops", "Paid"),
    "change": tr_noop("tokenops", "Change"),
}
PRINTED = tr_noop("tokenops", "The registration bill {bill} was printed (print {count}).")
MESSAGES = (*LABELS.values(), PRINTED)
PAPER = BillPaper(
    "starpos.tokenops.registration_voucher", "preview_registration", "print_registration",
    permissions.REGISTER_CUSTOMER, PRINTED,
)  # fmt: skip

#: ``change`` options: (option, field, help); a field's value "" clears it where it may be
CUSTOMER_OPTIONS = (
    ("--name", "name", None),
    ("--address", "address", None),
    ("--telephone", "telephone", None),
    ("--id-number", "id_number", "'' clears it"),
    ("--type", "customer_type", "customer type code"),
    ("--region", "region", "region code ('' clears it)"),
    ("--corporation", "corporation", None),
    ("--tax-reference", "tax_reference", None),
    ("--bank", "bank", "bank code ('' clears it)"),
    ("--bank-account", "bank_account", None),
    ("--remark", "remark", None),
)
#: an option not given leaves no attribute behind, so "given empty" differs from "not given"
_LEFT_OUT = argparse.SUPPRESS
#: ``change-meter`` options that are dates: (option, field); "none" clears the last two
METER_DATES = (
    ("--install-date", "install_date"),
    ("--contract-start", "contract_start"),
    ("--contract-end", "contract_end"),
    ("--ex-factory-date", "ex_factory_date"),
)
#: key data: accepted on the command line only to be refused with the way to change it
KEY_OPTIONS = ("sgc", "ti", "krn", "ken", "key_type", "base_date", "key_register")


def register(actions: Any) -> None:
    customer = actions.add_parser("customer", help="register, import, cancel, blacklist")
    sub = customer.add_subparsers(dest="customer_action", required=True, metavar="ACTION")

    registering = sub.add_parser("register", help="a customer with meters from stock")
    registering.add_argument("--name", required=True)
    registering.add_argument("--type", required=True, help="customer type code")
    registering.add_argument(
        "--meter",
        action="append",
        required=True,
        help="METER_NUMBER:TARIFF_CODE, repeat for more meters",
    )
    registering.add_argument("--code", help="customer code (default: the numbering rule's)")
    registering.add_argument("--address", default="")
    registering.add_argument("--telephone", default="")
    registering.add_argument("--id-number")
    registering.add_argument("--region", help="region code")
    _bill_options(registering)
    registering.set_defaults(handler=_register)

    importing = sub.add_parser("import", help="customers with their meters from a CSV file")
    importing.add_argument("file", type=Path)
    add_operator_options(importing)
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=_import)

    changing_customer = sub.add_parser("change", help="change a customer's information")
    changing_customer.add_argument("code")
    for option, field, text in CUSTOMER_OPTIONS:
        changing_customer.add_argument(
            option, dest=f"field_{field}", help=text, default=_LEFT_OUT, metavar="TEXT"
        )
    changing_customer.add_argument(
        "--registered-on", dest="field_registered_on", type=_day, help="YYYY-MM-DD",
        default=_LEFT_OUT, metavar="DATE",
    )  # fmt: skip
    add_operator_options(changing_customer)
    changing_customer.add_argument("--json", action="store_true")
    changing_customer.set_defaults(handler=_change)

    adding = sub.add_parser("add-meter", help="a meter from stock for an existing customer")
    adding.add_argument("code")
    adding.add_argument("--meter", required=True, help="meter number")
    adding.add_argument("--tariff", required=True, help="tariff scheme code")
    adding.add_argument("--install-date", type=_day, help="YYYY-MM-DD (default: today)")
    _bill_options(adding)
    adding.set_defaults(handler=_add_meter)

    add_reprint_command(
        sub, "registration-bill", "registration", add_operator_options, _print_again
    )

    changing_meter = sub.add_parser("change-meter", help="change a customer's meter")
    changing_meter.add_argument("meter")
    changing_meter.add_argument("--customer", help="the customer the meter must belong to")
    changing_meter.add_argument(
        "--model", dest="field_model", help="meter model code", default=_LEFT_OUT, metavar="CODE"
    )
    changing_meter.add_argument(
        "--tariff",
        dest="field_tariff",
        help="tariff scheme code",
        default=_LEFT_OUT,
        metavar="CODE",
    )
    for option, field in METER_DATES:
        changing_meter.add_argument(
            option, dest=f"field_{field}", type=_day_or_none, help="YYYY-MM-DD (none clears it)",
            default=_LEFT_OUT, metavar="DATE",
        )  # fmt: skip
    for field in KEY_OPTIONS:
        changing_meter.add_argument(
            "--" + field.replace("_", "-"),
            dest=f"key_{field}",
            help="refused: key data changes with a key change (starpos keychange flag)",
            default=_LEFT_OUT,
            metavar="VALUE",
        )
    add_operator_options(changing_meter)
    changing_meter.add_argument("--json", action="store_true")
    changing_meter.set_defaults(handler=_change_meter)

    cancelling = sub.add_parser("cancel-contract", help="end a meter's contract (back to stock)")
    cancelling.add_argument("meter")
    add_operator_options(cancelling)
    cancelling.add_argument("--json", action="store_true")
    cancelling.set_defaults(handler=_cancel)

    for action, status in (
        ("blacklist", CustomerStatus.BLACKLISTED),
        ("reinstate", CustomerStatus.ACTIVE),
    ):
        changing = sub.add_parser(action, help=f"{action} a customer, with the reason")
        changing.add_argument("code")
        changing.add_argument("--reason", required=True)
        add_operator_options(changing)
        changing.add_argument("--json", action="store_true")
        changing.set_defaults(handler=_status, status=status)


def _bill_options(parser: argparse.ArgumentParser) -> None:
    add_payment_options(parser, "the register charge")
    add_operator_options(parser)
    add_paper_options(parser, "registration")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from error


def _day_or_none(text: str) -> date | None:
    return None if text.strip().lower() in ("", "none") else _day(text)


def _fields(args: argparse.Namespace, prefix: str = "field_") -> dict[str, Any]:
    """The options given, by field name: left out, an option is not in ``args`` at all
    (``argparse.SUPPRESS``), so a value that clears a field (None, "") still counts."""
    return {
        name.removeprefix(prefix): value
        for name, value in vars(args).items()
        if name.startswith(prefix)
    }


def _contract(text: str) -> MeterContract:
    number, sign, tariff = text.partition(":")
    if not sign or not number or not tariff:
        raise UsageError(f"--meter {text!r}: give METER_NUMBER:TARIFF_CODE")
    return MeterContract(number.strip(), tariff.strip())


def _register(args: argparse.Namespace) -> int:
    contracts = [_contract(text) for text in args.meter]
    with open_database() as database:
        operator = operator_at_till(database, args)  # the till the charge is paid at
        result = register_paid(
            database,
            operator,
            name=args.name,
            customer_type_code=args.type,
            meters=contracts,
            address=args.address,
            telephone=args.telephone,
            id_number=args.id_number,
            region_code=args.region,
            code=args.code,
            paid=args.paid,
            payment=charge_payment(args),
        )
        paper_of(PAPER, database, operator, result.bill_number, args)
    return _shown(args, result)


def _shown(args: argparse.Namespace, result: RegistrationResult, what: str = "") -> int:
    """The done line, then the bill's values (or all of it as JSON with ``--json``)."""
    what = what or f"customer {result.customer}"
    if args.json:
        print_json({"done": what, **result.as_dict()})
        return 0
    done(args, what)
    rows = [
        ("code", result.customer), ("bill", result.bill_number),
        ("meters", " ".join(result.meters)), ("charges", str(result.charges)),
        ("paid", str(result.paid)), ("change", str(result.change)),
    ]  # fmt: skip
    print(label_lines([(translate("tokenops", LABELS[key]), value) for key, value in rows]))
    return 0


def _print_again(args: argparse.Namespace) -> int:
    return print_again(PAPER, args, acting)


def _import(args: argparse.Namespace) -> int:
    with open_database() as database:
        by = acting(database, args)
        try:
            result = import_customers(database, by, args.file)
        except CsvRefusedError as refusal:
            print_problems(args, refusal)
            raise
    return done(
        args,
        f"{result.customers} customers, {result.meters} meters",
        {"customers": result.customers, "meters": result.meters},
    )


def _change(args: argparse.Namespace) -> int:
    changes = _fields(args)
    if not changes:
        raise UsageError("give at least one value to change (see --help)")
    with open_database() as database:
        changed = change_customer(database, acting(database, args), args.code, changes)
    return done(args, f"customer {args.code.strip()}", {"changed": changed})


def _add_meter(args: argparse.Namespace) -> int:
    contract = MeterContract(args.meter.strip(), args.tariff.strip(), args.install_date)
    with open_database() as database:
        operator = operator_at_till(database, args)
        result = add_meter_paid(
            database, operator, args.code, contract, paid=args.paid, payment=charge_payment(args)
        )
        paper_of(PAPER, database, operator, result.bill_number, args)
    return _shown(args, result, f"meter {args.meter.strip()} for customer {result.customer}")


def _change_meter(args: argparse.Namespace) -> int:
    changes = {**_fields(args), **_fields(args, "key_")}
    if not changes:
        raise UsageError("give at least one value to change (see --help)")
    with open_database() as database:
        changed = change_meter(
            database, acting(database, args), args.meter, changes, customer_code=args.customer
        )
    return done(args, f"meter {args.meter.strip()}", {"changed": changed})


def _cancel(args: argparse.Namespace) -> int:
    with open_database() as database:
        bill = cancel_meter_contract(database, acting(database, args), args.meter)
    return done(args, f"contract of {args.meter} ({bill})", {"bill": bill})


def _status(args: argparse.Namespace) -> int:
    with open_database() as database:
        set_customer_status(database, acting(database, args), args.code, args.status, args.reason)
    return done(args, f"customer {args.code}", {"status": str(args.status)})
