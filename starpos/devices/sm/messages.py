"""Parameters and answer data of each command, as the driver and the emulator share them.

The field layouts are documented in docs/sm-protocol.md; each ``*_params`` function builds
the parameter text of a request, each ``parse_*`` reads the data of a successful answer
(raising :class:`~starpos.devices.sm.frames.FrameError` on anything malformed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from starpos.devices.sm.frames import FrameError

TENTH = Decimal("0.1")


@dataclass(frozen=True)
class MeterKeyRef:
    """Which meter and which of the module's keys a token request is for.

    ``pan`` 18 digits; ``key_register`` 0-99 (the KMF slot); ``sgc`` 6 digits;
    ``ti`` 0-99; ``krn`` 1-9; ``ken`` 0-255.
    """

    pan: str
    key_register: int
    sgc: str
    ti: int
    krn: int
    ken: int

    def params(self) -> str:
        if not re.fullmatch(r"[0-9]{18}", self.pan):
            raise ValueError("PAN must be 18 digits")
        if not re.fullmatch(r"[0-9]{6}", self.sgc):
            raise ValueError("SGC must be 6 digits")
        _check_range("key register", self.key_register, 0, 99)
        _check_range("TI", self.ti, 0, 99)
        _check_range("KRN", self.krn, 0, 9)
        _check_range("KEN", self.ken, 0, 255)
        return f"{self.pan}{self.key_register:02d}{self.sgc}{self.ti:02d}{self.krn}{self.ken:02X}"

    @classmethod
    def parse(cls, text: str) -> MeterKeyRef:
        """Read the 31-character prefix every token request starts with."""
        match = re.fullmatch(r"([0-9]{18})([0-9]{2})([0-9]{6})([0-9]{2})([0-9])([0-9A-F]{2})", text)
        if match is None:
            raise FrameError("meter and key fields malformed")
        pan, register, sgc, ti, krn, ken = match.groups()
        return cls(pan, int(register), sgc, int(ti), int(krn), int(ken, 16))


KEY_REF_LENGTH = 31
ISSUED_TOKEN_LENGTH = 37


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}")


#: The protocol version this code speaks (docs/sm-protocol.md, "Versions").
PROTOCOL_VERSION = 2


@dataclass(frozen=True)
class ModuleIdentity:
    """``SM?ID``: module id (8 digits), firmware, key check value and loaded key count.

    ``protocol`` is the protocol version the module speaks (1 when it does not say);
    ``training`` is true for an emulator made in training mode: credit it makes is for
    demos and training, and device-level commands that make credit run only against it.
    """

    module_id: str
    firmware: str
    key_check: str
    key_count: int
    public_key_hex: str
    protocol: int = 1
    training: bool = False


@dataclass(frozen=True)
class ModuleBalance:
    """``SM?TS``: accepted credit updates so far and the balance in kWh (0.1 resolution)."""

    sequence: int
    balance: Decimal

    @property
    def next_sequence(self) -> int:
        """The sequence number the next credit update block must carry."""
        return self.sequence + 1


@dataclass(frozen=True)
class IssuedToken:
    """A token as the module made it: the 66-bit number in hex and its 20 digits."""

    token66_hex: str
    token: str


@dataclass(frozen=True)
class DecodedToken:
    """``SM?TV``: what a token carries once decrypted with the meter's decoder key.

    ``value`` is the decoded value field as an integer: tenths of a unit for credit
    tokens (class 0), watts / register / factor for management tokens (class 2), 0 for
    key change tokens. ``amount`` is ``value`` in units (kWh for electricity) for class 0.
    """

    token_class: int
    token_subclass: int
    tid: int
    value: int
    amount: Decimal | None


@dataclass(frozen=True)
class LastResponse:
    """``GL?RR``: the answer to the last command that acted (see docs/sm-protocol.md)."""

    command: str
    code: int
    request_digest: str
    data: str
    tokens: list[IssuedToken] = field(default_factory=list)

    @property
    def issued_token(self) -> IssuedToken | None:
        """The token when the last answer was a successful credit or management token."""
        if self.code == 0 and self.command in ("SM!TC", "SM!TM") and self.tokens:
            return self.tokens[0]
        return None


def credit_token_params(
    key: MeterKeyRef, credit_type: int, tid: int, amount_tenths: int, zero_amount: bool = False
) -> str:
    """``zero_amount`` asks by name for a zero-amount token (a token cancel's later TID):
    the request ends in ``Z`` and its amount must be 0; without it the module refuses 0."""
    _check_range("credit type", credit_type, 0, 99)
    _check_range("TID", tid, 0, 0xFFFFFF)
    _check_range("amount", amount_tenths, 0, 0xFFFFFF)
    if zero_amount and amount_tenths != 0:
        raise ValueError("a zero-amount token carries no amount")
    marker = "Z" if zero_amount else ""
    return f"{key.params()}{credit_type:02d}{tid:06X}L{amount_tenths:06X}{marker}"


def management_token_params(key: MeterKeyRef, subclass: int, tid: int, value: int) -> str:
    _check_range("subclass", subclass, 0, 15)
    _check_range("TID", tid, 0, 0xFFFFFF)
    _check_range("value", value, 0, 0xFFFFFF)
    return f"{key.params()}{subclass:02d}{tid:06X}V{value:06X}"


def key_change_params(key: MeterKeyRef, new_key: MeterKeyRef, rollover: bool) -> str:
    if new_key.pan != key.pan:
        raise ValueError("a key change is for one meter: both keys carry its PAN")
    new = new_key.params()[18:]  # the new key is for the same meter: no second PAN
    return f"{key.params()}{new}{int(rollover)}"


def verify_params(key: MeterKeyRef, token: str) -> str:
    if not re.fullmatch(r"[0-9]{20}", token):
        raise ValueError("a token is 20 digits")
    return f"{key.params()}{token}"


def format_identity(identity: ModuleIdentity) -> str:
    i = identity
    mode = "T" if i.training else "P"
    return (
        f"{i.module_id},{i.firmware},{i.key_check},{i.key_count:02d},{i.public_key_hex},"
        f"{i.protocol:02d},{mode}"
    )


def parse_identity(data: str) -> ModuleIdentity:
    """Protocol 2 adds ``,<protocol 2 digits>,<T training | P production>``; a protocol 1
    answer (without them) still reads, as a production module of protocol 1."""
    match = re.fullmatch(
        r"([0-9]{8}),([0-9A-Za-z.\-]{1,16}),([0-9A-F]{8}),([0-9]{2}),([0-9A-F]{64})"
        r"(?:,([0-9]{2}),([TP]))?",
        data,
    )
    if match is None:
        raise FrameError("identification data malformed")
    module_id, firmware, key_check, count, public, protocol, mode = match.groups()
    return ModuleIdentity(
        module_id, firmware, key_check, int(count), public, int(protocol or 1), mode == "T"
    )


def format_balance(sequence: int, balance_tenths: int) -> str:
    return f"{sequence:08X}{balance_tenths:08X}"


def parse_balance(data: str) -> ModuleBalance:
    if not re.fullmatch(r"[0-9A-F]{16}", data):
        raise FrameError("balance data malformed")
    return ModuleBalance(int(data[:8], 16), Decimal(int(data[8:], 16)) * TENTH)


def format_issued(token: IssuedToken) -> str:
    return f"{token.token66_hex}{token.token}"


def parse_issued(data: str) -> IssuedToken:
    match = re.fullmatch(r"([0-9A-F]{17})([0-9]{20})", data)
    if match is None:
        raise FrameError("token data malformed")
    token66_hex, token = match.groups()
    if int(token66_hex, 16) != int(token) or int(token) >> 66:
        raise FrameError("token digits do not match the 66-bit token")
    return IssuedToken(token66_hex, token)


def parse_issued_list(data: str) -> list[IssuedToken]:
    if not re.fullmatch(r"[0-9]", data[:1]):
        raise FrameError("token count missing")
    count = int(data[0])
    body = data[1:]
    if count == 0 or len(body) != count * ISSUED_TOKEN_LENGTH:
        raise FrameError("token list malformed")
    return [
        parse_issued(body[i : i + ISSUED_TOKEN_LENGTH])
        for i in range(0, len(body), ISSUED_TOKEN_LENGTH)
    ]


def format_decoded(decoded: DecodedToken) -> str:
    return f"{decoded.token_class}{decoded.token_subclass:02d}{decoded.tid:06X}{decoded.value:08X}"


def parse_decoded(data: str) -> DecodedToken:
    match = re.fullmatch(r"([0-3])([0-9]{2})([0-9A-F]{6})([0-9A-F]{8})", data)
    if match is None:
        raise FrameError("decoded token data malformed")
    klass, subclass, tid, value_text = match.groups()
    value = int(value_text, 16)
    amount = Decimal(value) * TENTH if klass == "0" else None
    return DecodedToken(int(klass), int(subclass), int(tid, 16), value, amount)
