"""List, add, change and delete the plain records of :mod:`starpos.masterdata.record_kinds`.

Values come typed (Decimal, bool, int, an enum member or its stored spelling, a code for
a reference); every change goes through :func:`starpos.masterdata.changes.changing` (the
kind's permission, one transaction with its audit entry). A code already taken, a
reference to nothing, a missing required field and a deletion of a record still used are
refused with the reason, and nothing is written.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.base import stored_value
from starpos.i18n import Term
from starpos.masterdata import terms
from starpos.masterdata.changes import (
    BadValueError,
    by_code,
    changing,
    check_code,
    refuse_in_use,
    refuse_taken,
)
from starpos.masterdata.dated_terms import (
    CHARGE_TERMS,
    VAT_TERMS,
    date_change,
    first_versions,
    history,
    local_now,
    terms_in_force,
)
from starpos.masterdata.record_kinds import KINDS, FieldType, RecordKind
from starpos.operators.session import OperatorSession

#: The kinds whose priced fields are dated (decision BO-23), and those fields.
DATED: dict[str, tuple[str, ...]] = {"charge_item": CHARGE_TERMS, "customer_type": VAT_TERMS}


class UnknownRecordKindError(LookupError):
    """A programming error: no such kind in :data:`KINDS`."""


def kind_of(key: str) -> RecordKind:
    try:
        return KINDS[key]
    except KeyError as error:
        raise UnknownRecordKindError(key) from error


def _choice(choices: type[enum.Enum], value: Any, field_label: str) -> enum.Enum:
    if isinstance(value, choices):
        return value
    text = str(value).strip().casefold()
    for member in choices:
        if text in (str(member.value).casefold(), member.name.casefold(), stored_value(member)):
            return member
    allowed = ", ".join(stored_value(m) for m in choices)
    raise BadValueError(field=Term(field_label), value=value, reason=allowed)


def _stored_values(session: Session, kind: RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    stored: dict[str, Any] = {}
    for name, value in values.items():
        field = kind.field(name)
        if field.field_type is FieldType.REFERENCE:
            assert field.reference is not None
            target = by_code(session, field.reference, str(value).strip().upper(), name)
            stored[f"{name}_id"] = target.id
        elif field.field_type is FieldType.CHOICE and value is not None:
            assert field.choices is not None
            stored[name] = _choice(field.choices, value, field.label)
        elif name == "code":
            stored[name] = check_code(str(value))
        elif name == "name" and not str(value).strip():
            raise BadValueError(field=terms.NAME, value="''", reason=terms.EMPTY)
        else:
            stored[name] = value
    return stored


def add_record(
    database: Database, by: OperatorSession, kind_key: str, values: dict[str, Any]
) -> str:
    """Add a record of ``kind_key``; its code."""
    kind = kind_of(kind_key)
    code = check_code(str(values.get("code", "")))
    with changing(database, by, kind.permission, f"{kind.key}:{code}", "added") as change:
        session = change.session
        missing = [f for f in kind.fields if f.required and values.get(f.name) in (None, "")]
        if missing:
            raise BadValueError(field=Term(missing[0].label), value="''", reason=terms.EMPTY)
        refuse_taken(session, kind.model, code, kind.what)
        given = {k: v for k, v in values.items() if v is not None}
        stored = _stored_values(session, kind, given)
        for field in kind.fields:
            if field.name not in given and field.default is not None:
                stored.setdefault(field.name, field.default)
        session.add(kind.model(**stored))
        if kind.key in DATED:
            first_versions(session)
        change.details["values"] = {name: _shown(value) for name, value in _by_code(stored, given)}
    return code


def _by_code(stored: dict[str, Any], given: dict[str, Any]) -> list[tuple[str, Any]]:
    """The stored values as the audit entry carries them: a reference by the code it was
    given (the head office knows records by code, not by this store's ids)."""
    return [
        (name.removesuffix("_id"), given[name.removesuffix("_id")])
        if name.endswith("_id") and name.removesuffix("_id") in given
        else (name, value)
        for name, value in stored.items()
    ]


def update_record(
    database: Database,
    by: OperatorSession,
    kind_key: str,
    code: str,
    values: dict[str, Any],
    effective_from: datetime | None = None,
) -> datetime | None:
    """Change the given fields of the record ``code`` (its code stays). The dated terms of a
    charge item or customer type (:data:`DATED`) change from ``effective_from`` (the
    utility's local time; None: now) as a new version; the moment they take effect, or None
    when none of them changed."""
    kind = kind_of(kind_key)
    code = code.strip().upper()
    with changing(database, by, kind.permission, f"{kind.key}:{code}", "changed") as change:
        record: Any = by_code(change.session, kind.model, code, kind.what)
        stored = _stored_values(
            change.session, kind, {k: v for k, v in values.items() if k != "code"}
        )
        before = {name: getattr(record, name) for name in stored}
        dated_from = None
        if kind.key in DATED:
            dated = {name: stored[name] for name in DATED[kind.key] if name in stored}
            dated_from = date_change(
                change.session, record, kind.what, dated, effective_from,
                local_now(change.session),
            )  # fmt: skip
            # The columns now mirror the newest version, whatever was asked from when.
            stored = {name: v for name, v in stored.items() if name not in dated}
            if dated_from is not None:
                change.details["effective_from"] = dated_from
        # A reference as the audit entry carries it: by code (the head office's key).
        shown_before = {
            name: getattr(record, name.removesuffix("_id")).code if name.endswith("_id")
            else _shown(value)
            for name, value in before.items()
        }  # fmt: skip
        for name, value in stored.items():
            setattr(record, name, value)
        change.details["values"] = {
            shown: [shown_before[name], _shown(after)]
            for (name, value), (shown, after) in zip(
                stored.items(), _by_code(stored, values), strict=True
            )
            if before[name] != value
        }
        if dated_from is not None:
            change.details["values"].update(
                {
                    name: [_shown(before[name]), _shown(value)]
                    for name, value in dated.items()
                    if before[name] != value
                }
            )
    return dated_from


def delete_record(database: Database, by: OperatorSession, kind_key: str, code: str) -> None:
    """Delete the record ``code``; refused while anything still uses it."""
    kind = kind_of(kind_key)
    code = code.strip().upper()
    with changing(database, by, kind.permission, f"{kind.key}:{code}", "deleted") as change:
        session = change.session
        record: Any = by_code(session, kind.model, code, kind.what)
        for use in kind.uses:
            column = getattr(use.model, use.column)
            count = session.scalar(
                select(func.count()).select_from(use.model).where(column == record.id)
            )
            refuse_in_use(kind.what, code, int(count or 0), use.users)
        session.delete(record)


def _shown(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return stored_value(value)
    if isinstance(value, (Decimal, bool, int, date, datetime)) or value is None:
        return value
    return str(value)


def list_records(session: Session, kind_key: str, search: str = "") -> list[dict[str, Any]]:
    """Every record of ``kind_key`` by code, as plain values (a reference as its code);
    ``search`` keeps those whose code or name contains it (letter case ignored). A charge
    item's or customer type's dated terms are those in force now, and ``scheduled`` lists
    the later versions, each its start and the terms it changes."""
    kind = kind_of(kind_key)
    model: Any = kind.model
    query = select(model).order_by(model.code)
    if search:
        pattern = f"%{search}%"
        query = query.where(or_(model.code.ilike(pattern), model.name.ilike(pattern)))
    # A dated kind's list shows the terms that price a sale now, and what is scheduled
    # (decision BO-29); the record's columns hold the terms as last set.
    dated = terms_in_force(session, model, local_now(session)) if kind.key in DATED else None
    rows = []
    for record in session.scalars(query):
        row: dict[str, Any] = {}
        for field in kind.fields:
            if field.field_type is FieldType.REFERENCE:
                target = getattr(record, field.name)
                row[field.name] = target.code if target is not None else None
            else:
                row[field.name] = _shown(getattr(record, field.name))
        if dated is not None:
            current, later = dated.get(record.id, ({}, []))
            row.update({name: _shown(value) for name, value in current.items()})
            row["scheduled"] = [
                {name: _shown(value) for name, value in version.items()} for version in later
            ]
        rows.append(row)
    return rows


def read_records(database: Database, kind_key: str, search: str = "") -> list[dict[str, Any]]:
    """:func:`list_records` in a reading transaction of its own (for a window's worker)."""
    with database.reading() as session:
        return list_records(session, kind_key, search)


def reference_codes(database: Database, kind_key: str) -> dict[str, list[str]]:
    """For each reference field of ``kind_key``, the codes it may point at (an editor's
    choices)."""
    kind = kind_of(kind_key)
    found: dict[str, list[str]] = {}
    with database.reading() as session:
        for field in kind.fields:
            if field.field_type is FieldType.REFERENCE:
                model: Any = field.reference
                found[field.name] = list(session.scalars(select(model.code).order_by(model.code)))
    return found


def dated_history(database: Database, kind_key: str, code: str) -> list[dict[str, Any]]:
    """Every dated version of the charge item or customer type ``code``, oldest first, each
    with its values and whether it is the one in force now (decision BO-23)."""
    kind = kind_of(kind_key)
    if kind.key not in DATED:
        raise UnknownRecordKindError(kind_key)
    with database.reading() as session:
        record: Any = by_code(session, kind.model, code.strip().upper(), kind.what)
        return [
            {name: _shown(value) for name, value in version.items()}
            for version in history(session, record, local_now(session))
        ]
