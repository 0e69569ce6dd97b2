"""What the module remembers for the store, on the wire: counters, credit updates, binding.

A module answers for its whole life (docs/sm-protocol.md, "The module's records"):

- :class:`ModuleCounters` (``SM?CI``): totals that never decrease, so the store can check
  ``balance = credited - debited - issued`` over the module's life, not one update.
- :class:`CreditUpdateRecord` (``SM?CU``): every credit update block it applied, by number.
- :class:`StoreBinding` (``SM?SR``, ``SM?SB``): which store it serves, what it did since it
  was bound there, and the last :class:`AuditAnchor` that store sent with a command.

Transport-free: each ``format_*`` builds the data of an answer (the emulator), each
``parse_*`` reads it (the driver) and raises :class:`FrameError` on anything malformed.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal

from starpos.devices.sm.frames import FrameError, Request

TENTH = Decimal("0.1")
#: Opaque store identities: letters, digits and ``. _ : -`` (a UUID fits), 1-64 characters.
STORE_ID_PATTERN = r"[A-Za-z0-9._:-]{1,64}"
#: Marks the audit anchor at the end of an acting command's parameters.
ANCHOR_MARK = "@"
ANCHOR_LENGTH = 1 + 64 + 8
OPERATION_CODES = {"replace": "R", "add": "A", "decrease": "D"}


@dataclass(frozen=True)
class AuditAnchor:
    """The store's audit chain head when it sent a command: ``head_hash`` is the SHA-256 of
    the last entry (64 hex, lower case), ``entry_count`` how many entries the chain holds."""

    head_hash: str
    entry_count: int

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[0-9a-f]{64}", self.head_hash):
            raise ValueError("an audit head is 64 lower-case hex digits (SHA-256)")
        if not 0 <= self.entry_count <= 0xFFFFFFFF:
            raise ValueError("an audit entry count is between 0 and 4294967295")

    @classmethod
    def of(cls, head_hash: str, entry_count: int) -> AuditAnchor:
        """An anchor from a hash in either case (the store's hex is lower case)."""
        return cls(head_hash.lower(), entry_count)

    def wire(self) -> str:
        """The 72 characters after the ``@``: hash (64 hex) + entry count (8 hex)."""
        return f"{self.head_hash.upper()}{self.entry_count:08X}"

    @classmethod
    def parse(cls, text: str) -> AuditAnchor:
        match = re.fullmatch(r"([0-9A-F]{64})([0-9A-F]{8})", text)
        if match is None:
            raise FrameError("audit anchor malformed")
        return cls(match.group(1).lower(), int(match.group(2), 16))


def acting_request(command: str, params: str, anchor: AuditAnchor | None = None) -> Request:
    """The exact ``SM?<command>`` frame an acting command sends, with ``anchor`` appended.

    A store that keeps the request digest for recovery (``GL?RR``) builds the frame here so
    its digest is the one the module echoes.
    """
    suffix = f"{ANCHOR_MARK}{anchor.wire()}" if anchor is not None else ""
    return Request("SM", command, params + suffix)


def split_anchor(params: str) -> tuple[str, AuditAnchor | None]:
    """An acting command's own parameters and its anchor, if it carries one.

    No acting command's own parameters hold ``@`` (they are digits, hex, ``L``, ``V`` and
    store ids), so the last ``@`` starts the anchor.
    """
    own, mark, anchor = params.rpartition(ANCHOR_MARK)
    if not mark:
        return params, None
    return own, AuditAnchor.parse(anchor)


# -- counters ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ModuleCounters:
    """``SM?CI``: the module's cumulative counters, in tenths of a unit and in tokens.

    ``credited_tenths`` and ``debited_tenths`` add up every rise and fall of the balance
    that credit updates made; ``issued_tenths`` the energy of every credit token. None of
    them ever decreases, and ``balance = credited - debited - issued`` always holds.
    ``counted_since`` is the credit update sequence at which counting began: 0 for a
    module made with protocol 2, the sequence at migration for an older one (its earlier
    history is not on record, and its balance then counts as credited).
    ``last_tid`` is the TID of the last credit or management token (None before any).
    """

    sequence: int
    balance_tenths: int
    credited_tenths: int
    debited_tenths: int
    issued_tenths: int
    credit_tokens: int
    management_tokens: int
    key_change_sets: int
    last_tid: int | None
    counted_since: int

    @property
    def balance(self) -> Decimal:
        return Decimal(self.balance_tenths) * TENTH

    @property
    def total_credited(self) -> Decimal:
        return Decimal(self.credited_tenths) * TENTH

    @property
    def total_debited(self) -> Decimal:
        return Decimal(self.debited_tenths) * TENTH

    @property
    def total_issued(self) -> Decimal:
        """kWh (units) carried by every credit token the module made."""
        return Decimal(self.issued_tenths) * TENTH

    @property
    def token_count(self) -> int:
        """Tokens with a TID (credit and management); key change sets are counted apart."""
        return self.credit_tokens + self.management_tokens

    @property
    def has_history(self) -> bool:
        """The module applied credit or made tokens: a store it serves must account for it."""
        return bool(self.sequence or self.token_count or self.key_change_sets)

    @property
    def consistent(self) -> bool:
        return (
            self.balance_tenths == self.credited_tenths - self.debited_tenths - self.issued_tenths
        )


def format_counters(counters: ModuleCounters) -> str:
    c = counters
    last_tid = c.last_tid if c.last_tid is not None else 0
    return (
        f"{c.sequence:08X}{c.balance_tenths:08X}{c.credited_tenths:012X}{c.debited_tenths:012X}"
        f"{c.issued_tenths:012X}{c.credit_tokens:08X}{c.management_tokens:08X}"
        f"{c.key_change_sets:08X}{last_tid:06X}{c.counted_since:08X}"
    )


def parse_counters(data: str) -> ModuleCounters:
    widths = (8, 8, 12, 12, 12, 8, 8, 8, 6, 8)
    if not re.fullmatch(rf"[0-9A-F]{{{sum(widths)}}}", data):
        raise FrameError("counter data malformed")
    values, start = [], 0
    for width in widths:
        values.append(int(data[start : start + width], 16))
        start += width
    seq, balance, credited, debited, issued, credit, management, key_change, tid, since = values
    return ModuleCounters(
        seq, balance, credited, debited, issued, credit, management, key_change,
        tid if credit + management else None, since,
    )  # fmt: skip


# -- credit updates ----------------------------------------------------------------------
@dataclass(frozen=True)
class CreditUpdateRecord:
    """``SM?CU``: one credit update block the module applied.

    ``block_digest`` is the first 16 hex digits of the SHA-256 of the block file as sent,
    so a store can tell which of its files this was.
    """

    sequence: int
    operation: str
    amount_tenths: int
    balance_before_tenths: int
    balance_after_tenths: int
    block_digest: str

    @property
    def change_tenths(self) -> int:
        """How the balance moved: positive for a rise, negative for a fall."""
        return self.balance_after_tenths - self.balance_before_tenths

    @property
    def amount(self) -> Decimal:
        return Decimal(self.amount_tenths) * TENTH


def credit_update_params(sequence: int) -> str:
    if not 1 <= sequence <= 0xFFFFFFFF:
        raise ValueError("a credit update sequence is 1 or more")
    return f"{sequence:08X}"


def format_credit_update(record: CreditUpdateRecord) -> str:
    r = record
    return (
        f"{r.sequence:08X}{OPERATION_CODES[r.operation]}{r.amount_tenths:08X}"
        f"{r.balance_before_tenths:08X}{r.balance_after_tenths:08X}{r.block_digest}"
    )


def parse_credit_update(data: str) -> CreditUpdateRecord:
    match = re.fullmatch(
        r"([0-9A-F]{8})([RAD])([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{16})", data
    )
    if match is None:
        raise FrameError("credit update record malformed")
    sequence, code, amount, before, after, digest = match.groups()
    operation = next(name for name, letter in OPERATION_CODES.items() if letter == code)
    return CreditUpdateRecord(
        int(sequence, 16), operation, int(amount, 16), int(before, 16), int(after, 16), digest
    )


# -- store binding -----------------------------------------------------------------------
@dataclass(frozen=True)
class StoreBinding:
    """``SM?SR``: the store this module serves and how far that store reached on it.

    ``number`` counts bindings (0: never bound, ``store_id`` empty). Since the binding the
    module made ``credit_tokens`` credit tokens carrying ``issued_tenths``,
    ``management_tokens`` management tokens, the last of them with ``last_tid``;
    ``sequence_at_bind`` is the credit update sequence when it was bound. ``anchor`` is the
    last audit head this store sent with an acting command (None before any).
    """

    number: int
    store_id: str
    sequence_at_bind: int
    credit_tokens: int
    management_tokens: int
    issued_tenths: int
    last_tid: int | None
    anchor: AuditAnchor | None

    @property
    def bound(self) -> bool:
        return self.number > 0

    @property
    def issued(self) -> Decimal:
        return Decimal(self.issued_tenths) * TENTH


def bind_params(store_id: str) -> str:
    if not re.fullmatch(STORE_ID_PATTERN, store_id):
        raise ValueError("a store id is 1-64 letters, digits or . _ : -")
    return store_id


def format_binding(binding: StoreBinding) -> str:
    b = binding
    last_tid = f"{b.last_tid:06X}" if b.last_tid is not None else ""
    anchor = b.anchor.wire() if b.anchor is not None else ""
    return (
        f"{b.number:04X},{b.store_id},{b.sequence_at_bind:08X},{b.credit_tokens:08X},"
        f"{b.management_tokens:08X},{b.issued_tenths:012X},{last_tid},{anchor}"
    )


def parse_binding(data: str) -> StoreBinding:
    match = re.fullmatch(
        rf"([0-9A-F]{{4}}),({STORE_ID_PATTERN}|),([0-9A-F]{{8}}),([0-9A-F]{{8}}),"
        r"([0-9A-F]{8}),([0-9A-F]{12}),([0-9A-F]{6}|),([0-9A-F]{72}|)",
        data,
    )
    if match is None:
        raise FrameError("binding data malformed")
    number, store_id, sequence, credit, management, issued, tid, anchor = match.groups()
    if (int(number, 16) == 0) != (store_id == ""):
        raise FrameError("binding number and store id disagree")
    return StoreBinding(
        int(number, 16),
        store_id,
        int(sequence, 16),
        int(credit, 16),
        int(management, 16),
        int(issued, 16),
        int(tid, 16) if tid else None,
        AuditAnchor.parse(anchor) if anchor else None,
    )


class StoreStanding(enum.Enum):
    """How a module stands towards the store that opens it (:meth:`SecureModule.store_check`)."""

    #: Bound to this store: the store checks the anchor and counters against its ledger.
    BOUND_HERE = "bound_here"
    #: Never bound and never used: the store may bind it.
    FRESH = "fresh"
    #: Never bound, but it applied credit or made tokens no store accounted for.
    UNBOUND_WITH_HISTORY = "unbound_with_history"
    #: Bound to another store (or to this one before its identity was lost).
    OTHER_STORE = "other_store"


@dataclass(frozen=True)
class StoreCheck:
    """A module's standing towards one store, with the binding and counters it rests on."""

    standing: StoreStanding
    binding: StoreBinding
    counters: ModuleCounters

    @property
    def may_sell(self) -> bool:
        """Only a module bound to this store sells for it without a recorded decision."""
        return self.standing is StoreStanding.BOUND_HERE


def standing_of(store_id: str, binding: StoreBinding, counters: ModuleCounters) -> StoreStanding:
    if binding.bound:
        return (
            StoreStanding.BOUND_HERE if binding.store_id == store_id else StoreStanding.OTHER_STORE
        )
    return StoreStanding.UNBOUND_WITH_HISTORY if counters.has_history else StoreStanding.FRESH
