"""``starpos card``: SUN smart cards from the command line.

POS side, device level: ``readers``, ``read``, ``bind``, ``credit``, ``lock``, ``keygen``,
``bench``. Business flows (recorded in the store): ``issue``, ``vend``, ``check``,
``replace``, ``blank``, ``history``, ``flags`` in :mod:`starpos.commands._card_sales`.
Emulators: ``virtual`` (a card in a vpcd reader) and ``meter`` (a SUN meter),
in :mod:`starpos.commands._card_emulators`.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from starpos.cli import UsageError, print_json
from starpos.commands import _card_emulators, _card_sales
from starpos.devices.card.keys import create_master_key, default_key_file, load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.records import CardKind, CreditRecord, IdentityRecord, ReturnRecord
from starpos.devices.card.sealing import derive_card_key, key_check_value
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.i18n import translate


def decimal_kwh(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise UsageError(f"not an amount of energy: {text!r}") from None
    if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.1")):
        raise UsageError(f"energy must be positive in steps of 0.1 kWh: {text!r}")
    return value.quantize(Decimal("0.1"))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("card", help="SUN smart cards: readers, cards, emulators")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

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
    bind.add_argument("--sgc", type=int, required=True, help="supply group code")
    bind.add_argument("--utility-id", type=int, default=1)
    bind.add_argument("--kind", choices=[k.name.lower() for k in CardKind], default="customer")
    bind.add_argument("--issue-number", type=int, default=1, help="1, +1 per replacement")
    bind.add_argument("--sequence-base", type=int, default=0, help="last sequence sold")

    credit = card_action(
        "credit", "device level: write a credit record (not a sale; see vend)", _credit
    )
    credit.add_argument("--meter", required=True, help="the meter the card must belong to")
    credit.add_argument("--kwh", type=decimal_kwh, required=True, help="energy, e.g. 25.5")
    credit.add_argument("--vend-id", help="sale reference (default: a new id)")
    credit.add_argument("--sequence", type=int, help="credit sequence (default: card's + 1)")
    credit.add_argument("--carry-pending", action="store_true", help="add unloaded credit")

    card_action("lock", "lock a card for good (lost or stolen)", _lock)

    keygen = actions.add_parser("keygen", help="create a utility card master key file")
    keygen.add_argument("--key-file", type=Path)
    keygen.add_argument("--aes256", action="store_true")
    keygen.set_defaults(handler=_keygen)

    bench = card_action("bench", "time read-verify-write-read back cycles", _bench)
    bench.add_argument("--meter", required=True)
    bench.add_argument("--rounds", type=int, default=50)

    _card_emulators.register(actions)
    _card_sales.register(actions)


def _settings_reader(args: argparse.Namespace) -> str | None:
    if args.reader:
        return str(args.reader)
    from starpos.settings import Settings

    return str(Settings().get("card.reader")) or None


def _open_card(args: argparse.Namespace) -> tuple[PcscReaders, Any, SunCard]:
    key = load_master_key(args.key_file or default_key_file())
    service = PcscReaders()
    connection = service.connect(_settings_reader(args))
    return service, connection, SunCard(connection, key)


def _with_card(args: argparse.Namespace, work: Any) -> int:
    service, connection, card = _open_card(args)
    try:
        result = work(card)
    finally:
        connection.close()
        service.close()
    if args.json:
        print_json(result)
    else:
        _print_plain(result)
    return 0


def _print_plain(value: Any, indent: str = "") -> None:
    from starpos.cli import to_jsonable

    for key, item in to_jsonable(value).items():
        if isinstance(item, dict):
            print(f"{indent}{key}:")
            _print_plain(item, indent + "  ")
        else:
            print(f"{indent}{key}: {item if item is not None else '-'}")


def identity_dict(identity: IdentityRecord | None) -> dict[str, Any] | None:
    if identity is None:
        return None
    return {
        "kind": identity.kind.name.lower(),
        "utility_id": identity.utility_id,
        "sgc": identity.sgc,
        "meter_number": identity.meter_number,
        "issue_number": identity.issue_number,
        "issued_at": identity.issued_at,
        "sequence_base": identity.sequence_base,
    }


def credit_dict(credit: CreditRecord | None) -> dict[str, Any] | None:
    if credit is None:
        return None
    return {
        "sequence": credit.sequence,
        "energy_kwh": credit.energy_kwh,
        "vend_id": credit.vend_id,
        "created_at": credit.created_at,
    }


def return_dict(returned: ReturnRecord | None) -> dict[str, Any] | None:
    if returned is None:
        return None
    values = {name: getattr(returned, name) for name in returned.__dataclass_fields__}
    values["monthly_kwh"] = list(returned.monthly_kwh)
    values["tamper_events"] = [
        {"kind": e.kind.name.lower().replace("_", "-"), "at": e.at} for e in returned.tamper_events
    ]
    return values


def contents_dict(contents: CardContents, reader: str) -> dict[str, Any]:
    return {
        "reader": reader,
        "serial": contents.serial,
        "identity": identity_dict(contents.identity),
        "credit": credit_dict(contents.credit),
        "credit_pending": contents.credit_pending,
        "returned": return_dict(contents.returned),
    }


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
    def work(card: SunCard) -> dict[str, Any]:
        record = card.write_credit(
            args.kwh,
            vend_id=args.vend_id or uuid.uuid4().hex[:24],
            created_at=datetime.now(UTC).replace(microsecond=0),
            meter_number=args.meter,
            sequence=args.sequence,
            carry_pending=args.carry_pending,
        )
        return {"serial": card.serial, "credit": credit_dict(record)}

    return _with_card(args, work)


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
