"""The encryption algorithms a token may use: EA07 (STA) and EA11 (MISTY1).

Decoder keys are bytes in STS order; EA07 needs 8 bytes, EA11 16. Cipher objects are
built once per set of STA tables and kept.
"""

from __future__ import annotations

from functools import lru_cache

from starpos.sts import misty1
from starpos.sts.errors import KeyLengthError, RequestError, UnknownAlgorithmError
from starpos.sts.sta import StaCipher
from starpos.sts.tables import StaTables

EA07_STA = "07"
EA11_MISTY1 = "11"
#: Decoder key length in bits for each encryption algorithm.
KEY_BITS = {EA07_STA: 64, EA11_MISTY1: 128}
ALGORITHM_NAMES = {EA07_STA: "EA07 (STA)", EA11_MISTY1: "EA11 (MISTY1)"}


def check_ea(ea: object) -> str:
    """``"07"`` or ``"11"`` (also accepts 7 and 11 as numbers), else an error."""
    text = f"{ea:02d}" if isinstance(ea, int) and not isinstance(ea, bool) else str(ea).strip()
    if text not in KEY_BITS:
        raise UnknownAlgorithmError(kind="encryption algorithm", value=ea, supported="07 or 11")
    return text


def check_decoder_key(ea: str, key: bytes, name: str = "decoder key") -> None:
    """Raise :class:`KeyLengthError` unless ``key`` has the length ``ea`` needs."""
    if len(key) * 8 != KEY_BITS[ea]:
        raise KeyLengthError(
            name=name, bits=len(key) * 8, algorithm=ALGORITHM_NAMES[ea], expected=KEY_BITS[ea]
        )


@lru_cache(maxsize=16)
def sta_cipher(tables: StaTables) -> StaCipher:
    """The STA cipher for ``tables`` (built once: the lookup tables take a few ms)."""
    return StaCipher(tables)


def _tables(tables: StaTables | None) -> StaTables:
    if tables is None:
        raise RequestError(field="the STA tables (EA07 needs them)")
    return tables


def encrypt_block(ea: str, key: bytes, block: int, tables: StaTables | None) -> int:
    """Encrypt a 64-bit data block with the decoder key under algorithm ``ea``."""
    if ea == EA07_STA:
        return sta_cipher(_tables(tables)).encrypt(int.from_bytes(key, "big"), block)
    return misty1.encrypt_block(key, block)


def decrypt_block(ea: str, key: bytes, block: int, tables: StaTables | None) -> int:
    """Decrypt a 64-bit block (inverse of :func:`encrypt_block`)."""
    if ea == EA07_STA:
        return sta_cipher(_tables(tables)).decrypt(int.from_bytes(key, "big"), block)
    return misty1.decrypt_block(key, block)
