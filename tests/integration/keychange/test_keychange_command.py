"""``starpos keychange flag|list|unflag`` as a script uses them: the operator logs in, the
list comes back as JSON, refusals are one line with exit code 2 and change nothing."""

from __future__ import annotations

import json
import subprocess

from starpos.db.enums import KeyChangeState
from tests.integration.keychange.sale_world import flag_row, put_on_1993_key, sell_to, sellable
from tests.integration.tokenops.ops_world import OpsWorld
from tests.support.processes import REPO_ROOT, child_env, starpos_command


def keychange(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command("keychange", *args),
        input=f"{password}\n" if password is not None else "",
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
        cwd=REPO_ROOT,
    )


def test_renew_flags_the_1993_meters_in_one_step_and_the_sale_changes_their_key(
    world: OpsWorld,
) -> None:
    (number,) = sellable(world, 1)
    put_on_1993_key(world, number)
    flagged = keychange(
        "flag", "--renew", "--new-register", "3", "--new-krn", "2", "--new-base-date", "2014",
        "--operator", "ENG1", "--password-stdin", "--yes", "--json", password="eng-demo",
    )  # fmt: skip
    assert flagged.returncode == 0, flagged.stderr
    answer = json.loads(flagged.stdout)
    assert answer["flagged"] == 1
    assert [m["meter"] for m in answer["plan"]["meters"]] == [number]

    listed = json.loads(keychange("list", "--json").stdout)["flags"]
    assert [(f["meter"], f["state"]) for f in listed] == [(number, "flagged")]

    result = sell_to(number, world)
    assert len(result.key_change_tokens) == 2
    listed = json.loads(keychange("list", "--json").stdout)["flags"]
    assert listed[0]["state"] == "delivered"
    assert listed[0]["tokens"] == list(result.key_change_tokens)
    assert listed[0]["bill"] == result.bill_number


def test_refusals_are_one_line_and_change_nothing(world: OpsWorld) -> None:
    (number,) = sellable(world, 1)
    # A cashier may not flag meters.
    refused = keychange(
        "flag", "--meter", number, "--new-register", "3", "--new-krn", "2",
        "--operator", "CASH1", "--password-stdin", "--yes", password="cash-demo",
    )  # fmt: skip
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "Traceback" not in refused.stderr
    assert json.loads(keychange("list", "--json").stdout)["flags"] == []
    # Nothing to withdraw.
    withdrawn = keychange(
        "unflag", number, "--operator", "ENG1", "--password-stdin", password="eng-demo"
    )
    assert withdrawn.returncode == 2
    assert len(withdrawn.stderr.strip().splitlines()) == 1, withdrawn.stderr
    # Flag, then withdraw.
    assert keychange(
        "flag", "--meter", number, "--new-register", "3", "--new-krn", "2",
        "--operator", "ENG1", "--password-stdin", "--yes", password="eng-demo",
    ).returncode == 0  # fmt: skip
    done = keychange(
        "unflag", number, "--operator", "ENG1", "--password-stdin", "--json", password="eng-demo"
    )
    assert json.loads(done.stdout) == {"unflagged": [number]}
    assert flag_row(world, number).state is KeyChangeState.UNFLAGGED
