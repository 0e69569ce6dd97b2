"""A throwaway PostgreSQL server for the tests: its own folder, port and socket directory.

``initdb`` refuses to run as root, and this machine (CI too) runs everything as root, so the
server's programs run as the ``postgres`` user (``runuser``) in a folder that user owns. It
listens on a free loopback port and keeps its unix socket in its own folder, so several test
runs on one machine never meet. ``fsync=off``: the data is thrown away at the end.

Databases are made by copying templates (``CREATE DATABASE ... TEMPLATE``), which takes a few
milliseconds, instead of running the migrations or the demo seed for every test.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
from psycopg import sql

from starpos.devices.local_process import pid_alive

#: Where Debian and Ubuntu install the server's programs, one folder per major version.
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
#: The superuser initdb creates (trust authentication: the server is reachable from here only).
SUPERUSER = "starpos"
SERVER_USER = "postgres"


def find_binaries() -> Path | None:
    """The newest installed server's ``bin`` folder (``STARPOS_PG_BINDIR`` overrides it)."""
    configured = os.environ.get("STARPOS_PG_BINDIR")
    if configured:
        folder = Path(configured)
        return folder if (folder / "initdb").exists() else None
    if not DEBIAN_BINARIES.is_dir():
        return None
    versions = [
        folder / "bin"
        for folder in DEBIAN_BINARIES.iterdir()
        if folder.name.isdigit() and (folder / "bin" / "initdb").exists()
    ]
    return max(versions, key=lambda path: int(path.parent.name), default=None)


def missing_reason() -> str | None:
    """Why no server can be started here, or None when one can."""
    configured = os.environ.get("STARPOS_PG_BINDIR")
    if configured and find_binaries() is None:
        return f"STARPOS_PG_BINDIR={configured} holds no initdb"
    if find_binaries() is None:
        return (
            f"PostgreSQL server programs not found in {DEBIAN_BINARIES}/*/bin "
            "(apt-get install postgresql, or set STARPOS_PG_BINDIR)"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root but there is no {SERVER_USER!r} user to run PostgreSQL"
        if shutil.which("runuser") is None:
            return "running as root but runuser is missing (util-linux)"
    return None


FOLDER_PREFIX = "starpos-pg-"
#: The test run's pid, in its server's folder: a folder whose owner is gone is abandoned.
OWNER_FILE = "owner.pid"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One server process with its data folder; :meth:`stop` removes everything."""

    def __init__(self) -> None:
        binaries = find_binaries()
        if binaries is None:
            raise RuntimeError(missing_reason())
        self._binaries = binaries
        self._as_root = os.geteuid() == 0
        self.sweep_abandoned()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        (self.folder / OWNER_FILE).write_text(str(os.getpid()))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self._templates: dict[str, str] = {}
        self._lock = threading.Lock()
        self._counter = 0
        self._running = False
        if self._as_root:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)

    def sweep_abandoned(self) -> None:
        """Stop and remove the servers of test runs that were killed before they could
        (their owner process is gone): they would hold ports and disk for nothing."""
        for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
            try:
                owner = int((folder / OWNER_FILE).read_text())
            except (OSError, ValueError):
                continue  # not ours, or being made right now
            if pid_alive(owner):
                continue
            if (folder / "data" / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(folder / "data"), "-m", "immediate", "-w", "stop")
            shutil.rmtree(folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self._binaries / program), *args]
        if self._as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def crash(self) -> None:
        """Stop the server the way a power cut would (``immediate``: no shutdown checkpoint,
        every connection dropped); its data and port are kept for :meth:`start_again`."""
        stopped = self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        if stopped.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not stop: {stopped.stderr.strip()}")
        self._running = False

    def start_again(self) -> None:
        """Start a :meth:`crash`-ed server on its data and port (it recovers from its WAL)."""
        started = self._run(
            "pg_ctl", "-D", str(self.data), "-o", self._options(), "-l", str(self.log), "-w",
            "-t", "60", "start",
        )  # fmt: skip
        if started.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not restart: {started.stderr.strip()}")
        self._running = True

    def _options(self) -> str:
        return (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=100"
        )

    def start(self) -> None:
        made = self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        if made.returncode != 0:
            raise RuntimeError(f"initdb failed: {made.stderr.strip()}")
        # A free port can be taken by someone else before the server binds it: try a few.
        for _ in range(5):
            self.port = _free_port()
            started = self._run(
                "pg_ctl", "-D", str(self.data), "-o", self._options(), "-l", str(self.log), "-w",
                "-t", "60", "start",
            )  # fmt: skip
            if started.returncode == 0:
                self._running = True
                return
            if "could not bind" not in self.log_tail():
                break
        raise RuntimeError(f"PostgreSQL did not start: {started.stderr.strip()}\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server (immediately: nothing is kept) and remove its folder."""
        if self._running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._running = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server (TCP on the loopback)."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    @contextlib.contextmanager
    def _admin(self) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            yield connection

    def create_database(self, template: str | None = None, prefix: str = "test") -> str:
        """A new empty database (or a copy of ``template``); returns its name."""
        with self._lock:
            self._counter += 1
            name = f"{prefix}_{os.getpid()}_{self._counter}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        with self._admin() as connection:
            connection.execute(statement)
        return name

    def drop_database(self, name: str) -> None:
        # FORCE: a test that failed half-way may have left a connection open.
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        with self._admin() as connection:
            connection.execute(statement)

    def template(self, key: str, build: Callable[[str], None]) -> str:
        """A template database made once by ``build(url)``; every copy of it starts the same.

        ``build`` must close its connections: a template with a session open cannot be copied.
        """
        with self._lock:
            known = self._templates.get(key)
        if known is not None:
            return known
        name = self.create_database(prefix="template_" + re.sub(r"\W", "_", key))
        build(self.url(name))
        with self._lock:
            self._templates[key] = name
        return name
