"""The emulated module's behaviour: one request frame in, one response frame out.

Transport-free, so it is unit-tested on bytes and served unchanged over a pty or TCP by
:mod:`starpos.devices.sm.emulator.server`. A command that acts (``SM?KL``, ``SM?TU``,
``SM?TC``, ``SM?TM``, ``SM?TK``, ``SM?SB``) runs only in a signed-in session
(:mod:`.sessions`) and is one state change: its effect, its counters, the audit anchor it
carries and its answer are committed to the journal together before the answer is
returned, so ``GL?RR`` after a crash returns exactly what was decided. When the journal
cannot be written the module answers 56 and is left exactly as it was.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from starpos.devices.sm import amounts, messages, records
from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.credit_blocks import CreditBlockError, apply_credit_block, read_credit_block
from starpos.devices.sm.emulator import bookkeeping
from starpos.devices.sm.emulator.sessions import Session, SignIn
from starpos.devices.sm.emulator.state import LastAnswer, ModuleState, NotSaved
from starpos.devices.sm.emulator.tokens import TokenFailure, TokenMaker
from starpos.devices.sm.frames import FrameError, Request, Response, parse_request
from starpos.devices.sm.key_registry import KeyRegistry, format_registry
from starpos.devices.sm.kmf import KeyInfo, KmfError, VendingKey, read_kmf
from starpos.devices.sm.messages import KEY_REF_LENGTH, MeterKeyRef
from starpos.devices.sm.records import AuditAnchor
from starpos.devices.sm.signed_files import public_key_from_hex

ACTING_COMMANDS = frozenset({"KL", "TU", "TC", "TM", "TK", "SB"})
#: Outside a signed-in session these are refused with 52: every command that acts, and
#: GL?RR, whose stored answer may hold a token nobody recorded yet.
SESSION_COMMANDS = frozenset({("SM", name) for name in ACTING_COMMANDS} | {("GL", "RR")})
_KMF_KINDS = {
    "format": ResponseCode.FORMAT_ERROR,
    "signature": ResponseCode.SIGNATURE_INVALID,
    "module": ResponseCode.INVALID_MODULE_ID,
    "expired": ResponseCode.KEY_EXPIRED,
}


class Refusal(Exception):
    """A command refused with ``code`` (and optional answer ``data``)."""

    def __init__(self, code: ResponseCode, data: str = "") -> None:
        super().__init__(code.name)
        self.code = code
        self.data = data


class EmulatedModule:
    """A TSM250-class module over ``state``; ``today`` is injectable for key dates.

    ``port_session`` is the session of a line without connections (the pty, and callers
    on bytes that pass none); a TCP server passes one :class:`Session` per connection.
    """

    def __init__(
        self,
        state: ModuleState,
        tokens: TokenMaker,
        today: Callable[[], date] = date.today,
        sign_in: SignIn | None = None,
    ) -> None:
        self.state = state
        self.tokens = tokens
        self.today = today
        self.sign_in = sign_in or SignIn(state)
        self.port_session = Session()
        self._carried: AuditAnchor | None = None  # the anchor of the command in progress
        self._trusted: Ed25519PublicKey = public_key_from_hex(state.kmc_public_key_hex)
        self._handlers: dict[tuple[str, str], Callable[[str], str]] = {
            ("GL", "EC"): lambda params: params,
            ("SM", "ID"): self._identify,
            ("SM", "TS"): self._status,
            ("SM", "CI"): self._counters,
            ("SM", "KI"): self._key_registry,
            ("SM", "CU"): self._credit_update_record,
            ("SM", "SR"): self._binding,
            ("SM", "SB"): self._bind,
            ("SM", "KL"): self._load_kmf,
            ("SM", "TU"): self._credit_update,
            ("SM", "TC"): self._credit_token,
            ("SM", "TM"): self._management_token,
            ("SM", "TK"): self._key_change_tokens,
            ("SM", "TV"): self._verify_token,
        }

    def handle(self, frame: bytes, session: Session | None = None) -> bytes:
        """The response frame (with CR) for one request frame, on ``session``'s connection."""
        session = session or self.port_session
        try:
            request = parse_request(frame)
        except FrameError as error:
            code = ResponseCode.CHECKSUM_ERROR if error.checksum else ResponseCode.FORMAT_ERROR
            return Response("GL", "ER", code).encode()
        name = (request.klass, request.command)
        signed_in = self.sign_in.alive(session)  # any command keeps a session from idling out
        if name in SESSION_COMMANDS and not signed_in:
            self.state.log_event("session_required", command=request.name)
            return Response(request.klass, request.command, ResponseCode.SESSION_REQUIRED).encode()
        if name == ("GL", "RR"):
            return self._resend()
        if name == ("GL", "RS"):
            session.end()  # a reset ends the session; keys, credit and last answer stay
            return Response("GL", "RS", 0).encode()
        if name in (("SM", "AC"), ("SM", "AU")):
            answer = self.sign_in.challenge if name == ("SM", "AC") else self.sign_in.sign_in
            code, data = answer(session, request.params)
            return Response(request.klass, request.command, code, data).encode()
        handler = self._handlers.get(name)
        if handler is None:
            return Response(request.klass, request.command, ResponseCode.UNKNOWN_COMMAND).encode()
        if request.command in ACTING_COMMANDS:
            return self._act(request, handler)
        try:
            response = Response(request.klass, request.command, 0, handler(request.params))
        except Refusal as refusal:
            response = Response(request.klass, request.command, refusal.code, refusal.data)
            self.state.log_event("refused", command=request.name, code=int(refusal.code))
        return response.encode()

    def _act(self, request: Request, handler: Callable[[str], str]) -> bytes:
        """Run an acting command as one state change with its anchor and its answer."""
        self.state.begin()
        anchor: AuditAnchor | None = None
        try:
            params, anchor = self._anchor(request)
            self._carried = anchor
            data = handler(params)
            response = Response(request.klass, request.command, 0, data)
        except Refusal as refusal:
            self.state.discard()
            response = Response(request.klass, request.command, refusal.code, refusal.data)
            self.state.log_event("refused", command=request.name, code=int(refusal.code))
            if refusal.code == ResponseCode.AUDIT_HEAD_BEHIND:
                anchor = None  # the contradicting head is refused, never recorded
        if anchor is not None and request.command != "SB":  # SB starts a binding with it
            bookkeeping.record_anchor(self.state, anchor)
        encoded = response.encode()
        # Persisted before the caller gets it: GL?RR after a crash returns this answer.
        self.state.last_answer = LastAnswer(request.digest(), encoded[:-1].decode("ascii"))
        try:
            self.state.commit()
        except NotSaved as failure:
            self.state.log_event("not_saved", command=request.name, reason=str(failure))
            return Response(request.klass, request.command, ResponseCode.NOT_SAVED).encode()
        return encoded

    def _anchor(self, request: Request) -> tuple[str, AuditAnchor | None]:
        """The command's own parameters, and the audit anchor it carries (checked)."""
        try:
            params, anchor = records.split_anchor(request.params)
        except FrameError as error:
            raise Refusal(ResponseCode.FORMAT_ERROR) from error
        if anchor is not None and request.command != "SB":
            held = bookkeeping.anchor_conflict(self.state, anchor)
            if held is not None:
                raise Refusal(ResponseCode.AUDIT_HEAD_BEHIND, held.wire())
        return params, anchor

    def _resend(self) -> bytes:
        last = self.state.last_answer
        if last is None:
            return Response("GL", "RR", ResponseCode.NOTHING_TO_RESEND).encode()
        return Response("GL", "RR", 0, last.request_digest + last.frame).encode()

    # -- queries -----------------------------------------------------------------------
    def _identify(self, params: str) -> str:
        self._no_params(params)
        public = self.state.identity_key().public_key().public_bytes_raw().hex().upper()
        identity = messages.ModuleIdentity(
            module_id=self.state.module_id,
            firmware=self.state.firmware,
            key_check=self.key_check(),
            key_count=len(self.state.key_infos()),
            public_key_hex=public,
            protocol=messages.PROTOCOL_VERSION,
            training=self.state.training,
        )
        return messages.format_identity(identity)

    def key_check(self) -> str:
        """8 hex digits that change whenever the loaded keys change (never the key bytes)."""
        digest = hashlib.sha256(self.state.module_id.encode("ascii"))
        for register in sorted(self.state.key_infos()):
            vending_key = self.state.vending_key(register)
            assert vending_key is not None
            info = vending_key.info
            digest.update(f"|{register}:{info.sgc}:{info.krn}:{info.key_type}:{info.ken}:".encode())
            digest.update(hashlib.sha256(vending_key.key).digest())
        return digest.hexdigest()[:8].upper() if self.state.key_infos() else "00000000"

    def _status(self, params: str) -> str:
        self._no_params(params)
        return messages.format_balance(self.state.sequence, self.state.balance_tenths)

    def _counters(self, params: str) -> str:
        self._no_params(params)
        return records.format_counters(bookkeeping.counters(self.state))

    def _key_registry(self, params: str) -> str:
        self._no_params(params)
        infos = self.state.key_infos()
        registry = KeyRegistry(self.state.kmc_public_key_hex, tuple(infos.values()))
        return format_registry(registry)

    def _credit_update_record(self, params: str) -> str:
        if not re.fullmatch(r"[0-9A-F]{8}", params):
            raise Refusal(ResponseCode.FORMAT_ERROR)
        record = bookkeeping.credit_update(self.state, int(params, 16))
        if record is None:
            raise Refusal(ResponseCode.NO_RECORD)
        return records.format_credit_update(record)

    def _binding(self, params: str) -> str:
        self._no_params(params)
        return records.format_binding(bookkeeping.binding(self.state))

    def _bind(self, params: str) -> str:
        if not re.fullmatch(records.STORE_ID_PATTERN, params):
            raise Refusal(ResponseCode.FORMAT_ERROR)
        previous = self.state.binding["store_id"]
        bookkeeping.bind(self.state, params, self._carried)
        self.state.log_event(
            "store_bound",
            store_id=params,
            number=self.state.binding["number"],
            previous_store_id=previous,
        )
        return records.format_binding(bookkeeping.binding(self.state))

    @staticmethod
    def _no_params(params: str) -> None:
        if params:
            raise Refusal(ResponseCode.FORMAT_ERROR)

    # -- key load and credit --------------------------------------------------------------
    @staticmethod
    def _hex_file(params: str) -> bytes:
        if not params or len(params) % 2 or not re.fullmatch(r"[0-9A-F]+", params):
            raise Refusal(ResponseCode.FORMAT_ERROR)
        return bytes.fromhex(params)

    def _load_kmf(self, params: str) -> str:
        try:
            keys = read_kmf(
                self._hex_file(params),
                trusted_kmc=self._trusted,
                module_id=self.state.module_id,
                module_private_key=self.state.identity_key(),
                today=self.today(),
            )
        except KmfError as error:
            self.state.log_event("kmf_refused", reason=error.reason)
            raise Refusal(_KMF_KINDS[error.kind]) from error
        self.state.store_keys(keys)
        self.state.log_event(
            "kmf_loaded",
            registers=[k.info.register for k in keys],
            sgcs=[k.info.sgc for k in keys],
            krns=[k.info.krn for k in keys],
        )
        return f"{len(keys):02d}{self.key_check()}"

    def _credit_update(self, params: str) -> str:
        block_bytes = self._hex_file(params)
        try:
            block = read_credit_block(block_bytes, self._trusted)
            balance = apply_credit_block(
                block, self.state.module_id, self.state.sequence, self.state.balance_tenths
            )
        except CreditBlockError as error:
            self.state.log_event("credit_refused", reason=error.reason)
            raise Refusal(error.response_code) from error
        before = self.state.balance_tenths
        self.state.sequence = block.sequence
        self.state.balance_tenths = balance
        bookkeeping.count_credit_update(self.state, block, block_bytes, before, balance)
        self.state.log_event(
            "credit_updated",
            sequence=block.sequence,
            operation=block.operation,
            amount_tenths=block.amount_tenths,
            balance_tenths=balance,
        )
        return messages.format_balance(self.state.sequence, self.state.balance_tenths)

    # -- tokens ----------------------------------------------------------------------------
    def _key_for(self, ref: MeterKeyRef, tid: int | None) -> VendingKey:
        vending_key = self.state.vending_key(ref.key_register)
        if vending_key is None:
            raise Refusal(ResponseCode.KEY_MISSING)
        info: KeyInfo = vending_key.info
        if (info.sgc, info.krn, info.ken) != (ref.sgc, ref.krn, ref.ken):
            raise Refusal(ResponseCode.KEY_MISMATCH)
        today = self.today()
        if today < info.activation:
            raise Refusal(ResponseCode.KEY_NOT_ACTIVE)
        # IEC 62055-41 key expiry: no token once the TID passes KEN x 65535 minutes.
        if today > info.issued_until or (tid is not None and tid > info.ken * 65535):
            raise Refusal(ResponseCode.KEY_EXPIRED)
        return vending_key

    @staticmethod
    def _split(params: str, pattern: str) -> tuple[MeterKeyRef, tuple[str, ...]]:
        match = re.fullmatch(pattern, params[KEY_REF_LENGTH:])
        if match is None:
            raise Refusal(ResponseCode.FORMAT_ERROR)
        try:
            return MeterKeyRef.parse(params[:KEY_REF_LENGTH]), match.groups()
        except FrameError as error:
            raise Refusal(ResponseCode.FORMAT_ERROR) from error

    def _make(self, make: Callable[[], list[messages.IssuedToken]]) -> list[messages.IssuedToken]:
        try:
            return make()
        except TokenFailure as error:
            self.state.log_event("token_failed", reason=error.reason)
            raise Refusal(error.code) from error

    def _credit_token(self, params: str) -> str:
        ref, (credit_type, tid_hex, amount_hex, zero) = self._split(
            params, r"([0-9]{2})([0-9A-F]{6})L([0-9A-F]{6})(Z?)"
        )
        tid, amount = int(tid_hex, 16), int(amount_hex, 16)
        if zero and amount != 0:
            raise Refusal(ResponseCode.FORMAT_ERROR)
        vending_key = self._key_for(ref, tid)
        if vending_key.info.usage != "credit":
            raise Refusal(ResponseCode.KEY_NOT_FOR_CREDIT)
        if amount > vending_key.info.credit_limit_tenths:
            raise Refusal(ResponseCode.AMOUNT_ABOVE_KEY_LIMIT)
        try:
            carried = amounts.carried_tenths(amount)
        except ValueError as error:
            raise Refusal(ResponseCode.FORMAT_ERROR) from error
        if carried != amount:
            raise Refusal(ResponseCode.AMOUNT_NOT_REPRESENTABLE, f"{carried:06X}")
        if amount > self.state.balance_tenths:
            raise Refusal(ResponseCode.INSUFFICIENT_CREDIT)
        (token,) = self._make(
            lambda: self.tokens.credit(vending_key, ref, int(credit_type), tid, amount, bool(zero))
        )
        # The balance drops by exactly what the token carries, committed with the answer.
        self.state.balance_tenths -= amount
        bookkeeping.count_credit_token(self.state, tid, amount)
        self.state.log_event(
            "credit_token",
            pan=ref.pan,
            tid=tid,
            credit_type=int(credit_type),
            amount_tenths=amount,
            balance_tenths=self.state.balance_tenths,
            token=token.token,
        )
        return messages.format_issued(token)

    def _management_token(self, params: str) -> str:
        ref, (subclass, tid_hex, value_hex) = self._split(
            params, r"([0-9]{2})([0-9A-F]{6})V([0-9A-F]{6})"
        )
        tid = int(tid_hex, 16)
        vending_key = self._key_for(ref, tid)
        if vending_key.info.usage != "credit":
            raise Refusal(ResponseCode.KEY_NOT_FOR_CREDIT)
        (token,) = self._make(
            lambda: self.tokens.management(vending_key, ref, int(subclass), tid, int(value_hex, 16))
        )
        bookkeeping.count_management_token(self.state, tid)
        self.state.log_event(
            "management_token", pan=ref.pan, tid=tid, subclass=int(subclass), token=token.token
        )
        return messages.format_issued(token)

    def _key_change_tokens(self, params: str) -> str:
        ref, (new_register, new_sgc, new_ti, new_krn, new_ken, rollover) = self._split(
            params, r"([0-9]{2})([0-9]{6})([0-9]{2})([0-9])([0-9A-F]{2})([01])"
        )
        current = self._key_for(ref, None)
        new_ref = MeterKeyRef(
            ref.pan, int(new_register), new_sgc, int(new_ti), int(new_krn), int(new_ken, 16)
        )
        new = self._key_for(new_ref, None)
        tokens = self._make(
            lambda: self.tokens.key_change(current, ref, new, new_ref, rollover == "1")
        )
        bookkeeping.count_key_change(self.state)
        self.state.log_event(
            "key_change_tokens",
            pan=ref.pan,
            from_register=ref.key_register,
            to_register=new_ref.key_register,
            count=len(tokens),
            tokens=[token.token for token in tokens],
        )
        return f"{len(tokens)}" + "".join(messages.format_issued(t) for t in tokens)

    def _verify_token(self, params: str) -> str:
        ref, (token,) = self._split(params, r"([0-9]{20})")
        vending_key = self.state.vending_key(ref.key_register)
        if vending_key is None:
            raise Refusal(ResponseCode.KEY_MISSING)
        if (vending_key.info.sgc, vending_key.info.krn) != (ref.sgc, ref.krn):
            raise Refusal(ResponseCode.KEY_MISMATCH)
        decoded = self._make_decoded(vending_key, ref, token)
        return messages.format_decoded(decoded)

    def _make_decoded(
        self, vending_key: VendingKey, ref: MeterKeyRef, token: str
    ) -> messages.DecodedToken:
        try:
            return self.tokens.decode(vending_key, ref, token)
        except TokenFailure as error:
            raise Refusal(error.code) from error
