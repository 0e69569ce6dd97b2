"""Module sessions: the terminal's module credential and the sign-in exchange on the wire.

A module acts (tokens, credit updates, key loads, store binding) only inside a session
opened by a terminal that proves it holds the module credential, a 32-byte secret shared
by the installation and its module (docs/sm-protocol.md, "Sessions"). The secret never
travels: the module sends a fresh nonce (``SM?AC``), the terminal answers with its own
nonce and an HMAC-SHA256 over both nonces and the module id (``SM?AU``), and the module
proves itself back with an HMAC under another label, so neither side can be replayed and
a device that is not the paired module is found out. Transport-free and shared by the
driver and the emulator.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from starpos.devices.sm.errors import SmCredentialFileError
from starpos.devices.sm.frames import FrameError

#: Label of every proof: a proof of this protocol can never pass for anything else.
SESSION_LABEL = "starpos-sm-session/1"
CREDENTIAL_FILE = "sm-credential.key"
SECRET_BYTES = 32
NONCE_HEX = 32
PROOF_HEX = 64
TERMINAL = "terminal"
MODULE = "module"


@dataclass(frozen=True)
class ModuleCredential:
    """The secret a terminal and its module share (never logged, never on the wire)."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise ValueError("a module credential is 32 bytes")

    def proof(self, role: str, module_id: str, module_nonce: str, client_nonce: str) -> str:
        """64 uppercase hex: HMAC-SHA256 of one side (``terminal`` or ``module``) of a sign-in."""
        message = f"{SESSION_LABEL}|{role}|{module_id}|{module_nonce}|{client_nonce}"
        return hmac.new(self.secret, message.encode("ascii"), hashlib.sha256).hexdigest().upper()

    def verifies(
        self, proof: str, role: str, module_id: str, module_nonce: str, client: str
    ) -> bool:
        """True when ``proof`` is the ``role`` proof for this exchange (constant time)."""
        return hmac.compare_digest(proof, self.proof(role, module_id, module_nonce, client))

    @classmethod
    def generate(cls) -> ModuleCredential:
        return cls(secrets.token_bytes(SECRET_BYTES))

    @classmethod
    def load(cls, path: Path) -> ModuleCredential:
        """Read a credential file (64 hex digits); refuses one other users may read."""
        try:
            mode = path.stat().st_mode
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise SmCredentialFileError(path=str(path), reason=str(error)) from error
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SmCredentialFileError(
                path=str(path), reason="other users may read it (it must be mode 0600)"
            )
        if not re.fullmatch(r"[0-9a-fA-F]{64}", text):
            raise SmCredentialFileError(path=str(path), reason="it does not hold 64 hex digits")
        return cls(bytes.fromhex(text))

    @classmethod
    def load_or_create(cls, path: Path) -> ModuleCredential:
        """The credential in ``path``, made (mode 0600, never overwritten) when it is absent."""
        path.parent.mkdir(parents=True, exist_ok=True)
        credential = cls.generate()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return cls.load(path)  # made earlier, or by a concurrent caller: theirs wins
        except OSError as error:
            raise SmCredentialFileError(path=str(path), reason=str(error)) from error
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(credential.secret.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        return credential


def installation_credential_path() -> Path:
    """Where this installation keeps its module credential: ``<data_dir>/sm-credential.key``."""
    from starpos.paths import data_dir

    return data_dir() / CREDENTIAL_FILE


def installation_credential() -> ModuleCredential:
    """This installation's module credential, created (mode 0600) on first use."""
    return ModuleCredential.load_or_create(installation_credential_path())


def new_nonce() -> str:
    """128 random bits as 32 uppercase hex digits."""
    return secrets.token_hex(NONCE_HEX // 2).upper()


# -- frames of the exchange ----------------------------------------------------------------
def format_challenge(module_id: str, module_nonce: str) -> str:
    """``SM!AC`` data: the module id (8 digits) and the module's nonce (32 hex)."""
    return f"{module_id}{module_nonce}"


def parse_challenge(data: str) -> tuple[str, str]:
    match = re.fullmatch(r"([0-9]{8})([0-9A-F]{32})", data)
    if match is None:
        raise FrameError("challenge data malformed")
    return match.group(1), match.group(2)


def sign_in_params(client_nonce: str, proof: str) -> str:
    """``SM?AU`` parameters: the terminal's nonce (32 hex) and its proof (64 hex)."""
    return f"{client_nonce}{proof}"


def parse_sign_in(params: str) -> tuple[str, str]:
    match = re.fullmatch(r"([0-9A-F]{32})([0-9A-F]{64})", params)
    if match is None:
        raise FrameError("sign-in parameters malformed")
    return match.group(1), match.group(2)


def parse_module_proof(data: str) -> str:
    """``SM!AU`` data: the module's proof (64 hex)."""
    if not re.fullmatch(r"[0-9A-F]{64}", data):
        raise FrameError("module proof malformed")
    return data
