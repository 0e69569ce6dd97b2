"""Token requests and token issue: the vending side of the engine.

A :class:`TokenRequest` holds exactly the fields of a ``starpos token batch`` request line;
:meth:`TokenRequest.from_mapping` checks every field and raises a typed :class:`StsError`
naming the bad one. :func:`issue_tokens` turns a request into its 20-digit token(s).

Key expiry rule (the one the compliance vectors apply): a credit token is refused once its
TID exceeds ``KEN * 65535``. Management and key change tokens are still issued, so an
expired meter can be given a new key.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from starpos.sts.amount import MAX_UNITS, encode_amount, encode_units, parse_amount
from starpos.sts.ciphers import KEY_BITS, check_decoder_key, check_ea, encrypt_block
from starpos.sts.dkga import dkga02, dkga04
from starpos.sts.errors import (
    FieldValueError,
    KeyExpiredError,
    KeyLengthError,
    RequestError,
    TokenClassError,
)
from starpos.sts.fields import (
    DKGA02,
    DKGA04,
    check_base_date_field,
    check_dkga,
    check_issued_at,
    check_key_hex,
    check_sgc,
    whole_number,
)
from starpos.sts.key_change import KeyChange, key_change_payloads
from starpos.sts.lazy import lazy
from starpos.sts.meter_number import MeterNumber, parse_meter_number
from starpos.sts.tables import StaTables
from starpos.sts.tid import tid_for
from starpos.sts.token_codec import format_token, insert_class
from starpos.sts.token_data import (
    KEY_CHANGE_SUBCLASSES,
    build_block,
    meter_test_payload,
    tid_payload,
)

#: Minutes a key expiry number stands for (the vectors' rule: TID > KEN * 65535 expires).
KEN_MINUTES = 65535
#: DKGA04 vending keys are 160 bits; DKGA02 vending keys 64.
VENDING_KEY_BITS = {DKGA02: 64, DKGA04: 160}


def derive_decoder_key(
    *,
    dkga: str,
    ea: str,
    vending_key: bytes,
    meter: MeterNumber,
    key_type: int,
    sgc: str,
    ti: int,
    krn: int,
    base_date: int = 1993,
) -> bytes:
    """The meter's decoder key (STS order) for algorithm ``dkga`` ("02"/"04") and ``ea``.

    DKGA02 needs a 64-bit vending key and gives a 64-bit key (EA07 only); DKGA04 needs a
    160-bit vending key and gives 64 bits for EA07, 128 for EA11. ``base_date`` is used by
    DKGA04 only.
    """
    dkga, ea = check_dkga(dkga), check_ea(ea)
    expected_bits = VENDING_KEY_BITS[dkga]
    if len(vending_key) * 8 != expected_bits:
        raise KeyLengthError(
            name="vending key", bits=len(vending_key) * 8, algorithm=f"DKGA{dkga}",
            expected=expected_bits,
        )  # fmt: skip
    if dkga == DKGA02:
        if KEY_BITS[ea] != 64:
            raise KeyLengthError(
                name="DKGA02 decoder key", bits=64, algorithm="EA11 (MISTY1)", expected=128
            )
        return dkga02(vending_key, meter, key_type, sgc, ti, krn)
    return dkga04(vending_key, meter, key_type, sgc, ti, krn, base_date, ea, KEY_BITS[ea])


def _int_field(low: int, high: int) -> Any:
    return lambda name, value: whole_number(name, value, low, high)


def _subclass(name: str, value: object) -> int | tuple[int, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(whole_number(name, v, 0, 15) for v in value)
    return whole_number(name, value, 0, 15)


def _manufacturer_code(name: str, value: object) -> str:
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not text.isdigit() or len(text) not in (2, 4):
        raise FieldValueError(field=name, value=value, expected="2 or 4 digits")
    return text


#: The check of each request field, given the field's value when the request has one (a
#: field left out or null is None, unchecked, unless it is in CHECKED_WHEN_ABSENT).
FIELD_CHECKS: dict[str, Any] = {
    "id": lambda name, value: value,
    "dkga": lambda name, value: check_dkga(value),
    "ea": lambda name, value: check_ea(value),
    "vending_key_hex": lambda name, value: check_key_hex("vending key", value).hex(),
    "key_type": _int_field(0, 3),
    "sgc": check_sgc,
    "ti": _int_field(0, 99),
    "krn": _int_field(1, 9),
    "ken": _int_field(0, 255),
    "base_date": lambda name, value: check_base_date_field(value),
    # A MeterNumber here: TokenRequest.from_mapping keeps its PAN and the parse for later.
    "pan": lambda name, value: parse_meter_number(str(value)),
    "token_class": lambda name, value: whole_number(name, value, 0, 2),
    "token_subclass": _subclass,
    "issued_at": lambda name, value: check_issued_at(value),
    "random_no": _int_field(0, 15),
    "amount": lambda name, value: parse_amount(value),
    "register": _int_field(0, 0xFFFF),
    "max_power_limit_w": _int_field(0, MAX_UNITS),
    "mppul_w": _int_field(0, MAX_UNITS),
    "rate": _int_field(0, 0xFFFF),
    "water_meter_factor": _int_field(0, 0xFFFF),
    "control": _int_field(0, (1 << 36) - 1),
    "manufacturer_code": _manufacturer_code,
    "new_vending_key_hex": lambda name, value: check_key_hex("new vending key", value).hex(),
    "new_key_type": _int_field(0, 3),
    "new_sgc": check_sgc,
    "new_ti": _int_field(0, 99),
    "new_krn": _int_field(1, 9),
    "new_ken": _int_field(0, 255),
    "new_base_date": lambda name, value: check_base_date_field(value),
    "rollover": lambda name, value: whole_number(name, 0 if value is None else value, 0, 1),
    # Left out: the dataclass default 0 (not checked, so the batch's lines pay nothing for it).
    "zero_amount": _int_field(0, 1),
}


#: Fields checked even when a request leaves them out (their absence is refused or means 0).
CHECKED_WHEN_ABSENT = ("token_class", "token_subclass", "rollover")


@dataclass(frozen=True)
class TokenRequest:
    """One token (or key change set) to issue; field names are those of a batch line.

    Keys are kept as hex text and left out of ``repr`` so they never reach a log.
    """

    id: Any = None
    dkga: str | None = None
    ea: str | None = None
    vending_key_hex: str | None = field(default=None, repr=False)
    key_type: int | None = None
    sgc: str | None = None
    ti: int | None = None
    krn: int | None = None
    ken: int | None = None
    base_date: int | None = None
    pan: str | None = None
    token_class: int = 0
    token_subclass: int | tuple[int, ...] = 0
    issued_at: datetime | None = None
    random_no: int | None = None
    amount: Decimal | None = None
    register: int | None = None
    max_power_limit_w: int | None = None
    mppul_w: int | None = None
    rate: int | None = None
    water_meter_factor: int | None = None
    control: int | None = None
    manufacturer_code: str | None = None
    new_vending_key_hex: str | None = field(default=None, repr=False)
    new_key_type: int | None = None
    new_sgc: str | None = None
    new_ti: int | None = None
    new_krn: int | None = None
    new_ken: int | None = None
    new_base_date: int | None = None
    rollover: int = 0
    #: 1: a credit token carrying exactly 0 on purpose (``amount`` 0 or left out); see
    #: :func:`credit_value`. A credit token for 0 is refused otherwise.
    zero_amount: int = 0

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> TokenRequest:
        """Check every field of a decoded request (e.g. one JSON line) and build it."""
        unknown = data.keys() - FIELD_CHECKS.keys()
        if unknown:
            raise FieldValueError(
                field="request", value=min(unknown), expected="one of the documented field names"
            )
        # Only the fields given are checked (a batch line names about half of them); the
        # few whose absence is itself an answer are checked absent too.
        values = dict(FIELD_DEFAULTS)
        for name, value in data.items():
            if value is not None:
                values[name] = FIELD_CHECKS[name](name, value)
        for name in CHECKED_WHEN_ABSENT:
            if data.get(name) is None:
                values[name] = FIELD_CHECKS[name](name, None)
        meter = values["pan"]
        if meter is not None:
            values["pan"] = meter.pan
            values["meter"] = meter  # parsed once: what the cached property would compute
        # Every field is checked above: the dataclass's __init__ would only set them again
        # one by one, a third of a batch line's time (docs/benchmarks.md, token batch).
        request = object.__new__(cls)
        request.__dict__.update(values)
        return request

    def as_mapping(self) -> dict[str, Any]:
        """The request as a plain dict of its fields (keys included: handle with care)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @lazy
    def meter(self) -> MeterNumber:
        return parse_meter_number(self.required("pan"))

    def required(self, name: str) -> Any:
        """The value of field ``name``, or :class:`RequestError` when it is missing."""
        value = getattr(self, name)
        if value is None:
            raise RequestError(field=name)
        return value

    def decoder_key(self) -> bytes:
        """The meter's current decoder key, derived from the request's key fields."""
        return derive_decoder_key(
            dkga=self.required("dkga"),
            ea=self.required("ea"),
            vending_key=bytes.fromhex(self.required("vending_key_hex")),
            meter=self.meter,
            key_type=self.required("key_type"),
            sgc=self.required("sgc"),
            ti=self.required("ti"),
            krn=self.required("krn"),
            base_date=self.base_date or self.new_base_date or 1993,
        )

    def key_change(self) -> KeyChange:
        """The new key and its parameters (missing ``new_*`` fields keep the current value)."""
        new_base_date = self.new_base_date or self.base_date or 1993
        new_key = derive_decoder_key(
            dkga=self.required("dkga"),
            ea=self.required("ea"),
            vending_key=bytes.fromhex(self.new_vending_key_hex or self.required("vending_key_hex")),
            meter=self.meter,
            key_type=_first(self.new_key_type, self.key_type, "key_type"),
            sgc=_first(self.new_sgc, self.sgc, "sgc"),
            ti=_first(self.new_ti, self.ti, "ti"),
            krn=_first(self.new_krn, self.krn, "krn"),
            base_date=new_base_date,
        )
        base_date_changes = self.base_date is not None and new_base_date != self.base_date
        return KeyChange(
            new_key=new_key,
            key_type=_first(self.new_key_type, self.key_type, "key_type"),
            krn=_first(self.new_krn, self.krn, "krn"),
            ti=_first(self.new_ti, self.ti, "ti"),
            ken=_first(self.new_ken, self.ken, "ken"),
            rollover=bool(self.rollover) or base_date_changes,
            sgc=_first(self.new_sgc, self.sgc, "sgc"),
        )


#: Every field's default, as a request that leaves it out has it.
FIELD_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(TokenRequest)}


def _first(new: Any, current: Any, name: str) -> Any:
    if new is not None:
        return new
    if current is None:
        raise RequestError(field=name)
    return current


def _management_value(request: TokenRequest, subclass: int) -> int:
    need = request.required
    if subclass == 0:
        return encode_units(need("max_power_limit_w"))
    if subclass == 1:
        return int(need("register"))
    if subclass == 2:
        return int(need("rate"))
    if subclass == 5:
        return 0
    if subclass == 6:
        return encode_units(need("mppul_w"))
    if subclass == 7:
        return int(need("water_meter_factor"))
    raise TokenClassError(token_class=2, subclass=subclass)


def credit_value(request: TokenRequest) -> int:
    """The amount field of a credit token: ``amount``, or 0 when ``zero_amount`` asks for it.

    A zero-amount credit token exists for one purpose: a token with a later TID that makes
    the meter refuse an earlier one (a token cancel; the STS 531 compliance suites issue one
    in CTSA21 step 11). It is made only when the request says so by name, so an amount that
    comes out as 0 by mistake is still refused (:class:`AmountNotPositiveError`).
    """
    if not request.zero_amount:
        return encode_amount(request.required("amount"))
    amount = Decimal(0) if request.amount is None else request.amount
    if amount != 0:
        raise FieldValueError(field="amount", value=amount, expected="0 with zero_amount")
    return encode_amount(amount, allow_zero=True)


def encrypt_to_token(
    token_class: int, block: int, ea: str, decoder_key: bytes, tables: StaTables | None
) -> str:
    """Encrypt a plaintext block and write it as the 20-digit token."""
    return format_token(insert_class(encrypt_block(ea, decoder_key, block, tables), token_class))


def _random_no(request: TokenRequest) -> int:
    return secrets.randbelow(16) if request.random_no is None else request.random_no


def issue_with_key(
    request: TokenRequest, decoder_key: bytes, tables: StaTables | None
) -> list[str]:
    """Issue the request's token(s) with an already derived decoder key."""
    token_class, subclass = request.token_class, request.token_subclass
    if token_class == 1:
        if not isinstance(subclass, int):
            raise TokenClassError(token_class=1, subclass=subclass)
        payload = meter_test_payload(
            subclass, request.required("control"), request.required("manufacturer_code")
        )
        # Class 1 tokens are not encrypted: any meter must accept them.
        return [format_token(insert_class(build_block(1, subclass, payload), 1))]
    ea = check_ea(request.required("ea"))
    check_decoder_key(ea, decoder_key)
    if token_class == 2 and (not isinstance(subclass, int) or subclass in KEY_CHANGE_SUBCLASSES):
        return _issue_key_change(request, decoder_key, tables, ea)
    if not isinstance(subclass, int):
        raise TokenClassError(token_class=token_class, subclass=subclass)
    tid = tid_for(request.required("issued_at"), request.required("base_date"))
    if token_class == 0:
        if subclass > 7:
            raise TokenClassError(token_class=0, subclass=subclass)
        ken = request.required("ken")
        if tid > ken * KEN_MINUTES:
            raise KeyExpiredError(ken=ken, tid=tid)
        value = credit_value(request)
    else:
        value = _management_value(request, subclass)
    block = build_block(token_class, subclass, tid_payload(_random_no(request), tid, value))
    return [encrypt_to_token(token_class, block, ea, decoder_key, tables)]


def _issue_key_change(
    request: TokenRequest, decoder_key: bytes, tables: StaTables | None, ea: str
) -> list[str]:
    change = request.key_change()
    check_decoder_key(ea, change.new_key, "new decoder key")
    subclass = request.token_subclass
    expected = change.subclasses
    asked = (subclass,) if isinstance(subclass, int) else subclass
    if request.token_class != 2 or tuple(asked) != expected:
        raise FieldValueError(
            field="token_subclass",
            value=list(asked),
            expected=f"{list(expected)} for a {len(change.new_key) * 8}-bit key change",
        )
    # Every section is encrypted with the CURRENT key: the meter does not know the new one.
    return [
        encrypt_to_token(2, build_block(2, sub, payload), ea, decoder_key, tables)
        for sub, payload in key_change_payloads(change)
    ]


def issue_tokens(request: TokenRequest, tables: StaTables | None) -> list[str]:
    """The 20-digit token(s) of ``request``: one token, or a key change set in order.

    ``tables`` are the STA tables (needed for EA07; ``None`` is fine for EA11 and class 1).
    Raises a :class:`StsError` subclass naming the first bad or missing input.
    """
    if request.token_class == 1:
        return issue_with_key(request, b"", None)
    return issue_with_key(request, request.decoder_key(), tables)
