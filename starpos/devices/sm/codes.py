"""Response codes of the secure module protocol (docs/sm-protocol.md, "Response codes").

Codes below 40 follow the public numbering of PRISM TSM250-class modules; 40 and above
are StarPOS's own for conditions that list does not name publicly.
"""

from __future__ import annotations

from enum import IntEnum


class ResponseCode(IntEnum):
    OK = 0
    DEVICE_FAILURE = 1
    FORMAT_ERROR = 2
    TIMED_OUT = 3
    CHECKSUM_ERROR = 20
    INSUFFICIENT_CREDIT = 31
    INVALID_MODULE_ID = 33
    INVALID_UPDATE_SEQUENCE = 34
    CREDIT_OVERFLOW = 35
    KEY_MISSING = 40
    KEY_EXPIRED = 41
    KEY_NOT_ACTIVE = 42
    KEY_NOT_FOR_CREDIT = 43
    SIGNATURE_INVALID = 44
    KEY_MISMATCH = 45
    AMOUNT_NOT_REPRESENTABLE = 46
    AMOUNT_ABOVE_KEY_LIMIT = 47
    NOTHING_TO_RESEND = 48
    TOKEN_GENERATION_FAILED = 49
    TOKEN_NOT_VALID = 50
    UNKNOWN_COMMAND = 51
    SESSION_REQUIRED = 52
    SIGN_IN_FAILED = 53
    NO_RECORD = 54
    AUDIT_HEAD_BEHIND = 55
    NOT_SAVED = 56


def describe(code: int) -> str:
    """The enum name of ``code`` for logs (``UNLISTED_77`` for a code outside the list)."""
    try:
        return ResponseCode(code).name
    except ValueError:
        return f"UNLISTED_{code:02d}"
