"""Named points of a shift's close where the kill tests stop the process (as the vend's:
:mod:`starpos.vending.crash_points`; :mod:`starpos.testing.kill_switch` installs the hook
on both). Nothing happens here unless a hook is installed."""

from __future__ import annotations

from collections.abc import Callable

BEFORE_COUNT_COMMIT = "shift-before-count-commit"  # the blind count written, not committed
BEFORE_CLOSE_COMMIT = "shift-before-close-commit"  # the close and its Z written, not committed
AFTER_CLOSE_COMMIT = "shift-after-close-commit"  # the Z committed, nothing printed
STEPS = (BEFORE_COUNT_COMMIT, BEFORE_CLOSE_COMMIT, AFTER_CLOSE_COMMIT)

_hook: Callable[[str], None] | None = None


def crash_point(step: str) -> None:
    if _hook is not None:
        _hook(step)


def install_hook(hook: Callable[[str], None] | None) -> None:
    global _hook
    _hook = hook
