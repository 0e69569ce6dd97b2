"""The embedded secure module: an emulator process the app starts when ``sm.url`` is empty.

Its state lives in ``<data_dir>/sm-emulator/``; it serves TCP on 127.0.0.1 (a free port,
recorded in that folder's ``endpoint.json``). A running emulator is reused; otherwise one
is started and left running for the next program (it is a device, not a child). It trusts
the development KMC in ``<data_dir>/sm-kmc`` (:mod:`starpos.devices.sm.kmc`).
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from starpos.devices.sm.emulator import ENDPOINT_FILE
from starpos.devices.sm.errors import SmEmulatorError
from starpos.devices.sm.kmc import default_kmc_dir, init_kmc
from starpos.paths import data_dir

START_TIMEOUT_S = 20.0


def emulator_dir() -> Path:
    return data_dir() / "sm-emulator"


def _alive(pid: int) -> bool:
    try:
        # Reap it if it is our own child that exited (a zombie still answers kill 0).
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


def _reachable(url: str) -> bool:
    host, _, port = url.removeprefix("socket://").rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1.0):
            return True
    except (OSError, ValueError):
        return False


def running_endpoint(folder: Path | None = None) -> dict[str, object] | None:
    """``{"pid", "url"}`` of a live emulator for ``folder``, or ``None``."""
    path = (folder or emulator_dir()) / ENDPOINT_FILE
    try:
        endpoint = json.loads(path.read_text(encoding="utf-8"))
        pid, url = int(endpoint["pid"]), str(endpoint["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if _alive(pid) and _reachable(url):
        return {"pid": pid, "url": url}
    return None


def ensure_embedded(tables_path: str | None = None) -> str:
    """The ``socket://`` URL of the embedded emulator, starting it when needed."""
    folder = emulator_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".start.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two programs starting at once get one emulator
        endpoint = running_endpoint(folder)
        if endpoint is not None:
            return str(endpoint["url"])
        return _start(folder, tables_path)


def _start(folder: Path, tables_path: str | None) -> str:
    kmc_public = init_kmc(default_kmc_dir())
    source_root = Path(__file__).resolve().parents[3]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(source_root), env.get("PYTHONPATH", "")) if p
    )
    command = [
        sys.executable,
        "-m",
        "starpos",
        "sm",
        "emulator",
        "--state",
        str(folder),
        "--listen",
        "127.0.0.1:0",
        "--kmc-public-key",
        kmc_public,
    ]
    if tables_path:
        command += ["--sta-tables", tables_path]
    with (folder / "emulator.log").open("ab") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,  # outlives the program that started it
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        endpoint = running_endpoint(folder)
        if endpoint is not None and endpoint["pid"] == process.pid:
            return str(endpoint["url"])
        if process.poll() is not None:
            raise SmEmulatorError(
                reason=f"it exited with code {process.returncode}; see {folder / 'emulator.log'}"
            )
        time.sleep(0.05)
    process.terminate()
    raise SmEmulatorError(reason=f"it did not start within {START_TIMEOUT_S:.0f} s")


def stop_embedded(timeout_s: float = 10.0) -> bool:
    """Stop the embedded emulator of this data folder; true when one was running."""
    endpoint = running_endpoint()
    if endpoint is None:
        return False
    pid = int(str(endpoint["pid"]))
    os.kill(pid, 15)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    return True
