"""The meter model accepts, refuses and re-keys the way an STS meter does."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from starpos.sts.meter_model import MeterModel, MeterResponse
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.sts.tables import StaTables

START = datetime(2024, 1, 2, 8, 0)


def credit_request(**changes: object) -> TokenRequest:
    fields: dict[str, object] = {
        "dkga": "02",
        "ea": "07",
        "vending_key_hex": "0123456789abcdef",
        "key_type": 2,
        "sgc": "123456",
        "ti": 1,
        "krn": 1,
        "ken": 255,
        "base_date": 1993,
        "pan": "600727000000000009",
        "token_class": 0,
        "token_subclass": 0,
        "issued_at": START.isoformat(),
        "random_no": 3,
        "amount": "10.5",
    }
    fields.update(changes)
    return TokenRequest.from_mapping(fields)


@pytest.fixture
def meter(compliance_tables: StaTables) -> MeterModel:
    return MeterModel(credit_request().decoder_key(), "07", compliance_tables, tid_memory=3)


def at(minutes: int, **changes: object) -> TokenRequest:
    return credit_request(issued_at=(START + timedelta(minutes=minutes)).isoformat(), **changes)


def enter(meter: MeterModel, request: TokenRequest, tables: StaTables) -> MeterResponse:
    return meter.enter(issue_tokens(request, tables)[0]).response


def test_credit_is_accepted_once(meter: MeterModel, compliance_tables: StaTables) -> None:
    token = issue_tokens(at(0), compliance_tables)[0]
    assert meter.enter(token).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("10.5")
    assert meter.enter(token).response is MeterResponse.USED
    assert meter.credit == Decimal("10.5")


def test_tokens_older_than_the_memory_are_old(
    meter: MeterModel, compliance_tables: StaTables
) -> None:
    for minute in (10, 11, 12):
        assert enter(meter, at(minute), compliance_tables) is MeterResponse.ACCEPTED
    assert enter(meter, at(5), compliance_tables) is MeterResponse.OLD
    # Out of order but newer than the oldest remembered TID: still accepted.
    assert enter(meter, at(10, random_no=4, amount="1"), compliance_tables) is MeterResponse.USED
    assert enter(meter, at(13), compliance_tables) is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("42.0")


def test_a_token_for_another_meter_is_rejected(
    meter: MeterModel, compliance_tables: StaTables
) -> None:
    other = at(0, pan="600727000000000181")
    result = meter.enter(issue_tokens(other, compliance_tables)[0])
    assert result.response is MeterResponse.REJECTED
    assert result.error is not None


def test_credit_after_the_key_expiry_is_refused(compliance_tables: StaTables) -> None:
    request = at(0, ken=1)
    meter = MeterModel(request.decoder_key(), "07", compliance_tables, ken=1)
    # The vending side refuses too; enter a token made for a meter with a later expiry.
    token = issue_tokens(replace(request, ken=255), compliance_tables)[0]
    assert meter.enter(token).response is MeterResponse.KEY_EXPIRED


def test_management_tokens_change_the_settings(
    meter: MeterModel, compliance_tables: StaTables
) -> None:
    enter(meter, at(0), compliance_tables)
    limit = at(1, token_class=2, token_subclass=0, max_power_limit_w=5000)
    assert enter(meter, limit, compliance_tables) is MeterResponse.ACCEPTED
    assert meter.state.max_power_limit_w == 5000
    clear = at(2, token_class=2, token_subclass=1, register=0xFFFF)
    assert enter(meter, clear, compliance_tables) is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("0.0")


@pytest.mark.parametrize(("ea", "dkga", "key"), [("07", "02", "ab" * 8), ("11", "04", "ab" * 20)])
def test_key_change_sections_are_staged_until_complete(
    ea: str, dkga: str, key: str, compliance_tables: StaTables
) -> None:
    current = at(0, ea=ea, dkga=dkga, vending_key_hex=key)
    meter = MeterModel(current.decoder_key(), ea, compliance_tables)
    sections = 2 if ea == "07" else 4
    subclasses = [3, 4] if sections == 2 else [3, 4, 8, 9]
    change = replace(
        current,
        token_class=2,
        token_subclass=tuple(subclasses),
        new_ti=7,
        new_krn=2,
        new_ken=254,
        amount=None,
    )
    tokens = issue_tokens(change, compliance_tables)
    assert len(tokens) == sections
    for token in tokens[:-1]:
        assert meter.enter(token).response is MeterResponse.KEY_CHANGE_STAGED
    assert meter.enter(tokens[-1]).response is MeterResponse.KEY_CHANGED
    after = replace(current, ti=7, krn=2, ken=254)
    assert meter.state.decoder_key == after.decoder_key()
    assert (meter.state.ti, meter.state.krn, meter.state.ken) == (7, 2, 254)
    assert enter(
        meter, replace(after, issued_at=START + timedelta(minutes=1)), compliance_tables
    ) is (MeterResponse.ACCEPTED)
    # A token made with the old key is no longer accepted.
    assert enter(meter, at(2, ea=ea, dkga=dkga, vending_key_hex=key), compliance_tables) is (
        MeterResponse.REJECTED
    )


def test_a_rollover_key_change_moves_the_meter_to_the_next_base_date(
    compliance_tables: StaTables,
) -> None:
    current = at(0)
    meter = MeterModel(current.decoder_key(), "07", compliance_tables)
    assert enter(meter, current, compliance_tables) is MeterResponse.ACCEPTED
    change = replace(current, token_class=2, token_subclass=(3, 4), new_base_date=2014, amount=None)
    for token in issue_tokens(change, compliance_tables):
        meter.enter(token)
    assert meter.state.base_date == 2014
    assert meter.state.tids == []
    after = replace(current, base_date=2014, issued_at=datetime(2025, 1, 1, 9, 0))
    assert enter(meter, after, compliance_tables) is MeterResponse.ACCEPTED
