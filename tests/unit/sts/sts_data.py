"""The shared STS vectors, read at collection time (parametrisation needs them early)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from starpos.sts.request import TokenRequest

# Same rule as tests/conftest.py's shared_dir fixture (needed here before fixtures exist).
SHARED_STS = (
    Path(
        os.environ.get("STARPOS_SHARED_DIR", Path(__file__).resolve().parents[3].parent / "shared")
    )
    / "sts"
)
REQUEST_FIELDS = set(TokenRequest.__dataclass_fields__)


def load_json(name: str) -> Any:
    """A file of ../shared/sts (collection time, before fixtures exist)."""
    return json.loads((SHARED_STS / name).read_text(encoding="utf-8"))


def vectors(direction: str) -> list[dict[str, Any]]:
    return [v for v in load_json("vectors-dev.json") if v["direction"] == direction]


def request_fields(vector: dict[str, Any]) -> dict[str, Any]:
    """The batch request fields of an encode vector (amounts as exact decimal text)."""
    fields = {k: v for k, v in vector.items() if k in REQUEST_FIELDS and v is not None}
    if "amount" in fields:
        fields["amount"] = str(fields["amount"])
    if vector.get("new_dkga04_base_date"):
        fields["new_base_date"] = vector["new_dkga04_base_date"]
    return fields
