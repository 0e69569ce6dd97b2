"""A head office and its counters as real processes, for the sync tests.

The head office is a data folder whose ``database.url`` points at a PostgreSQL database
(a copy of the seeded demo), served by ``python -m starpos server run`` in a child process.
Each counter is a data folder with its own SQLite store (the same demo, seeded on its own,
so its audit chain is its own), its own secure module emulator on a pty, and every action
a ``python -m starpos`` child process: selling, enrolling, pushing.
"""

from __future__ import annotations

import json
import select
import signal
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sql_select

from starpos.db import Database
from starpos.db.enums import VendState
from starpos.db.models import ReceivedEvent, Vend
from starpos.demo.seed import seed_demo
from starpos.devices.sm import kmc
from starpos.devices.sm.session import CREDENTIAL_FILE
from starpos.server.findings import list_findings
from starpos.settings import Settings
from starpos.sync.state import SyncStatus
from starpos.sync.state import status as sync_status
from tests.integration.vend.vend_world import (
    START_CREDIT_TENTHS,
    DemoMeter,
    demo_keys,
    sellable_meters,
)
from tests.support.data_files import SAMPLE_TABLES
from tests.support.emulator_process import EmulatorProcess
from tests.support.migrated_store import new_migrated_store
from tests.support.processes import REPO_ROOT, child_env, starpos_command
from tests.support.shifts import open_shift_for

TABLES = SAMPLE_TABLES
START_TIMEOUT_S = 60.0
MADE = (VendState.ISSUED, VendState.PRINTED)


def set_setting(folder: Path, key: str, value: str) -> None:
    settings = Settings(folder)
    settings.set(key, value)
    settings.save()


def run_starpos(
    folder: Path, *args: str, timeout: float = 120, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command("--data-dir", str(folder), *args),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(**env),
        cwd=REPO_ROOT,
    )


@dataclass(frozen=True)
class Totals:
    """What the sales whose credit reached a meter add up to."""

    sales: int
    net: Decimal
    kwh: Decimal

    def __add__(self, other: Totals) -> Totals:
        return Totals(self.sales + other.sales, self.net + other.net, self.kwh + other.kwh)


ZERO = Totals(0, Decimal("0.00"), Decimal("0.0"))


def ledger_totals(database: Database, terminal_id: int | None = None) -> Totals:
    with database.reading() as session:
        query = sql_select(
            func.count(Vend.id), func.sum(Vend.net_amount), func.sum(Vend.token_kwh)
        ).where(Vend.state.in_(MADE))
        if terminal_id is not None:
            query = query.where(Vend.terminal_id == terminal_id)
        count, net, kwh = session.execute(query).one()
    return Totals(int(count), net or Decimal("0.00"), kwh or Decimal("0.0"))


def bills(database: Database) -> list[tuple[str, str, Decimal, Decimal, list[str]]]:
    """Every vend's bill, state, net, energy and tokens (what must match across stores)."""
    with database.reading() as session:
        rows = session.scalars(sql_select(Vend).order_by(Vend.bill_number)).all()
        return [
            (v.bill_number, str(v.state), v.net_amount, v.token_kwh, [t.token for t in v.tokens])
            for v in rows
        ]


class ServerProcess:
    """``starpos server run`` on the head office's data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process: subprocess.Popen[str] | None = None
        self.url = ""
        self.port = 0

    def start(self, **env: str) -> ServerProcess:
        """Start on a free port the first time, on the same port afterwards (the counters
        keep the URL they enrolled with)."""
        command = starpos_command(
            "--data-dir", str(self.folder), "server", "run", "--port", str(self.port)
        )
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=open(self.folder / "server.log", "a"),  # noqa: SIM115 (the child owns it)
            text=True,
            env=child_env(**env),
            cwd=REPO_ROOT,
        )
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_TIMEOUT_S)
        line = self.process.stdout.readline().strip() if ready else ""
        if not line.startswith("http://"):
            self.stop()
            raise AssertionError(f"the server did not start: {self.log_tail()}")
        self.url = line
        self.port = int(line.rsplit(":", 1)[1])
        return self

    def log_tail(self, lines: int = 30) -> str:
        path = self.folder / "server.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_dead(self, timeout: float = 60) -> int:
        """Wait for the process to end by itself (a kill switch); its exit code."""
        assert self.process is not None
        code = self.process.wait(timeout=timeout)
        self._close()
        return code

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._close()

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        self._close()

    def _close(self) -> None:
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None


@dataclass
class HeadOffice:
    folder: Path
    url: str
    server: ServerProcess

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return run_starpos(self.folder, *args, **env)

    def as_installer(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A ``starpos server`` command that changes what the head office trusts, run by
        the demo installer INST1 (they need ``installer_settings``, SYN-27)."""
        return run_starpos(
            self.folder, *args, "--operator", "INST1", "--password-stdin", stdin="inst-demo\n"
        )

    def code_for(self, terminal: str) -> str:
        made = self.as_installer("server", "enrol", "--terminal", terminal, "--json")
        assert made.returncode == 0, made.stderr
        return str(json.loads(made.stdout)["code"])

    def database(self) -> Database:
        return Database.open(self.url, upgrade=False)

    def totals(self) -> Totals:
        with self.database() as database:
            return ledger_totals(database)

    def findings(self) -> list[tuple[str, str | None, int | None]]:
        """(kind, terminal, position) of every open finding (read here; the command that
        lists them is tested on its own)."""
        with self.database() as database, database.reading() as session:
            return [(f.kind, f.terminal, f.seq) for f in list_findings(session)]

    def events_stored(self) -> int:
        with self.database() as database, database.reading() as session:
            return int(session.scalar(sql_select(func.count()).select_from(ReceivedEvent)) or 0)


@dataclass
class Counter:
    """One counter: its data folder, its module (None: it only syncs), who sells there."""

    folder: Path
    terminal: str
    operator: str
    module: EmulatorProcess | None
    meters: list[DemoMeter] = field(default_factory=list)
    shift_open: bool = False

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return run_starpos(self.folder, *args, **env)

    def open_shift(self) -> None:
        """The cashier's shift on this counter's till (a sale needs one), opened once."""
        if self.shift_open:
            return
        opened = subprocess.run(
            starpos_command(
                "--data-dir", str(self.folder), "shift", "open", "--operator", self.operator,
                "--password-stdin", "--terminal", self.terminal, "--float", "0",
            ),
            input="cash-demo\n",  # every demo cashier's password
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(),
            cwd=REPO_ROOT,
        )  # fmt: skip
        # A shift may be open there already (one sold before, or the demo's own).
        assert opened.returncode == 0 or "already has shift" in opened.stderr, opened.stderr
        self.shift_open = True

    def database(self) -> Database:
        return Database.open(f"sqlite:///{self.folder / 'starpos.db'}", upgrade=False)

    def sell(self, meter: DemoMeter, net: str, **env: str) -> subprocess.CompletedProcess[str]:
        """``starpos vend`` by this counter's cashier, the password on standard input (every
        demo cashier's is ``cash-demo``)."""
        self.open_shift()
        return subprocess.run(
            starpos_command(
                "--data-dir", str(self.folder), "vend", "--meter", meter.number,
                "--amount", net, "--operator", self.operator, "--password-stdin",
                "--terminal", self.terminal, "--json",
            ),
            input="cash-demo\n",
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(**env),
            cwd=REPO_ROOT,
        )  # fmt: skip

    def enrol(self, head_office: HeadOffice, url: str | None = None) -> None:
        """Enrol with the head office (at ``url``: through a proxy, say)."""
        code = head_office.code_for(self.terminal)
        server = url or head_office.server.url
        enrolled = self.run("sync", "enrol", "--server", server, "--code", code)
        assert enrolled.returncode == 0, enrolled.stderr

    def push(self, **env: str) -> subprocess.CompletedProcess[str]:
        return self.run("sync", "push", "--json", **env)

    def pull(self, *options: str, **env: str) -> dict[str, Any]:
        """``starpos sync pull --json``, which must succeed; its report."""
        pulled = self.run("sync", "pull", "--json", *options, **env)
        assert pulled.returncode == 0, pulled.stderr
        report: dict[str, Any] = json.loads(pulled.stdout)
        return report

    def totals(self) -> Totals:
        with self.database() as database:
            return ledger_totals(database)

    def status(self) -> SyncStatus:
        """The counter's sync state (read here; ``starpos sync status`` is tested on its own)."""
        with self.database() as database, database.reading() as session:
            return sync_status(session)


def make_counter(
    folder: Path, terminal: str, operator: str, module_id: str | None, *, seeded: bool = True
) -> Counter:
    """A seeded store of its own (its own chain; ``seeded=False``: no store yet, a new
    counter) and a module with the demo keys paired with this counter (its credential in
    the counter's data folder; ``module_id=None``: no module, the counter only syncs)."""
    folder.mkdir(parents=True)
    meters: list[DemoMeter] = []
    if seeded:
        with Database.open(new_migrated_store(folder / "starpos.db")) as database:
            seed_demo(database, customers=40, spare_meters=4, seed=7)
            meters = sellable_meters(database)
            open_shift_for(database, operator, terminal=terminal)  # the cashier's till
    if module_id is None:
        return Counter(folder, terminal, operator, None, meters)
    # The module's credential in the counter's own data folder, where its commands look.
    module = EmulatorProcess(
        folder / "module", folder / "kmc", TABLES, "--pty", credential_path=folder / CREDENTIAL_FILE
    )
    module.start("--pty", "--module-id", module_id)
    with module.module() as driver:
        kmc.provision(driver, demo_keys(), START_CREDIT_TENTHS, module.kmc_dir)
    set_setting(folder, "sm.url", module.url)
    return Counter(folder, terminal, operator, module, meters)
