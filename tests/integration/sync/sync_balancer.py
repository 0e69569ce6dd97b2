"""A round-robin TCP balancer in front of several server processes, as a load balancer
would stand in front of the head office: each new connection goes to the next server that
accepts it (a server that refuses the connection is skipped, as a health check would)."""

from __future__ import annotations

import itertools
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class Balancer:
    def __init__(self, upstream_ports: list[int]) -> None:
        self.upstream_ports = upstream_ports
        self.served: dict[int, int] = dict.fromkeys(upstream_ports, 0)
        self._next = itertools.cycle(range(len(upstream_ports)))
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _connect(self) -> socket.socket | None:
        for _ in self.upstream_ports:
            with self._lock:
                port = self.upstream_ports[next(self._next)]
            try:
                upstream = socket.create_connection(("127.0.0.1", port), timeout=60)
            except OSError:
                continue
            with self._lock:
                self.served[port] += 1
            return upstream
        return None

    def _serve(self, client: socket.socket) -> None:
        upstream = self._connect()
        if upstream is None:
            client.close()
            return
        threading.Thread(target=_pump, args=(client, upstream), daemon=True).start()
        _pump(upstream, client)

    def close(self) -> None:
        with suppress(OSError):
            self._listener.close()


def _pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            with suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()


@contextmanager
def balancer(upstream_ports: list[int]) -> Iterator[Balancer]:
    front = Balancer(upstream_ports)
    try:
        yield front
    finally:
        front.close()
