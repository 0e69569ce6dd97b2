"""Decoder key generation: DKGA02 (DES, 64-bit keys) and DKGA04 (HMAC-SHA256).

A decoder key is unique to one meter: it is derived from the vending key of the meter's
supply group and the meter's PAN, key type (KT), supply group code (SGC), tariff index (TI)
and key revision number (KRN). Keys are returned in STS order (most significant byte
first, as key change tokens carry them).
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, modes

from starpos.sts.meter_number import MeterNumber

#: Key type 3 (common key) leaves the meter's own digits out of the PAN block.
KEY_TYPE_COMMON = 3


@lru_cache(maxsize=256)
def _des_encryptor(vending_key: bytes) -> CipherContext:
    # ECB keeps no state between blocks, so one encryptor serves every derivation with this
    # vending key. Single DES is three-key 3DES with three equal keys.
    return Cipher(TripleDES(vending_key * 3), modes.ECB()).encryptor()


def dkga02_pan_block(meter: MeterNumber, key_type: int) -> str:
    """The 16-digit PAN block: IIN + IAIN without the first IIN digit(s) and the PAN check."""
    digits = (meter.iin + meter.iain)[-16:]
    if key_type == KEY_TYPE_COMMON:
        return digits[: 16 - len(meter.iain)] + "0" * len(meter.iain)
    return digits


def dkga02_control_block(key_type: int, sgc: str, ti: int, krn: int) -> str:
    """The 16-hex-digit control block: KT(1) SGC(6) TI(2) KRN(1) FFFFFF."""
    return f"{key_type:1d}{sgc}{ti:02d}{krn:1d}FFFFFF"


def dkga02(
    vending_key: bytes, meter: MeterNumber, key_type: int, sgc: str, ti: int, krn: int
) -> bytes:
    """The 8-byte DKGA02 decoder key for a 64-bit DES vending key.

    ``key_type`` 0-3, ``sgc`` 6 digits, ``ti`` 0-99, ``krn`` 1-9 (checked by the caller).
    """
    pan_block = int(dkga02_pan_block(meter, key_type), 16)
    control = int(dkga02_control_block(key_type, sgc, ti, krn), 16)
    p = pan_block ^ control
    encrypted = int.from_bytes(_des_encryptor(vending_key).update(p.to_bytes(8, "big")), "big")
    return (encrypted ^ p ^ int.from_bytes(vending_key, "big")).to_bytes(8, "big")


def dkga04_message(
    meter: MeterNumber, key_type: int, sgc: str, ti: int, krn: int, base_date: int, ea: str,
    key_bits: int,
) -> bytes:  # fmt: skip
    """The bytes HMAC-SHA256 is computed over (length-prefixed ASCII fields)."""
    return b"".join(
        (
            b"\x04\x02" + b"04",
            b"\x02" + f"{base_date % 100:02d}".encode(),
            b"\x02" + ea.encode(),
            b"\x02" + f"{ti:02d}".encode(),
            b"\x00\x04\x06" + sgc.encode(),
            b"\x01" + f"{key_type:x}".encode(),
            b"\x01" + f"{krn:x}".encode(),
            b"\x12" + meter.pan.encode(),
            b"\x00\x00\x00" + bytes([key_bits]),
        )
    )


def dkga04(
    vending_key: bytes, meter: MeterNumber, key_type: int, sgc: str, ti: int, krn: int,
    base_date: int, ea: str, key_bits: int,
) -> bytes:  # fmt: skip
    """The DKGA04 decoder key: the first ``key_bits`` (64 or 128) bits of an HMAC-SHA256.

    ``vending_key`` is the 160-bit (20-byte) vending key; ``ea`` is ``"07"`` or ``"11"``;
    ``base_date`` 1993, 2014 or 2035.
    """
    message = dkga04_message(meter, key_type, sgc, ti, krn, base_date, ea, key_bits)
    return hmac.digest(vending_key, message, hashlib.sha256)[: key_bits // 8]
