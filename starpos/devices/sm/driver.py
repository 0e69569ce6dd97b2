"""The secure module driver: one request at a time, on the module's own worker thread.

Usage::

    credential = installation_credential()               # the terminal's module credential
    with SecureModule("/dev/ttyUSB0", credential=credential) as module:  # signs in on open
        module.balance()                                 # ModuleBalance(sequence, balance kWh)
        key = MeterKeyRef(pan, 1, "123456", 1, 1, 255)   # meter and module key register
        module.issue_credit_token(key, 0, tid, 250)      # 25.0 kWh of electricity

Every public method may be called from any thread; the work runs on the worker thread
that owns the port (DESIGN.md rule 2) and the caller waits for its result. Retries are
bounded (``max_tries``, :mod:`.exchange`); a command that acts is never simply resent
after a lost answer (``GL?RR`` first).

A module acts only inside a signed-in session (:mod:`.session`): the driver signs in with
``credential`` when it opens the port (and again, transparently, when the module ended
the session: it idled out, or the module restarted). Without a credential the driver can
still ask queries; every command that acts is refused with :class:`SmSessionRequiredError`.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, TypeVar

from starpos.devices.sm import messages, records
from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.errors import (
    SmError,
    SmNotPairedModuleError,
    SmNotTrainingModuleError,
    SmProtocolError,
    SmRequestError,
    error_for_response,
)
from starpos.devices.sm.exchange import (
    RESEND_REQUEST,
    exchange,
    last_response_from,
    parse_resend_data,
    round_trip,
)
from starpos.devices.sm.frames import FrameError, Request, Response
from starpos.devices.sm.key_registry import KeyRegistry, parse_registry
from starpos.devices.sm.messages import (
    DecodedToken,
    IssuedToken,
    LastResponse,
    MeterKeyRef,
    ModuleBalance,
    ModuleIdentity,
)
from starpos.devices.sm.records import (
    AuditAnchor,
    CreditUpdateRecord,
    ModuleCounters,
    StoreBinding,
    StoreCheck,
    acting_request,
)
from starpos.devices.sm.session import (
    MODULE,
    TERMINAL,
    ModuleCredential,
    new_nonce,
    parse_challenge,
    sign_in_params,
)
from starpos.devices.sm.transport import SerialTransport

__all__ = ["SecureModule", "last_response_from", "parse_resend_data"]

T = TypeVar("T")
CHALLENGE_REQUEST = Request("SM", "AC")
END_SESSION_REQUEST = Request("GL", "RS")


class SecureModule:
    """A secure module on ``url`` (device path or pyserial URL).

    ``baud`` bits/s (default 115200); ``timeout_s`` seconds to wait for each answer;
    ``max_tries`` bounds the attempts per command (first try included); ``credential``
    the terminal's module credential (None: queries only).
    """

    def __init__(
        self,
        url: str,
        baud: int = 115200,
        timeout_s: float = 2.0,
        max_tries: int = 3,
        credential: ModuleCredential | None = None,
    ) -> None:
        self.url = url
        self.max_tries = max_tries
        self._credential = credential
        self._signed_in = False
        self._transport = SerialTransport(url, baud, timeout_s)
        self._executor: ThreadPoolExecutor | None = None
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- life cycle ------------------------------------------------------------------
    def open(self) -> SecureModule:
        """Start the worker, open the port and sign in (idempotent).

        Raises ``SmNotConnectedError``; with a credential also ``SmSignInRefusedError``
        (the module holds another credential) or ``SmNotPairedModuleError`` (the device
        could not prove it holds ours).
        """
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="secure-module", initializer=self._adopt
                )
        try:
            self._run(self._ensure_open)
        except SmError:
            self.close()  # a refused sign-in leaves no port open behind it
            raise
        return self

    def close(self) -> None:
        """End the session, close the port and stop the worker (idempotent)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.submit(self._shut).result()
            executor.shutdown(wait=True)
        self._worker = None

    def __enter__(self) -> SecureModule:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def signed_in(self) -> bool:
        """True while the module holds a signed-in session for this driver."""
        return self._signed_in

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

    def require_training(self) -> ModuleIdentity:
        """The module's identity if it is a training module (``SM?ID`` mode ``T``); raises
        ``SmNotTrainingModuleError`` otherwise. For device-level commands that make credit
        outside a sale (docs/sm-protocol.md §7)."""
        identity = self.identify()
        if not identity.training:
            raise SmNotTrainingModuleError(module=identity.module_id)
        return identity

    def balance(self) -> ModuleBalance:
        """``SM?TS``: the credit update sequence and balance (kWh, Decimal at 0.1)."""
        return messages.parse_balance(self._command(Request("SM", "TS"), acting=False).data)

    def echo(self, text: str) -> str:
        """``GL?EC``: the module returns ``text`` (printable ASCII)."""
        return self._command(Request("GL", "EC", text), acting=False).data

    def reset(self) -> None:
        """``GL?RS``: reset; ends the session (the next command that acts signs in again).
        Keys, credit and the stored last answer are kept."""
        self._command(Request("GL", "RS"), acting=False)

    def load_kmf(self, kmf: bytes, *, anchor: AuditAnchor | None = None) -> tuple[int, str]:
        """``SM?KL``: load a KMF file; returns (keys loaded, new key check value)."""
        data = self._act("KL", kmf.hex().upper(), anchor).data
        if not re.fullmatch(r"[0-9]{2}[0-9A-F]{8}", data):
            raise SmProtocolError(reason="key load answer malformed")
        return int(data[:2]), data[2:]

    def credit_update(self, block: bytes, *, anchor: AuditAnchor | None = None) -> ModuleBalance:
        """``SM?TU``: apply a signed credit update block; returns the new balance."""
        data = self._act("TU", block.hex().upper(), anchor).data
        return messages.parse_balance(data)

    def issue_credit_token(
        self,
        key: MeterKeyRef,
        credit_type: int,
        tid: int,
        amount_tenths: int,
        *,
        anchor: AuditAnchor | None = None,
        zero_amount: bool = False,
    ) -> IssuedToken:
        """``SM?TC``: a credit token for ``amount_tenths`` tenths of a unit for ``key``'s meter.

        ``zero_amount`` asks by name for a token of 0 (``amount_tenths`` 0), made only to
        give the meter a later TID (a token cancel, manual 4.5); 0 without it is refused.

        ``credit_type`` 0 electricity, 1 water, 2 gas ...; ``tid`` minutes since the key's
        base date (24 bits). The amount must be one a token carries exactly
        (:func:`starpos.devices.sm.amounts.carried_tenths`); the module's balance drops by
        exactly this amount. ``anchor``: the store's audit head, journalled by the module
        with the token (every acting method takes one).
        """
        params = self._params(
            messages.credit_token_params, key, credit_type, tid, amount_tenths, zero_amount
        )
        response = self._act("TC", params, anchor)
        return messages.parse_issued(response.data)

    def issue_management_token(
        self,
        key: MeterKeyRef,
        subclass: int,
        tid: int,
        value: int,
        *,
        anchor: AuditAnchor | None = None,
    ) -> IssuedToken:
        """``SM?TM``: a class 2 management token (no credit used).

        ``subclass`` 0 max power limit (``value`` in W), 1 clear credit (``value`` register,
        0xFFFF all), 2 tariff rate, 5 clear tamper (``value`` 0), 6 max phase power
        unbalance limit (W), 7 water meter factor.
        """
        params = self._params(messages.management_token_params, key, subclass, tid, value)
        response = self._act("TM", params, anchor)
        return messages.parse_issued(response.data)

    def issue_key_change_tokens(
        self,
        key: MeterKeyRef,
        new_key: MeterKeyRef,
        rollover: bool = False,
        *,
        anchor: AuditAnchor | None = None,
    ) -> list[IssuedToken]:
        """``SM?TK``: the key change tokens (2 for 64-bit keys, 4 for 128-bit) moving the
        meter from ``key`` to ``new_key`` (the same meter: both carry its PAN)."""
        params = self._params(messages.key_change_params, key, new_key, rollover)
        response = self._act("TK", params, anchor)
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

    # -- what the module remembers for the store -------------------------------------------
    def counters(self) -> ModuleCounters:
        """``SM?CI``: the module's cumulative counters (credited, debited, issued, tokens)."""
        return records.parse_counters(self._query("CI").data)

    def key_registry(self) -> KeyRegistry:
        """``SM?KI``: every loaded key's metadata (never the key) and the KMC it trusts."""
        try:
            return parse_registry(self._query("KI").data)
        except FrameError as error:
            raise SmProtocolError(reason=error.reason) from error

    def credit_update_record(self, sequence: int) -> CreditUpdateRecord:
        """``SM?CU``: the credit update that moved the module to ``sequence``.

        Raises ``SmNoRecordError`` for a sequence not applied, or applied before the module
        kept records (``ModuleCounters.counted_since``).
        """
        params = self._params(records.credit_update_params, sequence)
        return records.parse_credit_update(self._query("CU", params).data)

    def credit_updates(self) -> list[CreditUpdateRecord]:
        """Every credit update on record, in order (one ``SM?CU`` each)."""
        counters = self.counters()
        return [
            self.credit_update_record(sequence)
            for sequence in range(counters.counted_since + 1, counters.sequence + 1)
        ]

    def binding(self) -> StoreBinding:
        """``SM?SR``: the store this module serves, what it did since, and its audit anchor."""
        return records.parse_binding(self._query("SR").data)

    def audit_anchor(self) -> AuditAnchor | None:
        """The last audit head the bound store sent with an acting command (None before any)."""
        return self.binding().anchor

    def store_check(self, store_id: str) -> StoreCheck:
        """How this module stands towards the store ``store_id`` (docs/sm-protocol.md §10).

        ``StoreCheck.may_sell`` is true only when the module is bound to this store; a
        module with history facing an unknown store is ``UNBOUND_WITH_HISTORY`` or
        ``OTHER_STORE``, and the store must not sell through it without a recorded decision.
        """
        binding, counters = self.binding(), self.counters()
        return StoreCheck(records.standing_of(store_id, binding, counters), binding, counters)

    def bind_store(self, store_id: str, anchor: AuditAnchor | None = None) -> StoreBinding:
        """``SM?SB``: serve the store ``store_id`` from now on (acts; journalled).

        Starts a new binding whatever the module served before (the old one stays in the
        module's history); ``anchor`` is the store's audit head at the binding. The store
        records and audits the binding it asked for.
        """
        params = self._params(records.bind_params, store_id)
        return records.parse_binding(self._act("SB", params, anchor).data)

    # -- the exchange, on the worker thread ------------------------------------------
    @staticmethod
    def _params(build: Callable[..., str], *args: Any) -> str:
        try:
            return build(*args)
        except ValueError as error:
            raise SmRequestError(reason=str(error)) from error

    def _query(self, command: str, params: str = "") -> Response:
        return self._command(Request("SM", command, params), acting=False)

    def _act(self, command: str, params: str, anchor: AuditAnchor | None) -> Response:
        return self._command(acting_request(command, params, anchor), acting=True)

    def _command(self, request: Request, *, acting: bool) -> Response:
        response = self._run(self._perform, request, acting)
        if not response.ok:
            params: dict[str, object] = {}
            if response.code == ResponseCode.AMOUNT_NOT_REPRESENTABLE and response.data:
                params["carried"] = Decimal(int(response.data, 16)) / 10
            if response.code == ResponseCode.AUDIT_HEAD_BEHIND:
                params.update(_anchored(response.data))
            raise error_for_response(request.name, response.code, **params)
        return response

    def _perform(self, request: Request, acting: bool) -> Response:
        self._ensure_open()
        response = self._exchange(request, acting)
        if request == END_SESSION_REQUEST:
            self._signed_in = False  # GL?RS ends the session on the module's side
        if response.code == ResponseCode.SESSION_REQUIRED and self._credential is not None:
            # The module ended the session (it idled out, or the module restarted). It did
            # not act on a request it refused this way, so sign in and send it again.
            self._signed_in = False
            self._sign_in()
            response = self._exchange(request, acting)
        return response

    def _exchange(self, request: Request, acting: bool) -> Response:
        if threading.current_thread() is not self._worker:
            raise RuntimeError("secure module I/O must run on its worker thread")
        return exchange(self._transport, request, acting=acting, max_tries=self.max_tries)

    def _ensure_open(self) -> None:
        if not self._transport.is_open:
            self._signed_in = False  # a new connection (or the port came back): new session
            self._transport.open()
        if self._credential is not None and not self._signed_in:
            self._sign_in()

    def _sign_in(self) -> None:
        """``SM?AC`` then ``SM?AU``; checks the module's proof (docs/sm-protocol.md §3.1)."""
        credential = self._credential
        assert credential is not None
        challenge = self._exchange(CHALLENGE_REQUEST, False)
        if not challenge.ok:
            raise error_for_response(CHALLENGE_REQUEST.name, challenge.code)
        try:
            module_id, module_nonce = parse_challenge(challenge.data)
        except FrameError as error:
            raise SmProtocolError(reason=error.reason) from error
        client_nonce = new_nonce()
        proof = credential.proof(TERMINAL, module_id, module_nonce, client_nonce)
        # Not acting: if its answer is lost the same AU is sent again and answered alike.
        request = Request("SM", "AU", sign_in_params(client_nonce, proof))
        answer = self._exchange(request, False)
        if not answer.ok:
            raise error_for_response(request.name, answer.code)
        if not credential.verifies(answer.data, MODULE, module_id, module_nonce, client_nonce):
            raise SmNotPairedModuleError(url=self.url)
        self._signed_in = True

    def _shut(self) -> None:
        """Close on the worker: end the session first (a serial line has no connection whose
        end would end it). One try, its answer awaited so it is not left for the next
        program to read; a module that does not answer just lets its session idle out."""
        if self._signed_in and self._transport.is_open:
            self._signed_in = False
            with contextlib.suppress(SmError):
                round_trip(self._transport, END_SESSION_REQUEST)
        self._signed_in = False
        self._transport.close()


def _anchored(data: str) -> dict[str, object]:
    """The anchor a module holds, from the data of its 55 refusal (for the error message)."""
    try:
        held = AuditAnchor.parse(data)
    except FrameError:
        return {"anchored_count": "?"}
    return {"anchored_count": held.entry_count, "anchored_hash": held.head_hash}
