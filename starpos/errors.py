"""The exception tree every layer above ``sts`` raises from.

Each error a person may see carries a stable ``code`` (for logs, scripts and tests), an
English ``template`` that is the translation source text (context ``errors``), and the
``params`` the template is formatted with. Nothing here imports a GUI: the text is
translated at display time by :func:`starpos.i18n.render_error`.

``starpos.sts`` is pure and imports nothing from ``starpos``, so ``StsError`` is its own
root with the same three attributes; :data:`USER_FACING` names both roots for the one
error funnel of the CLI and the UI (docs/decisions.md, "Two exception roots").
"""

from __future__ import annotations

from typing import Any, ClassVar


class StarposError(Exception):
    """Root of the StarPOS errors outside the token engine."""

    code: ClassVar[str] = "starpos"
    template: ClassVar[str] = "StarPOS could not complete the request."

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        if template is not None:
            # An instance may carry a more precise text than its class (still a source text).
            self.template = template  # type: ignore[misc]
        self.params: dict[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English text with its parameters filled in."""
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


class ConfigError(StarposError):
    code = "config"
    template = "The setting is not valid."


class StorageError(StarposError):
    code = "storage"
    template = "The local database could not be used."


class DeviceError(StarposError):
    """A device (secure module, printer, card reader) failed or refused."""

    code = "device"
    template = "A device did not answer as expected."


class AuthError(StarposError):
    code = "auth"
    template = "You are not allowed to do this."


class PricingError(StarposError):
    code = "pricing"
    template = "The sale could not be priced."


class VendError(StarposError):
    code = "vend"
    template = "The vend could not be completed."


def user_facing_types() -> tuple[type[BaseException], ...]:
    """Both exception roots whose message may be shown to a person as it is."""
    from starpos.sts.errors import StsError

    return (StarposError, StsError)
