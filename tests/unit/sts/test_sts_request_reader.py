"""The batch's request reader (issue 16, "Speed"): what it remembers never changes an answer.

Every line it reads must give what :meth:`TokenRequest.from_mapping` gives for it, the same
request or the same refusal (class, code, message), whatever the lines read before it
left in its memory; and the memory stays bounded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starpos.sts.errors import StsError
from starpos.sts.meter_number import make_meter_number
from starpos.sts.request import TokenRequest
from starpos.sts.request_reader import MEMO_TEXT_LIMIT, RequestReader
from tests.unit.sts.test_sts_request_errors import BAD_INPUTS, GOOD


def _outcome(read: Any, data: dict[str, Any]) -> tuple[Any, ...]:
    """What reading ``data`` gives, in a form two readings can be compared by."""
    try:
        request = read(data)
    except StsError as error:
        return ("refused", type(error), error.code, error.message)
    return ("read", request.as_mapping(), request.meter if request.pan else None)


def _same_as_a_single_request(reader: RequestReader, data: dict[str, Any]) -> None:
    assert _outcome(reader.read, data) == _outcome(TokenRequest.from_mapping, data)


@pytest.mark.parametrize("changes", [b[1] for b in BAD_INPUTS], ids=[b[0] for b in BAD_INPUTS])
def test_each_bad_input_is_read_as_a_single_request_reads_it(changes: dict[str, Any]) -> None:
    reader = RequestReader()
    _same_as_a_single_request(reader, GOOD)  # the good values are remembered now
    _same_as_a_single_request(reader, {**GOOD, **changes})
    _same_as_a_single_request(reader, {**GOOD, **changes})  # a refusal is not remembered


@pytest.mark.parametrize(
    ("field", "remembered", "given"),
    [
        ("krn", 1, True),  # True == 1, but a bool is no whole number
        ("key_type", 1, Decimal("1.0")),  # equal too, and refused too
        ("ti", "01", 1),  # text and number: each read for itself
        ("token_class", 0, False),
        ("base_date", 2014, "2014"),
    ],
)
def test_a_value_equal_to_a_remembered_one_is_still_checked(
    field: str, remembered: Any, given: Any
) -> None:
    reader = RequestReader()
    _same_as_a_single_request(reader, {**GOOD, field: remembered})
    _same_as_a_single_request(reader, {**GOOD, field: given})


def test_an_unknown_name_is_refused_before_a_bad_value_as_a_single_request_does() -> None:
    reader = RequestReader()
    line = {**GOOD, "krn": 99, "colour": "red"}
    assert "'colour'" in _outcome(reader.read, line)[3]
    _same_as_a_single_request(reader, line)


def test_a_required_field_left_out_or_null_is_refused() -> None:
    reader = RequestReader()
    for name in ("token_class", "token_subclass"):
        _same_as_a_single_request(reader, {k: v for k, v in GOOD.items() if k != name})
        _same_as_a_single_request(reader, {**GOOD, name: None})
    _same_as_a_single_request(reader, {k: v for k, v in GOOD.items() if k != "rollover"})


def test_the_memory_is_bounded_and_forgets_nothing_it_needs() -> None:
    reader = RequestReader(limit=3)
    for serial in range(10):
        pan = make_meter_number("600727", "04", serial).pan
        _same_as_a_single_request(reader, {**GOOD, "pan": pan})
        assert reader.remembered("pan") <= 3
    assert reader.remembered("sgc") == 1  # one value remembered, not one a line


def test_long_text_is_checked_every_time_not_remembered() -> None:
    reader = RequestReader()
    spaced = " ".join("abababababababab") + " " * MEMO_TEXT_LIMIT
    _same_as_a_single_request(reader, {**GOOD, "vending_key_hex": spaced})
    assert reader.remembered("vending_key_hex") == 0


def test_a_reader_needs_room_for_one_value() -> None:
    with pytest.raises(ValueError):
        RequestReader(limit=0)


# Good and bad values of the fields a batch line gives, drawn in any mix and any order, read
# by one reader (so each line meets what the earlier ones left in its memory).
_VALUES: dict[str, list[Any]] = {
    "id": [1, "a", None, [1, 2], Decimal("1.5"), True],
    "dkga": ["02", "04", 2, "03", True, None],
    "ea": ["07", "11", 7, "09", None],
    "vending_key_hex": ["abababababababab", "ab ab ab ab ab ab ab ab", "zz", "", 5, None],
    "key_type": [2, 1, True, "2", " 2 ", 4, Decimal("2"), None],
    "sgc": ["123456", 123456, "12345", True, None],
    "ti": [1, "01", 100, -1, True, None],
    "krn": [1, "1", 0, 10, True, False, None],
    "ken": [255, "255", 256, None],
    "base_date": [1993, 2014, "2014", 2000, True, None],
    "pan": [
        "600727000000000009",
        "600727000000000008",
        "60072700000000000X",
        "00000000001",
        "0000 0000 0000 0000 11",
        600727000000000009,
        None,
    ],
    "token_class": [0, 1, 2, "0", 3, True, False, None],
    "token_subclass": [0, 1, 5, [3, 4], [3, "x"], 16, True, None],
    "issued_at": ["2004-03-01T13:55:00Z", "2025-01-01T08:00:00", "yesterday", 5, None],
    "random_no": [5, 0, 16, "5", None],
    "amount": ["0.1", "1", 1, Decimal("0.1"), "ten", True, 0.1, None],
    "rollover": [0, 1, 2, True, None],
    "zero_amount": [0, 1, 2, None],
    "colour": ["red"],
}
_lines = st.lists(
    st.sampled_from(sorted(_VALUES)).flatmap(
        lambda name: st.tuples(st.just(name), st.sampled_from(_VALUES[name]))
    ),
    max_size=22,
).map(dict)
_SHARED = RequestReader(limit=8)  # small: its memory is emptied now and then as well


@settings(deadline=None, max_examples=400)
@given(st.lists(st.one_of(st.just(GOOD), _lines.map(lambda c: {**GOOD, **c}), _lines)))
def test_any_mix_of_lines_reads_as_single_requests(lines: list[dict[str, Any]]) -> None:
    for line in lines:
        _same_as_a_single_request(_SHARED, line)
