"""A small STS meter: accepts 20-digit tokens the way a keypad meter does.

It keeps the token identifiers (TIDs) of the last tokens it accepted and refuses a token
whose TID it has seen ("used") or that is older than every remembered TID once its memory is
full ("old"); credit tokens past the key expiry are refused ("key expired"); key change
sections are staged until the set is complete, then the new key replaces the old one (and a
set with the rollover bit moves the meter to the next base date and clears its TIDs).
Emulators and tests use it as the peer of the vending side.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from starpos.sts.ciphers import check_decoder_key, check_ea
from starpos.sts.decoder import DecodedToken, decode_token
from starpos.sts.errors import StsError
from starpos.sts.key_change import KeyChangeSection, assemble_key_change
from starpos.sts.tables import StaTables
from starpos.sts.tid import BASE_DATES, check_base_date

#: How many TIDs the meter remembers (IEC 62055-41 asks for at least 50).
DEFAULT_TID_MEMORY = 50
#: Minutes a key expiry number stands for (the same rule as the vending side).
KEN_MINUTES = 65535


class MeterResponse(Enum):
    """What the meter shows after a token is entered."""

    ACCEPTED = "accepted"
    USED = "used"
    OLD = "old"
    KEY_EXPIRED = "key expired"
    REJECTED = "rejected"
    KEY_CHANGE_STAGED = "key change section stored"
    KEY_CHANGED = "key changed"


@dataclass(frozen=True)
class MeterResult:
    response: MeterResponse
    decoded: DecodedToken | None = None
    #: Why a token was rejected (the engine error), for logs and tests.
    error: StsError | None = None


@dataclass
class MeterState:
    """Everything the meter keeps between tokens (credit per class 0 subclass)."""

    decoder_key: bytes
    base_date: int = 1993
    ken: int = 255
    key_type: int | None = None
    krn: int | None = None
    ti: int | None = None
    sgc: str | None = None
    credit: dict[int, Decimal] = field(default_factory=dict)
    tids: list[int] = field(default_factory=list)
    max_power_limit_w: int | None = None
    mppul_w: int | None = None
    tariff_rate: int | None = None
    water_meter_factor: int | None = None
    tamper: bool = False
    staged: dict[int, KeyChangeSection] = field(default_factory=dict)


class MeterModel:
    """An STS meter with decoder key ``decoder_key`` (STS order) under algorithm ``ea``."""

    def __init__(
        self,
        decoder_key: bytes,
        ea: str,
        tables: StaTables | None,
        *,
        base_date: int = 1993,
        ken: int = 255,
        tid_memory: int = DEFAULT_TID_MEMORY,
    ) -> None:
        self.ea = check_ea(ea)
        check_decoder_key(self.ea, decoder_key)
        self.tables = tables
        self.tid_memory = tid_memory
        self.state = MeterState(decoder_key, check_base_date(base_date), ken)

    @property
    def credit(self) -> Decimal:
        """Electricity credit in kWh (class 0 subclass 0)."""
        return self.state.credit.get(0, Decimal("0.0"))

    def enter(self, token: str) -> MeterResult:
        """Enter a token on the keypad; the meter's state changes only when it accepts it."""
        try:
            decoded = decode_token(token, self.state.decoder_key, self.ea, self.tables)
        except StsError as error:
            return MeterResult(MeterResponse.REJECTED, error=error)
        if decoded.key_change is not None:
            return self._stage(decoded, decoded.key_change)
        if decoded.tid is None:  # class 1: tests and displays are always carried out
            return MeterResult(MeterResponse.ACCEPTED, decoded)
        if decoded.token_class == 0 and decoded.tid > self.state.ken * KEN_MINUTES:
            return MeterResult(MeterResponse.KEY_EXPIRED, decoded)
        verdict = self._check_tid(decoded.tid)
        if verdict is not None:
            return MeterResult(verdict, decoded)
        self._remember(decoded.tid)
        self._apply(decoded)
        return MeterResult(MeterResponse.ACCEPTED, decoded)

    def _check_tid(self, tid: int) -> MeterResponse | None:
        tids = self.state.tids
        index = bisect.bisect_left(tids, tid)
        if index < len(tids) and tids[index] == tid:
            return MeterResponse.USED
        if len(tids) >= self.tid_memory and tid < tids[0]:
            return MeterResponse.OLD
        return None

    def _remember(self, tid: int) -> None:
        bisect.insort(self.state.tids, tid)
        del self.state.tids[: max(0, len(self.state.tids) - self.tid_memory)]

    def _apply(self, decoded: DecodedToken) -> None:
        state = self.state
        if decoded.token_class == 0 and decoded.amount is not None:
            state.credit[decoded.subclass] = (
                state.credit.get(decoded.subclass, Decimal("0.0")) + decoded.amount
            )
            return
        subclass = decoded.subclass
        if subclass == 0:
            state.max_power_limit_w = decoded.max_power_limit_w
        elif subclass == 1:
            register = decoded.register
            for key in list(state.credit):
                if register == 0xFFFF or register == key:
                    state.credit[key] = Decimal("0.0")
        elif subclass == 2:
            state.tariff_rate = decoded.rate
        elif subclass == 5:
            state.tamper = False
        elif subclass == 6:
            state.mppul_w = decoded.mppul_w
        elif subclass == 7:
            state.water_meter_factor = decoded.water_meter_factor

    def _stage(self, decoded: DecodedToken, section: KeyChangeSection) -> MeterResult:
        state = self.state
        state.staged[section.subclass] = section
        needed = {3, 4} if len(state.decoder_key) == 8 else {3, 4, 8, 9}
        if not needed <= set(state.staged):
            return MeterResult(MeterResponse.KEY_CHANGE_STAGED, decoded)
        change = assemble_key_change({k: state.staged[k] for k in needed})
        state.staged.clear()
        state.decoder_key = change.new_key
        state.key_type, state.krn, state.ti, state.ken = (
            change.key_type,
            change.krn,
            change.ti,
            change.ken,
        )
        if change.sgc is not None:
            state.sgc = change.sgc
        if change.rollover:
            later = [d for d in BASE_DATES if d > state.base_date]
            if later:
                state.base_date = later[0]
            state.tids.clear()
        return MeterResult(MeterResponse.KEY_CHANGED, decoded)
