"""Named points of a sale where the crash tests stop the process (DESIGN.md rule 4).

The core only names the points and passes them (:func:`crash_point`); nothing happens there
unless a hook is installed. The crash tests' child processes install one that kills the
process for real at the step they name (:mod:`starpos.testing.kill_switch`, installed by
``starpos.cli`` when ``STARPOS_KILL_AT`` is set), so they prove what recovery does after a
real crash.
"""

from __future__ import annotations

from collections.abc import Callable

AFTER_PENDING = "after-pending"  # PENDING committed, the module not asked yet
AFTER_MODULE = "after-module"  # the module answered with a token, nothing written yet
BEFORE_TOKEN_COMMIT = "before-token-commit"  # ISSUED written in the transaction, not committed
AFTER_TOKEN_COMMIT = "after-token-commit"  # ISSUED committed, nothing printed
# A sale with a key change (docs/key-changes.md): its key change tokens between PENDING and
# the credit token.
AFTER_KEY_CHANGE_MODULE = "after-key-change-module"  # key change tokens made, nothing written
BEFORE_KEY_CHANGE_COMMIT = "before-key-change-commit"  # written in the transaction, not committed
AFTER_KEY_CHANGE_COMMIT = "after-key-change-commit"  # committed, the credit token not asked
STEPS = (AFTER_PENDING, AFTER_MODULE, BEFORE_TOKEN_COMMIT, AFTER_TOKEN_COMMIT)
# A module credit update (starpos.vending.module_credit): its PENDING row committed, the
# block not sent yet; the module applied it, nothing written yet.
CREDIT_AFTER_PENDING = "credit-after-pending"
CREDIT_AFTER_MODULE = "credit-after-module"
KEY_CHANGE_STEPS = (
    AFTER_PENDING,
    AFTER_KEY_CHANGE_MODULE,
    BEFORE_KEY_CHANGE_COMMIT,
    AFTER_KEY_CHANGE_COMMIT,
    AFTER_MODULE,
    BEFORE_TOKEN_COMMIT,
    AFTER_TOKEN_COMMIT,
)

_hook: Callable[[str], None] | None = None


def crash_point(step: str) -> None:
    """The sale reached ``step``: the installed hook (if any) is told."""
    if _hook is not None:
        _hook(step)


def install_hook(hook: Callable[[str], None] | None) -> None:
    """Call ``hook(step)`` at every crash point from now on (None: nothing happens there)."""
    global _hook
    _hook = hook
