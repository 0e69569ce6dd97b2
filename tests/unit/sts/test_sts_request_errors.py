"""Every bad input the issue lists is refused with its own typed error."""

from __future__ import annotations

from typing import Any

import pytest

from starpos.sts import errors
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.sts.tables import StaTables

GOOD: dict[str, Any] = {
    "id": "r1",
    "dkga": "02",
    "ea": "07",
    "vending_key_hex": "abababababababab",
    "key_type": 2,
    "sgc": "123456",
    "ti": "01",
    "krn": 1,
    "ken": 255,
    "base_date": 1993,
    "pan": "600727000000000009",
    "token_class": 0,
    "token_subclass": 0,
    "issued_at": "2004-03-01T13:55:00Z",
    "random_no": 5,
    "amount": "0.1",
}

BAD_INPUTS: list[tuple[str, dict[str, Any], type[errors.StsError]]] = [
    ("non-numeric PAN", {"pan": "60072700000000000X"}, errors.MeterNumberFormatError),
    ("wrong-length PAN", {"pan": "6007270000000000"}, errors.MeterNumberLengthError),
    ("wrong DRN check digit", {"pan": "00000000001"}, errors.MeterCheckDigitError),
    ("wrong PAN check digit", {"pan": "600727000000000008"}, errors.PanCheckDigitError),
    ("zero amount", {"amount": "0"}, errors.AmountNotPositiveError),
    ("negative amount", {"amount": "-5"}, errors.AmountNotPositiveError),
    ("amount above the maximum", {"amount": "1820162.5"}, errors.AmountTooLargeError),
    ("amount not a number", {"amount": "ten"}, errors.AmountFormatError),
    ("unknown EA", {"ea": "09"}, errors.UnknownAlgorithmError),
    ("unknown DKGA", {"dkga": "03"}, errors.UnknownAlgorithmError),
    ("base date not supported", {"base_date": 2000}, errors.BaseDateError),
    (
        "TID before the base date",
        {"issued_at": "1992-12-31T23:59:00"},
        errors.TidBeforeBaseDateError,
    ),
    ("TID past 24 bits", {"issued_at": "2024-11-25T00:00:00"}, errors.TidOverflowError),
    ("expired key", {"ken": 89}, errors.KeyExpiredError),
    ("malformed hex key", {"vending_key_hex": "abababababababzz"}, errors.KeyFormatError),
    ("vending key too short", {"vending_key_hex": "abababab"}, errors.KeyLengthError),
    ("DKGA02 key for MISTY1", {"ea": "11"}, errors.KeyLengthError),
    (
        "DKGA04 needs a 160-bit vending key",
        {"dkga": "04", "ea": "11", "vending_key_hex": "ab" * 16},
        errors.KeyLengthError,
    ),
    ("bad issue time", {"issued_at": "yesterday"}, errors.IssueTimeError),
    ("random out of range", {"random_no": 16}, errors.FieldValueError),
    ("KRN out of range", {"krn": 0}, errors.FieldValueError),
    ("SGC not 6 digits", {"sgc": "12345"}, errors.FieldValueError),
    ("unknown field", {"colour": "red"}, errors.FieldValueError),
    ("missing amount", {"amount": None}, errors.RequestError),
    ("reserved subclass", {"token_subclass": 9}, errors.TokenClassError),
    (
        "key change with the wrong sections",
        {"token_class": 2, "token_subclass": [3, 4, 8, 9]},
        errors.FieldValueError,
    ),
]


@pytest.mark.parametrize(
    ("changes", "error"), [b[1:] for b in BAD_INPUTS], ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_refused(
    changes: dict[str, Any], error: type[errors.StsError], compliance_tables: StaTables
) -> None:
    fields = {**GOOD, **changes}
    with pytest.raises(error) as caught:
        issue_tokens(TokenRequest.from_mapping(fields), compliance_tables)
    assert caught.value.code.startswith("sts.")
    assert "{" not in caught.value.message  # every parameter was filled in


def test_the_good_request_is_the_first_vector(compliance_tables: StaTables) -> None:
    assert issue_tokens(TokenRequest.from_mapping(GOOD), compliance_tables) == [
        "23716100501183194197"
    ]


def test_key_expiry_follows_the_vectors_rule(compliance_tables: StaTables) -> None:
    # TID 5871715 with KEN 89: 89 * 65535 = 5832615 < TID -> expired; KEN 90 -> still valid.
    issue_tokens(TokenRequest.from_mapping({**GOOD, "ken": 90}), compliance_tables)
    with pytest.raises(errors.KeyExpiredError):
        issue_tokens(TokenRequest.from_mapping({**GOOD, "ken": 89}), compliance_tables)


def test_management_tokens_ignore_key_expiry(compliance_tables: StaTables) -> None:
    fields = {**GOOD, "ken": 0, "token_class": 2, "token_subclass": 5, "amount": None}
    assert len(issue_tokens(TokenRequest.from_mapping(fields), compliance_tables)) == 1


def test_keys_stay_out_of_repr() -> None:
    assert "abababab" not in repr(TokenRequest.from_mapping(GOOD))


def test_floats_are_refused_for_amounts() -> None:
    with pytest.raises(errors.AmountFormatError):
        TokenRequest.from_mapping({**GOOD, "amount": 0.1})
