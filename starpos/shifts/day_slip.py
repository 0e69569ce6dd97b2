"""The day close as rows a person reads (:class:`~starpos.devices.printer.slip.Slip`): the
day's totals per till and per operator and the module's credit used against the energy
sold, for the screen and the paper alike (decision SHF-16). A preview (the day not closed
yet) says so in its banner and names the shifts still open; a print of a closed day after
its first says DUPLICATE (decision SHF-21)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from starpos.devices.printer.slip import Slip, SlipRow, heading, pair, rule, text
from starpos.i18n import tr_noop, translate
from starpos.shifts.slips import till_label

CONTEXT = "shifts"
L = {
    "title": tr_noop(CONTEXT, "DAY CLOSE"),
    "preview": tr_noop(CONTEXT, "NOT CLOSED YET"),
    "duplicate": tr_noop(CONTEXT, "DUPLICATE"),
    "place": tr_noop(CONTEXT, "Sales point {sales_point}, {date}"),
    "shifts": tr_noop(CONTEXT, "Shifts closed"),
    # Whole sentences: the till may carry its own brackets ("SP01 (no terminal)").
    "open": tr_noop(CONTEXT, "Not closed: shift {shift} of {cashier} on {till}, still open"),
    "ended": tr_noop(
        CONTEXT, "Not closed: shift {shift} of {cashier} on {till}, counted but not closed"
    ),
    "per_till": tr_noop(CONTEXT, "Per till"),
    "per_operator": tr_noop(CONTEXT, "Per operator"),
    "zs": tr_noop(CONTEXT, "{name}: Z {numbers}"),
    "sales": tr_noop(CONTEXT, "Sales"),
    "net": tr_noop(CONTEXT, "Net sales"),
    "kwh": tr_noop(CONTEXT, "Energy (kWh)"),
    "refund": tr_noop(CONTEXT, "Cancels ({count}), refunded"),
    "energy": tr_noop(CONTEXT, "Energy and the secure module"),
    "sold": tr_noop(CONTEXT, "Energy sold (kWh)"),
    "module": tr_noop(CONTEXT, "Module credit used (kWh)"),
    "not_module": tr_noop(CONTEXT, "Sold without module credit (kWh)"),
    "closed": tr_noop(CONTEXT, "Closed {at} by {operator}"),
}


def _t(key: str, language: str | None) -> str:
    return translate(CONTEXT, L[key], language)


def _lines(title: str, table: Mapping[str, Any], language: str | None) -> list[SlipRow]:
    rows: list[SlipRow] = [rule(), heading(_t(title, language))]
    for name, line in sorted(table.items()):
        numbers = ", ".join(str(number) for number in line["z"])
        shown = till_label(name, language) if title == "per_till" else name
        rows += [
            text(_t("zs", language).format(name=shown, numbers=numbers)),
            # Indented under their till or operator, as the Z's count lines are.
            pair(f"  {_t('sales', language)}", line["sales"]),
            pair(f"  {_t('net', language)}", line["net"], bold=True),
            pair(f"  {_t('kwh', language)}", line["kwh"]),
            pair(f"  {_t('refund', language).format(count=line['cancels'])}", line["refund"]),
        ]
    return rows


def day_slip(
    sales_point: str,
    day: date,
    body: Mapping[str, Any],
    company: str,
    *,
    unclosed: tuple[tuple[int, str, str, str], ...] = (),
    preview: bool = False,
    duplicate: bool = False,
    closed: tuple[str, str] | None = None,
    language: str | None = None,
) -> Slip:
    """``unclosed``: (shift, till, cashier, state) of the shifts that keep the day open;
    ``closed``: when (as the slips show a moment) and by whom a closed day was closed."""
    place = _t("place", language).format(sales_point=sales_point, date=day.isoformat())
    rows: list[SlipRow] = []
    if closed is not None:
        rows.append(text(_t("closed", language).format(at=closed[0], operator=closed[1])))
    rows.append(pair(_t("shifts", language), body["shifts"]))
    for shift, till, cashier, state in unclosed:
        sentence = _t("open" if state == "open" else "ended", language)
        rows.append(
            text(sentence.format(shift=shift, cashier=cashier, till=till_label(till, language)))
        )
    rows += _lines("per_till", body["tills"], language)
    rows += _lines("per_operator", body["operators"], language)
    rows += [
        rule(),
        heading(_t("energy", language)),
        pair(_t("sold", language), body["energy_sold_kwh"]),
        pair(_t("module", language), body["module_credit_used_kwh"]),
        pair(_t("not_module", language), body["energy_not_from_module_kwh"], bold=True),
    ]
    banner = _t("preview", language) if preview else _t("duplicate", language) if duplicate else ""
    return Slip((company, _t("title", language), place), tuple(rows), banner=banner)


MESSAGES = tuple(L.values())
