"""The reference files the tests read, kept in ``tests/data/`` (tests/data/README.md says
where each came from). Plain paths, so parametrisation can read them at collection time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
STS_DIR = DATA_DIR / "sts"

#: The STS 531 compliance vectors (encode and decode) and a few from an independent engine.
STS_VECTORS = STS_DIR / "vectors-dev.json"
#: The MISTY1 known answers of RFC 2994.
MISTY1_KAT = STS_DIR / "misty1-kat.json"
#: The standard's worked-example STA tables (the reference the shipped copy is checked against).
SAMPLE_TABLES = STS_DIR / "sta-tables-sample.json"
#: The STA tables that reproduce the published compliance vectors (test data, never shipped).
COMPLIANCE_TABLES = STS_DIR / "sta-tables-compliance.json"


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
