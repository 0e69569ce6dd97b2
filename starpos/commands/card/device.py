"""``starpos card`` at device level: readers, read, bind, credit, lock, keygen, bench.

``bind`` writes the card directly (the business flows that record a sale are in
:mod:`starpos.commands.card.sales`); ``credit`` makes energy outside a sale, so it runs only
on a training installation, for an authenticated operator, on the record
(:mod:`starpos.vending.training`).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import uuid
from contextlib import redirect_stdout
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.commands._credentials import add_credential_options, authenticated
from starpos.commands._output import TOKEN_ENERGY, number, print_json, show, whole
from starpos.commands.card.common import (
    CREDIT_SEQUENCE,
    ISSUE_NUMBER,
    SEQUENCE_BASE,
    SGC,
    UTILITY_ID,
    card_in_reader,
    contents_dict,
    credit_dict,
    identity_dict,
)
from starpos.devices.card.keys import create_master_key, default_key_file
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.records import CardKind
from starpos.devices.card.sealing import derive_card_key, key_check_value
from starpos.devices.card.sun_card import SunCard
from starpos.i18n import translate


def register(actions: Any) -> None:
    def card_action(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        action: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        action.add_argument("--reader", help="reader name (default: the setting card.reader)")
        action.add_argument("--key-file", type=Path, help="utility card master key file")
        action.add_argument("--json", action="store_true")
        action.set_defaults(handler=handler)
        return action

    readers = actions.add_parser("readers", help="list the PC/SC readers and their cards")
    readers.add_argument("--json", action="store_true")
    readers.set_defaults(handler=_readers)

    read = card_action("read", "read and verify the card in a reader", _read)
    read.add_argument("--meter", help="refuse a card bound to another meter")

    bind = card_action("bind", "device level: bind a blank card (not recorded; see issue)", _bind)
    bind.add_argument("--meter", required=True, help="meter number")
    bind.add_argument("--sgc", type=SGC, required=True, help="supply group code")
    bind.add_argument("--utility-id", type=UTILITY_ID, default=1)
    bind.add_argument("--kind", choices=[k.name.lower() for k in CardKind], default="customer")
    bind.add_argument("--issue-number", type=ISSUE_NUMBER, default=1, help="1, +1 per replacement")
    bind.add_argument("--sequence-base", type=SEQUENCE_BASE, default=0, help="last sequence sold")

    credit = card_action(
        "credit",
        "training only: write a credit record (not a sale; see vend; recorded)",
        _credit,
    )
    add_credential_options(credit)
    credit.add_argument("--meter", required=True, help="the meter the card must belong to")
    credit.add_argument("--kwh", type=number(TOKEN_ENERGY), required=True, help="energy, e.g. 25.5")
    credit.add_argument("--vend-id", help="sale reference (default: a new id)")
    credit.add_argument(
        "--sequence", type=CREDIT_SEQUENCE, help="credit sequence (default: card's + 1)"
    )
    credit.add_argument("--carry-pending", action="store_true", help="add unloaded credit")

    card_action("lock", "lock a card for good (lost or stolen)", _lock)

    keygen = actions.add_parser("keygen", help="create a utility card master key file")
    keygen.add_argument("--key-file", type=Path)
    keygen.add_argument("--aes256", action="store_true")
    keygen.set_defaults(handler=_keygen)

    bench = card_action("bench", "time read-verify-write-read back cycles", _bench)
    bench.add_argument("--meter", required=True)
    bench.add_argument("--rounds", type=whole(1, 100_000), default=50)


def _with_card(args: argparse.Namespace, work: Any) -> int:
    with card_in_reader(args) as card:
        result = work(card)
    return show(args, result)


def _readers(args: argparse.Namespace) -> int:
    service = PcscReaders()
    try:
        rows = [{"reader": r, "card": service.card_present(r)} for r in service.list_readers()]
    finally:
        service.close()
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            state = translate("cli", "card present") if row["card"] else translate("cli", "empty")
            print(f"{row['reader']}\t{state}")
    return 0


def _read(args: argparse.Namespace) -> int:
    def work(card: SunCard) -> dict[str, Any]:
        if args.meter:
            card.require_meter(args.meter)
        return contents_dict(card.read(), card.channel.reader)

    return _with_card(args, work)


def _bind(args: argparse.Namespace) -> int:
    def work(card: SunCard) -> dict[str, Any]:
        identity = card.bind(
            args.meter,
            sgc=args.sgc,
            utility_id=args.utility_id,
            issued_at=datetime.now(UTC).replace(microsecond=0),
            kind=CardKind[args.kind.upper()],
            issue_number=args.issue_number,
            sequence_base=args.sequence_base,
        )
        return {"serial": card.serial, "identity": identity_dict(identity)}

    return _with_card(args, work)


def _credit(args: argparse.Namespace) -> int:
    """Credit written straight onto a card: a training installation only (its module is a
    training module), by an operator allowed free credit, on the record
    (:mod:`starpos.vending.training`); every line printed says TRAINING."""
    from starpos.audit.log import AuditKind
    from starpos.bootstrap.database import open_database
    from starpos.bootstrap.module import ModuleTarget, module_for_command
    from starpos.operators import permissions
    from starpos.vending.training import TRAINING, on_the_record, training_module

    with open_database() as database:
        operator = authenticated(database, args, permissions.FREE_CREDIT_TOKENS)
        with module_for_command(ModuleTarget(), acting=False) as held:
            module_id = training_module(held.module)
        vend_id = args.vend_id or uuid.uuid4().hex[:24]
        facts = {
            "command": "card credit",
            "meter": args.meter,
            "energy_kwh": args.kwh,
            "vend_id": vend_id,
        }

        def work(card: SunCard) -> dict[str, Any]:
            record = card.write_credit(
                args.kwh,
                vend_id=vend_id,
                created_at=datetime.now(UTC).replace(microsecond=0),
                meter_number=args.meter,
                sequence=args.sequence,
                carry_pending=args.carry_pending,
            )
            return {"serial": card.serial, "credit": credit_dict(record)}

        with card_in_reader(args) as card:
            result = on_the_record(
                database,
                operator,
                module_id,
                AuditKind.CARD_ACTION,
                facts,
                lambda _anchor: work(card),
                lambda made: {"card": made["serial"], "credit": made["credit"]},
            )
    if args.json:
        print_json({"training": True, **result})
        return 0
    shown = io.StringIO()
    with redirect_stdout(shown):
        show(args, result)
    training = translate("sm", TRAINING)
    for line in shown.getvalue().splitlines():
        print(f"{training}  {line}")
    return 0


def _lock(args: argparse.Namespace) -> int:
    def work(card: SunCard) -> dict[str, Any]:
        serial = card.serial
        card.lock()
        return {"serial": serial, "locked": True}

    return _with_card(args, work)


def _keygen(args: argparse.Namespace) -> int:
    path = args.key_file or default_key_file()
    key = create_master_key(path, 32 if args.aes256 else 16)
    # Only the check value is shown: it identifies the key without revealing it.
    check = key_check_value(derive_card_key(key, bytes(8)))
    print(
        translate("cli", "Card master key written to {path} (check value {kcv}).").format(
            path=path, kcv=check
        )
    )
    return 0


def _bench(args: argparse.Namespace) -> int:
    """One round = what a card vend does on the card: read and verify everything, write a
    credit (0.1 kWh, carrying any pending credit), read it back."""

    def work(card: SunCard) -> dict[str, Any]:
        timings = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            card.forget()  # as for a newly inserted card: serial and key read again
            card.read()
            card.write_credit(
                Decimal("0.1"),
                vend_id="bench",
                created_at=datetime.now(UTC).replace(microsecond=0),
                meter_number=args.meter,
                carry_pending=True,
            )
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95 + 0.5) - 1)]
        return {
            "rounds": len(timings),
            "median_ms": f"{statistics.median(timings):.1f}",
            "p95_ms": f"{p95:.1f}",
            "max_ms": f"{timings[-1]:.1f}",
        }

    return _with_card(args, work)
