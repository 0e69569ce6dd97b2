"""``SM?KI``: the module's key registry on the wire (issue 15; docs/sm-protocol.md §3).

The answer lists, without any key bytes, what the STAR manual's "Load KMF File" page and
STS202-6 ask a point of sale to show for each loaded vending key, and the KMC public key
the module trusts (so the terminal can check a KMF's signature before sending it)::

    <KMC public key, 64 hex>{;<register 2>,<SGC 6>,<KRN 1>,<KT 1>,<KEN 2 hex>,<DKGA 2>,
        <EA 2>,<base date 4>,<C credit | E key change only>,<activation YYYYMMDD>,
        <issued until YYYYMMDD>,<credit limit tenths 8 hex>}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from starpos.devices.sm.frames import FrameError
from starpos.devices.sm.kmf import KeyInfo

_USAGE_CODES = {"credit": "C", "key-change-only": "E"}
_ENTRY = re.compile(
    r"([0-9]{2}),([0-9]{6}),([0-9]),([0-3]),([0-9A-F]{2}),([0-9]{2}),([0-9]{2}),"
    r"([0-9]{4}),([CE]),([0-9]{8}),([0-9]{8}),([0-9A-F]{8})"
)


@dataclass(frozen=True)
class KeyRegistry:
    """The keys a module holds (by register) and the KMC it trusts."""

    kmc_public_key_hex: str
    keys: tuple[KeyInfo, ...]


def format_registry(registry: KeyRegistry) -> str:
    parts = [registry.kmc_public_key_hex.upper()]
    for info in sorted(registry.keys, key=lambda k: k.register):
        parts.append(
            f"{info.register:02d},{info.sgc},{info.krn},{info.key_type},{info.ken:02X},"
            f"{info.dkga:02d},{info.ea:02d},{info.base_date:04d},{_USAGE_CODES[info.usage]},"
            f"{info.activation:%Y%m%d},{info.issued_until:%Y%m%d},"
            f"{info.credit_limit_tenths:08X}"
        )
    return ";".join(parts)


def parse_registry(data: str) -> KeyRegistry:
    head, *entries = data.split(";")
    if not re.fullmatch(r"[0-9A-F]{64}", head):
        raise FrameError("key registry data malformed")
    usages = {code: usage for usage, code in _USAGE_CODES.items()}
    keys = []
    for entry in entries:
        match = _ENTRY.fullmatch(entry)
        if match is None:
            raise FrameError("key registry entry malformed")
        g = match.groups()
        info = KeyInfo(
            register=int(g[0]),
            sgc=g[1],
            krn=int(g[2]),
            key_type=int(g[3]),
            ken=int(g[4], 16),
            dkga=int(g[5]),
            ea=int(g[6]),
            base_date=int(g[7]),
            usage=usages[g[8]],
            activation=_day(g[9]),
            issued_until=_day(g[10]),
            credit_limit_tenths=int(g[11], 16),
        )
        try:
            info.validate()
        except ValueError as error:
            raise FrameError(f"key registry entry out of range ({error})") from error
        keys.append(info)
    return KeyRegistry(head, tuple(keys))


def _day(text: str) -> date:
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError as error:
        raise FrameError("key registry date malformed") from error
