"""What the ``starpos card`` sub-commands share: the card in the configured reader, card
records as plain values, and the limits of the numbers a card record holds."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starpos.commands._output import whole
from starpos.devices.card.keys import default_key_file, load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.records import CreditRecord, IdentityRecord, ReturnRecord
from starpos.devices.card.sun_card import CardContents, SunCard

#: Numbers a card record holds (starpos.devices.card.records): read with these limits, so
#: a value the card cannot store is refused in one line before the card is touched.
SGC = whole(0, 999_999)
UTILITY_ID = whole(0, 0xFFFF_FFFF)
ISSUE_NUMBER = whole(1, 0xFFFF)
SEQUENCE_BASE = whole(0, 0xFFFF_FFFF)
CREDIT_SEQUENCE = whole(1, 0xFFFF_FFFF)


def reader_name(args: argparse.Namespace) -> str | None:
    """``--reader``, else the ``card.reader`` setting; None lets the service pick one."""
    if args.reader:
        return str(args.reader)
    from starpos.settings import Settings

    return str(Settings().get("card.reader")) or None


@contextmanager
def card_in_reader(args: argparse.Namespace) -> Iterator[SunCard]:
    """The card in the chosen reader, opened with the utility's master key and closed after."""
    key = load_master_key(args.key_file or default_key_file())
    service = PcscReaders()
    try:
        connection = service.connect(reader_name(args))
        try:
            yield SunCard(connection, key)
        finally:
            connection.close()
    finally:
        service.close()


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
