"""Key change token sets (class 2, IEC 62055-41, 6.3.8 - 6.3.11).

A meter gets its new decoder key in sections, each encrypted with its CURRENT key: two for a
64-bit key (subclasses 3, 4), four for a 128-bit MISTY1 key (subclasses 3, 4, 8, 9).
Payloads (44 bits each, most significant first):

- subclass 3: KENHO(4) | KRN(4) | rollover(1) | reserved 0(1) | KT(2) | new key bytes 0-3
- subclass 4: KENLO(4) | TI(8) | new key bytes 4-7 (64-bit key) or 12-15 (128-bit key)
- subclass 8: SGC low 12 bits | new key bytes 4-7
- subclass 9: SGC high 12 bits | new key bytes 8-11

KENHO/KENLO are the high and low nibbles of the new key expiry number; KRN, KT, TI, SGC are
the new key's. The rollover bit tells the meter to move to a newer TID base date.
The byte-to-section mapping of the 4-section set follows the compliance vectors.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.sts.errors import FieldValueError

_KEY_WORD = 0xFFFFFFFF


@dataclass(frozen=True)
class KeyChange:
    """What a key change set carries. ``new_key`` is 8 or 16 bytes in STS order."""

    new_key: bytes
    key_type: int
    krn: int
    ti: int
    ken: int
    rollover: bool = False
    sgc: str | None = None

    @property
    def subclasses(self) -> tuple[int, ...]:
        return (3, 4) if len(self.new_key) == 8 else (3, 4, 8, 9)


def _word(key: bytes, first: int) -> int:
    return int.from_bytes(key[first : first + 4], "big")


def key_change_payloads(change: KeyChange) -> list[tuple[int, int]]:
    """``[(subclass, payload), ...]`` for every section of the set, in order."""
    key = change.new_key
    if len(key) not in (8, 16):
        raise FieldValueError(field="new key", value=key.hex(), expected="64 or 128 bits")
    section1 = (
        (change.ken >> 4) << 40
        | change.krn << 36
        | int(change.rollover) << 35
        | change.key_type << 32
        | _word(key, 0)
    )
    second_word = _word(key, 4) if len(key) == 8 else _word(key, 12)
    section2 = (change.ken & 15) << 40 | change.ti << 32 | second_word
    if len(key) == 8:
        return [(3, section1), (4, section2)]
    if change.sgc is None:
        raise FieldValueError(field="new SGC", value=None, expected="6 digits for a 128-bit key")
    sgc = int(change.sgc)
    return [
        (3, section1),
        (4, section2),
        (8, (sgc & 0xFFF) << 32 | _word(key, 4)),
        (9, (sgc >> 12) << 32 | _word(key, 8)),
    ]


@dataclass(frozen=True)
class KeyChangeSection:
    """One decoded key change section; the fields a section does not carry are ``None``."""

    subclass: int
    key_word: int
    kenho: int | None = None
    kenlo: int | None = None
    krn: int | None = None
    rollover: bool | None = None
    key_type: int | None = None
    ti: int | None = None
    sgc_part: int | None = None


def parse_key_change_payload(subclass: int, payload: int) -> KeyChangeSection:
    """Read the fields of one section (subclass 3, 4, 8 or 9)."""
    word = payload & _KEY_WORD
    if subclass == 3:
        return KeyChangeSection(
            subclass,
            word,
            kenho=payload >> 40,
            krn=(payload >> 36) & 15,
            rollover=bool((payload >> 35) & 1),
            key_type=(payload >> 32) & 3,
        )
    if subclass == 4:
        return KeyChangeSection(subclass, word, kenlo=payload >> 40, ti=(payload >> 32) & 0xFF)
    return KeyChangeSection(subclass, word, sgc_part=payload >> 32)


def assemble_key_change(sections: dict[int, KeyChangeSection]) -> KeyChange:
    """The key change a complete set of sections (2 or 4, keyed by subclass) carries."""
    first, second = sections[3], sections[4]
    assert first.kenho is not None and second.kenlo is not None
    assert first.krn is not None and first.key_type is not None and second.ti is not None
    words = [first.key_word]
    sgc = None
    if 8 in sections and 9 in sections:
        words += [sections[8].key_word, sections[9].key_word, second.key_word]
        low, high = sections[8].sgc_part or 0, sections[9].sgc_part or 0
        sgc = f"{(high << 12) | low:06d}"
    else:
        words.append(second.key_word)
    return KeyChange(
        new_key=b"".join(w.to_bytes(4, "big") for w in words),
        key_type=first.key_type,
        krn=first.krn,
        ti=second.ti,
        ken=(first.kenho << 4) | second.kenlo,
        rollover=bool(first.rollover),
        sgc=sgc,
    )
