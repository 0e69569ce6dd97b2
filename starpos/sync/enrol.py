"""``starpos sync enrol``: make this counter a terminal of a head office.

The counter makes its own Ed25519 key pair and sends the public half with the one-time code
the head office gave out for one of its terminals; the request is signed with the new key,
so the head office knows the sender holds it. The head office answers with the enrolment's
id (the key id of every later request) and the terminal and sales point it is for. The key
is written to the data folder first, then the enrolment to the store with its audit entry
(a key action, which travels to the head office with the rest): a counter never believes
it is enrolled without the key to prove it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.sync import state
from starpos.sync.client import HeadOfficeClient
from starpos.sync.errors import AlreadyEnrolledError, ProtocolError
from starpos.sync.keys import new_key, public_hex, save_key


def enrol(database: Database, server_url: str, code: str) -> state.Enrolment:
    with database.reading() as session:
        found = state.enrolment(session)
    if found is not None:
        raise AlreadyEnrolledError(server=found.server_url, terminal=found.terminal_code)
    key = new_key()
    with HeadOfficeClient(server_url) as client:
        answer = client.enrol(code.strip(), key)
    enrolled = state.Enrolment(
        server_url=server_url.rstrip("/"),
        key_id=_text(answer, "key_id"),
        terminal_code=_text(answer, "terminal"),
        sales_point_code=_text(answer, "sales_point"),
        enrolled_at=_moment(answer.get("enrolled_at")),
    )
    save_key(key)
    with database.unit_of_work() as uow:
        state.record_enrolment(uow.session, enrolled)
        append(
            uow.session,
            AuditKind.KEY_ACTION,
            subject=f"terminal:{enrolled.terminal_code}",
            details={
                "action": "enrolled",
                "server": enrolled.server_url,
                "key_id": enrolled.key_id,
                "public_key": public_hex(key),
            },
            actor=Actor(
                sales_point_code=enrolled.sales_point_code, terminal_code=enrolled.terminal_code
            ),
        )
        uow.commit()
    return enrolled


def _text(answer: dict[str, Any], name: str) -> str:
    value = answer.get(name)
    if not isinstance(value, str) or not value:
        raise ProtocolError(detail=f"enrolment answer without {name}")
    return value


def _moment(value: Any) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return utc_now()
        if moment.tzinfo is not None:
            return moment
    return utc_now()
