"""Fault injection for the crash tests: the process kills itself at a named crash point.

Off unless ``STARPOS_KILL_AT`` names a step (:mod:`starpos.vending.crash_points` and the card
sale's and token batch's own steps). ``STARPOS_KILL_AT_HIT=N`` kills at the N-th time the
step is reached (default the first), so a batch can be stopped at its N-th token. The crash
tests run ``starpos`` as a child process with the variables set; ``starpos.cli`` installs
the switch at start-up, so it stays importable by any child, and costs nothing when the
variable is unset. It is a real ``SIGKILL`` (no exception, no ``finally``, no flushing), the
same as a power cut for everything not yet committed.
"""

from __future__ import annotations

import os
import signal

ENVIRONMENT_VARIABLE = "STARPOS_KILL_AT"
HIT_VARIABLE = "STARPOS_KILL_AT_HIT"


def install_from_environment() -> None:
    """Kill this process at the step ``STARPOS_KILL_AT`` names (nothing when it is unset)."""
    wanted = os.environ.get(ENVIRONMENT_VARIABLE)
    if not wanted:
        return
    from starpos.vending import crash_points  # loads the vend: only in a crash test's child

    remaining = [int(os.environ.get(HIT_VARIABLE) or 1)]

    def kill_at(step: str) -> None:
        if step != wanted:
            return
        remaining[0] -= 1
        if remaining[0] <= 0:
            os.kill(os.getpid(), signal.SIGKILL)

    crash_points.install_hook(kill_at)
    from starpos.shifts import crash_points as shift_points  # the close's own steps

    shift_points.install_hook(kill_at)
