"""``starpos db backup`` and ``starpos db restore`` on a store that sold through the embedded
module emulator: checked copies, refusals that change nothing, and a restore of an older
backup that names every token the module made since."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from starpos.audit.log import GENESIS_HASH, canonical_json
from starpos.backup.folders import backups
from starpos.backup.manifest import Manifest, file_digest
from starpos.bootstrap.backup import NotDue, backup_now, scheduled_backup
from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import configured_module
from starpos.devices.sm.embedded import stop_embedded
from starpos.devices.sm.kmc import make_credit_block
from starpos.settings import Settings
from tests.integration.installer.store_world import StoreWorld, world_in
from tests.support.processes import REPO_ROOT, child_env


@pytest.fixture
def store_world(data_dir: Path, seeded_database_file: Path) -> Iterator[StoreWorld]:
    """The vend tests' seeded demo (tests/fixtures/demo_store.py) sold through the
    embedded emulator of this data folder."""
    with world_in(data_dir, seeded_database_file) as world:
        yield world


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "starpos", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(**env),
        cwd=REPO_ROOT,
    )


def backed_up(world: StoreWorld) -> Path:
    done = run("db", "backup", "--json")
    assert done.returncode == 0, done.stderr
    return Path(json.loads(done.stdout)["folder"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def restored(folder: Path) -> tuple[int, dict[str, object]]:
    done = run("db", "restore", str(folder), "--json")
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def store_rows(store: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(store)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_backup_is_a_checked_copy_of_the_store_module_and_settings(
    store_world: StoreWorld,
) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    assert folder.name.startswith("starpos-backup-")
    manifest = Manifest.read(folder)
    assert {"starpos.db", "settings.json", "sm-emulator/module.journal"} <= set(manifest.files)
    assert "sm-emulator/endpoint.json" not in manifest.files  # one run's, not the module's
    assert manifest.store["vends"] == 1 and manifest.store["audit_intact"] is True
    assert oct(folder.stat().st_mode & 0o777) == "0o700"  # the emulator's key is in there
    # One self-contained file, and SQLite and the audit chain agree it is whole.
    assert not (folder / "starpos.db-wal").exists()
    assert store_rows(folder / "starpos.db", "PRAGMA integrity_check") == [("ok",)]
    checked = run("db", "restore", str(folder), "--check")
    assert checked.returncode == 0, checked.stderr
    assert "complete and checked (1 vends)" in checked.stdout


def test_old_backups_go_but_never_the_newest(data_dir: Path) -> None:
    with open_database():
        pass
    settings = Settings()
    settings.set("backup.keep_days", 7)
    settings.save()
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    for day in (0, 1, 5, 9):
        report = backup_now(now=start + timedelta(days=day))
    made = [entry.made_at for entry in backups(data_dir / "backups")]
    assert made == [start + timedelta(days=day) for day in (5, 9)]  # days 0 and 1 pruned
    assert len(report.pruned) == 2
    for later in (30, 60):  # nothing newer comes: the last one stays however old
        backup_now(now=start + timedelta(days=later))
    assert [e.made_at for e in backups(data_dir / "backups")] == [start + timedelta(days=60)]


def test_the_scheduled_backup_runs_once_after_each_daily_time(data_dir: Path) -> None:
    with open_database():
        pass
    settings = Settings()
    settings.set("backup.daily_at", "13:00")
    settings.save()
    local = datetime.now().astimezone().tzinfo
    morning = datetime(2026, 3, 2, 9, 0, tzinfo=local)
    first = scheduled_backup(now=morning)  # none yet: yesterday's 13:00 is owed
    assert not isinstance(first, NotDue)
    waiting = scheduled_backup(now=morning + timedelta(hours=1))
    assert isinstance(waiting, NotDue)
    assert waiting.next == datetime(2026, 3, 2, 13, 0, tzinfo=local)
    assert not isinstance(scheduled_backup(now=morning + timedelta(hours=5)), NotDue)
    assert isinstance(scheduled_backup(now=morning + timedelta(hours=6)), NotDue)
    settings.set("backup.daily_at", "off")
    settings.save()
    assert isinstance(scheduled_backup(now=morning + timedelta(days=3)), NotDue)
    done = run("db", "backup", "--scheduled")
    assert done.returncode == 0 and "daily backup is off" in done.stdout


def test_postgresql_says_in_one_line_to_use_its_own_tools(data_dir: Path) -> None:
    settings = Settings()
    settings.set("database.url", "postgresql+psycopg://starpos@db.example/starpos")
    settings.save()
    for args in (("db", "backup"), ("db", "restore", str(data_dir))):
        done = run(*args)
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "pg_dump" in done.stderr and "point-in-time recovery" in done.stderr


def test_a_truncated_backup_is_refused_and_nothing_changes(store_world: StoreWorld) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    copy = folder / "starpos.db"
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    before = digest(store_world.store)
    done = run("db", "restore", str(folder))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"starpos: The backup {folder} cannot be restored: its file starpos.db is not as it "
        "was written (size or checksum differs). Nothing was changed."
    ]
    assert digest(store_world.store) == before
    assert not list(store_world.folder.glob("starpos.db.replaced-*"))


def test_a_backup_whose_audit_log_was_changed_is_refused(store_world: StoreWorld) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    copy = folder / "starpos.db"
    connection = sqlite3.connect(copy)
    connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
    ).fetchall():
        connection.execute(f"DROP TRIGGER {name}")
    connection.execute(  # the sale's first entry (the cashier's login comes before it)
        "UPDATE audit_log SET details = ? WHERE id = "
        "(SELECT min(id) FROM audit_log WHERE subject LIKE 'vend:%')",
        (canonical_json({}),),
    )
    connection.commit()
    connection.close()
    manifest = Manifest.read(folder)  # made consistent again, as someone covering tracks would
    manifest.files["starpos.db"] = {"size": copy.stat().st_size, "sha256": file_digest(copy)}
    manifest.write(folder)
    before = digest(store_world.store)
    done = run("db", "restore", str(folder))
    assert done.returncode == 2
    assert "the audit log in it is broken" in done.stderr
    assert digest(store_world.store) == before


HOLD_THE_VEND_LOCKS = """
import sys
from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import configured_module
from starpos.bootstrap.module import open_configured_module
with open_database() as database, open_configured_module() as access:
    with access.exclusive():
        print("holding", flush=True)
        sys.stdin.read()
"""


def test_restore_is_refused_while_a_vend_holds_the_locks(store_world: StoreWorld) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    before = digest(store_world.store)
    # What a vend holds from its start to its token: the store open and the module's lock.
    vend = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_VEND_LOCKS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=REPO_ROOT,
    )
    try:
        assert vend.stdout is not None and vend.stdout.readline().strip() == "holding"
        done = run("db", "restore", str(folder))
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "is in use by another StarPOS program" in done.stderr
        assert digest(store_world.store) == before
        assert not list(store_world.folder.glob("starpos.db.replaced-*"))
    finally:
        vend.communicate("", timeout=30)
    code, _report = restored(folder)  # the vend is over: now it goes through
    assert code == 0


def test_restore_of_an_older_backup_names_every_token_made_since(
    store_world: StoreWorld,
) -> None:
    meters = store_world.meters
    for meter in meters[:2]:
        store_world.sold(meter)
    folder = backed_up(store_world)
    since = [store_world.sold(meter, "55") for meter in meters[2:5]]
    code, report = restored(folder)
    assert code == 1  # the module made tokens the restored store lacks: attention needed
    missing = report["missing"]
    assert isinstance(missing, list)
    assert [(m["bill"], m["token"]) for m in missing] == [
        (s["bill_number"], s["token"]) for s in since
    ]
    made_since = sum(Decimal(s["price"]["token_kwh"]) for s in since)
    assert Decimal(str(report["missing_kwh"])) == made_since
    assert Decimal(str(report["unaccounted_kwh"])) == made_since  # the module's balance agrees
    assert report["fully_named"] is True
    assert report["module_tally"]["tokens_beyond"] == 3  # type: ignore[index]
    aside = Path(str(report["replaced_store"]))
    assert aside.name.startswith("starpos.db.replaced-")
    assert len(store_rows(aside, "SELECT id FROM vends")) == 5  # kept, whole
    # The restored store: intact chain, the restore recorded, no bill number given twice.
    verified = run("audit", "verify")
    assert verified.returncode == 0, verified.stderr
    kinds = [k for (k,) in store_rows(store_world.store, "SELECT kind FROM audit_log ORDER BY id")]
    assert kinds[-1] == "store_restored"
    after = store_world.sold(meters[5])
    assert after["bill_number"] not in {s["bill_number"] for s in since}


def test_a_vend_in_progress_in_the_backup_gets_the_token_the_replaced_store_had(
    store_world: StoreWorld,
) -> None:
    meters = store_world.meters
    store_world.sold(meters[0])
    crashed = store_world.vend(meters[1], STARPOS_KILL_AT="after-module")
    assert crashed.returncode != 0  # killed with the module's token in hand, store PENDING
    folder = backed_up(store_world)
    assert Manifest.read(folder).store["pending_vends"]
    later = store_world.sold(meters[2])  # recovers the PENDING one from the module, then sells
    token_of_crashed = store_rows(
        store_world.store,
        "SELECT token FROM vend_tokens JOIN vends ON vends.id = vend_id WHERE vends.id = 2",
    )
    code, report = restored(folder)
    assert report["settled_from_replaced_store"] == [
        Manifest.read(folder).store["pending_vends"][0]
    ]
    assert (
        store_rows(
            store_world.store,
            "SELECT token FROM vend_tokens JOIN vends ON vends.id = vend_id WHERE vends.id = 2",
        )
        == token_of_crashed
    )
    assert [m["bill"] for m in report["missing"]] == [later["bill_number"]]  # type: ignore[index]
    assert report["fully_named"] is True and report["in_doubt"] == []
    assert code == 1


def test_with_the_replaced_store_unreadable_the_in_doubt_vend_is_named(
    store_world: StoreWorld,
) -> None:
    meters = store_world.meters
    store_world.sold(meters[0])
    crashed = store_world.vend(meters[1], STARPOS_KILL_AT="after-module")
    assert crashed.returncode != 0
    folder = backed_up(store_world)
    pending_bill = Manifest.read(folder).store["pending_vends"][0]
    later = store_world.sold(meters[2])
    for side in store_world.folder.glob("starpos.db*"):
        if side.name != "starpos.db.inuse":
            side.write_bytes(b"not a database any more" * 100)  # why one restores
    code, report = restored(folder)
    assert code == 1
    assert report["replaced_store_read"] is False
    assert [v["bill"] for v in report["in_doubt"]] == [pending_bill]  # type: ignore[index]
    assert report["missing"] == []
    # The module made both tokens: the balance shows it, and the report says what it cannot name.
    in_doubt_kwh = Decimal(str(report["in_doubt"][0]["token_kwh"]))  # type: ignore[index]
    assert Decimal(str(report["unaccounted_kwh"])) == in_doubt_kwh + Decimal(
        later["price"]["token_kwh"]
    )
    assert report["fully_named"] is False
    text = run("vend", "list", "--json")
    assert text.returncode == 0


def test_the_restore_report_reads_as_sentences(store_world: StoreWorld) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    sold = store_world.sold(store_world.meters[1])
    done = run("db", "restore", str(folder))
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"Restored {folder}")
    assert any(line.startswith("The store you had is kept as ") for line in lines)
    assert any(sold["bill_number"] in line and "kWh" in line for line in lines)
    assert "Every kWh the module made beyond the restored store is named above." in lines
    assert GENESIS_HASH not in done.stdout


def test_a_lost_data_folder_comes_back_from_its_backup(
    store_world: StoreWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    manifest = Manifest.read(folder)
    assert "sm-credential.key" in manifest.files  # what the terminal signs in to its module with
    assert oct((folder / "sm-credential.key").stat().st_mode & 0o777) == "0o600"
    stop_embedded()  # the disk is lost: the module emulator with it
    new_disk = tmp_path / "new-disk"
    new_disk.mkdir()
    monkeypatch.setenv("STARPOS_DATA_DIR", str(new_disk))  # the fixture stops the new one
    code, report = restored(folder)
    assert code == 0, report
    assert report["module_state_put_back"] is True
    assert report["module_credential_put_back"] is True
    assert report["settings"] == "restored" and report["replaced_store"] is None
    assert Settings().get("printer.paper_mm") == 58
    assert store_world.sold(store_world.meters[1])["token"]  # the module signs in and sells


def test_the_module_counters_name_what_is_missing_after_a_credit_update(
    store_world: StoreWorld,
) -> None:
    store_world.sold(store_world.meters[0])
    folder = backed_up(store_world)
    with configured_module() as module:  # the installer credits the module: a new sequence
        module_id = module.identify().module_id
        block = make_credit_block(module_id, module.balance().next_sequence, "add", 1000)
        module.credit_update(block)
    since = [store_world.sold(meter) for meter in store_world.meters[1:3]]
    code, report = restored(folder)
    assert code == 1
    reconciled: Any = report["reconcile"]
    tally = report["module_tally"]
    assert tally["tokens_beyond"] == 2  # type: ignore[index]
    made_since = sum(Decimal(s["price"]["token_kwh"]) for s in since)
    # Reconcile over the module's life knows it across the credit update (it was None).
    expected = Decimal(reconciled["expected_balance_kwh"])
    assert expected - Decimal(reconciled["balance_kwh"]) == made_since
    kinds = {f["kind"] for f in reconciled["findings"]}
    assert {"energy_beyond_ledger", "credit_update_not_in_store"} <= kinds
    assert Decimal(str(tally["kwh_beyond"])) == made_since  # type: ignore[index]
    assert [m["bill"] for m in report["missing"]] == [s["bill_number"] for s in since]  # type: ignore[index]
    assert report["fully_named"] is True
