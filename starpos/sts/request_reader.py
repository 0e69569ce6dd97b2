"""Token requests read in bulk: each field value of a batch checked once, not once a line.

A batch repeats itself: the key data, algorithm and tariff fields are the same on every line,
a meter comes back for a key change set or several tokens, amounts and issue times recur.
:class:`RequestReader` builds the same :class:`TokenRequest` as
:meth:`TokenRequest.from_mapping`, but keeps what each field's check made of a value it
accepted, so the value costs a dictionary look-up the next time (docs/benchmarks.md, "Token
batch against the engine"; decision TOK-23).

Only what cannot change the answer is remembered: values of exactly ``str`` or ``int`` (a
``True`` never finds the answer kept for ``1``, nor ``"1"`` that for ``1``), what the
checks made of them (text, numbers, dates, Decimals, meter numbers: none of them can be
changed afterwards), never a refusal. A line that is anything but plainly good (a name the
request does not have, a refusal, a required field left out) is read again by
:meth:`TokenRequest.from_mapping` itself, so it is refused with exactly the error, and for
exactly the field, that a single request gets.

A reader lives as long as one batch: the keys it has seen are not kept past it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starpos.sts.request import CHECKED_WHEN_ABSENT, FIELD_CHECKS, FIELD_DEFAULTS, TokenRequest

#: Values remembered per field at most; a field that reaches it starts again empty (a batch
#: of new meters or new issue times would otherwise grow it with every line).
MEMO_LIMIT = 4096
#: Longer text is checked every time: the bound is on what a memo may hold, not only on how
#: many values (a key in hex with spaces, the longest good field, stays well under it).
MEMO_TEXT_LIMIT = 128

_UNSEEN = object()


class _NotPlain(Exception):
    """This line needs :meth:`TokenRequest.from_mapping`'s own reading."""


class RequestReader:
    """Reads request mappings (decoded batch lines) into checked :class:`TokenRequest`\\s."""

    def __init__(self, limit: int = MEMO_LIMIT) -> None:
        if limit < 1:
            raise ValueError("a reader must be able to remember one value")
        self.limit = limit
        #: Per field: value as given (exactly str or int) -> what the field's check made of it.
        self._memos: dict[str, dict[str | int, Any]] = {
            name: {} for name in FIELD_CHECKS if name != "id"
        }

    def remembered(self, name: str) -> int:
        """How many values of field ``name`` the reader remembers now."""
        return len(self._memos[name])

    def read(self, data: Mapping[str, Any]) -> TokenRequest:
        """The request ``data`` stands for, or the :class:`StsError` that refuses it."""
        # Filled in place, as from_mapping fills its request (the fields are all checked
        # here: the dataclass's __init__ would only set them again one by one).
        request = object.__new__(TokenRequest)
        values = request.__dict__
        values.update(FIELD_DEFAULTS)
        try:
            self._check(data, values)
        except Exception:  # whatever it is, the single request's reading says it
            return TokenRequest.from_mapping(data)
        meter = values["pan"]
        if meter is not None:
            values["pan"] = meter.pan
            values["meter"] = meter
        return request

    def _check(self, data: Mapping[str, Any], values: dict[str, Any]) -> None:
        memos, limit = self._memos, self.limit
        for name, value in data.items():
            memo = memos.get(name)
            if memo is None:  # the request's id (any JSON value), or a name it does not have
                if name != "id":
                    raise _NotPlain(name)
                values["id"] = value
            elif value is not None:  # None: left out (CHECKED_WHEN_ABSENT are seen to below)
                kind = value.__class__
                if kind is int or kind is str:
                    checked = memo.get(value, _UNSEEN)
                    if checked is _UNSEEN:  # new, or text too long to be remembered
                        checked = FIELD_CHECKS[name](name, value)
                        if kind is int or len(value) <= MEMO_TEXT_LIMIT:
                            if len(memo) >= limit:
                                memo.clear()
                            memo[value] = checked
                else:  # a bool, a Decimal, a list ...: checked every time
                    checked = FIELD_CHECKS[name](name, value)
                values[name] = checked
        for name in CHECKED_WHEN_ABSENT:
            if data.get(name) is None:
                values[name] = FIELD_CHECKS[name](name, None)
