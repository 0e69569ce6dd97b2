"""The installation's module credential file: made once, mode 0600, never overwritten."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from starpos.devices.sm.errors import SmCredentialFileError
from starpos.devices.sm.session import (
    ModuleCredential,
    installation_credential,
    installation_credential_path,
)


def test_it_is_made_once_private_and_kept(data_dir: Path) -> None:
    first = installation_credential()
    path = installation_credential_path()
    assert path == data_dir / "sm-credential.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert installation_credential() == first  # read back, not replaced
    assert path.read_text().strip() == first.secret.hex()


def test_a_file_others_may_read_or_a_damaged_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "credential.key"
    ModuleCredential.load_or_create(path)
    path.chmod(0o644)
    with pytest.raises(SmCredentialFileError, match="0600"):
        ModuleCredential.load(path)
    path.chmod(0o600)
    path.write_text("not hex\n")
    with pytest.raises(SmCredentialFileError, match="64 hex"):
        ModuleCredential.load(path)
    with pytest.raises(SmCredentialFileError):
        ModuleCredential.load(tmp_path / "missing.key")
