"""The ciphers against their known answers: RFC 2994 for MISTY1, the standard for STA."""

from __future__ import annotations

import random
from typing import Any

import pytest

from starpos.sts import misty1
from starpos.sts.misty1_sboxes import S7, S9
from starpos.sts.sta import StaCipher
from starpos.sts.tables import StaTables
from starpos.sts.token_codec import format_token, insert_class
from tests.unit.sts.sts_data import load_json

KAT = load_json("misty1-kat.json")["vectors"]


@pytest.mark.parametrize("vector", KAT, ids=[v["id"] for v in KAT])
def test_misty1_known_answers(vector: dict[str, Any]) -> None:
    key = bytes.fromhex(vector["key_hex"])
    plain, cipher = int(vector["plaintext_hex"], 16), int(vector["ciphertext_hex"], 16)
    assert misty1.encrypt_block(key, plain) == cipher
    assert misty1.decrypt_block(key, cipher) == plain


def test_misty1_sboxes_are_permutations() -> None:
    assert sorted(S7) == list(range(128))
    assert sorted(S9) == list(range(512))


WORKED_KEY, WORKED_BLOCK = 0x0ABC12DEF3456789, 0x0B19EB230100C207


def test_sta_worked_example_with_sample_tables(sample_tables: StaTables) -> None:
    encrypted = StaCipher(sample_tables).encrypt(WORKED_KEY, WORKED_BLOCK)
    assert format_token(insert_class(encrypted, 0)) == "51043465443420856213"


def test_sta_worked_example_with_compliance_tables(compliance_tables: StaTables) -> None:
    encrypted = StaCipher(compliance_tables).encrypt(WORKED_KEY, WORKED_BLOCK)
    assert format_token(insert_class(encrypted, 0)) == "29054347139309851356"


def test_sta_decrypts_what_it_encrypts(compliance_tables: StaTables) -> None:
    cipher = StaCipher(compliance_tables)
    rng = random.Random(7)
    for _ in range(200):
        key, block = rng.getrandbits(64), rng.getrandbits(64)
        assert cipher.decrypt(key, cipher.encrypt(key, block)) == block
