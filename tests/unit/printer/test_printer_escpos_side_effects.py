"""python-escpos is imported without touching the root logger or littering temp folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.processes import child_env

CHECK = """
import logging, socket
from starpos.devices.printer.service import print_voucher
from starpos.devices.printer.voucher import sample_voucher
from starpos.settings import Settings
from starpos.devices.printer.escpos_support import load_escpos
load_escpos()
listener = socket.create_server(("127.0.0.1", 0))
settings = Settings()
settings.set("printer.connection", f"file:{sys.argv[1]}")
print_voucher(sample_voucher(), settings)
print("root handlers:", len(logging.getLogger().handlers))
"""


def test_import_and_print_leave_the_root_logger_and_temp_alone(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    cache = tmp_path / "cache"
    result = subprocess.run(
        [sys.executable, "-c", "import sys\n" + CHECK, str(tmp_path / "lp0")],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(
            TMPDIR=str(temp),
            ESCPOS_CAPABILITIES_PICKLE_DIR=str(cache),
            STARPOS_DATA_DIR=str(tmp_path / "data"),
        ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "root handlers: 0\n"
    assert result.stderr == ""
    assert list(temp.iterdir()) == []
    assert [path.suffix for path in cache.iterdir()] == [".pickle"]
