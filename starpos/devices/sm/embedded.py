"""The embedded secure module: an emulator process the app starts when ``sm.url`` is empty.

Its state lives in ``<data_dir>/sm-emulator/``; it serves TCP on 127.0.0.1 (a free port,
recorded in that folder's ``endpoint.json``). A running emulator is reused; otherwise one
is started and left running for the next program (it is a device, not a child). A new one
trusts the development KMC (:func:`starpos.devices.sm.kmc.default_kmc_dir`, outside the
data folder).

Any local user can connect to that port, so the module acts only for a terminal signed in
with this installation's module credential (``<data_dir>/sm-credential.key``, mode 0600,
made on first use): the emulator is started with it, and the driver signs in with it.
"""

from __future__ import annotations

import json
from pathlib import Path

from starpos.devices.local_process import (
    LaunchFailed,
    folder_lock,
    pid_alive,
    start_detached,
    tcp_reachable,
    terminate,
)
from starpos.devices.sm.emulator import ENDPOINT_FILE
from starpos.devices.sm.errors import SmEmulatorError
from starpos.devices.sm.kmc import default_kmc_dir, init_kmc
from starpos.devices.sm.session import ModuleCredential, installation_credential_path
from starpos.paths import data_dir

START_TIMEOUT_S = 20.0


def emulator_dir() -> Path:
    return data_dir() / "sm-emulator"


def _reachable(url: str) -> bool:
    host, _, port = url.removeprefix("socket://").rpartition(":")
    return port.isdigit() and tcp_reachable(host, int(port))


def running_endpoint(folder: Path | None = None) -> dict[str, object] | None:
    """``{"pid", "url"}`` of a live emulator for ``folder``, or ``None``."""
    path = (folder or emulator_dir()) / ENDPOINT_FILE
    try:
        endpoint = json.loads(path.read_text(encoding="utf-8"))
        pid, url = int(endpoint["pid"]), str(endpoint["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid_alive(pid) and _reachable(url):
        return {"pid": pid, "url": url}
    return None


def ensure_embedded(tables_path: str | None = None, *, training: bool = False) -> str:
    """The ``socket://`` URL of the embedded emulator, starting it when needed.

    It is started with this installation's module credential (made when missing), so
    a driver opened with :func:`~starpos.devices.sm.session.installation_credential` may
    make it act. ``training`` makes a NEW module a training module (docs/sm-protocol.md §7).
    """
    folder = emulator_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder / ".start.lock"):  # two programs starting at once get one
        endpoint = running_endpoint(folder)
        if endpoint is not None:
            return str(endpoint["url"])
        return _start(folder, tables_path, training)


def _start(folder: Path, tables_path: str | None, training: bool) -> str:
    credential = installation_credential_path()
    ModuleCredential.load_or_create(credential)
    kmc_public = init_kmc(default_kmc_dir())
    arguments = [
        "sm", "emulator", "--state", str(folder), "--listen", "127.0.0.1:0",
        "--kmc-public-key", kmc_public, "--credential", str(credential),
    ]  # fmt: skip
    if tables_path:
        arguments += ["--sta-tables", tables_path]
    if training:
        arguments.append("--training")

    def listening(pid: int) -> str | None:
        endpoint = running_endpoint(folder)
        return str(endpoint["url"]) if endpoint is not None and endpoint["pid"] == pid else None

    try:
        # A device, not a child: it outlives the program that started it.
        return start_detached(arguments, folder / "emulator.log", listening, START_TIMEOUT_S)
    except LaunchFailed as failed:
        raise SmEmulatorError(reason=failed.reason) from failed


def stop_embedded(timeout_s: float = 10.0) -> bool:
    """Stop the embedded emulator of this data folder; true when one was running."""
    endpoint = running_endpoint()
    if endpoint is None:
        return False
    terminate(int(str(endpoint["pid"])), timeout_s)
    return True
