"""The crash tests' kill switch: installed from the environment by the command line, it
kills at the one named crash point; the core only passes the points."""

from __future__ import annotations

import signal
import subprocess
import sys

from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.vending.crash_points import AFTER_MODULE, AFTER_PENDING, crash_point
from tests.support.processes import child_env

PASS_TWO_POINTS = f"""
from starpos.vending.crash_points import crash_point
{{install}}
crash_point({AFTER_MODULE!r})
print("passed the other point", flush=True)
crash_point({AFTER_PENDING!r})
print("survived", flush=True)
"""

FROM_THE_ENVIRONMENT = (
    "from starpos.testing.kill_switch import install_from_environment\ninstall_from_environment()"
)
#: What every ``starpos`` child does first (a usage error here: the switch is in by then).
FROM_THE_COMMAND_LINE = "from starpos.cli import main\nmain(['no-such-command'])"


def _run(install: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PASS_TWO_POINTS.format(install=install)],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(**env),
    )


def test_the_core_passes_its_crash_points_unharmed_without_a_hook() -> None:
    crash_point(AFTER_PENDING)  # nothing installed in the test process: nothing happens


def test_the_switch_kills_at_the_named_point_only() -> None:
    done = _run(FROM_THE_ENVIRONMENT, **{ENVIRONMENT_VARIABLE: AFTER_PENDING})
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert done.stdout == "passed the other point\n"


def test_without_the_variable_the_switch_is_off() -> None:
    env = child_env()
    env.pop(ENVIRONMENT_VARIABLE, None)
    done = subprocess.run(
        [sys.executable, "-c", PASS_TWO_POINTS.format(install=FROM_THE_ENVIRONMENT)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("survived\n")


def test_every_starpos_command_installs_the_switch() -> None:
    done = _run(FROM_THE_COMMAND_LINE, **{ENVIRONMENT_VARIABLE: AFTER_PENDING})
    assert done.returncode == -signal.SIGKILL, done.stderr
