"""The batch's typed line decoder (issue 16, "Speed"; TOK-27): a line it takes is the request
:meth:`TokenRequest.from_mapping` makes of the same line; any other line it leaves alone.

Whatever the decoder answers for a line, the batch's answer must be the one the existing
reading gives: so a line the decoder reads must be read to the very same request (fields and
parsed meter) by ``json`` + ``from_mapping``, and every line it does not take is refused or
read by that reading itself (the batch tests check the wording of those refusals).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starpos.bench.token import bench_lines
from starpos.sts.errors import StsError
from starpos.sts.line_decoder import LineDecoder
from starpos.sts.request import TokenRequest
from starpos.sts.request_reader import MEMO_TEXT_LIMIT
from tests.unit.sts.test_sts_request_errors import BAD_INPUTS, GOOD
from tests.unit.sts.test_sts_request_reader import _VALUES


def _json(data: dict[str, Any]) -> str:
    """``data`` as a request line; a Decimal written as a JSON number, as a client sends it."""
    return "{" + ", ".join(f"{json.dumps(k)}: {_raw(v)}" for k, v in data.items()) + "}"


def _raw(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_raw(v) for v in value) + "]"
    return json.dumps(value)


def _single(line: str | bytes) -> tuple[Any, ...]:
    """The request the existing reading makes of ``line``, or its refusal."""
    try:
        request = TokenRequest.from_mapping(json.loads(line, parse_float=Decimal))
    except (StsError, ValueError) as error:
        return ("refused", type(error))
    return ("read", request.as_mapping(), request.meter if request.pan else None)


def _agrees(decoder: LineDecoder, line: str | bytes) -> bool:
    """Whether ``decoder`` took ``line`` (a line it takes must read as a single request)."""
    request = decoder.read(line)
    if request is None:
        return False
    assert _single(line) == ("read", request.as_mapping(), request.meter if request.pan else None)
    return True


#: The errors' good line with every number a JSON integer ("ti" is "01" there).
PLAIN = {**GOOD, "ti": 1}


def test_a_plain_line_is_taken_by_the_fast_path() -> None:
    decoder = LineDecoder()
    assert _agrees(decoder, _json(PLAIN))
    assert not _agrees(decoder, _json(GOOD))  # good, but read the existing way
    for line in bench_lines("07", 20).splitlines():
        assert _agrees(decoder, line)  # the bench's lines: bytes, as the batch reads them


@pytest.mark.parametrize("changes", [b[1] for b in BAD_INPUTS], ids=[b[0] for b in BAD_INPUTS])
def test_a_line_refused_when_read_is_left_to_the_existing_reading(
    changes: dict[str, Any],
) -> None:
    """A line taken must read as a single request (the refusals of an expired key, a TID
    before the base date ... come later, from the engine); one refused is not taken."""
    decoder = LineDecoder()
    assert _agrees(decoder, _json(PLAIN))  # its values are remembered now
    line = _json({**PLAIN, **changes})
    if _single(line)[0] == "refused":
        assert decoder.read(line) is None
    _agrees(decoder, line)


@pytest.mark.parametrize(
    "line",
    [
        '{"token_class": 0, "token_subclass": 0, "krn": 1.0}',  # a float, even a whole one
        '{"token_class": 0, "token_subclass": 0, "krn": true}',
        '{"token_class": 0, "token_subclass": 0, "krn": "1"}',  # good, read the existing way
        '{"token_class": 0, "token_subclass": 0, "ea": " 07"}',
        '{"token_class": 0, "token_subclass": 0, "id": 1.5}',  # a Decimal id, written as text
        '{"token_class": 0, "token_subclass": 0, "id": [1]}',
        '{"token_class": 0, "token_subclass": 0, "colour": "red"}',
        '{"token_class": 0, "token_subclass": 0, "id": "\\ud800"}',  # a lone surrogate
        '{"token_class": 0}',  # the subclass left out: refused by the existing reading
        '{"token_class": null, "token_subclass": 0}',
        '{"token_class": 0, "token_subclass": 0, "rollover": null}',
        '{"token_class": 0, "token_subclass": 0, "amount": NaN}',
        '{"token_class": 0, "token_subclass": 0} x',
        "[1, 2]",
        "",
    ],
)
def test_a_line_not_plain_is_left_to_the_existing_reading(line: str) -> None:
    assert LineDecoder().read(line) is None
    assert LineDecoder().read(line.encode("utf-8", "surrogatepass")) is None


def test_the_memory_is_bounded_and_long_text_is_not_remembered() -> None:
    decoder = LineDecoder(limit=3)
    for amount in range(1, 10):
        assert _agrees(decoder, _json({**PLAIN, "amount": str(amount)}))
        assert decoder.remembered("amount") <= 3
    assert decoder.remembered("sgc") == 1
    spaced = " ".join(["ab"] * 8) + " " * MEMO_TEXT_LIMIT
    assert _agrees(decoder, _json({**PLAIN, "vending_key_hex": spaced}))
    assert decoder.remembered("vending_key_hex") == 1  # the short spelling only
    with pytest.raises(ValueError):
        LineDecoder(limit=0)


# The reader's good and bad values, and some only a JSON text can carry, in any mix.
_LINE_VALUES: dict[str, list[Any]] = {
    **_VALUES,
    "id": [*_VALUES["id"], 1 << 70, -3, "", {"a": 1}],
    "krn": [*_VALUES["krn"], Decimal("1.0"), 1 << 70],
    "issued_at": [
        *_VALUES["issued_at"],
        " 2025-01-01T08:00:00 ",
        "2025-01-01 08:00",
        "2025-01-01T08:00:00.1234567",
        "2025-01-01T08:00:00+02:00",
    ],
    "amount": [*_VALUES["amount"], "1e3", " 5 ", "-0", 1 << 70],
    "token_subclass": [*_VALUES["token_subclass"], [], [3, 4, 8, 9], [16]],
    "manufacturer_code": ["12", 12, "1234", "123", None],
    "new_sgc": ["654321", 654321, "x", None],
    "control": [0, (1 << 36) - 1, 1 << 36, None],
}
_lines = st.lists(
    st.sampled_from(sorted(_LINE_VALUES)).flatmap(
        lambda name: st.tuples(st.just(name), st.sampled_from(_LINE_VALUES[name]))
    ),
    max_size=22,
).map(dict)
_SHARED = LineDecoder(limit=8)  # small: its memory is emptied now and then as well


@settings(deadline=None, max_examples=400)
@given(st.lists(st.one_of(st.just(PLAIN), _lines.map(lambda c: {**PLAIN, **c}), _lines)))
def test_any_mix_of_lines_taken_reads_as_single_requests(lines: list[dict[str, Any]]) -> None:
    for line in lines:
        _agrees(_SHARED, _json(line))
        _agrees(_SHARED, _json(line).encode())
