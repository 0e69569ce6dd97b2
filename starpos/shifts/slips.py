"""The X, the Z and the cash movement slips as rows a person reads
(:class:`~starpos.devices.printer.slip.Slip`): one builder for the paper, the screen and the
PDF, so all three show the same figures (issue 13's proof).

Both reports are built from the same plain figures (:meth:`ShiftTotals.as_dict`, which is
what a Z keeps as its body), so an X printed just before the close and the Z agree line by
line. The X shows the expected cash only when ``show_expected`` (a supervisor's X): the
cashier's count stays blind (decision SHF-5).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from starpos.audit.log import canonical_json
from starpos.db.enums import CashMovementKind
from starpos.devices.printer.slip import Slip, SlipRow, heading, pair, rule, text
from starpos.i18n import tr_noop, translate
from starpos.shifts.cash import LABELS as MOVEMENT_LABELS
from starpos.shifts.cash import Movement
from starpos.shifts.totals import ShiftTotals
from starpos.shifts.zreport import ZInfo

CONTEXT = "shifts"
L = {
    "x_title": tr_noop(CONTEXT, "X REPORT"),
    "x_banner": tr_noop(CONTEXT, "NOT A CLOSE"),
    "z_title": tr_noop(CONTEXT, "Z REPORT No. {number}"),
    "z_correction": tr_noop(CONTEXT, "Z CORRECTION No. {number} (corrects Z {corrects})"),
    "duplicate": tr_noop(CONTEXT, "DUPLICATE"),
    "till": tr_noop(CONTEXT, "Till {till}"),
    # A till without a terminal is stored as "@" and its sales point's code (SHF-17).
    "point_till": tr_noop(CONTEXT, "{sales_point} (no terminal)"),
    "shift": tr_noop(CONTEXT, "Shift"),
    "cashier": tr_noop(CONTEXT, "Cashier"),
    "supervisor": tr_noop(CONTEXT, "Closed by"),
    "sales_point": tr_noop(CONTEXT, "Sales point"),
    "opened": tr_noop(CONTEXT, "Opened"),
    "ended": tr_noop(CONTEXT, "Counted"),
    "closed": tr_noop(CONTEXT, "Closed"),
    "by_payment": tr_noop(CONTEXT, "Sales by payment method"),
    "sales": tr_noop(CONTEXT, "Sales"),
    "net": tr_noop(CONTEXT, "Net sales"),
    "energy": tr_noop(CONTEXT, "Energy sold (kWh)"),
    "tokens": tr_noop(CONTEXT, "Tokens issued"),
    "card_sales": tr_noop(CONTEXT, "Smart card sales ({count})"),
    "cancels": tr_noop(CONTEXT, "Cancels and refunds ({count})"),
    "cancelled_sales": tr_noop(CONTEXT, "Cancelled sales"),
    "cancel_charges": tr_noop(CONTEXT, "Cancel charges kept"),
    "energy_voided": tr_noop(CONTEXT, "Energy voided (kWh)"),
    "cash_refunds": tr_noop(CONTEXT, "Refunded in cash"),
    "failed": tr_noop(CONTEXT, "Failed sales (no credit)"),
    "charges": tr_noop(CONTEXT, "Bill charges paid by {payment} ({count})"),
    "cash": tr_noop(CONTEXT, "Cash drawer"),
    "float": tr_noop(CONTEXT, "Opening float"),
    "expected_cash": tr_noop(CONTEXT, "Expected cash in drawer"),
    "count": tr_noop(CONTEXT, "Count"),
    "expected": tr_noop(CONTEXT, "expected"),
    "counted": tr_noop(CONTEXT, "counted"),
    "variance": tr_noop(CONTEXT, "variance"),
    "total_variance": tr_noop(CONTEXT, "Total variance"),
    "reason": tr_noop(CONTEXT, "Reason"),
    "grand": tr_noop(CONTEXT, "Grand totals of the till (never reset)"),
    "grand_net": tr_noop(CONTEXT, "Net sales"),
    "grand_kwh": tr_noop(CONTEXT, "Energy (kWh)"),
    "grand_sales": tr_noop(CONTEXT, "Sales"),
    "chain": tr_noop(CONTEXT, "Audit chain at the close: entry {entry}"),
    "z_hash": tr_noop(CONTEXT, "Z hash"),
    "previous": tr_noop(CONTEXT, "Previous Z"),
    "made": tr_noop(CONTEXT, "Made"),
    "amount": tr_noop(CONTEXT, "Amount"),
    "by": tr_noop(CONTEXT, "Operator"),
    "at": tr_noop(CONTEXT, "Time"),
    "signature": tr_noop(CONTEXT, "Signature: ____________________"),
}


def _t(key: str, language: str | None) -> str:
    return translate(CONTEXT, L[key], language)


def plain(value: Mapping[str, Any]) -> dict[str, Any]:
    """Figures as a Z keeps them (Decimals and times as text)."""
    result: dict[str, Any] = json.loads(canonical_json(value))
    return result


def moment(text: object) -> str:
    """An ISO time as the paper shows it: ``2026-12-02 08:37 UTC``."""
    if not text:
        return "-"
    return f"{str(text)[:16].replace('T', ' ')} UTC"


def _figures(
    body: Mapping[str, Any], currency: str, language: str | None, show_expected: bool
) -> list[SlipRow]:
    shift = body["shift"]
    rows = [
        pair(_t("shift", language), f"{shift['shift']}"),
        pair(_t("cashier", language), shift["operator"]),
        pair(_t("sales_point", language), shift["sales_point"]),
        pair(_t("opened", language), moment(shift["opened_at"])),
    ]
    if shift.get("ended_at"):
        rows.append(pair(_t("ended", language), moment(shift["ended_at"])))
    if shift.get("closed_at"):
        rows.append(pair(_t("closed", language), moment(shift["closed_at"])))
        rows.append(pair(_t("supervisor", language), shift["closed_by"]))
    rows += [rule(), heading(f"{_t('by_payment', language)} ({currency})")]
    for line in body["payments"]:
        rows.append(pair(f"{line['name']} ({line['count']})", line["net"]))
    card, cancels = body["card_sales"], body["cancels"]
    rows += [
        rule(),
        pair(_t("sales", language), body["sales_count"]),
        pair(_t("net", language), body["sales_net"], bold=True),
        pair(_t("energy", language), body["energy_kwh"]),
        pair(_t("tokens", language), body["tokens_issued"]),
        pair(_t("card_sales", language).format(count=card["count"]), card["net"]),
        *_cancel_rows(cancels, language),
        *_charge_rows(body.get("charges", ()), language),
        pair(_t("failed", language), body["failed_count"]),
        rule(),
        heading(_t("cash", language)),
        pair(_t("float", language), shift["opening_float"]),
    ]
    if Decimal(cancels.get("cash_refund", 0)):
        rows.append(pair(_t("cash_refunds", language), f"-{cancels['cash_refund']}"))
    for movement in body["movements"]:
        label = translate(CONTEXT, MOVEMENT_LABELS[CashMovementKind(movement["kind"])], language)
        rows.append(pair(f"{label} ({movement['count']})", movement["total"]))
    # A Z made before the body named its cash method: the cash sales' line names it.
    cash = body.get("cash_payment") or next(
        (line["payment"] for line in body["payments"] if line["cash"]), None
    )
    if show_expected:
        expected = body["expected"].get(cash or "", None)
        if expected is None:
            expected = next(iter(body["expected"].values()), "0")
        rows.append(pair(_t("expected_cash", language), expected, bold=True))
    return rows


def _cancel_rows(cancels: Mapping[str, Any], language: str | None) -> list[SlipRow]:
    """The shift's token cancels: what was paid back, what the cancelled sales took, the
    charges kept and the energy voided (SHF-08)."""
    title = _t("cancels", language).format(count=cancels["count"])
    if "refund" not in cancels:  # a Z made before SHF-08 kept only the cancelled sales' net
        return [pair(title, cancels["net"])]
    if not cancels["count"]:
        return [pair(title, cancels["refund"])]
    return [
        pair(title, cancels["refund"]),
        pair(f"  {_t('cancelled_sales', language)}", cancels["amount"]),
        pair(f"  {_t('cancel_charges', language)}", cancels["charge"]),
        pair(f"  {_t('energy_voided', language)}", cancels["energy_kwh"]),
    ]


def _charge_rows(charges: Any, language: str | None) -> list[SlipRow]:
    """Replacement and registration charges taken by a method other than cash, one line a
    method (TOK-30): they are in that method's expected amount, and the paper says why. Cash
    charges are the drawer's paid-ins, listed with the movements; a Z made before TOK-25 has
    none."""
    return [
        pair(
            _t("charges", language).format(payment=line["payment"], count=line["count"]),
            line["total"],
        )
        for line in charges
    ]


def till_label(till: str, language: str | None = None) -> str:
    """``till`` as a person reads it: a terminal's code as it is; a sales point's own till
    (stored ``@`` and its code) named by its sales point (decision SHF-17)."""
    if till.startswith("@"):
        return _t("point_till", language).format(sales_point=till[1:])
    return till


def _till_line(till: str, language: str | None) -> str:
    return _t("till", language).format(till=till_label(till, language))


def x_slip(
    totals: ShiftTotals,
    company: str,
    *,
    show_expected: bool,
    language: str | None = None,
) -> Slip:
    title = (company, _t("x_title", language), _till_line(totals.shift.till, language))
    rows = _figures(plain(totals.as_dict()), totals.currency, language, show_expected)
    return Slip(title, tuple(rows), banner=_t("x_banner", language))


def z_slip(z: ZInfo, company: str, *, duplicate: bool, language: str | None = None) -> Slip:
    if z.corrects is not None:
        name = _t("z_correction", language).format(number=z.number, corrects=z.corrects)
    else:
        name = _t("z_title", language).format(number=z.number)
    title = (company, name, _till_line(z.till, language))
    banner = _t("duplicate", language) if duplicate else ""
    body = z.body
    rows: list[SlipRow] = []
    if "shift" in body:
        rows += _figures(body, body.get("currency", ""), language, True)
    rows += [rule(), heading(_t("count", language))]
    counts = body.get("counts", [])
    if isinstance(counts, dict):  # a correction: {payment: {...}}
        counts = [{"payment": k, **v} for k, v in counts.items()]
    for line in counts:
        rows.append(text(line["payment"]))
        rows.append(pair(f"  {_t('expected', language)}", line["expected"]))
        rows.append(pair(f"  {_t('counted', language)}", line["counted"]))
        rows.append(pair(f"  {_t('variance', language)}", line["variance"], bold=True))
    if "variance" in body:
        rows.append(pair(_t("total_variance", language), body["variance"], bold=True))
    if body.get("reason"):
        rows.append(pair(_t("reason", language), body["reason"]))
    rows += [
        rule(),
        heading(_t("grand", language)),
        pair(_t("grand_sales", language), z.grand_sales),
        pair(_t("grand_net", language), z.grand_net),
        pair(_t("grand_kwh", language), z.grand_kwh),
        rule(),
        pair(_t("made", language), moment(z.made_at.isoformat())),
        text(_t("chain", language).format(entry=z.audit_head_id)),
        text(z.audit_head_hash),
        text(_t("z_hash", language)),
        text(z.z_hash),
        text(_t("previous", language)),
        text(z.previous_hash),
    ]
    return Slip(title, tuple(rows), banner=banner)


def movement_slip(movement: Movement, company: str, language: str | None = None) -> Slip:
    label = translate(CONTEXT, MOVEMENT_LABELS[movement.kind], language)
    rows = [
        pair(_t("amount", language), movement.amount, bold=True),
        pair(_t("reason", language), movement.reason),
        pair(_t("shift", language), movement.shift_id),
        pair(_t("by", language), movement.operator),
        pair(_t("at", language), moment(movement.at.isoformat())),
        rule(),
        text(_t("signature", language)),
    ]
    title = (company, label, _till_line(movement.till, language))
    return Slip(title, tuple(rows), kick=True)


MESSAGES = tuple(L.values())
