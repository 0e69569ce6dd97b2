"""Fixtures of the token engine tests: the shared STA tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from starpos.sts.tables import StaTables, load_sta_tables


@pytest.fixture(scope="session")
def compliance_tables(shared_dir: Path) -> StaTables:
    return load_sta_tables(shared_dir / "sts" / "sta-tables-compliance.json")


@pytest.fixture(scope="session")
def sample_tables(shared_dir: Path) -> StaTables:
    return load_sta_tables(shared_dir / "sts" / "sta-tables-sample.json")
