"""A token operation on paper: its voucher (one meter) and the plain list of a batch.

The voucher is laid out by ``resources/printer/engineering-voucher.json`` (no money; what the
token does; its tokens in the order the meter takes them) on the counter's printer, the same
machinery as a sale's voucher (``starpos.devices.printer``). Every print is counted on the
row and audited; a failed print changes nothing. The batch list is plain text, one meter a
line, for the engineer who takes the tokens to the meters.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

from PIL import Image
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.models import Operator, SalesPoint, TokenOperation, TokenReplacementDue
from starpos.db.parameters import system_parameters
from starpos.devices.printer import (
    CREDIT_TOKEN,
    ENGINEERING_TOKEN,
    KEY_CHANGE_TOKEN_1,
    KEY_CHANGE_TOKEN_2,
    TokenSection,
    Voucher,
)
from starpos.devices.printer.template import Template, load_template
from starpos.devices.printer.voucher import group_token
from starpos.i18n import current_language, tr_noop, translate
from starpos.operators.session import OperatorSession
from starpos.paths import resources_dir
from starpos.tokenops import errors, kinds
from starpos.tokenops.report import batch_rows, operation_row

TEST_TOKEN = tr_noop("voucher", "Test token")
ZERO_TOKEN = tr_noop("voucher", "Zero-energy token")
KEY_CHANGE_OF_4 = (
    tr_noop("voucher", "Key change token 1 of 4"),
    tr_noop("voucher", "Key change token 2 of 4"),
    tr_noop("voucher", "Key change token 3 of 4"),
    tr_noop("voucher", "Key change token 4 of 4"),
)
REPLACEMENT_FOR = tr_noop("tokenops", "Replacement for bill {bill}")
ENTER_IN_ORDER = tr_noop("tokenops", "Enter the tokens in the order printed.")
LIST_TITLE = tr_noop("tokenops", "Token batch {batch}")
LIST_HEADER = tr_noop(
    "tokenops", "{kind} - {count} meters: {issued} issued, {failed} failed, {waiting} waiting"
)
TEMPLATE_FILE = "engineering-voucher.json"
#: A TID collision's replacement is a credit token, not an engineering one: its own title.
REPLACEMENT_TEMPLATE_FILE = "replacement-token-voucher.json"


class OperationPrinter(Protocol):
    """The counter's printer (``starpos.bootstrap.printer.ConfiguredPrinter``)."""

    @property
    def header_lines(self) -> tuple[str, ...]: ...

    @property
    def footer_lines(self) -> tuple[str, ...]: ...

    def print(self, voucher: Voucher, template: Template | None = None) -> object: ...

    def preview(self, voucher: Voucher, template: Template | None = None) -> Image.Image: ...


def engineering_template() -> Template:
    return load_template(resources_dir() / "printer" / TEMPLATE_FILE)


def operation_template(kind: Kind) -> Template:
    """The layout a row of ``kind`` prints with."""
    if kind is Kind.TID_REPLACEMENT:
        return load_template(resources_dir() / "printer" / REPLACEMENT_TEMPLATE_FILE)
    return engineering_template()


def describe(record: dict[str, Any], language: str | None = None) -> str:
    """What a row's token does, as a person reads it: "Set maximum power limit: 5000 W"."""
    kind = Kind(record["kind"])
    label = translate("tokenops", kinds.LABELS[kind], language)
    value = f"{record['value']} {record['unit']}".strip()
    return f"{label}: {value}" if value else label


def _sections(kind: Kind, tokens: list[str]) -> tuple[TokenSection, ...]:
    labels: tuple[str, ...]
    if kind is Kind.KEY_CHANGE:
        labels = (KEY_CHANGE_TOKEN_1, KEY_CHANGE_TOKEN_2) if len(tokens) == 2 else KEY_CHANGE_OF_4
    else:
        label = {
            Kind.FREE_CREDIT: CREDIT_TOKEN,
            Kind.REMAINDER_CREDIT: CREDIT_TOKEN,
            Kind.TID_REPLACEMENT: CREDIT_TOKEN,
            Kind.TEST: TEST_TOKEN,
            Kind.TOKEN_CANCEL: ZERO_TOKEN,
        }.get(kind, ENGINEERING_TOKEN)
        labels = (label,)
    return tuple(TokenSection(label, token) for label, token in zip(labels, tokens, strict=True))


def operation_voucher(
    session: Session, batch_id: str, position: int, printer: OperationPrinter, reprint: bool
) -> Voucher:
    """The voucher of one ISSUED row, from the store as it was recorded."""
    record = operation_row(session, batch_id, position)
    if record["state"] != State.ISSUED.value:
        raise errors.NotIssuedError(
            meter=record["meter"], batch=batch_id, position=position, state=record["state"]
        )
    parameters = system_parameters(session)
    language = current_language()
    kind = Kind(record["kind"])
    details = [describe(record, language)]
    if len(record["tokens"]) > 1:
        details.append(translate("tokenops", ENTER_IN_ORDER, language))
    if kind is Kind.TID_REPLACEMENT:
        details.append(_replacement_line(session, batch_id, position, language))
    meter = _meter_key(session, batch_id, position)
    customer_code, _, customer_name = record["customer"].partition(" ")
    return Voucher(
        company=parameters.company_name,
        tax_reference=parameters.tax_reference,
        sales_point=_sales_point(session, record["operator"]),
        bill_number=f"{batch_id[:8]}-{position}",
        date_time=record["date"],
        operator=record["operator"],
        customer_name=customer_name,
        customer_number=customer_code,
        meter_number=record["meter"],
        tariff_name="",
        energy_kwh=record["energy_kwh"],
        amount_lines=(),
        net_amount=Decimal(0),
        payment_method="",
        paid=Decimal(0),
        change=Decimal(0),
        tokens=_sections(kind, record["tokens"]),
        currency=parameters.currency,
        sgc=meter.sgc,
        krn=str(meter.krn),
        ti=f"{meter.ti:02d}",
        header_lines=printer.header_lines,
        footer_lines=printer.footer_lines,
        detail_lines=tuple(details),
        reprint=reprint,
        cash_sale=False,
        language=language,
    )


def _replacement_line(session: Session, batch_id: str, position: int, language: str) -> str:
    """The line "Replacement for bill N": the sale whose token collided (SYN-51)."""
    bill = session.scalar(
        select(TokenReplacementDue.bill_number)
        .join(TokenOperation, TokenOperation.request_id == TokenReplacementDue.replacement)
        .where(TokenOperation.batch_id == batch_id, TokenOperation.position == position)
    )
    return translate("tokenops", REPLACEMENT_FOR, language).format(bill=bill or "-")


def _meter_key(session: Session, batch_id: str, position: int) -> Any:
    operation = session.scalars(
        select(TokenOperation).where(
            TokenOperation.batch_id == batch_id, TokenOperation.position == position
        )
    ).one()
    return operation.meter


def _sales_point(session: Session, operator_code: str) -> str:
    point = session.scalars(
        select(SalesPoint)
        .join(Operator, Operator.sales_point_id == SalesPoint.id)
        .where(Operator.code == operator_code)
    ).first()
    return f"{point.code} {point.name}" if point else ""


def print_operation(
    database: Database,
    printer: OperationPrinter,
    operator: OperatorSession,
    batch_id: str,
    position: int,
) -> int:
    """Print the voucher of one ISSUED row (REPRINT from the second time on); its print count.

    Blocking printer I/O (a window runs it off its GUI thread). A failed print raises the
    printer's error and records nothing.
    """
    with database.reading() as session:
        kind = Kind(operation_row(session, batch_id, position)["kind"])
        operator.require(kinds.PERMISSION[kind])
        printed = session.scalar(
            select(TokenOperation.print_count).where(
                TokenOperation.batch_id == batch_id, TokenOperation.position == position
            )
        )
        voucher = operation_voucher(session, batch_id, position, printer, bool(printed))
    printer.print(voucher, operation_template(kind))
    return record_print(database, operator, batch_id, position)


def preview_operation(
    database: Database, printer: OperationPrinter, batch_id: str, position: int
) -> Image.Image:
    """The voucher of one ISSUED row as the paper will show it (nothing recorded)."""
    with database.reading() as session:
        kind = Kind(operation_row(session, batch_id, position)["kind"])
        voucher = operation_voucher(session, batch_id, position, printer, False)
    return printer.preview(voucher, operation_template(kind))


def record_print(
    database: Database, operator: OperatorSession, batch_id: str, position: int
) -> int:
    """Count one print of a row's voucher and audit it; the new print count."""
    with database.unit_of_work() as uow:
        row = uow.session.execute(
            update(TokenOperation)
            .where(TokenOperation.batch_id == batch_id, TokenOperation.position == position)
            .values(print_count=TokenOperation.print_count + 1)
            .returning(TokenOperation.request_id, TokenOperation.print_count)
        ).one()
        append(
            uow.session,
            AuditKind.TOKEN_OPERATION,
            subject=f"token_operation:{row.request_id}",
            details={"step": "printed", "print_count": row.print_count},
            actor=operator.actor,
        )
        uow.commit()
        return int(row.print_count)


def batch_list(session: Session, batch_id: str, language: str | None = None) -> str:
    """The batch as plain text: what it does, then each meter with its state and tokens."""
    rows = batch_rows(session, batch_id)
    states = [row["state"] for row in rows]
    first = rows[0]
    title = translate("tokenops", LIST_TITLE, language).format(batch=batch_id)
    header = translate("tokenops", LIST_HEADER, language).format(
        kind=describe(first, language) if first["kind"] != Kind.KEY_CHANGE.value
        else translate("tokenops", kinds.LABELS[Kind.KEY_CHANGE], language),
        count=len(rows),
        issued=states.count(State.ISSUED.value),
        failed=states.count(State.FAILED.value),
        waiting=len(rows) - states.count(State.ISSUED.value) - states.count(State.FAILED.value),
    )  # fmt: skip
    lines = [title, header, f"{first['operator']}  {first['date']}", ""]
    for row in rows:
        tokens = "  ".join(" ".join(group_token(token)) for token in row["tokens"])
        shown = tokens or row["failure_reason"] or ""
        state = translate("tokenops", kinds.STATE_LABELS[State(row["state"])], language)
        lines.append(f"{row['position']:>6}  {row['meter']:<13}  {state}  {shown}")
    return "\n".join(lines) + "\n"
