"""Errors of the token engine.

``StsError`` mirrors :class:`starpos.errors.StarposError` (``code``, ``template``,
``params``) without importing it, because the engine imports nothing from ``starpos``.
``template`` is English source text, translated at display time (context ``errors``).
Every subclass says what is wrong and what to do; ``params`` fill its ``{named}`` fields.
"""

from __future__ import annotations

from typing import Any, ClassVar


class StsError(Exception):
    """Root of every error raised by :mod:`starpos.sts`."""

    code: ClassVar[str] = "sts"
    template: ClassVar[str] = "The token could not be made or read."

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        if template is not None:
            self.template = template  # type: ignore[misc]
        self.params: dict[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


# --- meter numbers -------------------------------------------------------------------


class MeterNumberError(StsError):
    code = "sts.meter_number"
    template = "The meter number {value!r} is not valid."


class MeterNumberFormatError(MeterNumberError):
    code = "sts.meter_number.format"
    template = (
        "The meter number {value!r} must contain digits only: "
        "check it on the meter and type it again."
    )


class MeterNumberLengthError(MeterNumberError):
    code = "sts.meter_number.length"
    template = (
        "The meter number {value!r} has {length} digits; a meter number has 11 or 13 digits "
        "(or 18 for a full PAN): check it on the meter."
    )


class MeterCheckDigitError(MeterNumberError):
    code = "sts.meter_number.check_digit"
    template = (
        "The check digit of the meter number {value!r} is {found}, but it should be "
        "{expected}: a digit was probably mistyped, check the meter number."
    )


class PanCheckDigitError(MeterCheckDigitError):
    code = "sts.meter_number.pan_check_digit"
    template = (
        "The last (PAN) check digit of {value!r} is {found}, but it should be {expected}: "
        "a digit was probably mistyped, check the number."
    )


class UnknownIssuerError(MeterNumberError):
    code = "sts.meter_number.issuer"
    template = (
        "The PAN {value!r} starts with an unknown issuer number: only 600727 and 0000 are "
        "supported."
    )


class MeterNumberPartError(MeterNumberError):
    code = "sts.meter_number.part"
    template = "The {part} {value!r} must have {length} digits."


# --- amounts and field values ---------------------------------------------------------


class AmountError(StsError):
    code = "sts.amount"
    template = "The amount {amount} cannot be put in a token."


class AmountNotPositiveError(AmountError):
    code = "sts.amount.not_positive"
    template = "The amount must be more than 0; {amount} was given. Enter a positive amount."


class AmountTooLargeError(AmountError):
    code = "sts.amount.too_large"
    template = (
        "The amount {amount} is more than one token can carry ({maximum}): "
        "split the sale into several tokens."
    )


class AmountFormatError(AmountError):
    code = "sts.amount.format"
    template = "The amount {amount!r} is not a number: enter a decimal number such as 12.5."


class FieldValueError(StsError):
    code = "sts.field"
    template = "The {field} {value!r} is not valid: it must be {expected}."


# --- time and token identifiers -------------------------------------------------------


class BaseDateError(StsError):
    code = "sts.base_date"
    template = "The base date {value!r} is not supported: use 1993, 2014 or 2035."


class TidBeforeBaseDateError(StsError):
    code = "sts.tid.before_base_date"
    template = (
        "The issue time {issued_at} is before the meter's base date {base_date}: "
        "check the clock of this computer."
    )


class TidOverflowError(StsError):
    code = "sts.tid.overflow"
    template = (
        "The issue time {issued_at} is past the last token identifier of base date "
        "{base_date}: the meter needs a key change to a newer base date."
    )


class IssueTimeError(StsError):
    code = "sts.issued_at"
    template = "The issue time {value!r} is not an ISO 8601 date and time."


# --- keys and algorithms -------------------------------------------------------------


class UnknownAlgorithmError(StsError):
    code = "sts.algorithm"
    template = "The {kind} {value!r} is not supported: use {supported}."


class KeyFormatError(StsError):
    code = "sts.key.format"
    template = "The {name} is not valid hexadecimal: check the key file."


class KeyLengthError(StsError):
    code = "sts.key.length"
    template = "The {name} has {bits} bits, but {algorithm} needs {expected} bits."


class KeyExpiredError(StsError):
    code = "sts.key.expired"
    template = (
        "The meter's key expired (key expiry number {ken}, token identifier {tid}): "
        "issue a key change token before selling credit."
    )


# --- tokens --------------------------------------------------------------------------


class TokenClassError(StsError):
    code = "sts.token_class"
    template = "Token class {token_class} subclass {subclass} is not supported."


class TokenFormatError(StsError):
    code = "sts.token.format"
    template = "The token {token!r} must be 20 digits: check it and type it again."


class TokenCrcError(StsError):
    code = "sts.token.crc"
    template = (
        "The token {token} failed its check: a digit is wrong, or the token is not for this meter."
    )


class RequestError(StsError):
    code = "sts.request"
    template = "The token request is missing {field}: add it and try again."


class TablesError(StsError):
    code = "sts.tables"
    template = "The STA tables in {path} are not valid: {reason}."


class RequestFormatError(StsError):
    code = "sts.request.format"
    template = "The request line is not a JSON object ({reason}): write one JSON object per line."
