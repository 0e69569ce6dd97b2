"""``starpos sync pull``: bring the head office's master data down to this counter.

The answer streams into a spool file first, with no lock held on the store (a sale goes on
meanwhile); only a complete answer is then applied, in one transaction that also moves the
feed position (:mod:`starpos.sync.downlink_apply`). A counter without a position (new, or
asked with ``--full``) gets a full snapshot.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.sync import state
from starpos.sync.client import HeadOfficeClient
from starpos.sync.downlink_apply import apply_answer
from starpos.sync.errors import ProtocolError, SyncError
from starpos.sync.keys import load_key
from starpos.sync.pull_report import PullReport

#: A spool up to this size stays in memory; a snapshot goes to a temporary file.
SPOOL_IN_MEMORY = 4 * 1024 * 1024


def pull(
    database: Database, *, full: bool = False, client: HeadOfficeClient | None = None
) -> PullReport:
    """Fetch what changed since this counter's position (everything when ``full``) and
    apply it; the report says what came down."""
    with database.reading() as session:
        found = state.require_enrolment(session)
        cursor = None if full else state.downlink_cursor(session)
    own_client = client is None
    if client is None:
        client = HeadOfficeClient(found.server_url, key_id=found.key_id, key=load_key())
    try:
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
            size = client.changes(cursor, spool)
            answered_at = utc_now()
            spool.seek(0)
            with database.unit_of_work() as uow:
                report = apply_answer(uow.session, _values(spool), answered_at)
                uow.commit()
            report.size = size
    except SyncError as error:
        with database.unit_of_work() as uow:
            state.note_error(uow.session, error.message)
            uow.commit()
        raise
    finally:
        if own_client:
            client.close()
    return report


def _values(spool: IO[bytes]) -> Iterator[Any]:
    for number, line in enumerate(spool, start=1):
        try:
            yield json.loads(line)
        except ValueError as error:
            raise ProtocolError(detail=f"downlink line {number} is not JSON") from error
