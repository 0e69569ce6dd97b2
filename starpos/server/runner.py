"""``starpos server run``: the ASGI app under uvicorn, on a socket bound before it starts.

Binding first lets ``--port 0`` take a free port and still say which one (the first line
on stdout is the server's URL), and turns "address in use" into a message instead of a
traceback. uvicorn stops gracefully on SIGINT and SIGTERM.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

import uvicorn

from starpos.server.app import create_app
from starpos.server.errors import PortInUseError
from starpos.server.store import HeadOffice

log = logging.getLogger("starpos.server")
BACKLOG = 2048


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(BACKLOG)
    except OSError as error:
        listener.close()
        raise PortInUseError(host=host, port=port, reason=error.strerror or str(error)) from error
    return listener


def serve(office: HeadOffice, host: str, port: int, announce: Callable[[str], None]) -> None:
    listener = bind(host, port)
    bound = listener.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{bound}"
    config = uvicorn.Config(
        create_app(office),
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
        backlog=BACKLOG,
    )
    announce(url)
    log.info("listening", extra={"url": url, "schema": office.database.schema_revision()})
    uvicorn.Server(config).run(sockets=[listener])
    log.info("stopped", extra={"url": url})
