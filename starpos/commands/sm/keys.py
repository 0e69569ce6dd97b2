"""``starpos sm keys [--json] [--today DATE]``: the module's key registry with the
warnings ahead of expiry (STS202-6; ``sm.key_warning_days`` days before).

Exit 0 when every key is good, 3 when one is due or expired (so a daily check can alert).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from starpos.commands._output import print_json, whole
from starpos.i18n import tr_noop, translate

NO_KEYS = tr_noop("sm", "The module holds no keys: load the KMF file from the utility.")
WARNING = tr_noop(
    "sm", "Key in register {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left."
)
EXPIRED = tr_noop(
    "sm", "Key in register {register} (SGC {sgc}, KRN {krn}) expired on {day}: load its new KMF."
)
HEADER = tr_noop(
    "sm", "Reg  SGC     KRN  KT  KEN  Base  Algorithm      Activation  Issued until  Expires"
)
#: After a key whose supply group has a newer key loaded (INS-21).
OLD_KEY = tr_noop("sm", "old: KRN {krn} is current")
TODAY_FORMAT = tr_noop("sm", "The date {value} is not a date such as 2026-12-31.")
MESSAGES = (NO_KEYS, WARNING, EXPIRED, HEADER, OLD_KEY, TODAY_FORMAT)


def register(actions: Any) -> None:
    keys = actions.add_parser("keys", help="the key registry and the expiry warnings")
    keys.add_argument("--url", help="port path or pyserial URL (default: setting sm.url)")
    keys.add_argument("--baud", type=whole(50, 4_000_000), help="default: setting sm.baud")
    keys.add_argument("--timeout-ms", type=whole(1, 600_000), help="default: setting")
    keys.add_argument("--warn-days", type=whole(1, 365), help="default: sm.key_warning_days")
    keys.add_argument("--today", type=_day, help="check as if it were this day (YYYY-MM-DD)")
    keys.add_argument("--json", action="store_true", help="print JSON")
    keys.set_defaults(handler=_keys)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("sm", TODAY_FORMAT).format(value=text[:20])
        ) from None


def _keys(args: argparse.Namespace) -> int:
    from starpos.commands.sm.common import open_module
    from starpos.module_admin.key_standing import Standing, key_standings, warnings
    from starpos.settings import Settings

    warn_days = args.warn_days or int(Settings().get("sm.key_warning_days"))
    today = args.today or date.today()
    with open_module(args) as module:
        identity = module.identify()
        registry = module.key_registry()
    standings = key_standings(registry, today, warn_days)
    alerts = warnings(standings)
    lines = [
        translate("sm", EXPIRED if s.standing is Standing.EXPIRED else WARNING).format(
            register=s.info.register,
            sgc=s.info.sgc,
            krn=s.info.krn,
            day=s.expires_on.isoformat(),
            days=s.days_left,
        )
        for s in alerts
    ]
    if args.json:
        print_json(
            {
                "module_id": identity.module_id,
                "kmc_public_key": registry.kmc_public_key_hex,
                "today": today.isoformat(),
                "warn_days": warn_days,
                "keys": [s.to_json() for s in standings],
                "warnings": lines,
            }
        )
    else:
        if not standings:
            print(translate("sm", NO_KEYS))
        else:
            print(translate("sm", HEADER))
            for s in standings:
                i = s.info
                old = (
                    "  " + translate("sm", OLD_KEY).format(krn=s.superseded_by)
                    if s.superseded_by is not None
                    else ""
                )
                print(
                    f"{i.register:>3}  {i.sgc}  {i.krn:>3}  {i.key_type:>2}  {i.ken:>3}  "
                    f"{i.base_date}  {s.algorithm:<13}  {i.activation}  {i.issued_until}"
                    f"    {s.expires_on}{old}"
                )
        for line in lines:
            print(line)
    return 3 if alerts else 0
