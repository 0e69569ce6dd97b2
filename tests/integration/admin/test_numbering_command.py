"""``starpos admin numbering``: a rule changed from the command line reads back with its
sample; a refusal is one translated line with a non-zero exit and nothing written."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from starpos.db.enums import NumberFieldKind
from starpos.masterdata.bill_numbers import PrefixField
from tests.integration.admin.star_commands import star_on_a_new_store

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_parse_fields_reads_kinds_lengths_and_fixed_texts() -> None:
    from starpos.commands.admin.numbering import parse_fields

    F = NumberFieldKind
    assert parse_fields("V, year2,sales_point:4,terminal,fixed:month") == (
        PrefixField(1, F.FIXED, None, "V"), PrefixField(2, F.YEAR2),
        PrefixField(3, F.SALES_POINT, 4), PrefixField(4, F.TERMINAL),
        PrefixField(5, F.FIXED, None, "month"),
    )  # fmt: skip


def test_a_rule_set_then_refused(run_starpos: Run) -> None:
    star = star_on_a_new_store(run_starpos)

    assert star("branch", "add", "--code", "BR01", "--name", "Main").returncode == 0
    assert star("sales-point", "add", "--code", "SP01", "--name", "Office",
                "--branch", "BR01").returncode == 0  # fmt: skip
    assert star("terminal", "add", "--code", "T01", "--name", "One",
                "--sales-point", "SP01").returncode == 0  # fmt: skip
    done = star("numbering", "set", "vend", "--fields", "S,terminal", "--digits", "6",
                "--reset", "never")  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed = json.loads(run_starpos("admin", "numbering", "list", "--json").stdout)
    vend = next(row for row in listed if row["bill_type"] == "vend")
    assert vend == {"bill_type": "vend", "rule": "S|terminal #6 from 1 never",
                    "sample": "ST01000001"}  # fmt: skip

    assert star("terminal", "add", "--code", "T02", "--name", "Two",
                "--sales-point", "SP01").returncode == 0  # fmt: skip
    refused = star("numbering", "set", "vend", "--fields", "S", lang="fr")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "ajoutez le champ terminal" in refused.stderr
    again = json.loads(run_starpos("admin", "numbering", "list", "--json").stdout)
    assert again == listed
