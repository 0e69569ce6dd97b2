"""Token generation inside the emulated module, with the STS engine of ``starpos.sts``.

The module picks the 4-bit random number itself (``fixed_random`` pins it for
conformance tests) and turns the TID of a request back into the issue time the engine
takes. Key bytes stay in this process and in the engine's call; nothing here logs them.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.kmf import VendingKey
from starpos.devices.sm.messages import DecodedToken, IssuedToken, MeterKeyRef


class TokenFailure(Exception):
    """The engine refused; ``code`` is the module's answer."""

    def __init__(self, reason: str, code: ResponseCode) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


def issued(token: str) -> IssuedToken:
    return IssuedToken(f"{int(token):017X}", token)


class TokenMaker:
    """Makes and decodes tokens with the STA tables in ``tables_path``."""

    def __init__(self, tables_path: Path, fixed_random: int | None = None) -> None:
        if fixed_random is not None and not 0 <= fixed_random <= 15:
            raise ValueError("the random number is 4 bits (0-15)")
        if not tables_path.is_file():
            raise ValueError(f"STA tables file {tables_path} does not exist")
        self.tables_path = tables_path
        self.fixed_random = fixed_random
        self._tables: Any = None

    @property
    def tables(self) -> Any:
        """The STA tables, read on first use (answering queries never needs them)."""
        if self._tables is None:
            from starpos.sts.errors import StsError
            from starpos.sts.tables import load_sta_tables

            try:
                self._tables = load_sta_tables(self.tables_path)
            except StsError as error:
                raise TokenFailure(error.message, ResponseCode.DEVICE_FAILURE) from error
        return self._tables

    def _random(self) -> int:
        return self.fixed_random if self.fixed_random is not None else secrets.randbelow(16)

    @staticmethod
    def _issued_at(tid: int, base_date: int) -> datetime:
        return datetime(base_date, 1, 1) + timedelta(minutes=tid)

    def _fields(self, key: VendingKey, ref: MeterKeyRef) -> dict[str, Any]:
        info = key.info
        return {
            "id": "sm",
            "dkga": f"{info.dkga:02d}",
            "ea": f"{info.ea:02d}",
            "vending_key_hex": key.key.hex(),
            "key_type": info.key_type,
            "sgc": ref.sgc,
            "ti": ref.ti,
            "krn": ref.krn,
            "ken": ref.ken,
            "base_date": info.base_date,
            "pan": ref.pan,
        }

    def _issue(self, fields: dict[str, Any]) -> list[IssuedToken]:
        from starpos.sts.errors import StsError
        from starpos.sts.request import TokenRequest, issue_tokens

        try:
            request = TokenRequest.from_mapping(fields)
            return [issued(token) for token in issue_tokens(request, self.tables)]
        except StsError as error:
            raise TokenFailure(error.message, _code_for(error)) from error

    def credit(
        self,
        key: VendingKey,
        ref: MeterKeyRef,
        credit_type: int,
        tid: int,
        amount_tenths: int,
        zero_amount: bool = False,
    ) -> list[IssuedToken]:
        fields = self._fields(key, ref)
        if zero_amount:  # asked by name (a token cancel); 0 without it is refused
            fields["zero_amount"] = 1
        fields.update(
            token_class=0,
            token_subclass=credit_type,
            issued_at=self._issued_at(tid, key.info.base_date),
            random_no=self._random(),
            amount=Decimal(amount_tenths) / 10,
        )
        return self._issue(fields)

    def management(
        self, key: VendingKey, ref: MeterKeyRef, subclass: int, tid: int, value: int
    ) -> list[IssuedToken]:
        fields = self._fields(key, ref)
        fields.update(
            token_class=2,
            token_subclass=subclass,
            issued_at=self._issued_at(tid, key.info.base_date),
            random_no=self._random(),
        )
        value_field = _MANAGEMENT_FIELDS.get(subclass)
        if value_field is None and subclass != 5:
            raise TokenFailure("not a management subclass", ResponseCode.FORMAT_ERROR)
        if value_field is not None:
            fields[value_field] = value
        return self._issue(fields)

    def key_change(
        self,
        current: VendingKey,
        ref: MeterKeyRef,
        new: VendingKey,
        new_ref: MeterKeyRef,
        rollover: bool,
    ) -> list[IssuedToken]:
        fields = self._fields(current, ref)
        fields.update(
            token_class=2,
            # 64-bit decoder keys take two sections, 128-bit (EA11) keys four.
            token_subclass=(3, 4, 8, 9) if new.info.ea == 11 else (3, 4),
            issued_at=datetime.now(),
            random_no=self._random(),
            new_vending_key_hex=new.key.hex(),
            new_key_type=new.info.key_type,
            new_sgc=new_ref.sgc,
            new_ti=new_ref.ti,
            new_krn=new_ref.krn,
            new_ken=new_ref.ken,
            new_base_date=new.info.base_date,
            rollover=int(rollover),
        )
        return self._issue(fields)

    def decode(self, key: VendingKey, ref: MeterKeyRef, token: str) -> DecodedToken:
        from starpos.sts.decoder import decode_token
        from starpos.sts.errors import StsError
        from starpos.sts.request import TokenRequest

        try:
            request = TokenRequest.from_mapping(
                {**self._fields(key, ref), "token_class": 0, "token_subclass": 0}
            )
            decoded = decode_token(token, request.decoder_key(), f"{key.info.ea:02d}", self.tables)
        except StsError as error:
            raise TokenFailure(error.message, ResponseCode.TOKEN_NOT_VALID) from error
        return _decoded_fields(decoded)


#: The TokenRequest field that carries the value of each management subclass.
_MANAGEMENT_FIELDS = {
    0: "max_power_limit_w",
    1: "register",
    2: "rate",
    6: "mppul_w",
    7: "water_meter_factor",
}


def _code_for(error: Exception) -> ResponseCode:
    if type(error).__name__ == "KeyExpiredError":
        return ResponseCode.KEY_EXPIRED
    return ResponseCode.TOKEN_GENERATION_FAILED


def _decoded_fields(decoded: Any) -> DecodedToken:
    """The engine's decoded token as the module reports it (``SM!TV`` data)."""
    token_class, subclass = int(decoded.token_class), int(decoded.subclass)
    value = 0
    if token_class == 0 and decoded.amount is not None:
        value = int(Decimal(decoded.amount) * 10)
    elif token_class == 2 and subclass in _MANAGEMENT_FIELDS:
        value = int(getattr(decoded, _MANAGEMENT_FIELDS[subclass]) or 0)
    return DecodedToken(
        token_class,
        subclass,
        int(decoded.tid or 0),
        value,
        Decimal(value) * Decimal("0.1") if token_class == 0 else None,
    )
