"""EA11: the MISTY1 block cipher (RFC 2994), 128-bit key, 64-bit block, 8 rounds.

Own implementation, table-driven for speed. The FI function splits into a key-independent
first half and second half around its key XOR, each precomputed over all 65536 inputs, so
``FI(x, k) == second[first[x] ^ k]``. Expanded keys are cached per key. Blocks are ints
read most significant byte first (big-endian), keys are 16 bytes in array order, exactly as
RFC 2994 prints its test data.
"""

from __future__ import annotations

import struct
from functools import cache, lru_cache

from starpos.sts.misty1_sboxes import S7, S9


def _build_fi_tables() -> tuple[list[int], list[int]]:
    first = []
    for x in range(1 << 16):
        d9, d7 = x >> 7, x & 0x7F
        d9 = S9[d9] ^ d7
        d7 = S7[d7] ^ (d9 & 0x7F)
        first.append((d7 << 9) | d9)
    # After the key XOR the word holds d7 in its top 7 bits and d9 in its low 9 bits.
    second = [(w & 0xFE00) | (S9[w & 0x1FF] ^ (w >> 9)) for w in range(1 << 16)]
    return first, second


@cache
def _fi_tables() -> tuple[list[int], list[int]]:
    # Built on first use (about 20 ms), not at import: most programs never use MISTY1.
    return _build_fi_tables()


def fi(value: int, key: int) -> int:
    """The MISTY1 FI function on 16-bit ``value`` and 16-bit ``key``."""
    fi_in, fi_out = _fi_tables()
    return fi_out[fi_in[value] ^ key]


#: Per round i (0-7): KO1-KO4, KI1-KI3 of FO_i, then the AND and OR keys of the FL layer
#: before it (FL_i for d0 and FL_i+1 for d1 on even rounds); the final FL layer follows.
_Schedule = tuple[tuple[int, ...], ...]


_EIGHT_WORDS = struct.Struct(">8H")


@lru_cache(maxsize=4096)
def expand_key(key: bytes) -> _Schedule:
    """The round keys of a 16-byte key (RFC 2994, 2.2), arranged for :func:`encrypt_block`.

    With K the eight 16-bit key words and K' = FI(K[i], K[i+1]), round i uses
    KO = K[i], K[i+2], K[i+7], K[i+4] and KI = K'[i+5], K'[i+1], K'[i+3]; FL layer i uses
    (K[i/2], K'[i/2+6]) for even i and (K'[(i-1)/2+2], K[(i-1)/2+4]) for odd i (indices mod 8).
    """
    if len(key) != 16:
        raise ValueError("MISTY1 keys are 16 bytes")
    fi_in, fi_out = _fi_tables()
    k0, k1, k2, k3, k4, k5, k6, k7 = _EIGHT_WORDS.unpack(key)
    # Written out: this runs once per meter, on the hot path of issuing a token.
    q0 = fi_out[fi_in[k0] ^ k1]
    q1 = fi_out[fi_in[k1] ^ k2]
    q2 = fi_out[fi_in[k2] ^ k3]
    q3 = fi_out[fi_in[k3] ^ k4]
    q4 = fi_out[fi_in[k4] ^ k5]
    q5 = fi_out[fi_in[k5] ^ k6]
    q6 = fi_out[fi_in[k6] ^ k7]
    q7 = fi_out[fi_in[k7] ^ k0]
    return (
        (k0, k2, k7, k4, q5, q1, q3, k0, q6, q2, k4),  # FO 0 with FL 0 and FL 1
        (k2, k4, k1, k6, q7, q3, q5, k1, q7, q3, k5),  # FO 2 with FL 2 and FL 3
        (k4, k6, k3, k0, q1, q5, q7, k2, q0, q4, k6),  # FO 4 with FL 4 and FL 5
        (k6, k0, k5, k2, q3, q7, q1, k3, q1, q5, k7),  # FO 6 with FL 6 and FL 7
        (k1, k3, k0, k5, q6, q2, q4),  # FO 1
        (k3, k5, k2, k7, q0, q4, q6),  # FO 3
        (k5, k7, k4, k1, q2, q6, q0),  # FO 5
        (k7, k1, k6, k3, q4, q0, q2),  # FO 7
        (k4, q2, q6, k0),  # FL 8 and FL 9
    )


def encrypt_block(key: bytes, block: int) -> int:
    """Encrypt a 64-bit block (int, big-endian) under a 16-byte key."""
    schedule = expand_key(key)
    fi_in, fi_out = _fi_tables()
    d0, d1 = block >> 32, block & 0xFFFFFFFF
    # FL, FO and FI are written out in the loop: function calls cost more than the work.
    for pair in range(4):
        ko1, ko2, ko3, ko4, ki1, ki2, ki3, a0, o0, a1, o1 = schedule[pair]
        # FL layer.
        h, lo = d0 >> 16, d0 & 0xFFFF
        lo ^= h & a0
        d0 = ((h ^ (lo | o0)) << 16) | lo
        h, lo = d1 >> 16, d1 & 0xFFFF
        lo ^= h & a1
        d1 = ((h ^ (lo | o1)) << 16) | lo
        # Even round: d1 ^= FO(d0).
        t0, t1 = d0 >> 16, d0 & 0xFFFF
        t0 = fi_out[fi_in[t0 ^ ko1] ^ ki1] ^ t1
        t1 = fi_out[fi_in[t1 ^ ko2] ^ ki2] ^ t0
        t0 = fi_out[fi_in[t0 ^ ko3] ^ ki3] ^ t1
        d1 ^= ((t1 ^ ko4) << 16) | t0
        # Odd round: d0 ^= FO(d1).
        ko1, ko2, ko3, ko4, ki1, ki2, ki3 = schedule[4 + pair]
        t0, t1 = d1 >> 16, d1 & 0xFFFF
        t0 = fi_out[fi_in[t0 ^ ko1] ^ ki1] ^ t1
        t1 = fi_out[fi_in[t1 ^ ko2] ^ ki2] ^ t0
        t0 = fi_out[fi_in[t0 ^ ko3] ^ ki3] ^ t1
        d0 ^= ((t1 ^ ko4) << 16) | t0
    a0, o0, a1, o1 = schedule[8]
    h, lo = d0 >> 16, d0 & 0xFFFF
    lo ^= h & a0
    d0 = ((h ^ (lo | o0)) << 16) | lo
    h, lo = d1 >> 16, d1 & 0xFFFF
    lo ^= h & a1
    d1 = ((h ^ (lo | o1)) << 16) | lo
    return (d1 << 32) | d0


def _fo(x: int, keys: tuple[int, ...], fi_in: list[int], fi_out: list[int]) -> int:
    ko1, ko2, ko3, ko4, ki1, ki2, ki3 = keys[:7]
    t0, t1 = x >> 16, x & 0xFFFF
    t0 = fi_out[fi_in[t0 ^ ko1] ^ ki1] ^ t1
    t1 = fi_out[fi_in[t1 ^ ko2] ^ ki2] ^ t0
    t0 = fi_out[fi_in[t0 ^ ko3] ^ ki3] ^ t1
    return ((t1 ^ ko4) << 16) | t0


def _fl_inverse(x: int, and_key: int, or_key: int) -> int:
    high, low = x >> 16, x & 0xFFFF
    high ^= low | or_key
    low ^= high & and_key
    return (high << 16) | low


def decrypt_block(key: bytes, block: int) -> int:
    """Invert :func:`encrypt_block` (the meter side; not on the vending hot path)."""
    schedule = expand_key(key)
    fi_in, fi_out = _fi_tables()
    d0, d1 = block & 0xFFFFFFFF, block >> 32
    a0, o0, a1, o1 = schedule[8]
    d0, d1 = _fl_inverse(d0, a0, o0), _fl_inverse(d1, a1, o1)
    for pair in range(3, -1, -1):
        d0 ^= _fo(d1, schedule[4 + pair], fi_in, fi_out)
        d1 ^= _fo(d0, schedule[pair], fi_in, fi_out)
        a0, o0, a1, o1 = schedule[pair][7:]
        d0, d1 = _fl_inverse(d0, a0, o0), _fl_inverse(d1, a1, o1)
    return (d0 << 32) | d1
