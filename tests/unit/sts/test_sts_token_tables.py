"""Which STA tables the engine gets: the setting, else the sample tables in resources/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from starpos.bootstrap.tables import configured_tables_path, sample_tables_path, sta_tables
from starpos.settings import Settings
from starpos.sts.errors import TablesError
from starpos.sts.sta import StaCipher
from starpos.sts.token_codec import format_token, insert_class
from tests.support.data_files import COMPLIANCE_TABLES, SAMPLE_TABLES


def _worked_example(path: Path) -> str:
    cipher = StaCipher(sta_tables(path))
    return format_token(insert_class(cipher.encrypt(0x0ABC12DEF3456789, 0x0B19EB230100C207), 0))


def test_the_default_is_the_shipped_sample_tables() -> None:
    assert configured_tables_path() == sample_tables_path()
    shipped = json.loads(sample_tables_path().read_text(encoding="utf-8"))
    reference = json.loads(SAMPLE_TABLES.read_text("utf-8"))
    assert shipped == reference
    assert _worked_example(sample_tables_path()) == "51043465443420856213"


def test_the_setting_names_the_tables_file() -> None:
    compliance = COMPLIANCE_TABLES
    settings = Settings()
    settings.set("sts.tables", str(compliance))
    settings.save()
    assert configured_tables_path() == compliance
    assert _worked_example(configured_tables_path()) == "29054347139309851356"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"substitution_1": [0, 1]}', "substitution_1"),
    ],
)
def test_bad_tables_files_say_what_is_wrong(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "tables.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TablesError) as caught:
        sta_tables(path)
    assert reason in caught.value.message


def test_a_missing_tables_file_is_a_tables_error(tmp_path: Path) -> None:
    with pytest.raises(TablesError):
        sta_tables(tmp_path / "nowhere.json")
