"""A terminal's Z printed at the head office is a copy: the counter that made it holds the
original paper, so even the first print there says DUPLICATE (SHF-25), whatever the
counter's own print count the head office has heard of. Real processes: PostgreSQL and the
head office's ``starpos shift reprint`` with its virtual printer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from starpos.devices.printer.virtual.launcher import output_folder, stop_virtual_printer
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import enrol, findings, push, verdicts
from tests.integration.sync.sync_world import run_starpos
from tests.integration.sync.test_sync_z_findings import _z_entries

pytestmark = pytest.mark.postgres


@pytest.fixture
def office_folder(head_office_store: tuple[Path, str]) -> Iterator[Path]:
    folder, _ = head_office_store
    yield folder
    stop_virtual_printer(folder)


def _reprint(folder: Path) -> int:
    done = run_starpos(
        folder, "shift", "reprint", "--till", "T01", "--number", "1", "--operator", "SUP1",
        "--password-stdin", "--json", stdin="super-demo\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    count: int = json.loads(done.stdout)["print_count"]
    return count


def test_a_terminals_z_printed_at_the_head_office_is_a_duplicate_from_the_first_paper(
    office: HeadOffice, office_folder: Path, tmp_path: Path
) -> None:
    key_id, key = enrol(office, "T01")
    sent = verdicts(push(office, key_id, key, _z_entries(tmp_path / "t01", [1], {})))
    assert all(verdict == "applied" for _, verdict, _ in sent)
    assert findings(office) == []
    # The counter never told of a print: its count here is 0, yet the paper is a copy.
    assert [_reprint(office_folder), _reprint(office_folder)] == [1, 2]
    printed = [
        p.read_text(encoding="utf-8") for p in sorted(output_folder(office_folder).glob("*.txt"))
    ]
    assert len(printed) == 2 and all("DUPLICATE" in paper for paper in printed)
