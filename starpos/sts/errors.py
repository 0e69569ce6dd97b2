"""Errors of the token engine.

``StsError`` mirrors :class:`starpos.errors.StarposError` (``code``, ``template``,
``params``) without importing it, because the engine imports nothing from ``starpos``.
``template`` is English source text, translated at display time (context ``errors``).
"""

from __future__ import annotations

from typing import Any, ClassVar


class StsError(Exception):
    """Root of every error raised by :mod:`starpos.sts`."""

    code: ClassVar[str] = "sts"
    template: ClassVar[str] = "The token could not be made or read."

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        if template is not None:
            self.template = template  # type: ignore[misc]
        self.params: dict[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template
