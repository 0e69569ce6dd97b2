"""What more than one ``starpos sm`` sub-command shares: energy for the module, and the
configured module opened under the vend's lock."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from starpos.devices.sm.driver import SecureModule
from starpos.i18n import tr_noop, translate

if TYPE_CHECKING:
    from starpos.vending.recovery import RecoveryReport


@contextmanager
def open_module(
    args: argparse.Namespace, *, acting: bool = False, check_served: bool = True
) -> Iterator[SecureModule]:
    """The configured module (the embedded emulator when no port is set), open and under
    the vend's lock; ``acting`` commands settle crashed vends first
    (:func:`starpos.bootstrap.module.module_for_command`)."""
    from starpos.bootstrap.module import ModuleTarget, module_for_command

    target = ModuleTarget(args.url or "", args.baud, args.timeout_ms)
    with module_for_command(target, acting=acting, check_served=check_served) as held:
        if held.settled is not None and (held.settled.recovered or held.settled.failed):
            _tell_settled(held.settled)
        yield held.module


def _tell_settled(report: RecoveryReport) -> None:
    """On stderr, so ``--json`` output stays one document."""
    text = translate("sm", SETTLED).format(
        module=report.module_id,
        recovered=", ".join(report.recovered) or "-",
        failed=", ".join(report.failed) or "-",
    )
    print(text, file=sys.stderr)


SETTLED = tr_noop(
    "sm",
    "Module {module}: vends a crash left pending were settled first "
    "(recovered with their token: {recovered}; failed: {failed}).",
)
