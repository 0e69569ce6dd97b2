"""``starpos sm emulator`` in a child process: a real process on a real pty or TCP port.

Each emulator is started with a module credential file, by default this test's data
folder's (``sm-credential.key``, what ``open_configured_module`` signs in with), so a
driver made by :meth:`EmulatorProcess.module` may make it act.
"""

from __future__ import annotations

import json
import select
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.kmc import init_kmc
from starpos.devices.sm.session import ModuleCredential, installation_credential_path
from tests.support.processes import child_env, starpos_command

START_TIMEOUT_S = 30.0


class EmulatorProcess:
    """``starpos sm emulator`` in a child process; :attr:`url` is what it announced."""

    def __init__(
        self,
        state_dir: Path,
        kmc_dir: Path,
        tables: Path,
        *options: str,
        credential_path: Path | None = None,
    ) -> None:
        self.state_dir = state_dir
        self.kmc_dir = kmc_dir
        self.tables = tables
        self.options = options
        self.credential_path = credential_path
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    @property
    def credential(self) -> ModuleCredential:
        """The module credential this emulator was started with."""
        assert self.credential_path is not None, "start the emulator first"
        return ModuleCredential.load(self.credential_path)

    def module(self, **options: Any) -> SecureModule:
        """A driver for this emulator, signed in with its credential when opened."""
        return SecureModule(self.url, credential=self.credential, **options)

    def start(self, *options: str) -> EmulatorProcess:
        """Start (or restart) on the same state folder; extra ``options`` replace the defaults."""
        if self.credential_path is None:
            self.credential_path = installation_credential_path()
        ModuleCredential.load_or_create(self.credential_path)
        command = starpos_command(
            "sm",
            "emulator",
            "--state",
            str(self.state_dir),
            "--kmc-public-key",
            init_kmc(self.kmc_dir),
            "--sta-tables",
            str(self.tables),
            "--credential",
            str(self.credential_path),
            *(options or self.options or ("--pty",)),
        )
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env()
        )
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_TIMEOUT_S)
        line = self.process.stdout.readline().strip() if ready else ""
        if not line:
            self.stop()
            pytest.fail("the emulator did not announce its port")
        self.url = line
        return self

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()

    def kill(self) -> None:
        """SIGKILL: the module loses power, mid-command if need be."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)
        self.stop()

    def events(self) -> list[dict[str, Any]]:
        path = self.state_dir / "events.log"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def wait_for_event(self, name: str, timeout_s: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for event in self.events():
                if event["event"] == name:
                    return event
            time.sleep(0.02)
        pytest.fail(f"the emulator never logged {name}")
