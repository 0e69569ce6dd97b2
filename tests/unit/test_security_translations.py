"""Every message of the books' checks and of ``starpos login`` reads in French and Chinese,
with the same placeholders (resources/translations/security_*.ts)."""

from __future__ import annotations

import string

import pytest

from starpos.commands import _credentials, audit, login, logout
from starpos.commands.audit import BooksDoNotVerifyError
from starpos.i18n import catalog_files, load_catalog
from starpos.operators import errors
from starpos.vending.training import TRAINING

ERRORS = (
    errors.NotLoggedInError,
    errors.SessionEndedError,
    errors.SessionFileError,
    errors.UnknownTerminalError,
    BooksDoNotVerifyError,
)
MESSAGES = [
    *(("audit", text) for text in audit.MESSAGES if text != audit.INTACT),
    ("cli", audit.INTACT),
    *(("login", text) for text in (*_credentials.MESSAGES, *login.MESSAGES, *logout.MESSAGES)),
    ("sm", TRAINING),
    *(("errors", cls.template) for cls in ERRORS),
]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_message_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    missing = [text for context, text in MESSAGES if (context, text) not in catalog]
    assert missing == []
    mismatched = [
        text for context, text in MESSAGES if _fields(catalog[(context, text)]) != _fields(text)
    ]
    assert mismatched == []
