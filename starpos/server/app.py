"""The ASGI application: four endpoints over :mod:`starpos.server.handlers`, an access log.

The handlers are plain functions doing database work, so each runs in Starlette's thread
pool; the event loop only moves bytes. The body is read raw: its digest is signed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from starpos.db.column_types import utc_now
from starpos.server import handlers
from starpos.server.handlers import Incoming, Reply
from starpos.server.store import HeadOffice
from starpos.sync.client import ENROL_PATH, EVENTS_PATH, HEALTH_PATH, TERMINAL_PATH

log = logging.getLogger("starpos.server.access")


def create_app(office: HeadOffice) -> Starlette:
    def endpoint(handler: Callable[..., Reply]) -> Callable[[Request], object]:
        async def serve(request: Request) -> Response:
            started = time.perf_counter()
            incoming = Incoming(
                method=request.method,
                path=request.url.path,
                headers={name.lower(): value for name, value in request.headers.items()},
                body=await request.body(),
            )
            reply = await run_in_threadpool(handler, office, incoming, utc_now())
            log.info(
                "request",
                extra={
                    "method": incoming.method,
                    "path": incoming.path,
                    "status": reply.status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    **reply.log,
                },
            )
            return JSONResponse(reply.body, status_code=reply.status)

        return serve

    return Starlette(
        routes=[
            Route(HEALTH_PATH, endpoint(handlers.health), methods=["GET"]),
            Route(ENROL_PATH, endpoint(handlers.enrol), methods=["POST"]),
            Route(EVENTS_PATH, endpoint(handlers.push), methods=["POST"]),
            Route(TERMINAL_PATH, endpoint(handlers.terminal), methods=["GET"]),
        ]
    )
