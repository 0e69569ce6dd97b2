"""STA (EA07) substitution and permutation tables, loaded from a JSON file.

The tables are data, never code: the production tables are licensed STS material held by
the secure module. A tables file is a JSON object with ``substitution_1`` and
``substitution_2`` (16 nibbles each, output for input ``n`` in the encryption direction) and
``permutation`` (64 bit positions: bit ``i`` moves to ``permutation[i]``, 0 = least
significant). Each must be a permutation of its range.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starpos.sts.errors import TablesError


@dataclass(frozen=True, eq=False)
class StaTables:
    """Validated STA tables (``name`` is for people; the rest drives the cipher).

    Compared and hashed by identity, so a cipher built from them is cached cheaply.
    """

    name: str
    substitution_1: tuple[int, ...]
    substitution_2: tuple[int, ...]
    permutation: tuple[int, ...]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<tables>") -> StaTables:
        """Check and build tables from a decoded JSON object; :class:`TablesError` if bad."""

        def table(key: str, size: int) -> tuple[int, ...]:
            value = data.get(key)
            if not isinstance(value, Sequence) or isinstance(value, str):
                raise TablesError(path=source, reason=f"{key} is missing")
            if len(value) != size or sorted(value) != list(range(size)):
                raise TablesError(
                    path=source, reason=f"{key} must hold each of 0..{size - 1} exactly once"
                )
            if any(isinstance(v, bool) or not isinstance(v, int) for v in value):
                raise TablesError(path=source, reason=f"{key} must hold whole numbers")
            return tuple(value)

        return cls(
            name=str(data.get("name", source)),
            substitution_1=table("substitution_1", 16),
            substitution_2=table("substitution_2", 16),
            permutation=table("permutation", 64),
        )


def load_sta_tables(path: str | Path) -> StaTables:
    """Read and validate a tables JSON file; :class:`TablesError` names what is wrong."""
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise TablesError(path=source, reason=error.strerror or "it cannot be read") from error
    except ValueError as error:
        raise TablesError(path=source, reason=f"it is not JSON ({error})") from error
    if not isinstance(data, dict):
        raise TablesError(path=source, reason="it must hold a JSON object")
    return StaTables.from_mapping(data, source)
