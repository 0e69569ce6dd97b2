"""Fault injection for the crash tests: the process kills itself at a named crash point.

Off unless ``STARPOS_KILL_AT`` names a step (:mod:`starpos.vending.crash_points` and the card
sale's own steps). The crash tests run ``starpos`` as a child process with the variable set;
``starpos.cli`` installs the switch at start-up, so it stays importable by any child, and
costs nothing when the variable is unset. It is a real ``SIGKILL`` (no exception, no
``finally``, no flushing), the same as a power cut for everything not yet committed.
"""

from __future__ import annotations

import os
import signal

ENVIRONMENT_VARIABLE = "STARPOS_KILL_AT"


def install_from_environment() -> None:
    """Kill this process at the step ``STARPOS_KILL_AT`` names (nothing when it is unset)."""
    wanted = os.environ.get(ENVIRONMENT_VARIABLE)
    if not wanted:
        return
    from starpos.vending import crash_points  # loads the vend: only in a crash test's child

    def kill_at(step: str) -> None:
        if step == wanted:
            os.kill(os.getpid(), signal.SIGKILL)

    crash_points.install_hook(kill_at)
