"""Batch request lines decoded and checked while they are parsed, in compiled code.

``starpos token batch`` spent more time reading a line than the engine spent on its token
(docs/benchmarks.md, "Token batch against the engine"): the JSON scanner made a dict, then
a Python loop checked each of its fields. :class:`LineDecoder` hands the line to msgspec's
typed decoder (decision TOK-27), which parses it straight into :class:`PlainLine` and, while
parsing, refuses a name the request does not have, a wrong type, a number out of its field's
range or an algorithm, base date or class that is not one of the plain spellings; only the
fields that need the engine's own parse (keys, supply group codes, the meter, the issue time,
the amount) are checked afterwards in Python, the repeated ones through a memo as in
:class:`starpos.sts.request_reader.RequestReader`.

The fast path accepts a strict subset of what :meth:`TokenRequest.from_mapping` accepts,
and builds the very same request for it: a value it takes is one the existing check takes
unchanged (``"02"`` but not ``2`` or ``" 02"``, a JSON integer but not ``"3"``, ``1.0`` or
``true``). Anything else, good or bad, makes :meth:`LineDecoder.read` answer None, and the
caller reads the line the existing way: every refusal keeps its wording and its field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from starpos.sts.amount import MAX_UNITS
from starpos.sts.meter_number import parse_meter_number
from starpos.sts.request import FIELD_CHECKS, TokenRequest
from starpos.sts.request_reader import MEMO_LIMIT, MEMO_TEXT_LIMIT

# Each a JSON integer in the field's range: what ``whole_number`` takes from an int, unchanged.
_Key = Annotated[int, msgspec.Meta(ge=0, le=3)]
_Class = Annotated[int, msgspec.Meta(ge=0, le=2)]
_Tariff = Annotated[int, msgspec.Meta(ge=0, le=99)]
_Revision = Annotated[int, msgspec.Meta(ge=1, le=9)]
_Expiry = Annotated[int, msgspec.Meta(ge=0, le=255)]
_Nibble = Annotated[int, msgspec.Meta(ge=0, le=15)]
_Word = Annotated[int, msgspec.Meta(ge=0, le=0xFFFF)]
_Units = Annotated[int, msgspec.Meta(ge=0, le=MAX_UNITS)]
_Control = Annotated[int, msgspec.Meta(ge=0, le=(1 << 36) - 1)]
_Bit = Annotated[int, msgspec.Meta(ge=0, le=1)]
_BaseDate = Literal[1993, 2014, 2035]


class PlainLine(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, gc=False):
    """A request line as the fast path takes it: the fields of :class:`TokenRequest`, in its
    order, each narrowed to the spellings its check returns unchanged."""

    id: int | str | None = None  # a fraction, a list or an object: the existing path
    dkga: Literal["02", "04"] | None = None
    ea: Literal["07", "11"] | None = None
    vending_key_hex: str | None = None
    key_type: _Key | None = None
    sgc: str | None = None
    ti: _Tariff | None = None
    krn: _Revision | None = None
    ken: _Expiry | None = None
    base_date: _BaseDate | None = None
    pan: str | None = None
    token_class: _Class  # required: a line without a class is refused
    token_subclass: _Nibble | tuple[_Nibble, ...]  # required, as the class
    issued_at: str | None = None
    random_no: _Nibble | None = None
    amount: str | int | None = None
    register: _Word | None = None
    max_power_limit_w: _Units | None = None
    mppul_w: _Units | None = None
    rate: _Word | None = None
    water_meter_factor: _Word | None = None
    control: _Control | None = None
    manufacturer_code: str | None = None
    new_vending_key_hex: str | None = None
    new_key_type: _Key | None = None
    new_sgc: str | None = None
    new_ti: _Tariff | None = None
    new_krn: _Revision | None = None
    new_ken: _Expiry | None = None
    new_base_date: _BaseDate | None = None
    rollover: _Bit = 0
    zero_amount: _Bit = 0


#: Fields PlainLine takes as any text (or number) and that repeat on the lines of a batch:
#: their checks parse them as the existing path does, once per value, through a memo.
_REMEMBERED = (
    "vending_key_hex", "sgc", "amount", "manufacturer_code", "new_vending_key_hex", "new_sgc",
)  # fmt: skip
_UNSEEN = object()


class LineDecoder:
    """Reads plain batch lines into :class:`TokenRequest`\\s; None for any other line."""

    def __init__(self, limit: int = MEMO_LIMIT) -> None:
        if limit < 1:
            raise ValueError("a decoder must be able to remember one value")
        self.limit = limit
        self._decode = msgspec.json.Decoder(PlainLine).decode
        #: Per remembered field: value as given -> what the field's check made of it.
        self._memos: dict[str, dict[str | int, Any]] = {name: {} for name in _REMEMBERED}

    def remembered(self, name: str) -> int:
        """How many values of field ``name`` the decoder remembers now."""
        return len(self._memos[name])

    def read(self, line: str | bytes) -> TokenRequest | None:
        """The request of a plain line, or None: read it the existing way (it may be good,
        e.g. a number given as text, or bad, and that reading words its refusal)."""
        try:
            values = _asdict(self._decode(line))
            memos, limit = self._memos, self.limit
            for name in _REMEMBERED:
                value = values[name]
                if value is not None:
                    memo = memos[name]
                    checked = memo.get(value, _UNSEEN)
                    if checked is _UNSEEN:
                        checked = FIELD_CHECKS[name](name, value)
                        if value.__class__ is int or len(value) <= MEMO_TEXT_LIMIT:
                            if len(memo) >= limit:
                                memo.clear()
                            memo[value] = checked
                    values[name] = checked
            # New on almost every line: parsed as their checks parse them, without a memo.
            issued_at = values["issued_at"]
            if issued_at is not None:  # check_issued_at's parse_issued_at, minus its frames
                values["issued_at"] = _fromisoformat(issued_at.strip())
            pan = values["pan"]
            if pan is not None:
                meter = parse_meter_number(pan)
                values["pan"] = meter.pan
                values["meter"] = meter  # parsed once, as from_mapping keeps it
        except Exception:  # not plain: the caller's reading says what it is
            return None
        request = object.__new__(TokenRequest)
        request.__dict__.update(values)
        return request


_asdict: Callable[[PlainLine], dict[str, Any]] = msgspec.structs.asdict
_fromisoformat = datetime.fromisoformat
