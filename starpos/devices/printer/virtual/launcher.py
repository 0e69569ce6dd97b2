"""Start or reuse the embedded virtual printer (``printer.connection`` empty or ``virtual``).

The printer runs as its own process (``starpos printer virtual``) listening on 127.0.0.1 on a
free port, printing to ``<data_dir>/printer-out/``. It records its pid, port and paper in
``printer-out/virtual-printer.json``; later calls (from any process) reuse it while it is
alive and set up for the same paper, and start a new one otherwise. It switches itself off
when the process that started it ends (so no test run or app session leaves one behind);
:func:`stop_virtual_printer` switches it off sooner.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

from starpos.devices.local_process import (
    LaunchFailed,
    folder_lock,
    pid_alive,
    start_detached,
    tcp_reachable,
    terminate,
)
from starpos.devices.printer.errors import PrinterNotFoundError
from starpos.paths import data_dir as default_data_dir

STATE_FILE = "virtual-printer.json"
OUT_FOLDER = "printer-out"
START_TIMEOUT_SECONDS = 20.0
_lock = threading.Lock()


def output_folder(data_dir: Path | None = None) -> Path:
    """Where the embedded virtual printer writes its PNGs."""
    return (data_dir or default_data_dir()) / OUT_FOLDER


def ensure_virtual_printer(paper_mm: int, profile: str | None, data_dir: Path | None = None) -> str:
    """The connection string (``network:127.0.0.1:PORT``) of a running virtual printer."""
    folder = output_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {"paper_mm": paper_mm, "profile": profile or ""}
    with _lock, folder_lock(folder / ".launcher.lock"):
        state = _read_state(folder)
        if state and _alive(state) and all(state.get(k) == v for k, v in wanted.items()):
            return f"network:127.0.0.1:{state['port']}"
        if state and _alive(state):
            terminate(int(state["pid"]))
        return _start(folder, paper_mm, profile)


def stop_virtual_printer(data_dir: Path | None = None) -> bool:
    """Stop the embedded virtual printer if it runs; True when one was stopped."""
    folder = output_folder(data_dir)
    state = _read_state(folder)
    (folder / STATE_FILE).unlink(missing_ok=True)
    if state and pid_alive(int(state["pid"])):
        terminate(int(state["pid"]))
        return True
    return False


def _start(folder: Path, paper_mm: int, profile: str | None) -> str:
    state_path = folder / STATE_FILE
    state_path.unlink(missing_ok=True)
    arguments = [
        "printer", "virtual", "--listen", "127.0.0.1:0", "--out", str(folder),
        "--paper-mm", str(paper_mm), "--state-file", str(state_path),
        "--owner-pid", str(os.getpid()),
    ]  # fmt: skip
    if profile:
        arguments += ["--profile", profile]

    def listening(pid: int) -> str | None:
        state = _read_state(folder)
        if state and state.get("pid") == pid and _alive(state):
            return f"network:127.0.0.1:{state['port']}"
        return None

    try:
        return start_detached(
            arguments, folder / "virtual-printer.log", listening, START_TIMEOUT_SECONDS
        )
    except LaunchFailed as failed:
        raise PrinterNotFoundError(
            connection="virtual", native=f"the virtual printer did not start: {failed.reason}"
        ) from failed


def _read_state(folder: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and {"pid", "port"} <= set(state) else None


def _alive(state: dict[str, Any]) -> bool:
    return pid_alive(int(state["pid"])) and tcp_reachable("127.0.0.1", int(state["port"]))


def write_state(path: Path, pid: int, port: int, paper_mm: int, profile: str | None) -> None:
    """Written by the printer process once it listens (atomically, so readers never see half)."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(
        json.dumps({"pid": pid, "port": port, "paper_mm": paper_mm, "profile": profile or ""}),
        encoding="utf-8",
    )
    os.replace(temporary, path)
