"""The counter's HTTP client for its head office: JSON over one kept-open connection, every
request after enrolment signed (:mod:`starpos.sync.signing`).

The standard library's ``http.client`` is enough for a few requests a minute and keeps the
counter free of another dependency. The client corrects for its own clock: the head office
refuses a signature whose time is off by more than the window and says its own time, so
the client keeps the difference and signs again once (a counter whose clock is a day off
still syncs; the events keep the counter's own times, which the head office compares).
"""

from __future__ import annotations

import http.client
import json
import time
from typing import IO, Any
from urllib.parse import urlencode, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from starpos.sync import signing
from starpos.sync.errors import (
    EnrolmentRefusedError,
    ProtocolError,
    RetryLaterError,
    ServerUnreachableError,
    SignatureRefusedError,
    TerminalRevokedError,
)

ENROL_PATH = "/v1/enrol"
EVENTS_PATH = "/v1/events"
TERMINAL_PATH = "/v1/terminal"
HEALTH_PATH = "/v1/health"
CHANGES_PATH = "/v1/changes"
CREDIT_BLOCKS_PATH = "/v1/credit-blocks"
#: The downlink's answer: one JSON value per line (starpos.server.downlink).
NDJSON = "application/x-ndjson"
#: Bytes read at a time from a streamed answer.
READ_CHUNK = 256 * 1024
#: How a kept-open connection the server has closed fails on its next request.
STALE_CONNECTION = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
#: The key id an enrolment request is signed under: the key is in its body, not known yet.
ENROLMENT_KEY_ID = "new"
TIMEOUT_S = 30.0


class HeadOfficeClient:
    def __init__(
        self,
        server_url: str,
        *,
        key_id: str | None = None,
        key: Ed25519PrivateKey | None = None,
        timeout: float = TIMEOUT_S,
    ) -> None:
        parts = urlsplit(server_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ProtocolError(detail=f"not an http(s) URL: {server_url}")
        self.server_url = server_url.rstrip("/")
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._prefix = parts.path.rstrip("/")
        self._key_id = key_id
        self._key = key
        self._timeout = timeout
        self._connection: http.client.HTTPConnection | None = None
        #: Seconds to add to this machine's clock to get the head office's.
        self.clock_offset = 0.0

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> HeadOfficeClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # The calls the counter makes.

    def health(self) -> dict[str, Any]:
        return self._call("GET", HEALTH_PATH, None, signer=None)

    def enrol(self, code: str, key: Ed25519PrivateKey) -> dict[str, Any]:
        """Redeem a one-time code for ``key``: the request is signed with that very key,
        which proves the counter holds the private half of what it enrols."""
        from starpos.sync.keys import public_hex

        payload = {"code": code, "public_key": public_hex(key)}
        return self._call("POST", ENROL_PATH, payload, signer=(ENROLMENT_KEY_ID, key))

    def push(self, events: list[dict[str, Any]], protocol: int) -> dict[str, Any]:
        return self._call(
            "POST", EVENTS_PATH, {"protocol": protocol, "events": events}, signer=self._signer()
        )

    def push_body(self, body: bytes) -> dict[str, Any]:
        """A push whose JSON body is already encoded (``starpos server bench`` encodes its
        batches before it starts the clock)."""
        signer = self._signer()
        status, answer = self._send("POST", EVENTS_PATH, body, signer)
        if self._corrected_clock(status, answer):
            status, answer = self._send("POST", EVENTS_PATH, body, signer)
        if status == 200:
            return answer
        raise self._refusal(status, answer)

    def terminal(self) -> dict[str, Any]:
        return self._call("GET", TERMINAL_PATH, None, signer=self._signer())

    def credit_blocks(self) -> dict[str, Any]:
        """The credit blocks the head office issued for this terminal's module."""
        return self._call("GET", CREDIT_BLOCKS_PATH, None, signer=self._signer())

    def changes(self, cursor: int | None, into: IO[bytes]) -> int:
        """Write the master data changed since ``cursor`` (all of it when None) into
        ``into``, as it streams in; the number of bytes. The signature covers the path, not
        the query: the cursor only says what to read."""
        query = "" if cursor is None else "?" + urlencode({"cursor": cursor})
        signer = self._signer()
        response = self._start("GET", CHANGES_PATH, query, b"", signer)
        if response.status != 200:
            status, answer = self._answer(response)
            if not self._corrected_clock(status, answer):
                raise self._refusal(status, answer)
            response = self._start("GET", CHANGES_PATH, query, b"", signer)
            if response.status != 200:
                raise self._refusal(*self._answer(response))
        return self._copy(response, into)

    # Plumbing.

    def _signer(self) -> tuple[str, Ed25519PrivateKey]:
        if self._key_id is None or self._key is None:
            raise ValueError("a signed call needs the enrolment's key id and key")
        return self._key_id, self._key

    def _call(
        self,
        method: str,
        path: str,
        payload: Any,
        *,
        signer: tuple[str, Ed25519PrivateKey] | None,
    ) -> dict[str, Any]:
        body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
        status, answer = self._send(method, path, body, signer)
        if signer is not None and self._corrected_clock(status, answer):
            status, answer = self._send(method, path, body, signer)
        if status == 200:
            return answer
        raise self._refusal(status, answer)

    def _corrected_clock(self, status: int, answer: dict[str, Any]) -> bool:
        """Whether the refusal was for this machine's clock, now corrected by the server's."""
        server_time = answer.get("server_time")
        if status != 401 or answer.get("error") != signing.STALE:
            return False
        if not isinstance(server_time, (int, float)):
            return False
        self.clock_offset = float(server_time) - time.time()
        return True

    def _send(
        self,
        method: str,
        path: str,
        body: bytes,
        signer: tuple[str, Ed25519PrivateKey] | None,
    ) -> tuple[int, dict[str, Any]]:
        return self._answer(self._start(method, path, "", body, signer))

    def _start(
        self,
        method: str,
        path: str,
        query: str,
        body: bytes,
        signer: tuple[str, Ed25519PrivateKey] | None,
    ) -> http.client.HTTPResponse:
        """Send a request and return the response with its body still to read."""
        reused = self._connection is not None
        try:
            return self._request(method, path, query, body, signer)
        except STALE_CONNECTION as error:
            # The server closed a kept-open connection while it was idle (uvicorn does after
            # 5 s): the request never got there. Once more on a new connection, signed afresh
            # (a push is safe to send twice: its events are taken once).
            self.close()
            if not reused:
                raise self._unreachable(error) from error
        except (OSError, http.client.HTTPException) as error:
            raise self._unreachable(error) from error
        try:
            return self._request(method, path, query, body, signer)
        except (OSError, http.client.HTTPException) as error:
            raise self._unreachable(error) from error

    def _request(
        self,
        method: str,
        path: str,
        query: str,
        body: bytes,
        signer: tuple[str, Ed25519PrivateKey] | None,
    ) -> http.client.HTTPResponse:
        full_path = self._prefix + path
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if signer is not None:
            key_id, key = signer
            created = int(time.time() + self.clock_offset)
            headers.update(signing.sign(key, key_id, method, full_path, body, created=created))
        connection = self._open()
        connection.request(method, full_path + query, body=body or None, headers=headers)
        return connection.getresponse()

    def _unreachable(self, error: BaseException) -> ServerUnreachableError:
        self.close()
        return ServerUnreachableError(
            server=self.server_url, reason=str(error) or type(error).__name__
        )

    def _answer(self, response: http.client.HTTPResponse) -> tuple[int, dict[str, Any]]:
        """The response's JSON body, read whole."""
        try:
            raw = response.read()
        except (OSError, http.client.HTTPException) as error:
            raise self._unreachable(error) from error
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError as error:
            if response.status >= 500:  # a proxy or the server failed: send again later
                raise RetryLaterError(reason=f"HTTP {response.status}") from error
            raise ProtocolError(detail=f"HTTP {response.status}, not JSON") from error
        if not isinstance(answer, dict):
            raise ProtocolError(detail=f"HTTP {response.status}, not a JSON object")
        return response.status, answer

    def _copy(self, response: http.client.HTTPResponse, into: IO[bytes]) -> int:
        """A streamed answer into ``into``; a cut stream is an unreachable server."""
        size = 0
        try:
            while chunk := response.read(READ_CHUNK):
                into.write(chunk)
                size += len(chunk)
        except (OSError, http.client.HTTPException) as error:
            raise self._unreachable(error) from error
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return size

    def _open(self) -> http.client.HTTPConnection:
        if self._connection is None:
            kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            self._connection = kind(self._host, self._port, timeout=self._timeout)
        return self._connection

    def _refusal(self, status: int, answer: dict[str, Any]) -> Exception:
        reason = str(answer.get("error") or f"HTTP {status}")
        if status == 403 and reason == signing.REVOKED:
            return TerminalRevokedError()
        if status == 403 and reason == "enrolment_refused":
            return EnrolmentRefusedError()
        if status == 401:
            return SignatureRefusedError(reason=reason)
        if status >= 500:
            return RetryLaterError(reason=reason)
        return ProtocolError(detail=f"HTTP {status}: {reason}")
