"""The ASGI application: six endpoints over :mod:`starpos.server.handlers`, an access log.

The handlers are plain functions doing database work, so each runs in Starlette's thread
pool; the event loop only moves bytes. The body is read raw (its digest is signed) and at
most :data:`MAX_BODY` of it: a push of 500 sales is under 1 MiB, and nobody, signed or not,
makes the server hold more.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from starpos.db.column_types import utc_now
from starpos.server import handlers
from starpos.server.handlers import Incoming, Reply
from starpos.server.store import HeadOffice
from starpos.sync.client import (
    CHANGES_PATH,
    CREDIT_BLOCKS_PATH,
    ENROL_PATH,
    EVENTS_PATH,
    HEALTH_PATH,
    NDJSON,
    TERMINAL_PATH,
)

log = logging.getLogger("starpos.server.access")
MAX_BODY = 8 * 1024 * 1024
TOO_LARGE = "too_large"
SERVER_FAULT = "server_fault"


async def _body(request: Request) -> bytes | None:
    """The request's body, or None when it is longer than :data:`MAX_BODY`."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(office: HeadOffice) -> Starlette:
    def endpoint(handler: Callable[..., Reply]) -> Callable[[Request], object]:
        async def serve(request: Request) -> Response:
            started = time.perf_counter()
            body = await _body(request)
            now = utc_now()
            if body is None:
                reply = Reply(413, {"error": TOO_LARGE, "server_time": now.timestamp()})
            else:
                incoming = Incoming(
                    method=request.method,
                    path=request.url.path,
                    headers={name.lower(): value for name, value in request.headers.items()},
                    body=body,
                    query=dict(request.query_params),
                )
                try:
                    reply = await run_in_threadpool(handler, office, incoming, now)
                except Exception:  # a fault of ours: logged whole, answered in one word
                    log.exception("request failed", extra={"path": request.url.path})
                    reply = Reply(500, {"error": SERVER_FAULT, "server_time": now.timestamp()})
            log.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.url.path,
                    "status": reply.status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    **reply.log,
                },
            )
            if reply.stream is not None:
                return StreamingResponse(reply.stream, status_code=reply.status, media_type=NDJSON)
            return JSONResponse(reply.body, status_code=reply.status)

        return serve

    return Starlette(
        routes=[
            Route(HEALTH_PATH, endpoint(handlers.health), methods=["GET"]),
            Route(ENROL_PATH, endpoint(handlers.enrol), methods=["POST"]),
            Route(EVENTS_PATH, endpoint(handlers.push), methods=["POST"]),
            Route(TERMINAL_PATH, endpoint(handlers.terminal), methods=["GET"]),
            Route(CHANGES_PATH, endpoint(handlers.changes), methods=["GET"]),
            Route(CREDIT_BLOCKS_PATH, endpoint(handlers.credit_blocks), methods=["GET"]),
        ]
    )
