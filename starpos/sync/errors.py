"""What can go wrong between a counter and its head office, in words a person can act on.

Sales never wait for the network: none of these stops a sale. They stop a push, and the
events stay in the audit log until the next one.
"""

from __future__ import annotations

from starpos.errors import StarposError


class SyncError(StarposError):
    code = "sync"
    template = "The counter could not sync with the head office."


class NotEnrolledError(SyncError):
    code = "sync.not_enrolled"
    template = (
        "This counter is not enrolled with a head office. Ask the head office for an "
        "enrolment code, then run: starpos sync enrol --server URL --code CODE"
    )


class AlreadyEnrolledError(SyncError):
    code = "sync.already_enrolled"
    template = (
        "This counter is already enrolled with {server} as terminal {terminal}. A counter "
        "belongs to one head office; use another data folder for another one."
    )


class ServerUnreachableError(SyncError):
    code = "sync.unreachable"
    template = (
        "The head office server at {server} cannot be reached ({reason}). Selling goes on; "
        "what was recorded is sent when the server answers again."
    )


class EnrolmentRefusedError(SyncError):
    code = "sync.enrolment_refused"
    template = (
        "The head office refused the enrolment code: it is unknown, already used or "
        "expired. Ask the head office for a new code (starpos server enrol --terminal CODE)."
    )


class TerminalRevokedError(SyncError):
    code = "sync.revoked"
    template = (
        "The head office has revoked this terminal's key, so it takes nothing more from "
        "this counter. Ask the head office why; to enrol again it must give a new code."
    )


class SignatureRefusedError(SyncError):
    code = "sync.signature_refused"
    template = (
        "The head office refused this counter's signed request ({reason}). Check that the "
        "counter is the one that was enrolled and that its clock is right."
    )


class EventRefusedError(SyncError):
    code = "sync.event_refused"
    template = (
        "The head office refused event {seq} of this counter ({reason}); nothing after it is "
        "sent. The head office lists the problem with: starpos server findings"
    )


class RetryLaterError(SyncError):
    code = "sync.retry_later"
    template = (
        "The head office could not take the events now ({reason}). They stay queued on this "
        "counter and are sent again at the next push."
    )


class ProtocolError(SyncError):
    code = "sync.protocol"
    template = (
        "The head office answered something this counter does not understand ({detail}). "
        "Check that the server URL is a StarPOS head office of the same version."
    )


class DownlinkIncompleteError(SyncError):
    code = "sync.downlink_incomplete"
    template = (
        "The head office sent {table} {key}, which names {missing}: this counter does not "
        "have it, so nothing was applied. Run a full pull: starpos sync pull --full"
    )


class CreditBlockNotAppliedError(SyncError):
    code = "sync.credit_block_not_applied"
    template = (
        "The credit block {block} from the head office (module {module}) was not applied: "
        "{reason} The rest of the sync went through; the head office sees the outcome at the "
        "next push."
    )
