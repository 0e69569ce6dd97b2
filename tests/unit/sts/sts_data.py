"""The STS reference files of tests/data/sts/, read at collection time (parametrisation needs
them before fixtures exist)."""

from __future__ import annotations

from typing import Any

from starpos.sts.request import TokenRequest
from tests.support import data_files

REQUEST_FIELDS = set(TokenRequest.__dataclass_fields__)


def load_json(name: str) -> Any:
    """A file of tests/data/sts/ by name."""
    return data_files.load_json(data_files.STS_DIR / name)


def vectors(direction: str) -> list[dict[str, Any]]:
    return [v for v in data_files.load_json(data_files.STS_VECTORS) if v["direction"] == direction]


def request_fields(vector: dict[str, Any]) -> dict[str, Any]:
    """The batch request fields of an encode vector (amounts as exact decimal text)."""
    fields = {k: v for k, v in vector.items() if k in REQUEST_FIELDS and v is not None}
    if "amount" in fields:
        fields["amount"] = str(fields["amount"])
    if vector.get("new_dkga04_base_date"):
        fields["new_base_date"] = vector["new_dkga04_base_date"]
    return fields
