"""``starpos sm bench``: round trip of ``SM?TC`` through a pty, and tokens per second.

Starts its own emulator process on a pty in a temporary folder (never the user's module),
loads a development key, credits the module, then times ``count`` credit tokens end to
end through the driver: request framing, the pty, the emulator's token generation and
its durable state write, the answer.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmEmulatorError
from starpos.devices.sm.messages import MeterKeyRef
from starpos.devices.sm.session import CREDENTIAL_FILE, ModuleCredential

PAN = "600727121234567876"


@dataclass(frozen=True)
class BenchResult:
    """Round-trip times in milliseconds and throughput in tokens per second."""

    count: int
    baud: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    tokens_per_s: float
    status_p50_ms: float


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _start_emulator(folder: Path, tables: Path, kmc_dir: Path) -> tuple[subprocess.Popen[str], str]:
    source_root = Path(__file__).resolve().parents[3]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(source_root), env.get("PYTHONPATH")) if p)
    command = [
        sys.executable, "-m", "starpos", "sm", "emulator", "--state", str(folder / "module"),
        "--pty", "--kmc-public-key", kmc.init_kmc(kmc_dir), "--sta-tables", str(tables),
        "--credential", str(folder / CREDENTIAL_FILE),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    if not url:
        process.wait(timeout=10)
        raise SmEmulatorError(reason=f"it exited with code {process.returncode}")
    return process, url


def run_benchmark(count: int, tables: Path, baud: int = 115200) -> BenchResult:
    """Issue ``count`` credit tokens through a fresh emulator on a pty and time them."""
    from starpos.sts.tid import tid_for

    with tempfile.TemporaryDirectory(prefix="starpos-sm-bench-") as temporary:
        folder = Path(temporary)
        credential = ModuleCredential.load_or_create(folder / CREDENTIAL_FILE)
        process, url = _start_emulator(folder, tables, folder / "kmc")
        try:
            with SecureModule(url, baud=baud, credential=credential) as module:
                key = kmc.development_key(1)
                kmc.provision(module, [key], 10 * count, folder / "kmc")
                status_times = []
                for _ in range(20):
                    started = time.perf_counter()
                    module.balance()
                    status_times.append((time.perf_counter() - started) * 1000)
                first_tid = int(tid_for(datetime.now(), key.info.base_date))
                meter_key = MeterKeyRef(PAN, 1, "123456", 1, 1, 255)
                times = []
                wall = time.perf_counter()
                for index in range(count):
                    started = time.perf_counter()
                    module.issue_credit_token(meter_key, 0, first_tid + index, 10)
                    times.append((time.perf_counter() - started) * 1000)
                elapsed = time.perf_counter() - wall
        finally:
            process.terminate()
            process.wait(timeout=10)
            if process.stdout is not None:
                process.stdout.close()
    return BenchResult(
        count=count,
        baud=baud,
        p50_ms=round(statistics.median(times), 2),
        p95_ms=round(_percentile(times, 0.95), 2),
        max_ms=round(max(times), 2),
        tokens_per_s=round(count / elapsed, 1),
        status_p50_ms=round(statistics.median(status_times), 2),
    )
