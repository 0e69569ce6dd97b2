"""A TCP proxy between a counter and the server that can lose the server's answers.

In ``pass`` mode it forwards both ways. In ``drop_answers`` mode it forwards the request,
lets the server answer (so the server has done the work and committed it), throws the
answer away and cuts the counter's connection: the acknowledgement is lost on the way, as
when a line drops at the wrong moment.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

PASS = "pass"
DROP_ANSWERS = "drop_answers"


class LossyProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.mode = PASS
        self.dropped = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._stopping = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60)
        except OSError:
            client.close()
            return
        done = threading.Event()
        threading.Thread(target=self._pump, args=(client, upstream, done), daemon=True).start()
        try:
            while True:
                data = upstream.recv(65536)
                if not data:
                    break
                if self.mode == DROP_ANSWERS:
                    self.dropped += 1
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            for end in (client, upstream):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            done.set()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket, done: threading.Event) -> None:
        try:
            while not done.is_set():
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass

    def close(self) -> None:
        self._stopping = True
        self._listener.close()


@contextmanager
def lossy_proxy(upstream_port: int) -> Iterator[LossyProxy]:
    proxy = LossyProxy(upstream_port)
    try:
        yield proxy
    finally:
        proxy.close()
