"""The utility card master key file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from starpos.devices.card.errors import CardMasterKeyError
from starpos.devices.card.keys import create_master_key, load_master_key


def test_a_new_key_file_is_private_and_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "card.key"
    key = create_master_key(path)
    assert len(key) == 16 and load_master_key(path) == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(create_master_key(tmp_path / "aes256.key", 32)) == 32


def test_an_existing_key_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "card.key"
    key = create_master_key(path)
    with pytest.raises(CardMasterKeyError) as caught:
        create_master_key(path)
    assert caught.value.params["reason"] == "the file already exists"
    assert load_master_key(path) == key


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "the file does not exist"),
        ("zz" * 16, "it is not hexadecimal"),
        ("00" * 24, "it is not 32 or 64 hex digits"),
    ],
)
def test_unusable_key_files_say_why(tmp_path: Path, content: str | None, reason: str) -> None:
    path = tmp_path / "card.key"
    if content is not None:
        path.write_text(content + "\n")
    with pytest.raises(CardMasterKeyError) as caught:
        load_master_key(path)
    assert caught.value.params == {"path": str(path), "reason": reason}
