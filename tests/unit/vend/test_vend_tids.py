"""Token identifiers: never repeated for a meter, never in the past of its last token."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from starpos.sts.errors import KeyExpiredError, TidOverflowError
from starpos.sts.tid import tid_for
from starpos.vending.tids import next_tid

NOW = datetime(2026, 11, 22, 10, 30, 45)


def test_the_first_token_uses_the_minute_it_is_made() -> None:
    assert next_tid(NOW, 2014, None, 255) == tid_for(NOW, 2014)


def test_two_tokens_in_one_minute_get_consecutive_tids() -> None:
    first = next_tid(NOW, 2014, None, 255)
    second = next_tid(NOW + timedelta(seconds=5), 2014, first, 255)
    assert second == first + 1


def test_a_clock_set_back_never_gives_a_tid_in_the_past() -> None:
    last = tid_for(NOW, 2014)
    assert next_tid(NOW - timedelta(hours=3), 2014, last, 255) == last + 1


@given(
    st.lists(st.integers(min_value=-600, max_value=600), min_size=1, max_size=40),
)
def test_tids_always_rise_whatever_the_clock_does(offsets_s: list[int]) -> None:
    last: int | None = None
    for offset in offsets_s:
        tid = next_tid(NOW + timedelta(seconds=offset), 2014, last, 255)
        assert last is None or tid > last
        last = tid


def test_past_the_key_expiry_there_is_no_tid() -> None:
    with pytest.raises(KeyExpiredError):
        next_tid(NOW, 2014, None, 0)


def test_base_date_1993_ran_out_in_november_2024() -> None:
    with pytest.raises(TidOverflowError):
        next_tid(NOW, 1993, None, 255)
    assert next_tid(datetime(2024, 9, 1), 1993, None, 255) > 0
