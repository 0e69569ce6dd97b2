"""Errors of the head office's commands, in words the head office can act on."""

from __future__ import annotations

from starpos.errors import ConfigError, StarposError


class HeadOfficeError(StarposError):
    code = "server"
    template = "The head office server could not do this."


class NeedsPostgresError(ConfigError):
    code = "server.needs_postgresql"
    template = (
        "The head office server runs on a PostgreSQL store, and this data folder's database "
        "is {backend}. Point the setting database.url at the head office's PostgreSQL "
        "(postgresql+psycopg://user@host/database)."
    )


class UnknownTerminalError(HeadOfficeError):
    code = "server.unknown_terminal"
    template = (
        "There is no terminal {terminal} in the head office's store. Add the terminal to its "
        "sales point first, then make its enrolment code."
    )


class NothingToRevokeError(HeadOfficeError):
    code = "server.nothing_to_revoke"
    template = "Terminal {terminal} has no enrolled key that is still valid; nothing was revoked."


class PortInUseError(HeadOfficeError):
    code = "server.port_in_use"
    template = (
        "The server cannot listen on {host}:{port} ({reason}). Choose another port with "
        "--port, or stop the program that holds it."
    )
