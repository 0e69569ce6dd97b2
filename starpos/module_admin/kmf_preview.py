"""What loading a KMF file will change, shown before it is sent (STAR manual §4.1 d,
"Load KMF File"): the file's signature is checked against the KMC the module trusts
(``SM?KI``), the file must be for this module and hold no expired key, and each register
it names is listed as new or replacing the key there now. Registers it does not name are
kept (docs/sm-protocol.md §5).

A refusal is the module's own error (the same words as if the module had refused it), so
a file the preview passes is one the module accepts, and the reverse.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.errors import SmRefusedError, error_for_response
from starpos.devices.sm.key_registry import KeyRegistry
from starpos.devices.sm.kmf import KeyInfo, describe_kmf
from starpos.devices.sm.signed_files import SignedFileError, public_key_from_hex

COMMAND = "SM?KL"


class Change(enum.Enum):
    NEW = "new"
    REPLACED = "replaced"
    SAME = "same"  # the register already holds a key with the same metadata
    KEPT = "kept"  # not in the file: stays as it is


@dataclass(frozen=True)
class RegisterChange:
    register: int
    change: Change
    before: KeyInfo | None
    after: KeyInfo | None


@dataclass(frozen=True)
class KmfPreview:
    module_id: str
    issued_on: str
    changes: tuple[RegisterChange, ...]

    @property
    def loaded(self) -> list[RegisterChange]:
        return [c for c in self.changes if c.change is not Change.KEPT]

    @property
    def registers(self) -> dict[str, str]:
        """What each register the file fills becomes (``{"01": "new"}``), as audited."""
        return {f"{c.register:02d}": c.change.value for c in self.changes if c.after is not None}


def preview_kmf(data: bytes, module_id: str, registry: KeyRegistry, today: date) -> KmfPreview:
    """The changes ``data`` makes to the module ``module_id`` holding ``registry``.

    Raises the module's :class:`SmRefusedError` for a file it would refuse: malformed
    (02), bad signature (44), for another module (33), an expired key (41).
    """
    try:
        described = describe_kmf(data, public_key_from_hex(registry.kmc_public_key_hex))
        incoming = [KeyInfo.from_json(entry) for entry in described["keys"]]
    except SignedFileError as error:
        code = ResponseCode.SIGNATURE_INVALID if error.signature else ResponseCode.FORMAT_ERROR
        raise _refused(code) from error
    except (KeyError, TypeError, ValueError) as error:
        raise _refused(ResponseCode.FORMAT_ERROR) from error
    if described["module_id"] != module_id:
        raise _refused(ResponseCode.INVALID_MODULE_ID)
    if not incoming or len({k.register for k in incoming}) != len(incoming):
        raise _refused(ResponseCode.FORMAT_ERROR)
    if any(info.issued_until < today for info in incoming):
        raise _refused(ResponseCode.KEY_EXPIRED)
    held = {info.register: info for info in registry.keys}
    changes = []
    for info in incoming:
        before = held.pop(info.register, None)
        if before is None:
            change = Change.NEW
        else:
            change = Change.SAME if before == info else Change.REPLACED
        changes.append(RegisterChange(info.register, change, before, info))
    changes += [RegisterChange(r, Change.KEPT, info, info) for r, info in held.items()]
    changes.sort(key=lambda c: c.register)
    return KmfPreview(module_id, str(described.get("issued_on") or ""), tuple(changes))


def _refused(code: ResponseCode) -> SmRefusedError:
    return error_for_response(COMMAND, code)
