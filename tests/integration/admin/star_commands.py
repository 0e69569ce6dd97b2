"""STAR on a new store from the command line: ``db init``, the first login's forced password
change (manual 4.2), then every ``admin`` command run as STAR with the new password."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

Run = Callable[..., subprocess.CompletedProcess[str]]
StarCommand = Callable[..., subprocess.CompletedProcess[str]]

#: STAR's password once the forced change at first login is done.
PASSWORD = "lakeside-star-1"


def star_on_a_new_store(run_starpos: Run) -> StarCommand:
    """A new store whose STAR has changed the first password; ``star(*args, lang=...)`` runs
    ``starpos --lang LANG admin ARGS`` as STAR."""
    assert run_starpos("db", "init").returncode == 0
    changed = run_starpos(
        "admin", "password", "--operator", "STAR", "--password-stdin",
        input=f"star\n{PASSWORD}\n",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr

    def star(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        return run_starpos(
            "--lang", lang, "admin", *args, "--operator", "STAR", "--password-stdin",
            input=f"{PASSWORD}\n",
        )  # fmt: skip

    return star
