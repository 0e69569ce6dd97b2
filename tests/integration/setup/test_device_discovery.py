"""Device discovery through the real transports, each failure made to happen for real:
the module emulator on a pty found by pyserial's listing, a port locked by another
process, a port the user may not open, no module on a port, no PC/SC service."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.discovery.card_readers import list_readers, read_test_card
from starpos.devices.discovery.problems import (
    NoModuleOnPortError,
    PortBusyError,
    PortMissingError,
)
from starpos.devices.discovery.serial_ports import (
    SerialPort,
    find_modules,
    list_ports,
    probe_port,
)
from starpos.devices.discovery.survey import survey
from starpos.i18n import render_error
from tests.support.emulator_process import EmulatorProcess
from tests.support.processes import child_env, starpos_command


def test_the_module_on_a_listed_port_is_found_with_its_identity(listed_alias: str) -> None:
    listed = [port for port in list_ports() if port.device == listed_alias]
    assert listed and listed[0].listed  # pyserial's own listing shows it
    found = survey().modules
    assert [probe.port.device for probe in found] == [listed_alias]
    identity = found[0].identity
    assert identity is not None
    assert identity.module_id == "10203040" and identity.firmware.startswith("EMU")
    assert identity.key_count == 0 and not identity.training


def test_a_typed_port_is_tried_too(module_emulator: EmulatorProcess, tmp_path: Path) -> None:
    ports = list_ports([module_emulator.url])
    typed = next(p for p in ports if p.device == module_emulator.url)
    assert not typed.listed
    assert probe_port(typed).identity is not None
    # A link to the same port (a udev alias) answers as the port, probed once.
    alias = tmp_path / "ttySM"
    alias.symlink_to(module_emulator.url)
    found = {p.port.device: p.identity for p in find_modules([module_emulator.url, str(alias)])}
    assert found[str(alias)] == found[module_emulator.url] is not None


def test_a_port_locked_by_another_program_names_that_program(
    module_emulator: EmulatorProcess,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_PORT, module_emulator.url],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        problem = probe_port(SerialPort(module_emulator.url, listed=False)).problem
        assert isinstance(problem, PortBusyError)
        message = render_error(problem)
        assert f"The port {module_emulator.url} is used by another program" in message
        assert f"(pid {holder.pid})" in message
        french = render_error(problem, "fr")
        assert "utilisé par un autre programme" in french
    finally:
        holder.terminate()
        holder.wait(timeout=5)
    # Once the other program has let go, the module is found on the same port.
    assert probe_port(SerialPort(module_emulator.url)).identity is not None


def _nobody_can_run_starpos() -> bool:
    """A checkout in a private folder (``mktemp -d`` makes them 0700) is out of nobody's reach."""
    probe = subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
         sys.executable, "-c", "import starpos"],
        capture_output=True, timeout=60, env=child_env(), cwd="/",
    )  # fmt: skip
    return probe.returncode == 0


_HOLD_PORT = """
import sys, time, serial
port = serial.Serial(sys.argv[1], exclusive=True)
print("locked", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root")
def test_a_port_the_user_may_not_open_says_which_group_to_join(
    module_emulator: EmulatorProcess,
) -> None:
    """The usual case on a fresh Linux: the port belongs to root:dialout, mode 660, and
    the installer's user is not in dialout. The command runs as ``nobody`` for real."""
    if not _nobody_can_run_starpos():
        pytest.skip("the user nobody cannot read this checkout (a folder above it is private)")
    pts = module_emulator.url
    before = os.stat(pts)
    os.chown(pts, 0, _gid("dialout"))
    os.chmod(pts, 0o660)
    # pytest's own folders are root's alone: nobody gets a data folder of its own.
    data = Path(tempfile.mkdtemp(prefix="starpos-nobody-"))
    os.chmod(data, 0o755)
    os.chown(data, _uid("nobody"), -1)
    try:
        run = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
             *starpos_command("devices", "list", "--json", "--port", pts)],
            capture_output=True, text=True, timeout=60,
            env=child_env(STARPOS_DATA_DIR=str(data)), cwd="/",
        )  # fmt: skip
    finally:
        os.chown(pts, before.st_uid, before.st_gid)
        os.chmod(pts, before.st_mode & 0o777)
        shutil.rmtree(data, ignore_errors=True)
    assert run.returncode == 2, run.stderr  # no module could be used
    (entry,) = [p for p in json.loads(run.stdout)["ports"] if p["device"] == pts]
    assert entry["problem"]["code"] == "device.discovery.port_permission"
    assert entry["problem"]["message"] == (
        f"Permission denied on {pts}: add the user nobody to the dialout group "
        "(sudo usermod -aG dialout nobody), then log out and in again."
    )


def _gid(name: str) -> int:
    import grp

    return grp.getgrnam(name).gr_gid


def _uid(name: str) -> int:
    import pwd

    return pwd.getpwnam(name).pw_uid


def test_a_port_where_nothing_answers_and_a_port_that_is_not_there() -> None:
    parent, child = pty.openpty()  # a line with no module behind it
    try:
        silent = os.ttyname(child)
        problem = probe_port(SerialPort(silent)).problem
        assert isinstance(problem, NoModuleOnPortError)
        assert render_error(problem).startswith(f"No secure module answered on {silent}")
    finally:
        os.close(child)
        os.close(parent)
    missing = probe_port(SerialPort("/dev/ttyUSB-starpos-none")).problem
    assert isinstance(missing, PortMissingError)
    assert "the module is unplugged or the name is wrong" in render_error(missing)


def test_no_pcsc_service_says_install_and_start_pcscd(run_starpos: Any, tmp_path: Path) -> None:
    """The PC/SC client looks for pcscd's socket where ``PCSCLITE_CSOCK_NAME`` says; where
    nothing listens, the library answers "no service" exactly as with pcscd stopped, and
    the pcscd other tests on this machine share keeps running."""
    run = run_starpos(
        "devices", "list", "--json", PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm")
    )
    readers = json.loads(run.stdout)["card_readers"]
    assert readers["readers"] == []
    assert readers["problem"]["code"] == "device.discovery.no_pcsc_service"
    assert "install and start pcscd" in readers["problem"]["message"]
    assert "0x8010001D" in readers["problem"]["message"]
    assert run.stderr == ""


@pytest.mark.pcsc
def test_readers_are_listed_and_a_test_card_is_read(virtual_card: Any, tmp_path: Path) -> None:
    card = virtual_card()
    listing = list_readers()
    assert listing.problem is None and card.reader in listing.readers
    read = read_test_card(card.reader)
    assert read.serial == card.serial.upper() and read.atr.startswith("3B")


def test_the_command_lists_every_port_in_words(
    run_starpos: Any, module_emulator: EmulatorProcess
) -> None:
    run = run_starpos("devices", "list", "--port", module_emulator.url)
    assert run.returncode == 0, run.stderr
    assert f"{module_emulator.url}: secure module 10203040, firmware EMU" in run.stdout
    french = run_starpos("devices", "list", "--port", module_emulator.url, STARPOS_LANG="fr")
    assert "module de sécurité 10203040" in french.stdout


def test_the_training_module_is_the_embedded_emulator_in_training_mode() -> None:
    from starpos.bootstrap.setup import InstallerSetup
    from starpos.devices.sm.embedded import stop_embedded
    from starpos.settings import Settings

    settings = Settings()
    settings.set("sm.url", "/dev/ttyS0")
    try:
        identity = InstallerSetup(settings).use_training_module()
    finally:
        stop_embedded()
    assert identity.training
    assert Settings().get("sm.url") == ""  # the embedded emulator from now on


def test_a_module_paired_with_another_terminal_is_refused_when_chosen(
    module_emulator: EmulatorProcess, data_dir: Path
) -> None:
    from starpos.bootstrap.setup import InstallerSetup
    from starpos.devices.sm.errors import SmSignInRefusedError
    from starpos.devices.sm.session import installation_credential_path
    from starpos.settings import Settings

    installation_credential_path().unlink()  # this PC's credential is not the module's
    with pytest.raises(SmSignInRefusedError) as refused:
        InstallerSetup(Settings()).use_port(module_emulator.url)
    assert "paired with another installation" in render_error(refused.value)
    assert Settings().get("sm.url") == ""  # nothing saved
