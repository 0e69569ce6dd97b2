"""Qt's ``tr()`` served from the same ``.ts`` catalogs as the core and the command line.

:class:`CatalogTranslator` answers Qt's translation requests from :mod:`starpos.i18n`, so
no compiled ``.qm`` files are needed and one catalog serves widgets, errors and the CLI.
:func:`switch_language` re-installs it, which makes Qt send ``LanguageChange`` to every
widget; each window answers with its ``retranslate_ui()``.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from starpos import i18n


class CatalogTranslator(QTranslator):
    """A QTranslator over the ``resources/translations/*_<lang>.ts`` catalogs."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.lang = i18n.normalise_language(language)

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        del disambiguation, n
        # Always answer with text: the source itself when there is no translation. An empty
        # string would be shown as empty, and returning None from this override corrupts
        # None's reference count in PySide 6.12 (the interpreter aborts after a while).
        if self.lang == "en":
            return source_text
        return i18n.translate(context, source_text, self.lang)

    def isEmpty(self) -> bool:
        return False


_installed: list[CatalogTranslator] = []


def switch_language(language: str) -> str:
    """Make ``language`` the language of the whole application; returns the normalised name."""
    language = i18n.normalise_language(language)
    i18n.set_language(language)
    QLocale.setDefault(QLocale(language))
    app = QCoreApplication.instance()
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
        _installed.clear()
        translator = CatalogTranslator(language)
        _installed.append(translator)
        app.installTranslator(translator)
    return language


def choose_language(language: str) -> str:
    """The person chose ``language``: switch now and remember it for the next start."""
    from starpos.bootstrap import load_settings

    chosen = switch_language(language)
    settings = load_settings()
    settings.set("language", chosen)
    # If the folder is read-only the switch still worked; the choice is only not remembered.
    with contextlib.suppress(OSError):
        settings.save()
    return chosen


def tr(context: str, text: str) -> str:
    """``text`` in the current language (``context`` names the window, as in the catalogs)."""
    return QCoreApplication.translate(context, text)
