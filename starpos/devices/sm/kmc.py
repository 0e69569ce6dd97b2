"""A development key management centre (KMC). TEST AND DEMO TOOLING ONLY.

A real KMC is the STS association's key management centre; its signing key and the
vending keys never sit on a point of sale. This stand-in keeps an Ed25519 signing key in
a folder and makes the two kinds of files a module accepts: KMF key load files and credit
update blocks. The demo seed and the tests use these plain functions; ``starpos sm kmc
...`` exposes them on the command line.

Whoever holds the signing key can credit every module that trusts it, so it never lives
in the store's data folder (which is backed up, copied and synced): the default folder is
a sibling of it (:func:`default_kmc_dir`). It is made only when something asks for it
(the demo, the embedded emulator of a machine without a module, the tests); a production
installation, whose modules trust the utility's KMC, never has one (docs/sm-protocol.md §9).
"""

from __future__ import annotations

import os
import secrets
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from starpos.devices.sm.credit_blocks import CreditBlock, write_credit_block
from starpos.devices.sm.kmf import KEY_LENGTHS, KeyInfo, VendingKey, write_kmf
from starpos.paths import data_dir

KEY_FILE = "kmc-signing.pem"
PUBLIC_FILE = "kmc-public.hex"
#: Names another folder for the development KMC (tests, demo machines).
KMC_DIR_VARIABLE = "STARPOS_DEV_KMC_DIR"


def default_kmc_dir() -> Path:
    """``STARPOS_DEV_KMC_DIR``, else ``<data_dir>-dev-kmc`` beside the data folder (never in it)."""
    override = os.environ.get(KMC_DIR_VARIABLE)
    if override:
        return Path(override)
    data = data_dir()
    return data.parent / f"{data.name}-dev-kmc"


def init_kmc(folder: Path | None = None) -> str:
    """Create the development KMC in ``folder`` unless it exists; returns its public key hex."""
    folder = folder or default_kmc_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key_path = folder / KEY_FILE
    if not key_path.exists():
        signer = Ed25519PrivateKey.generate()
        pem = signer.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # created by a concurrent caller: use theirs
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
            public = signer.public_key().public_bytes_raw().hex()
            (folder / PUBLIC_FILE).write_text(public + "\n", encoding="ascii")
    return kmc_public_key_hex(folder)


def _signer(folder: Path | None) -> Ed25519PrivateKey:
    folder = folder or default_kmc_dir()
    if not (folder / KEY_FILE).exists():
        init_kmc(folder)
    key = serialization.load_pem_private_key((folder / KEY_FILE).read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{folder / KEY_FILE} is not an Ed25519 key")
    return key


def kmc_public_key_hex(folder: Path | None = None) -> str:
    """The KMC's Ed25519 public key (64 hex), the one a module must trust."""
    return _signer(folder).public_key().public_bytes_raw().hex()


def development_key(
    register: int = 1,
    *,
    sgc: str = "123456",
    krn: int = 1,
    key_type: int = 2,
    ken: int = 255,
    dkga: int = 2,
    ea: int = 7,
    base_date: int = 2014,
    usage: str = "credit",
    activation: date | None = None,
    issued_until: date | None = None,
    credit_limit_tenths: int = 18_000_000,
    vending_key_hex: str | None = None,
) -> VendingKey:
    """A vending key entry with development defaults (random key bytes unless given)."""
    today = date.today()
    info = KeyInfo(
        register=register,
        sgc=sgc,
        krn=krn,
        key_type=key_type,
        ken=ken,
        dkga=dkga,
        ea=ea,
        base_date=base_date,
        usage=usage,
        activation=activation or today - timedelta(days=1),
        issued_until=issued_until or today + timedelta(days=3650),
        credit_limit_tenths=credit_limit_tenths,
    )
    info.validate()
    key = (
        bytes.fromhex(vending_key_hex)
        if vending_key_hex
        else secrets.token_bytes(KEY_LENGTHS[dkga])
    )
    return VendingKey(info, key)


def key_from_spec(spec: dict[str, Any]) -> VendingKey:
    """A key entry from a JSON spec (the fields of :func:`development_key`, dates ISO)."""
    fields = dict(spec)
    for name in ("activation", "issued_until"):
        if fields.get(name):
            fields[name] = date.fromisoformat(fields[name])
    register = int(fields.pop("register", 1))
    return development_key(register, **fields)


def make_kmf(
    module_id: str,
    module_public_key_hex: str,
    keys: list[VendingKey],
    folder: Path | None = None,
    issued_on: date | None = None,
) -> bytes:
    """A signed KMF file for ``module_id`` (its X25519 identity key from ``SM?ID``)."""
    public = X25519PublicKey.from_public_bytes(bytes.fromhex(module_public_key_hex))
    return write_kmf(module_id, public, keys, _signer(folder), issued_on or date.today())


def make_credit_block(
    module_id: str,
    sequence: int,
    operation: str,
    amount_tenths: int,
    folder: Path | None = None,
) -> bytes:
    """A signed credit update block; ``sequence`` is the module's next one (``SM?TS`` + 1)."""
    block = CreditBlock(module_id, sequence, operation, amount_tenths, datetime.now())
    return write_credit_block(block, _signer(folder))


def provision(
    module: Any,
    keys: list[VendingKey],
    credit_tenths: int,
    folder: Path | None = None,
) -> dict[str, Any]:
    """Load ``keys`` into an open :class:`~starpos.devices.sm.driver.SecureModule` and add
    ``credit_tenths`` to its balance (for demos and tests). Returns what it did."""
    identity = module.identify()
    kmf = make_kmf(identity.module_id, identity.public_key_hex, keys, folder)
    loaded, key_check = module.load_kmf(kmf)
    balance = module.balance()
    if credit_tenths:
        block = make_credit_block(
            identity.module_id, balance.next_sequence, "add", credit_tenths, folder
        )
        balance = module.credit_update(block)
    return {
        "module_id": identity.module_id,
        "keys_loaded": loaded,
        "key_check": key_check,
        "sequence": balance.sequence,
        "balance": balance.balance,
    }
