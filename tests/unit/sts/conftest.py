"""Fixtures of the token engine tests: the STA tables of tests/data/sts/."""

from __future__ import annotations

import pytest

from starpos.sts.tables import StaTables, load_sta_tables
from tests.support.data_files import COMPLIANCE_TABLES, SAMPLE_TABLES


@pytest.fixture(scope="session")
def compliance_tables() -> StaTables:
    return load_sta_tables(COMPLIANCE_TABLES)


@pytest.fixture(scope="session")
def sample_tables() -> StaTables:
    return load_sta_tables(SAMPLE_TABLES)
