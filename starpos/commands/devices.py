"""``starpos devices list [--json] [--port PATH ...]``: what the installer can connect.

Every serial port pyserial lists (and each ``--port`` and the ``sm.url`` setting) is tried
with the secure module driver; USB printers and PC/SC readers are listed. A device that
cannot be used is shown with the reason in installer words; the command fails (exit 2)
only when no secure module was found.
"""

from __future__ import annotations

import argparse
from typing import Any

from starpos.commands._output import print_json, whole
from starpos.i18n import render_error, tr_noop, translate

NO_MODULE = tr_noop("devices", "No secure module found.")
MODULE_FOUND = tr_noop(
    "devices", "secure module {module_id}, firmware {firmware}, {keys} key(s){training}"
)
TRAINING = tr_noop("devices", ", training module")
NO_USB_PRINTER = tr_noop("devices", "no USB printer")
HEADINGS = {
    "ports": tr_noop("devices", "Serial ports"),
    "printers": tr_noop("devices", "USB printers"),
    "readers": tr_noop("devices", "Card readers"),
}
MESSAGES = (NO_MODULE, MODULE_FOUND, TRAINING, NO_USB_PRINTER, *HEADINGS.values())


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("devices", help="find the secure module, printers, readers")
    actions = parser.add_subparsers(dest="devices_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="list and try every device")
    listing.add_argument(
        "--port", action="append", default=[], help="also try this port path or URL (repeatable)"
    )
    listing.add_argument("--baud", type=whole(50, 4_000_000), help="default: setting sm.baud")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)


def _list(args: argparse.Namespace) -> int:
    from starpos.devices.discovery.survey import survey
    from starpos.settings import Settings

    settings = Settings()
    configured = str(settings.get("sm.url") or "")
    baud = args.baud or int(settings.get("sm.baud"))
    found = survey([*args.port, configured], baud)
    if args.json:
        print_json(found.to_json(render_error))
    else:
        _print(found)
    return 0 if found.modules else 2


def _print(found: Any) -> None:
    def say(text: str) -> None:
        print(text)

    say(translate("devices", HEADINGS["ports"]))
    for probe in found.ports:
        if probe.identity is not None:
            identity = probe.identity
            what = translate("devices", MODULE_FOUND).format(
                module_id=identity.module_id,
                firmware=identity.firmware,
                keys=identity.key_count,
                training=translate("devices", TRAINING) if identity.training else "",
            )
        else:
            what = render_error(probe.problem) if probe.problem else "-"
        say(f"  {probe.port.label}: {what}")
    if not found.modules:
        say(f"  {translate('devices', NO_MODULE)}")
    say(translate("devices", HEADINGS["printers"]))
    for printer in found.printers.printers:
        say(f"  {printer.label}")
    if found.printers.problem is not None:
        say(f"  {render_error(found.printers.problem)}")
    elif not found.printers.printers:
        say(f"  {translate('devices', NO_USB_PRINTER)}")
    say(translate("devices", HEADINGS["readers"]))
    for reader in found.readers.readers:
        say(f"  {reader}")
    if found.readers.problem is not None:
        say(f"  {render_error(found.readers.problem)}")
