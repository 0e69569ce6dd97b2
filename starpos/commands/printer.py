"""``starpos printer``: the voucher printer from the command line.

``status`` asks the configured printer how it is, ``test-print`` prints a sample voucher,
``render`` draws a voucher to a PNG (the print preview), and ``virtual`` runs a virtual
network printer that writes what it receives as PNG files.
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from starpos.commands._output import print_json, whole
from starpos.devices.printer.errors import PrinterConnectionStringError
from starpos.i18n import render_error, translate
from starpos.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("printer", help="voucher printer: status, test print, virtual")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    status = actions.add_parser("status", help="ask the configured printer for its status")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    test = actions.add_parser("test-print", help="print a sample voucher")
    test.add_argument("--reprint", action="store_true", help="mark it as a reprint")
    test.add_argument("--json", action="store_true")
    test.set_defaults(handler=_test_print)

    render = actions.add_parser("render", help="render a sample voucher to a PNG")
    render.add_argument("--out", required=True, help="PNG file to write")
    render.add_argument(
        "--paper-mm", type=whole(58, 80), choices=(58, 80), help="default: the setting"
    )
    render.add_argument("--profile", help="python-escpos profile (default: the setting)")
    render.add_argument("--reprint", action="store_true")
    render.add_argument("--font", choices=("a", "b"), help="printer font (b: 42 columns on 58 mm)")
    render.add_argument("--voucher-lang", help="language of the voucher (en, fr, zh_CN)")
    render.add_argument("--escpos-out", help="also write the ESC/POS bytes to this file")
    render.add_argument("--json", action="store_true")
    render.set_defaults(handler=_render)

    virtual = actions.add_parser("virtual", help="run a virtual network printer")
    virtual.add_argument("--listen", default="127.0.0.1:9100", help="HOST:PORT (port 0: any)")
    virtual.add_argument("--out", required=True, help="folder for the printed PNGs")
    virtual.add_argument("--paper-mm", type=whole(58, 80), choices=(58, 80), default=80)
    virtual.add_argument("--profile", default="TM-T88V", help="python-escpos profile")
    virtual.add_argument("--state-file", help=argparse.SUPPRESS)
    virtual.add_argument("--owner-pid", type=whole(1, 2**31 - 1), help=argparse.SUPPRESS)
    virtual.set_defaults(handler=_virtual)


def _status(args: argparse.Namespace) -> int:
    from starpos.devices.printer.service import printer_status

    result = printer_status(Settings())
    message = render_error(result.error) if result.error else translate("printer", "ready")
    if args.json:
        answers = result.answers
        print_json(
            {
                "connection": result.connection,
                "state": result.state,
                "ready": result.ready,
                "message": message,
                "code": result.error.code if result.error else None,
                "dle_eot": {
                    "1": answers.printer,
                    "2": answers.offline_cause,
                    "4": answers.paper,
                }
                if answers
                else None,
            }
        )
    else:
        print(f"{result.connection}: {result.state} - {message}")
    return 0 if result.ready else 2


def _test_print(args: argparse.Namespace) -> int:
    from starpos.devices.printer.service import print_voucher

    settings = Settings()
    result = print_voucher(_sample(settings, args.reprint), settings)
    if args.json:
        print_json(
            {
                "connection": result.connection,
                "bytes": result.bytes_sent,
                "state_before": result.status_before.state,
                "state_after": result.status_after.state,
            }
        )
    else:
        text = translate("printer", "test voucher printed on {connection} ({bytes} bytes)")
        print(text.format(connection=result.connection, bytes=result.bytes_sent))
    return 0


def _sample(settings: Settings, reprint: bool, language: str | None = None) -> Any:
    from starpos.devices.printer.voucher import sample_voucher
    from starpos.i18n import current_language

    voucher = sample_voucher(reprint=reprint, language=language or current_language())
    header = [line for line in str(settings.get("voucher.header")).splitlines() if line]
    footer = [line for line in str(settings.get("voucher.footer")).splitlines() if line]
    return replace(
        voucher,
        header_lines=tuple(header) or voucher.header_lines,
        footer_lines=(*voucher.footer_lines[:1], *footer),
    )


def _render(args: argparse.Namespace) -> int:
    from starpos.devices.printer.escpos_render import voucher_bytes
    from starpos.devices.printer.preview import render_preview
    from starpos.devices.printer.service import voucher_layout
    from starpos.devices.printer.template import load_template

    settings = Settings()
    if args.paper_mm:
        settings.set("printer.paper_mm", args.paper_mm)
    if args.profile:
        settings.set("printer.profile", args.profile)
    template = load_template()
    if args.font:
        template = replace(template, font=args.font)
    layout = voucher_layout(_sample(settings, args.reprint, args.voucher_lang), settings, template)
    image = render_preview(layout)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out)
    if args.escpos_out:
        Path(args.escpos_out).write_bytes(voucher_bytes(layout, settings.get("printer.profile")))
    if args.json:
        print_json(
            {"png": str(out), "width": image.width, "height": image.height,
             "columns": layout.columns}
        )  # fmt: skip
    else:
        print(out)
    return 0


def _virtual(args: argparse.Namespace) -> int:
    from starpos.devices.printer.escpos_support import profile_dots
    from starpos.devices.printer.paper import paper_for
    from starpos.devices.printer.virtual.launcher import write_state
    from starpos.devices.printer.virtual.server import VirtualPrinter

    host, _, port_text = args.listen.rpartition(":")
    if not host or not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        raise PrinterConnectionStringError(value=args.listen, reason="give HOST:PORT to listen on")
    paper = paper_for(args.paper_mm, profile_dots(args.profile))
    printer = VirtualPrinter(
        Path(args.out),
        host,
        int(port_text),
        paper_dots=paper.dots,
        profile=args.profile,
        owner_pid=args.owner_pid,
        on_printed=lambda path: print(
            translate("printer", "printed {path}").format(path=path), flush=True
        ),
    )
    bound_host, bound_port = printer.address
    if args.state_file:
        write_state(Path(args.state_file), os.getpid(), bound_port, args.paper_mm, args.profile)
    text = translate("printer", "virtual printer listening on {host}:{port}, printing to {out}")
    print(text.format(host=bound_host, port=bound_port, out=args.out), flush=True)

    def stop(signum: int, frame: object) -> None:
        printer.stop()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
    printer.serve_forever()
    return 0
