"""What the sync between counters and the head office keeps (docs/sync.md).

A counter's outbox is its audit log: every entry, in chain order, is an event. The counter
keeps only how far the head office has acknowledged it (``sync_state``). The head office
keeps, per enrolled key of a terminal, how far it has applied that terminal's chain
(``sync_enrolments``), every entry it applied (``sync_events``), the nonces of recent signed
requests (``sync_nonces``) and what it found wrong (``sync_findings``).

The downlink: the head office's triggers write every change of master data into
``sync_changes`` (the change feed, read by transaction id); ``sync_change_horizon`` says
below which transaction id the feed was pruned; ``sync_offline_limits`` are the limits the
head office sets per terminal. The counter keeps its feed position in ``sync_state``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, BigId
from starpos.db.column_types import Energy, Money, UtcDateTime, utc_now
from starpos.db.models.master_data import CODE, Terminal

#: A SHA-256 in hex: entry hashes, enrolment code digests.
DIGEST = 64
#: A UUID in its 36-character text form: key ids, event ids.
UUID_TEXT = 36
#: The hash an empty chain ends with (``starpos.audit.log.GENESIS_HASH``).
GENESIS = "0" * DIGEST


class SyncState(Base):
    """The counter's side: which head office it belongs to, and what it has acknowledged."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    server_url: Mapped[str] = mapped_column(String(300))
    # The enrolment's id at the head office: the ``keyid`` every request is signed under.
    key_id: Mapped[str] = mapped_column(String(UUID_TEXT))
    terminal_code: Mapped[str] = mapped_column(String(CODE))
    sales_point_code: Mapped[str] = mapped_column(String(CODE))
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # The last audit entry the head office answered as applied (or already had), and its
    # hash; entries after it are still to be sent.
    acknowledged_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    acknowledged_hash: Mapped[str] = mapped_column(String(DIGEST), default=GENESIS)
    last_push_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    # The downlink: every change of the head office's master data below this transaction id
    # is applied here (None: none yet, the next pull takes a full snapshot).
    downlink_cursor: Mapped[int | None] = mapped_column(BigInteger)
    last_pull_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The last time the head office answered a signed request: what the offline limits
    # count from.
    last_contact_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class TerminalEnrolment(Base):
    """One public key of one terminal, and how far the head office applied its chain.

    A terminal that is set up again (a new PC, a new store) enrols a new key and starts a
    new chain; the old enrolment keeps what it sent.
    """

    __tablename__ = "sync_enrolments"

    id: Mapped[str] = mapped_column(String(UUID_TEXT), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    # The raw 32-byte Ed25519 public key, in hex.
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    applied_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    applied_hash: Mapped[str] = mapped_column(String(DIGEST), default=GENESIS)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    terminal: Mapped[Terminal] = relationship()


class EnrolmentCode(Base):
    """A one-time code the head office gave out for a terminal; only its SHA-256 is kept."""

    __tablename__ = "sync_enrolment_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(DIGEST), unique=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    enrolment_id: Mapped[str | None] = mapped_column(ForeignKey("sync_enrolments.id"))


class ReceivedEvent(Base):
    """One audit entry of a terminal's chain, as the head office applied it."""

    __tablename__ = "sync_events"
    __table_args__ = (Index("ix_sync_events_kind_subject", "kind", "subject"),)

    enrolment_id: Mapped[str] = mapped_column(ForeignKey("sync_enrolments.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_id: Mapped[str] = mapped_column(String(UUID_TEXT), unique=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(40))
    operator_code: Mapped[str | None] = mapped_column(String(CODE))
    sales_point_code: Mapped[str | None] = mapped_column(String(CODE))
    terminal_code: Mapped[str | None] = mapped_column(String(CODE))
    subject: Mapped[str] = mapped_column(String(80))
    details: Mapped[str] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(DIGEST))
    entry_hash: Mapped[str] = mapped_column(String(DIGEST))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SeenNonce(Base):
    """A signed request's nonce, kept while its signature could still be replayed."""

    __tablename__ = "sync_nonces"

    enrolment_id: Mapped[str] = mapped_column(ForeignKey("sync_enrolments.id"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class SyncFinding(Base):
    """Something the head office found wrong in what a terminal sent, for a supervisor."""

    __tablename__ = "sync_findings"
    __table_args__ = (Index("ix_sync_findings_open", "resolved_at", "raised_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    kind: Mapped[str] = mapped_column(String(40))
    enrolment_id: Mapped[str | None] = mapped_column(ForeignKey("sync_enrolments.id"))
    terminal_code: Mapped[str | None] = mapped_column(String(CODE))
    seq: Mapped[int | None] = mapped_column(BigInteger)
    subject: Mapped[str] = mapped_column(String(80), default="")
    # Canonical JSON: what was expected and what came.
    details: Mapped[str] = mapped_column(Text, default="{}")
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class MasterDataChange(Base):
    """One change of a row the head office owns, written by the table's trigger (PostgreSQL).

    ``xid`` is the writing transaction's id (``pg_current_xact_id()``), so a reader can take
    only what every earlier transaction has finished (docs/sync.md, "Downlink"). ``row_key``
    is the natural key of the changed row, or of the row it belongs to (a customer type for
    one of its charges); ``previous_key`` is set when an update changed the key itself.
    """

    __tablename__ = "sync_changes"
    __table_args__ = (
        Index("ix_sync_changes_xid", "xid"),
        Index("ix_sync_changes_changed_at", "changed_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    xid: Mapped[int] = mapped_column(BigInteger)
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(80))
    previous_key: Mapped[str | None] = mapped_column(String(80))
    # I(nsert), U(pdate), D(elete): what the statement did; a reader sends the row as it is.
    op: Mapped[str] = mapped_column(String(1))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class ChangeHorizon(Base):
    """Below which transaction id ``sync_changes`` was pruned: a counter whose position is
    older takes a full snapshot, since the tombstones it needed are gone."""

    __tablename__ = "sync_change_horizon"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    below_xid: Mapped[int] = mapped_column(BigInteger, default=0)
    pruned_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class OfflineLimit(Base):
    """How long, and for how much, a terminal may sell without reaching the head office.

    Set at the head office, it comes down with the master data; a limit left empty does not
    apply. Past either, the counter stops selling until it has synced.
    """

    __tablename__ = "sync_offline_limits"
    __table_args__ = (
        CheckConstraint("max_offline_minutes IS NULL OR max_offline_minutes > 0", name="minutes"),
        CheckConstraint("max_offline_value IS NULL OR max_offline_value > 0", name="value"),
    )

    terminal_id: Mapped[int] = mapped_column(
        ForeignKey("terminals.id", ondelete="CASCADE"), primary_key=True
    )
    max_offline_minutes: Mapped[int | None] = mapped_column(Integer)
    max_offline_value: Mapped[Decimal | None] = mapped_column(Money())


class IssuedCreditBlock(Base):
    """A signed credit update block the head office issued for one module (``starpos
    server credit``), addressed to the terminal whose module it is.

    Only the head office writes these. The block is for the module's next update sequence,
    so the module applies it once; ``state`` is what the module's counter reported through
    its events: ``issued`` (sent down at every sync until reported), ``applied``,
    ``refused`` (the module refused it), ``superseded`` (another update took its sequence);
    or ``withdrawn`` at the head office before its counter reported it (SYN-35).
    """

    __tablename__ = "sync_credit_blocks"
    __table_args__ = (
        CheckConstraint("sequence >= 1", name="sequence"),
        # One waiting block per module sequence; a withdrawn one may be issued again (SYN-35).
        Index(
            "uq_sync_credit_blocks_module_sequence",
            "module_id",
            "sequence",
            unique=True,
            sqlite_where=text("state = 'issued'"),
            postgresql_where=text("state = 'issued'"),
        ),
        Index("ix_sync_credit_blocks_terminal_state", "terminal_id", "state"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    module_id: Mapped[str] = mapped_column(String(40))
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    sequence: Mapped[int] = mapped_column(BigInteger)
    # "replace", "add" or "decrease", and the amount (kWh) the block carries.
    operation: Mapped[str] = mapped_column(String(12))
    amount_kwh: Mapped[Decimal] = mapped_column(Energy())
    block: Mapped[bytes] = mapped_column(LargeBinary)
    # How the module names the block (``module_credit.block_digest``).
    block_digest: Mapped[str] = mapped_column(String(16), unique=True)
    operator_code: Mapped[str] = mapped_column(String(CODE))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    state: Mapped[str] = mapped_column(String(12), default="issued")
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    terminal: Mapped[Terminal] = relationship()
