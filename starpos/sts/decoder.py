"""The meter side of a token: decrypt, check the CRC and class, and read the typed fields."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from starpos.sts.amount import decode_amount, decode_units
from starpos.sts.ciphers import check_decoder_key, check_ea, decrypt_block
from starpos.sts.errors import KeyLengthError, TokenClassError
from starpos.sts.key_change import KeyChangeSection, parse_key_change_payload
from starpos.sts.tables import StaTables
from starpos.sts.tid import issued_at_for
from starpos.sts.token_codec import extract_class, format_token, parse_token
from starpos.sts.token_data import (
    KEY_CHANGE_SUBCLASSES,
    split_block,
    split_meter_test_payload,
    split_tid_payload,
)


@dataclass(frozen=True)
class DecodedToken:
    """The fields of a token as a meter reads them; those its class does not carry are None.

    ``amount`` is in units (kWh, m3 ...) at 0.1 resolution; power limits are watts;
    ``tid`` is minutes since the meter's base date (see :meth:`issued_at`).
    """

    token: str
    token_class: int
    subclass: int
    random: int | None = None
    tid: int | None = None
    amount: Decimal | None = None
    register: int | None = None
    max_power_limit_w: int | None = None
    mppul_w: int | None = None
    rate: int | None = None
    water_meter_factor: int | None = None
    control: int | None = None
    manufacturer_code: str | None = None
    key_change: KeyChangeSection | None = None
    #: The raw 16-bit value field of a credit or management token.
    value_field: int | None = None

    def issued_at(self, base_date: int) -> datetime | None:
        """The wall-clock issue time for the meter's base date (None without a TID)."""
        return None if self.tid is None else issued_at_for(self.tid, base_date)

    def as_dict(self) -> dict[str, Any]:
        """The fields that are set, for JSON (Decimals stay Decimals)."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def _management_fields(subclass: int, value: int) -> dict[str, Any]:
    if subclass == 0:
        return {"max_power_limit_w": decode_units(value)}
    if subclass == 1:
        return {"register": value}
    if subclass == 2:
        return {"rate": value}
    if subclass == 6:
        return {"mppul_w": decode_units(value)}
    if subclass == 7:
        return {"water_meter_factor": value}
    return {}  # clear tamper carries a zero pad


def decode_token(
    token: str, decoder_key: bytes | None, ea: str | None, tables: StaTables | None
) -> DecodedToken:
    """Decode a 20-digit token with the meter's decoder key (STS order) and algorithm.

    Class 1 tokens need no key (``decoder_key`` and ``ea`` may be None). Raises
    :class:`TokenFormatError` for a malformed token, :class:`TokenCrcError` when the CRC
    fails (wrong key or a mistyped digit) and :class:`TokenClassError` for reserved classes.
    """
    number = parse_token(token)
    text = format_token(number)
    token_class, block = extract_class(number)
    if token_class == 1:
        subclass, payload = split_block(1, block, text)
        control, code = split_meter_test_payload(subclass, payload)
        return DecodedToken(text, 1, subclass, control=control, manufacturer_code=code)
    if token_class == 3:
        raise TokenClassError(token_class=3, subclass="-")
    algorithm = check_ea(ea)
    if decoder_key is None:
        raise KeyLengthError(name="decoder key", bits=0, algorithm=algorithm, expected="64/128")
    check_decoder_key(algorithm, decoder_key)
    plain = decrypt_block(algorithm, decoder_key, block, tables)
    subclass, payload = split_block(token_class, plain, text)
    if token_class == 2 and subclass in KEY_CHANGE_SUBCLASSES:
        section = parse_key_change_payload(subclass, payload)
        return DecodedToken(text, 2, subclass, key_change=section)
    random_no, tid, value = split_tid_payload(payload)
    common: dict[str, Any] = {"random": random_no, "tid": tid, "value_field": value}
    if token_class == 0:
        if subclass > 7:
            raise TokenClassError(token_class=0, subclass=subclass)
        return DecodedToken(text, 0, subclass, amount=decode_amount(value), **common)
    if subclass > 9:
        raise TokenClassError(token_class=2, subclass=subclass)
    return DecodedToken(text, 2, subclass, **common, **_management_fields(subclass, value))
