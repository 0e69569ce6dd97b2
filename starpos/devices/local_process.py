"""Device emulators run as processes of their own on this machine: start, find, stop.

The embedded secure module (:mod:`starpos.devices.sm.embedded`) and the virtual printer
(:mod:`starpos.devices.printer.virtual.launcher`) are started the same way: ``python -m
starpos ...`` in a new session (so a Ctrl+C at the terminal does not reach them), output
to a log file in their folder, and a state file the process writes once it listens. A
folder lock keeps two programs from starting two of them at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

Ready = TypeVar("Ready")

#: The folder holding the ``starpos`` package, put on the child's PYTHONPATH so a source
#: checkout runs without being installed.
SOURCE_ROOT = Path(__file__).resolve().parents[2]


class LaunchFailed(Exception):
    """The process did not come up; ``reason`` says why, for the caller's typed error."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (one of our own children that exited is reaped)."""
    try:
        # A zombie child still answers kill 0: reap it first.
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass  # not our child: started by another program
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tcp_reachable(host: str, port: int, timeout_s: float = 1.0) -> bool:
    """Whether something accepts TCP connections at ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except (OSError, ValueError):
        return False


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) across processes."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_detached(
    arguments: list[str],
    log: Path,
    ready: Callable[[int], Ready | None],
    timeout_s: float,
) -> Ready:
    """Run ``python -m starpos <arguments>`` detached, appending its output to ``log``, and
    wait until ``ready(pid)`` answers something (the process listens). Raise
    :class:`LaunchFailed` if it exits or does not get ready within ``timeout_s``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE_ROOT), env.get("PYTHONPATH")]))
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "starpos", *arguments],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
            env=env,
            start_new_session=True,
        )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        answer = ready(process.pid)
        if answer is not None:
            return answer
        if process.poll() is not None:
            raise LaunchFailed(f"it exited with code {process.returncode}; see {log}")
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait(timeout=5)
    raise LaunchFailed(f"it did not start within {timeout_s:.0f} s; see {log}")


def terminate(pid: int, timeout_s: float = 5.0) -> None:
    """Ask process ``pid`` to end (SIGTERM) and wait up to ``timeout_s`` for it to go."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.05)
