"""The pieces of ``starpos server bench`` that run things: the ``starpos server run`` process
it pushes to, the counters run side by side, and the processor time each side spent.

The processor time says whom a run measured. On two cores the server process, PostgreSQL
and the simulated counters share the machine; a run whose counters spend as much as the
server measures them too. The server's time is read from the kernel (``/proc``, Linux
only: elsewhere it is not reported); the counters' is this process's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import IO

from starpos.bench.sync_counters import SimulatedCounter

START_TIMEOUT_S = 60.0


class ServerProcess:
    """``starpos server run`` on this data folder, on a free port."""

    def __init__(self, folder: Path) -> None:
        command = [sys.executable, "-m", "starpos", "--data-dir", str(folder)]
        self.log = (folder / "server-bench.log").open("ab")
        self.process = subprocess.Popen(
            [*command, "server", "run", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=self.log,
        )
        assert self.process.stdout is not None
        self.url = self._announced(self.process.stdout)

    def _announced(self, stdout: IO[bytes]) -> str:
        found: list[str] = []
        reader = threading.Thread(target=lambda: found.append(stdout.readline().decode()))
        reader.start()
        reader.join(START_TIMEOUT_S)
        line = found[0].strip() if found else ""
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError("the head office server did not start (server-bench.log)")
        return line

    def cpu_seconds(self) -> float | None:
        """Processor time the server process has used so far (user and system), or None
        where the kernel does not say."""
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return None
        # Fields after the command's name, which is in parentheses and may hold spaces.
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.log.close()


class Spent:
    """Processor time of the server and of the counters (this process) over a run."""

    def __init__(self, server: ServerProcess) -> None:
        self._server = server
        self._server_start = server.cpu_seconds()
        self._counters_start = time.process_time()

    def server_seconds(self) -> float | None:
        now = self._server.cpu_seconds()
        if now is None or self._server_start is None:
            return None
        return now - self._server_start

    def counters_seconds(self) -> float:
        return time.process_time() - self._counters_start


def in_threads(
    simulated: list[SimulatedCounter], work: Callable[[SimulatedCounter], list[float]]
) -> tuple[float, list[float]]:
    """Run ``work`` for every counter at once; the wall time and every latency measured."""
    start = threading.Barrier(len(simulated) + 1)
    latencies: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run(counter: SimulatedCounter) -> None:
        start.wait()
        try:
            measured = work(counter)
        except BaseException as error:  # reported after every thread ended
            with lock:
                failures.append(error)
            return
        with lock:
            latencies.extend(measured)

    threads = [threading.Thread(target=run, args=(counter,)) for counter in simulated]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    if failures:
        raise failures[0]
    return wall, latencies


def per_push_ms(seconds: float | None, pushes: int) -> Decimal | None:
    """Processor milliseconds a push, or None when the time is not known."""
    if seconds is None or pushes == 0:
        return None
    return Decimal(str(round(seconds * 1000 / pushes, 2)))
