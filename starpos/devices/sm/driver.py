"""The secure module driver: one request at a time, on the module's own worker thread.

Usage::

    with SecureModule("/dev/ttyUSB0") as module:        # or "socket://127.0.0.1:PORT"
        module.balance()                                 # ModuleBalance(sequence, balance kWh)
        key = MeterKeyRef(pan, 1, "123456", 1, 1, 255)   # meter and module key register
        module.issue_credit_token(key, 0, tid, 250)      # 25.0 kWh of electricity

Every public method may be called from any thread; the work runs on the worker thread
that owns the port (DESIGN.md rule 2) and the caller waits for its result. Retries are
bounded (``max_tries``): a timeout flushes the input and retries; a damaged answer (bad
CRC, garbage) is asked for again with ``GL?RR``; ``GL!ER`` (the module got a damaged
request) resends the request. A command that acts (token, credit update, key load) is
never simply resent after a lost answer: the driver first asks ``GL?RR`` and only resends
when the module's last answer is not for this request (it never acted on it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, Literal, TypeVar

from starpos.devices.sm import messages
from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.errors import (
    SmProtocolError,
    SmRequestError,
    SmTimeoutError,
    error_for_response,
)
from starpos.devices.sm.frames import FrameError, Request, Response, parse_response
from starpos.devices.sm.messages import (
    DecodedToken,
    IssuedToken,
    LastResponse,
    MeterKeyRef,
    ModuleBalance,
    ModuleIdentity,
)
from starpos.devices.sm.transport import SerialTransport

T = TypeVar("T")
_Failure = Literal["timeout", "garbled"]
RESEND_REQUEST = Request("GL", "RR")


def parse_resend_data(data: str) -> tuple[str, Response]:
    """Split ``GL!RR`` data into the request digest and the inner answer it carries."""
    if len(data) < 8:
        raise FrameError("resend data too short")
    return data[:8], parse_response(data[8:].encode("latin-1"))


def last_response_from(data: str) -> LastResponse:
    digest, inner = parse_resend_data(data)
    tokens: list[IssuedToken] = []
    if inner.ok and inner.name in ("SM!TC", "SM!TM"):
        tokens = [messages.parse_issued(inner.data)]
    elif inner.ok and inner.name == "SM!TK":
        tokens = messages.parse_issued_list(inner.data)
    return LastResponse(inner.name, inner.code, digest, inner.data, tokens)


class SecureModule:
    """A secure module on ``url`` (device path or pyserial URL).

    ``baud`` bits/s (default 115200); ``timeout_s`` seconds to wait for each answer;
    ``max_tries`` bounds the attempts per command (first try included).
    """

    def __init__(
        self, url: str, baud: int = 115200, timeout_s: float = 2.0, max_tries: int = 3
    ) -> None:
        self.url = url
        self.max_tries = max_tries
        self._transport = SerialTransport(url, baud, timeout_s)
        self._executor: ThreadPoolExecutor | None = None
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- life cycle ------------------------------------------------------------------
    def open(self) -> SecureModule:
        """Start the worker and open the port (idempotent); raises ``SmNotConnectedError``."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="secure-module", initializer=self._adopt
                )
        self._run(self._transport.open)
        return self

    def close(self) -> None:
        """Close the port and stop the worker (idempotent)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.submit(self._transport.close).result()
            executor.shutdown(wait=True)
        self._worker = None

    def __enter__(self) -> SecureModule:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _adopt(self) -> None:
        self._worker = threading.current_thread()

    def _run(self, function: Callable[..., T], *args: Any) -> T:
        executor = self._executor
        if executor is None:
            self.open()
            executor = self._executor
            assert executor is not None
        return executor.submit(function, *args).result()

    # -- commands --------------------------------------------------------------------
    def identify(self) -> ModuleIdentity:
        """``SM?ID``: module id, firmware, key check value, key count, identity key."""
        return messages.parse_identity(self._command(Request("SM", "ID"), acting=False).data)

    def balance(self) -> ModuleBalance:
        """``SM?TS``: the credit update sequence and balance (kWh, Decimal at 0.1)."""
        return messages.parse_balance(self._command(Request("SM", "TS"), acting=False).data)

    def echo(self, text: str) -> str:
        """``GL?EC``: the module returns ``text`` (printable ASCII)."""
        return self._command(Request("GL", "EC", text), acting=False).data

    def reset(self) -> None:
        """``GL?RS``: reset the session; keys, credit and the stored last answer are kept."""
        self._command(Request("GL", "RS"), acting=False)

    def load_kmf(self, kmf: bytes) -> tuple[int, str]:
        """``SM?KL``: load a KMF file; returns (keys loaded, new key check value)."""
        data = self._command(Request("SM", "KL", kmf.hex().upper()), acting=True).data
        if not re.fullmatch(r"[0-9]{2}[0-9A-F]{8}", data):
            raise SmProtocolError(reason="key load answer malformed")
        return int(data[:2]), data[2:]

    def credit_update(self, block: bytes) -> ModuleBalance:
        """``SM?TU``: apply a signed credit update block; returns the new balance."""
        data = self._command(Request("SM", "TU", block.hex().upper()), acting=True).data
        return messages.parse_balance(data)

    def issue_credit_token(
        self, key: MeterKeyRef, credit_type: int, tid: int, amount_tenths: int
    ) -> IssuedToken:
        """``SM?TC``: a credit token for ``amount_tenths`` tenths of a unit for ``key``'s meter.

        ``credit_type`` 0 electricity, 1 water, 2 gas ...; ``tid`` minutes since the key's
        base date (24 bits). The amount must be one a token carries exactly
        (:func:`starpos.devices.sm.amounts.carried_tenths`); the module's balance drops by
        exactly this amount.
        """
        params = self._params(messages.credit_token_params, key, credit_type, tid, amount_tenths)
        response = self._command(Request("SM", "TC", params), acting=True)
        return messages.parse_issued(response.data)

    def issue_management_token(
        self, key: MeterKeyRef, subclass: int, tid: int, value: int
    ) -> IssuedToken:
        """``SM?TM``: a class 2 management token (no credit used).

        ``subclass`` 0 max power limit (``value`` in W), 1 clear credit (``value`` register,
        0xFFFF all), 2 tariff rate, 5 clear tamper (``value`` 0), 6 max phase power
        unbalance limit (W), 7 water meter factor.
        """
        params = self._params(messages.management_token_params, key, subclass, tid, value)
        response = self._command(Request("SM", "TM", params), acting=True)
        return messages.parse_issued(response.data)

    def issue_key_change_tokens(
        self, key: MeterKeyRef, new_key: MeterKeyRef, rollover: bool = False
    ) -> list[IssuedToken]:
        """``SM?TK``: the key change tokens (2 for 64-bit keys, 4 for 128-bit) moving the
        meter from ``key`` to ``new_key`` (the same meter: both carry its PAN)."""
        params = self._params(messages.key_change_params, key, new_key, rollover)
        response = self._command(Request("SM", "TK", params), acting=True)
        return messages.parse_issued_list(response.data)

    def verify_token(self, token: str, key: MeterKeyRef) -> DecodedToken:
        """``SM?TV``: decrypt ``token`` with the decoder key of ``key``'s meter; its fields."""
        params = self._params(messages.verify_params, key, token)
        response = self._command(Request("SM", "TV", params), acting=False)
        return messages.parse_decoded(response.data)

    def resend_last(self) -> LastResponse:
        """``GL?RR``: the module's answer to the last command that acted, parsed.

        Use it at start-up before anything else to recover a token whose answer was
        lost; ``LastResponse.issued_token`` is set when that answer was a token.
        """
        response = self._command(RESEND_REQUEST, acting=False)
        try:
            return last_response_from(response.data)
        except FrameError as error:
            raise SmProtocolError(reason=error.reason) from error

    # -- the exchange, on the worker thread ------------------------------------------
    @staticmethod
    def _params(build: Callable[..., str], *args: Any) -> str:
        try:
            return build(*args)
        except ValueError as error:
            raise SmRequestError(reason=str(error)) from error

    def _command(self, request: Request, *, acting: bool) -> Response:
        response = self._run(self._exchange, request, acting)
        if not response.ok:
            params: dict[str, object] = {}
            if response.code == ResponseCode.AMOUNT_NOT_REPRESENTABLE and response.data:
                params["carried"] = Decimal(int(response.data, 16)) / 10
            raise error_for_response(request.name, response.code, **params)
        return response

    def _exchange(self, request: Request, acting: bool) -> Response:
        if threading.current_thread() is not self._worker:
            raise RuntimeError("secure module I/O must run on its worker thread")
        self._transport.open()
        expected = f"{request.klass}!{request.command}"
        recover = False
        failure: _Failure | Literal["damaged request"] = "timeout"
        reason = ""
        rejected_code = int(ResponseCode.CHECKSUM_ERROR)
        for _ in range(self.max_tries):
            if recover:
                outcome = self._recover(request)
                if isinstance(outcome, Response):
                    return outcome
                if outcome != "resend":
                    failure = outcome
                    continue
            answer = self._round_trip(request)
            if isinstance(answer, Response) and answer.name == "GL!ER":
                recover = False  # the module threw the damaged request away: resend it
                failure, rejected_code = "damaged request", answer.code
                continue
            if isinstance(answer, Response) and answer.name == expected:
                return answer
            if isinstance(answer, Response):
                failure, reason = "garbled", f"unexpected answer {answer.name}"
            else:
                failure = answer
                reason = "damaged answer" if answer == "garbled" else reason
            recover = acting
        if failure == "timeout":
            raise SmTimeoutError(command=request.name, tries=self.max_tries)
        if failure == "damaged request":
            raise error_for_response(request.name, rejected_code)
        raise SmProtocolError(reason=reason or "damaged answer")

    def _round_trip(self, request: Request) -> Response | _Failure:
        # A late answer to an earlier try must not be read as the answer to this one.
        self._transport.flush_input()
        self._transport.write(request.encode())
        raw = self._transport.read_frame()
        if raw is None:
            self._transport.flush_input()
            return "timeout"
        try:
            return parse_response(raw)
        except FrameError:
            return "garbled"

    def _recover(self, request: Request) -> Response | _Failure | Literal["resend"]:
        """Ask ``GL?RR`` for the answer to ``request``; ``resend`` if it never acted."""
        answer = self._round_trip(RESEND_REQUEST)
        if not isinstance(answer, Response):
            return answer
        if answer.name != "GL!RR":
            return "garbled"
        if answer.code == ResponseCode.NOTHING_TO_RESEND:
            return "resend"
        if not answer.ok:
            return "garbled"
        try:
            digest, inner = parse_resend_data(answer.data)
        except FrameError:
            return "garbled"
        return inner if digest == request.digest() else "resend"
