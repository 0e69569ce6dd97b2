"""Cold start: ``starpos app`` from process start to the login window on screen.

A benchmark (numbers for docs/benchmarks.md, run with ``-m bench -s``), measured on a
seeded demo database: each run is a fresh interpreter, as a cashier starting the app.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.processes import REPO_ROOT, child_env, starpos_command

RUNS = 5


@pytest.mark.bench
@pytest.mark.slow
def test_cold_start_to_the_login_window(data_dir: Path, counter_demo_file: Path) -> None:
    shutil.copyfile(counter_demo_file, data_dir / "starpos.db")
    walls, inside = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        done = subprocess.run(
            starpos_command("app", "--quit-when-ready"),
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(QT_QPA_PLATFORM="offscreen"),
            cwd=REPO_ROOT,
        )
        walls.append((time.perf_counter() - started) * 1000)
        assert done.returncode == 0, done.stderr
        inside.append(float(json.loads(done.stdout.splitlines()[-1])["login_window_ms"]))
    print(
        f"\ncold start ({RUNS} runs): process start to exit after the login window "
        f"median {statistics.median(walls):.0f} ms (min {min(walls):.0f}); "
        f"app code to login window median {statistics.median(inside):.0f} ms"
    )


@pytest.mark.slow
def test_starpos_app_opens_the_login_window_and_reports_it(
    data_dir: Path, counter_demo_file: Path
) -> None:
    shutil.copyfile(counter_demo_file, data_dir / "starpos.db")
    done = subprocess.run(
        starpos_command("app", "--quit-when-ready"),
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(QT_QPA_PLATFORM="offscreen"),
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert float(json.loads(done.stdout.splitlines()[-1])["login_window_ms"]) > 0
