"""A TSM250-class secure module emulator, run as its own process like a device.

``starpos sm emulator --state DIR --pty`` prints the pty path to open;
``--listen 127.0.0.1:PORT`` prints a ``socket://`` URL instead. The endpoint is also
written to ``DIR/endpoint.json`` (``{"pid", "url"}``) for :mod:`starpos.devices.sm.embedded`.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.server import Faults, Stopper, serve_pty, serve_tcp
from starpos.devices.sm.emulator.sessions import IDLE_LIMIT_S, SignIn
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.emulator.tokens import TokenMaker
from starpos.devices.sm.session import ModuleCredential, installation_credential_path

ENDPOINT_FILE = "endpoint.json"


@dataclass
class EmulatorOptions:
    """``credential_path``: the module credential file terminals sign in with (default:
    this data folder's, :func:`~starpos.devices.sm.session.installation_credential_path`,
    made when missing); ``training``: make a new module in training mode;
    ``session_idle_s``: a signed-in session left this long without a command ends."""

    state_dir: Path
    tables_path: Path
    kmc_public_key_hex: str | None = None
    module_id: str | None = None
    pty: bool = True
    listen: tuple[str, int] | None = None
    fixed_random: int | None = None
    faults: Faults | None = None
    credential_path: Path | None = None
    training: bool = False
    session_idle_s: float = IDLE_LIMIT_S


def write_endpoint(folder: Path, url: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".endpoint-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"pid": os.getpid(), "url": url}, handle)
    os.replace(tmp, folder / ENDPOINT_FILE)


def run(options: EmulatorOptions) -> int:
    """Serve until SIGTERM or SIGINT; returns the exit code."""
    credential = ModuleCredential.load_or_create(
        options.credential_path or installation_credential_path()
    )
    state = ModuleState.open(
        options.state_dir,
        kmc_public_key_hex=options.kmc_public_key_hex,
        module_id=options.module_id,
        training=options.training,
        credential=credential.secret,
    )
    module = EmulatedModule(
        state,
        TokenMaker(options.tables_path, options.fixed_random),
        sign_in=SignIn(state, idle_limit_s=options.session_idle_s),
    )
    faults = options.faults or Faults()
    stopper = Stopper()
    signal.signal(signal.SIGTERM, stopper.stop)
    signal.signal(signal.SIGINT, stopper.stop)

    def announce(url: str) -> None:
        write_endpoint(options.state_dir, url)
        state.log_event(
            "started", url=url, pid=os.getpid(), module_id=state.module_id, training=state.training
        )
        sys.stdout.write(url + "\n")
        sys.stdout.flush()

    try:
        if options.listen is not None:
            serve_tcp(module, faults, stopper, announce, *options.listen)
        else:
            serve_pty(module, faults, stopper, announce)
    finally:
        state.log_event("stopped", pid=os.getpid())
        endpoint = options.state_dir / ENDPOINT_FILE
        try:
            if json.loads(endpoint.read_text(encoding="utf-8")).get("pid") == os.getpid():
                endpoint.unlink()
        except (OSError, ValueError):
            pass  # another instance owns it now, or it is gone already
    return 0
