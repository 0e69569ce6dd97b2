"""Fault injection for the crash tests: the process kills itself at a named vend step.

Off unless ``STARPOS_KILL_AT`` names a step. It is a real ``SIGKILL`` (no exception, no
``finally``, no flushing), the same as a power cut for everything not yet committed, so
the kill tests prove what recovery does after a real crash (DESIGN.md rule 4).
"""

from __future__ import annotations

import os
import signal

ENVIRONMENT_VARIABLE = "STARPOS_KILL_AT"

AFTER_PENDING = "after-pending"  # PENDING committed, the module not asked yet
AFTER_MODULE = "after-module"  # the module answered with a token, nothing written yet
BEFORE_TOKEN_COMMIT = "before-token-commit"  # ISSUED written in the transaction, not committed
AFTER_TOKEN_COMMIT = "after-token-commit"  # ISSUED committed, nothing printed
STEPS = (AFTER_PENDING, AFTER_MODULE, BEFORE_TOKEN_COMMIT, AFTER_TOKEN_COMMIT)


def kill_point(step: str) -> None:
    """SIGKILL this process if ``STARPOS_KILL_AT`` names ``step``."""
    if os.environ.get(ENVIRONMENT_VARIABLE) == step:
        os.kill(os.getpid(), signal.SIGKILL)
