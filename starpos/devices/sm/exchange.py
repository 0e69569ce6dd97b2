"""One request to the module and its answer, with bounded retries (docs/sm-protocol.md §8).

A timeout flushes the input and retries; a damaged answer (bad CRC, garbage) is asked for
again; ``GL!ER`` (the module got a damaged request) resends the request. A command that
acts is never simply resent after a lost answer: ``GL?RR`` is asked first, and the request
is resent only when the module's last answer is not for it (it never acted on it).
Runs on the driver's worker thread, over a transport that is open.
"""

from __future__ import annotations

from typing import Literal

from starpos.devices.sm import messages
from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.errors import SmProtocolError, SmTimeoutError, error_for_response
from starpos.devices.sm.frames import FrameError, Request, Response, parse_response
from starpos.devices.sm.messages import IssuedToken, LastResponse
from starpos.devices.sm.transport import SerialTransport

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


def exchange(
    transport: SerialTransport, request: Request, *, acting: bool, max_tries: int
) -> Response:
    """The module's answer to ``request`` (any response code), or a transport error."""
    expected = f"{request.klass}!{request.command}"
    recover = False
    failure: _Failure | Literal["damaged request"] = "timeout"
    reason = ""
    rejected_code = int(ResponseCode.CHECKSUM_ERROR)
    for _ in range(max_tries):
        if recover:
            outcome = _recover(transport, request)
            if isinstance(outcome, Response):
                return outcome
            if outcome != "resend":
                failure = outcome
                continue
        answer = round_trip(transport, request)
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
        raise SmTimeoutError(command=request.name, tries=max_tries)
    if failure == "damaged request":
        raise error_for_response(request.name, rejected_code)
    raise SmProtocolError(reason=reason or "damaged answer")


def round_trip(
    transport: SerialTransport, request: Request, timeout_s: float | None = None
) -> Response | _Failure:
    # A late answer to an earlier try must not be read as the answer to this one.
    transport.flush_input()
    transport.write(request.encode())
    raw = transport.read_frame(timeout_s)
    if raw is None:
        transport.flush_input()
        return "timeout"
    try:
        return parse_response(raw)
    except FrameError:
        return "garbled"


def _recover(
    transport: SerialTransport, request: Request
) -> Response | _Failure | Literal["resend"]:
    """Ask ``GL?RR`` for the answer to ``request``; ``resend`` if it never acted."""
    answer = round_trip(transport, RESEND_REQUEST)
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
