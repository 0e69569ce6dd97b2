"""Load ``resources/demo/master_data.json`` (or a file of the same shape) into the store."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import models as m
from starpos.db.enums import NumberFieldKind, NumberReset, TariffKind
from starpos.masterdata.dated_terms import first_versions
from starpos.operators.passwords import hash_password
from starpos.paths import resources_dir


def demo_file(name: str) -> Path:
    return resources_dir() / "demo" / name


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _money(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _ids(session: Session, model: Any) -> dict[str, int]:
    return {code: id_ for code, id_ in session.execute(select(model.code, model.id))}


def load_master_data(session: Session, data: dict[str, Any]) -> None:
    system = dict(data["system"])
    system["warn_amount"] = _money(system.get("warn_amount"))
    if "shift_variance_threshold" in system:
        system["shift_variance_threshold"] = _money(system["shift_variance_threshold"])
    system["system_start_date"] = date.fromisoformat(system["system_start_date"])
    session.add(m.SystemParameters(id=1, **system))
    session.add_all(m.RegionLevel(**level) for level in data["region_levels"])
    session.flush()
    for region in data["regions"]:  # parents come first in the file
        parent = region.get("parent")
        session.add(
            m.Region(
                code=region["code"],
                name=region["name"],
                level=region["level"],
                parent_id=_ids(session, m.Region)[parent] if parent else None,
            )
        )
        session.flush()
    regions = _ids(session, m.Region)
    for branch in data["branches"]:
        session.add(
            m.Branch(
                code=branch["code"],
                name=branch["name"],
                address=branch.get("address", ""),
                region_id=regions.get(branch.get("region", "")),
            )
        )
    session.flush()
    branches = _ids(session, m.Branch)
    for point in data["sales_points"]:
        session.add(
            m.SalesPoint(
                code=point["code"],
                name=point["name"],
                branch_id=branches[point["branch"]],
                region_id=regions.get(point.get("region", "")),
                forbid_sales=point.get("forbid_sales", False),
            )
        )
    session.flush()
    points = _ids(session, m.SalesPoint)
    for terminal in data["terminals"]:
        session.add(
            m.Terminal(
                code=terminal["code"],
                name=terminal["name"],
                sales_point_id=points[terminal["sales_point"]],
            )
        )
    # A store given the starting kit (starpos db init, "Start empty") already has some of
    # these: the demo's own replace them (starpos.masterdata.starting_kit).
    kept_terms = set(session.scalars(select(m.PaymentTerm.code)))
    session.add_all(
        m.PaymentTerm(**term) for term in data["payment_terms"] if term["code"] not in kept_terms
    )
    session.add_all(m.Bank(**bank) for bank in data["banks"])
    for model in data["meter_models"]:
        values = dict(model)
        values["preinstalled_amount"] = Decimal(values.get("preinstalled_amount", "0"))
        session.add(m.MeterModel(**values))
    for position, amount in enumerate(data["default_amounts"], start=1):
        session.add(m.DefaultAmount(position=position, amount=Decimal(amount)))
    for item in data["charge_items"]:
        session.add(
            m.ChargeItem(
                code=item["code"],
                name=item["name"],
                method=item["method"],
                amount=_money(item.get("amount")),
                percentage=_money(item.get("percentage")),
                vat_applies=item["vat_applies"],
            )
        )
    session.flush()
    _load_customer_types(session, data["customer_types"])
    first_versions(session)  # the charges' and VAT's dated terms (decision BO-23)
    _load_replacement_reasons(session, data["replacement_reasons"])
    _load_tariffs(session, data["tariffs"])
    _load_roles_and_operators(session, data["roles"], data["operators"])
    _load_numbering(session, data["numbering"])
    session.flush()


def _load_customer_types(session: Session, types: list[dict[str, Any]]) -> None:
    items = _ids(session, m.ChargeItem)
    for spec in types:
        values = {k: v for k, v in spec.items() if k != "charges"}
        for name in (
            "vat_rate",
            "prearrange_amount",
            "repayment_amount",
            "repayment_percentage",
            "fbe_kwh_per_month",
        ):
            if name in values:
                values[name] = Decimal(values[name])
        customer_type = m.CustomerType(**values)
        for occasion, codes in spec["charges"].items():
            for code in codes:
                customer_type.charges.append(
                    m.CustomerTypeCharge(charge_item_id=items[code], occasion=occasion)
                )
        session.add(customer_type)


def _load_replacement_reasons(session: Session, reasons: list[dict[str, Any]]) -> None:
    items = {item.code: item for item in session.scalars(select(m.ChargeItem))}
    for spec in reasons:
        reason = m.ReplacementReason(code=spec["code"], name=spec["name"])
        reason.charge_items = [items[code] for code in spec["charges"]]
        session.add(reason)


def _minutes(text: str) -> int:
    moment = time.fromisoformat(text)
    return moment.hour * 60 + moment.minute


def _load_tariffs(session: Session, tariffs: list[dict[str, Any]]) -> None:
    for spec in tariffs:
        scheme = m.TariffScheme(code=spec["code"], name=spec["name"])
        for version_spec in spec["versions"]:
            kind = TariffKind(version_spec["kind"])
            version = m.TariffVersion(
                effective_from=datetime.fromisoformat(version_spec["effective_from"]),
                kind=kind,
                flat_price=_money(version_spec.get("flat_price")),
            )
            lower = Decimal(0)
            for position, step in enumerate(version_spec.get("steps", []), start=1):
                upper = _money(step["upper_kwh"])
                version.steps.append(
                    m.TariffStep(
                        position=position,
                        lower_kwh=lower,
                        upper_kwh=upper,
                        price=Decimal(step["price"]),
                    )
                )
                lower = upper if upper is not None else lower
            if kind is TariffKind.TOU:
                _load_tou(version, version_spec["tou"])
            scheme.versions.append(version)
        session.add(scheme)


def _load_tou(version: m.TariffVersion, tou: dict[str, Any]) -> None:
    for index, price in enumerate(tou["prices"], start=1):
        version.tou_prices.append(m.TouPrice(tariff_index=index, price=Decimal(price)))
    for number, switches in tou["day_tariffs"].items():
        for start, tariff_index in switches:
            version.tou_day_switches.append(
                m.TouDaySwitch(
                    day_tariff=int(number), start_minute=_minutes(start), tariff_index=tariff_index
                )
            )
    for number, days in tou["week_tariffs"].items():
        for weekday, day_tariff in enumerate(days):
            version.tou_week_days.append(
                m.TouWeekDay(week_tariff=int(number), weekday=weekday, day_tariff=day_tariff)
            )
    for season in tou["seasons"]:
        version.tou_seasons.append(m.TouSeason(**season))
    for holiday in tou["holidays"]:
        version.tou_holidays.append(m.TouHoliday(**holiday))


def _load_roles_and_operators(
    session: Session, roles: list[dict[str, Any]], operators: list[dict[str, Any]]
) -> None:
    by_code: dict[str, m.Role] = {}
    for spec in roles:
        role = m.Role(code=spec["code"], name=spec["name"], kind=spec["kind"])
        role.permissions = [m.RolePermission(permission=p) for p in spec["permissions"]]
        session.add(role)
        by_code[role.code] = role
    session.flush()
    points = _ids(session, m.SalesPoint)
    hashes: dict[str, str] = {}  # one argon2 run per distinct demo password
    for spec in operators:
        password = spec["password"]
        hashes.setdefault(password, hash_password(password))
        operator = session.scalars(
            select(m.Operator).where(m.Operator.code == spec["code"])
        ).first()
        if operator is None:  # else the starting kit's STAR, who keeps their password
            operator = m.Operator(
                code=spec["code"],
                password_hash=hashes[password],
                must_change_password=spec.get("must_change_password", False),
            )
            session.add(operator)
        operator.name = spec["name"]
        operator.is_superuser = spec.get("superuser", False)
        operator.sales_point_id = points[spec["sales_point"]]
        operator.forbid_login = spec.get("forbid_login", False)
        operator.may_login_other_sales_points = spec.get("other_sales_points", False)
        operator.roles = [by_code[code] for code in spec["roles"]]


def _load_numbering(session: Session, rules: list[dict[str, Any]]) -> None:
    for spec in rules:
        kept = session.get(m.NumberingRule, spec["bill_type"])
        if kept is not None:
            session.delete(kept)
            session.flush()
        rule = m.NumberingRule(
            bill_type=spec["bill_type"],
            serial_digits=spec["serial_digits"],
            start_number=spec.get("start_number", 1),
            reset=NumberReset(spec["reset"]),
        )
        for position, (kind, value) in enumerate(spec["fields"], start=1):
            rule.fields.append(
                m.NumberingField(
                    position=position,
                    kind=NumberFieldKind(kind),
                    fixed_text=value if isinstance(value, str) else "",
                    length=value if isinstance(value, int) else None,
                )
            )
        session.add(rule)
