"""Property tests: what holds for every key, meter, time, amount and class."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starpos.sts.amount import MAX_AMOUNT, encode_amount, representable_floor, token_amount
from starpos.sts.decoder import decode_token
from starpos.sts.errors import StsError
from starpos.sts.key_change import assemble_key_change
from starpos.sts.meter_number import make_meter_number
from starpos.sts.request import KEN_MINUTES, TokenRequest, issue_tokens
from starpos.sts.tables import StaTables
from starpos.sts.tid import TID_MAX

# The tables fixture is session-wide, so sharing it between examples is safe; the machine is
# shared with other test runs, so no per-example deadline.
FIXTURES_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)

amounts = st.integers(min_value=1, max_value=18201624).map(lambda t: Decimal(t).scaleb(-1))
base_dates = st.sampled_from([1993, 2014, 2035])
algorithms = st.sampled_from([("02", "07", 8), ("04", "07", 20), ("04", "11", 20)])


@st.composite
def requests(draw: st.DrawFn) -> TokenRequest:
    dkga, ea, key_bytes = draw(algorithms)
    base_date = draw(base_dates)
    # Up to the last minute a key with KEN 255 is valid (credit is refused after it).
    minutes = draw(st.integers(min_value=0, max_value=min(TID_MAX, 255 * KEN_MINUTES)))
    iin, code = draw(st.sampled_from([("600727", "07"), ("0000", "0107")]))
    meter = make_meter_number(iin, code, draw(st.integers(0, 99_999_999)))
    return TokenRequest(
        dkga=dkga,
        ea=ea,
        vending_key_hex=draw(st.binary(min_size=key_bytes, max_size=key_bytes)).hex(),
        key_type=draw(st.integers(0, 3)),
        sgc=f"{draw(st.integers(0, 999_999)):06d}",
        ti=draw(st.integers(0, 99)),
        krn=draw(st.integers(1, 9)),
        ken=255,
        base_date=base_date,
        pan=meter.pan,
        issued_at=datetime(base_date, 1, 1) + timedelta(minutes=minutes),
        random_no=draw(st.integers(0, 15)),
    )


MANAGEMENT_VALUES = {
    0: ("max_power_limit_w", st.integers(0, 16383)),
    1: ("register", st.integers(0, 0xFFFF)),
    2: ("rate", st.integers(0, 0xFFFF)),
    5: (None, st.none()),
    6: ("mppul_w", st.integers(0, 16383)),
    7: ("water_meter_factor", st.integers(0, 0xFFFF)),
}


@FIXTURES_OK
@given(request=requests(), subclass=st.integers(0, 7), amount=amounts)
def test_credit_tokens_decode_to_what_was_issued(
    request: TokenRequest, subclass: int, amount: Decimal, compliance_tables: StaTables
) -> None:
    request = replace(request, token_class=0, token_subclass=subclass, amount=amount)
    [token] = issue_tokens(request, compliance_tables)
    decoded = decode_token(token, request.decoder_key(), str(request.ea), compliance_tables)
    assert (decoded.token_class, decoded.subclass) == (0, subclass)
    assert decoded.random == request.random_no
    assert decoded.issued_at(int(str(request.base_date))) == request.issued_at
    assert decoded.amount == token_amount(amount)


@FIXTURES_OK
@given(request=requests(), data=st.data())
def test_management_tokens_decode_to_what_was_issued(
    request: TokenRequest, data: st.DataObject, compliance_tables: StaTables
) -> None:
    subclass = data.draw(st.sampled_from(sorted(MANAGEMENT_VALUES)))
    name, values = MANAGEMENT_VALUES[subclass]
    value = data.draw(values)
    changes = {name: value} if name else {}
    request = replace(request, token_class=2, token_subclass=subclass, **changes)
    [token] = issue_tokens(request, compliance_tables)
    decoded = decode_token(token, request.decoder_key(), str(request.ea), compliance_tables)
    assert (decoded.token_class, decoded.subclass, decoded.tid is not None) == (2, subclass, True)
    if name:
        assert getattr(decoded, name) == value


@FIXTURES_OK
@given(request=requests(), data=st.data())
def test_key_change_sets_carry_the_new_key(
    request: TokenRequest, data: st.DataObject, compliance_tables: StaTables
) -> None:
    key_bytes = 8 if request.dkga == "02" else 20
    new = replace(
        request,
        token_class=2,
        token_subclass=(3, 4) if request.ea == "07" else (3, 4, 8, 9),
        new_vending_key_hex=data.draw(st.binary(min_size=key_bytes, max_size=key_bytes)).hex(),
        new_ti=data.draw(st.integers(0, 99)),
        new_krn=data.draw(st.integers(1, 9)),
        new_ken=data.draw(st.integers(0, 255)),
        new_sgc=f"{data.draw(st.integers(0, 999_999)):06d}",
        rollover=data.draw(st.integers(0, 1)),
    )
    tokens = issue_tokens(new, compliance_tables)
    key = request.decoder_key()
    sections = {}
    for token in tokens:
        decoded = decode_token(token, key, str(request.ea), compliance_tables)
        assert decoded.key_change is not None
        sections[decoded.subclass] = decoded.key_change
    expected = new.key_change()
    if len(expected.new_key) == 8:
        expected = replace(expected, sgc=None)  # only the 4-section set carries the SGC
    assert assemble_key_change(sections) == expected


@given(
    control=st.integers(0, 2**36 - 1),
    code=st.integers(0, 99),
    wide=st.booleans(),
    wide_control=st.integers(0, 2**28 - 1),
    wide_code=st.integers(0, 9999),
)
def test_meter_test_tokens_round_trip(
    control: int, code: int, wide: bool, wide_control: int, wide_code: int
) -> None:
    fields = {
        "token_class": 1,
        "token_subclass": 1 if wide else 0,
        "control": wide_control if wide else control,
        "manufacturer_code": f"{wide_code:04d}" if wide else f"{code:02d}",
    }
    [token] = issue_tokens(TokenRequest.from_mapping(fields), None)
    decoded = decode_token(token, None, None, None)
    assert (decoded.control, decoded.manufacturer_code) == (
        fields["control"],
        fields["manufacturer_code"],
    )


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
    derandomize=True,
    max_examples=150,
)
@given(request=requests(), amount=amounts, position=st.integers(0, 19), shift=st.integers(1, 9))
def test_a_single_changed_digit_is_detected(
    request: TokenRequest, amount: Decimal, position: int, shift: int, compliance_tables: StaTables
) -> None:
    # The CRC is 16 bits, so a random change escapes it with probability 2**-16; these
    # examples are fixed (derandomize) so the test is reproducible.
    request = replace(request, token_class=0, token_subclass=0, amount=amount)
    [token] = issue_tokens(request, compliance_tables)
    digit = (int(token[position]) + shift) % 10
    changed = token[:position] + str(digit) + token[position + 1 :]
    with pytest.raises(StsError):
        decode_token(changed, request.decoder_key(), str(request.ea), compliance_tables)


@given(amount=st.decimals(min_value=Decimal("0.01"), max_value=MAX_AMOUNT, places=2))
def test_a_token_never_carries_less_than_asked(amount: Decimal) -> None:
    assert token_amount(amount) >= amount
    assert representable_floor(amount) <= amount


@given(
    a=st.decimals(min_value=Decimal("0.01"), max_value=MAX_AMOUNT, places=2),
    b=st.decimals(min_value=Decimal("0.01"), max_value=MAX_AMOUNT, places=2),
)
def test_amount_encoding_is_monotonic(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert token_amount(low) <= token_amount(high)
    assert encode_amount(low) <= encode_amount(high)
    assert representable_floor(low) <= representable_floor(high)
