"""The kinds of token operation: what each asks for, in which unit, and who may ask.

Manual 3.6 (engineering tokens a-f) and 3.5 (test/display tokens), in STS terms:

| kind | token | value (unit) | permission |
|---|---|---|---|
| set_power_limit | class 2/0 | watts | engineering_tokens |
| clear_credit | class 2/1 | register (65535 = all, 0 = electricity) | engineering_tokens |
| set_tariff_rate | class 2/2 | the meter's 16-bit rate | engineering_tokens |
| clear_tamper | class 2/5 | none | engineering_tokens |
| set_unbalance_limit | class 2/6 | watts | engineering_tokens |
| set_water_factor | class 2/7 | the meter's 16-bit factor | engineering_tokens |
| free_credit | class 0/0 | kWh, out of the module's credit | free_credit_tokens |
| tid_replacement | class 0/0 | a collided sale's kWh, from the module | cancel_token |
| key_change | class 2/3,4 (8,9) | the new key | key_change |
| test | class 1 | the test control bits | test_tokens |

A value a token cannot carry exactly is rounded UP to the next one it can (watts above
16,383 go in steps of 10, kWh above 1,638.3 in steps of 1), and what the token carries is
what is recorded and printed (:func:`carried`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.devices.sm.amounts import carried_tenths
from starpos.i18n import tr_noop
from starpos.operators import permissions
from starpos.sts.amount import decode_units, encode_units, floor_units
from starpos.sts.tid import BASE_DATES
from starpos.tokenops.errors import ValueMissingError, ValueOutOfRangeError

#: The module's management and credit requests carry their value in 6 hex digits.
MODULE_VALUE_LIMIT = 0xFFFFFF
#: The largest power limit (W) a token carries that the module's request can name.
MAX_WATTS = floor_units(MODULE_VALUE_LIMIT)
#: The largest free credit one token carries (kWh), within the module's request.
MAX_FREE_KWH = Decimal(floor_units(MODULE_VALUE_LIMIT)).scaleb(-1)
ALL_REGISTERS = 0xFFFF

#: Credit tokens with energy a token operation makes out of the module's credit.
CREDIT_KINDS = frozenset({Kind.FREE_CREDIT, Kind.REMAINDER_CREDIT, Kind.TID_REPLACEMENT})

#: Class 2 subclass of each management kind (IEC 62055-41, 6.2.4).
MANAGEMENT_SUBCLASS: dict[Kind, int] = {
    Kind.SET_POWER_LIMIT: 0,
    Kind.CLEAR_CREDIT: 1,
    Kind.SET_TARIFF_RATE: 2,
    Kind.CLEAR_TAMPER: 5,
    Kind.SET_PHASE_UNBALANCE_LIMIT: 6,
    Kind.SET_WATER_FACTOR: 7,
}
MANAGEMENT = frozenset(MANAGEMENT_SUBCLASS)

PERMISSION: dict[Kind, str] = {
    **{kind: permissions.ENGINEERING_TOKENS for kind in MANAGEMENT},
    Kind.FREE_CREDIT: permissions.FREE_CREDIT_TOKENS,
    Kind.KEY_CHANGE: permissions.KEY_CHANGE,
    Kind.TEST: permissions.TEST_TOKENS,
    Kind.TOKEN_CANCEL: permissions.CANCEL_TOKEN,
    Kind.REMAINDER_CREDIT: permissions.REPLACE_METER,
    # A sale's token corrected at the counter, as a cancel is; the sale paid for it (SYN-52).
    Kind.TID_REPLACEMENT: permissions.CANCEL_TOKEN,
}

#: What each kind is called on screens, lists and vouchers (context ``tokenops``).
LABELS: dict[Kind, str] = {
    Kind.SET_POWER_LIMIT: tr_noop("tokenops", "Set maximum power limit"),
    Kind.CLEAR_CREDIT: tr_noop("tokenops", "Clear credit"),
    Kind.SET_TARIFF_RATE: tr_noop("tokenops", "Set tariff rate"),
    Kind.CLEAR_TAMPER: tr_noop("tokenops", "Clear tamper condition"),
    Kind.SET_PHASE_UNBALANCE_LIMIT: tr_noop("tokenops", "Set maximum phase power unbalance limit"),
    Kind.SET_WATER_FACTOR: tr_noop("tokenops", "Set water meter factor"),
    Kind.FREE_CREDIT: tr_noop("tokenops", "Free credit"),
    Kind.KEY_CHANGE: tr_noop("tokenops", "Decoder key change"),
    Kind.TEST: tr_noop("tokenops", "Test / display"),
    Kind.TOKEN_CANCEL: tr_noop("tokenops", "Token cancel (0 energy)"),
    Kind.REMAINDER_CREDIT: tr_noop("tokenops", "Remainder credit (replaced meter)"),
    Kind.TID_REPLACEMENT: tr_noop("tokenops", "Replacement token (TID collision)"),
}
#: How each state of a row reads in lists (context ``tokenops``).
STATE_LABELS: dict[State, str] = {
    State.PLANNED: tr_noop("tokenops", "waiting"),
    State.PENDING: tr_noop("tokenops", "pending"),
    State.ISSUED: tr_noop("tokenops", "issued"),
    State.FAILED: tr_noop("tokenops", "failed"),
}
#: The unit a kind's value is written in (empty: a plain number, or no value).
UNITS: dict[Kind, str] = {
    Kind.SET_POWER_LIMIT: "W",
    Kind.SET_PHASE_UNBALANCE_LIMIT: "W",
    Kind.FREE_CREDIT: "kWh",
    Kind.REMAINDER_CREDIT: "kWh",
    Kind.TID_REPLACEMENT: "kWh",
}


def uses_module(kind: Kind) -> bool:
    """Class 1 test tokens are not encrypted: the engine makes them without the module."""
    return kind is not Kind.TEST


def carries_tid(kind: Kind) -> bool:
    """Management and credit tokens carry a TID; key change and test tokens do not."""
    return kind in MANAGEMENT or kind in (
        Kind.FREE_CREDIT,
        Kind.TOKEN_CANCEL,
        Kind.REMAINDER_CREDIT,
        Kind.TID_REPLACEMENT,
    )


@dataclass(frozen=True)
class KeyTarget:
    """The key a decoder key change moves meters to; None keeps each meter's own value."""

    register: int | None = None
    sgc: str | None = None
    ti: int | None = None
    krn: int | None = None
    ken: int | None = None
    key_type: int | None = None
    base_date: int | None = None


@dataclass(frozen=True)
class NewKey:
    """One meter's new key: the module register that holds it and what the meter learns.

    ``key_type`` and ``base_date`` must be those of the key in the module's ``register``
    (the module makes the tokens from its own record of them; the store keeps its copy).
    """

    register: int
    sgc: str
    ti: int
    krn: int
    ken: int
    key_type: int
    base_date: int

    def text(self) -> str:
        return (
            f"register {self.register} SGC {self.sgc} TI {self.ti:02d} KRN {self.krn} "
            f"KEN {self.ken} KT {self.key_type} base {self.base_date}"
        )

    @classmethod
    def parse(cls, text: str) -> NewKey:
        match = re.fullmatch(
            r"register (\d+) SGC (\d{6}) TI (\d+) KRN (\d) KEN (\d+) KT (\d) base (\d{4})", text
        )
        if match is None:
            raise ValueError(f"not a key change target: {text!r}")
        register, sgc, ti, krn, ken, key_type, base_date = match.groups()
        return cls(int(register), sgc, int(ti), int(krn), int(ken), int(key_type), int(base_date))


@dataclass(frozen=True)
class Order:
    """What an operator asked for, the same for every meter of a batch.

    ``value``: watts, a register, a rate, a factor (int), kWh (Decimal) or a test control
    (int), as the kind takes (None for clear tamper and key change); ``key``: a key
    change's target.
    """

    kind: Kind
    value: int | Decimal | None = None
    key: KeyTarget = KeyTarget()


@dataclass(frozen=True)
class Carried:
    """What the token of an order carries: ``module_value`` as the module's request takes it
    (watts, register, rate, factor, tenths of a kWh, 0), ``text`` as recorded and printed
    (in the kind's unit), ``energy_kwh`` what it adds to the meter's credit."""

    module_value: int
    text: str
    energy_kwh: Decimal = Decimal("0.0")


def _whole(order: Order, minimum: int, maximum: int) -> int:
    value = order.value
    if value is None:
        raise ValueMissingError(kind=order.kind.value)
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
        raise ValueOutOfRangeError(
            kind=order.kind.value, value=value, minimum=minimum, maximum=maximum
        )
    return value


def _kwh(order: Order) -> Decimal:
    value = order.value
    if value is None:
        raise ValueMissingError(kind=order.kind.value)
    tenths = Decimal(value) * 10
    if tenths != tenths.to_integral_value() or not Decimal("0.1") <= value <= MAX_FREE_KWH:
        raise ValueOutOfRangeError(
            kind=order.kind.value, value=value, minimum="0.1", maximum=MAX_FREE_KWH
        )
    return Decimal(value)


def carried(order: Order) -> Carried:
    """What the token of ``order`` carries; a refusal when its value is missing or out of
    range. Key change and test tokens carry per-meter values (:mod:`starpos.tokenops.plan`)."""
    kind = order.kind
    if kind in (Kind.SET_POWER_LIMIT, Kind.SET_PHASE_UNBALANCE_LIMIT):
        watts = decode_units(encode_units(_whole(order, 0, MAX_WATTS)))
        return Carried(watts, str(watts))
    if kind is Kind.CLEAR_CREDIT:
        if order.value is None:
            return Carried(ALL_REGISTERS, str(ALL_REGISTERS))
        register = _whole(order, 0, 0xFFFF)
        return Carried(register, str(register))
    if kind in (Kind.SET_TARIFF_RATE, Kind.SET_WATER_FACTOR):
        value = _whole(order, 0, 0xFFFF)
        return Carried(value, str(value))
    if kind is Kind.CLEAR_TAMPER:
        return Carried(0, "")
    if kind is Kind.FREE_CREDIT:
        tenths = carried_tenths(int(_kwh(order) * 10))
        energy = Decimal(tenths).scaleb(-1)
        return Carried(tenths, str(energy), energy)
    if kind is Kind.TEST:
        control = _whole(order, 0, (1 << 36) - 1)
        return Carried(control, str(control))
    return Carried(0, "")  # key change: the new key is each meter's (plan.py)


def check_key_target(target: KeyTarget) -> KeyTarget:
    """``target`` when every value it names is in range (what the module's request holds)."""
    ranges = {
        "register": (target.register, 0, 99),
        "ti": (target.ti, 0, 99),
        "krn": (target.krn, 1, 9),
        "ken": (target.ken, 0, 255),
        "key_type": (target.key_type, 0, 3),
    }
    for name, (value, low, high) in ranges.items():
        if value is not None and not low <= value <= high:
            raise ValueOutOfRangeError(
                kind=f"{Kind.KEY_CHANGE.value} {name}", value=value, minimum=low, maximum=high
            )
    if target.sgc is not None and not re.fullmatch(r"[0-9]{6}", target.sgc):
        raise ValueOutOfRangeError(
            kind=f"{Kind.KEY_CHANGE.value} sgc", value=target.sgc, minimum="000000",
            maximum="999999",
        )  # fmt: skip
    if target.base_date is not None and target.base_date not in BASE_DATES:
        raise ValueOutOfRangeError(
            kind=f"{Kind.KEY_CHANGE.value} base_date", value=target.base_date,
            minimum=BASE_DATES[0], maximum=BASE_DATES[-1],
        )  # fmt: skip
    return target


def control_limit(manufacturer_code: str) -> int:
    """The largest test control a meter takes: 36 bits with a 2-digit manufacturer code,
    28 bits with a 4-digit one (IEC 62055-41, class 1)."""
    return (1 << 36) - 1 if len(manufacturer_code) == 2 else (1 << 28) - 1


def module_value(kind: Kind, text: str) -> int:
    """The value the module's request takes for a row whose recorded value is ``text``
    (watts, a register, a rate, a factor, tenths of a kWh; 0 for clear tamper)."""
    if kind in CREDIT_KINDS:
        return int(Decimal(text) * 10)
    if kind in MANAGEMENT:
        return int(text) if text else 0
    if kind is Kind.TOKEN_CANCEL:
        return 0
    raise ValueError(f"{kind.value} tokens take no module value")
