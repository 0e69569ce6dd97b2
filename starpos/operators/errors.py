"""Why an operator may not log in or act: each says what is wrong and what to do.

Translations: ``resources/translations/store_*.ts`` (context ``errors``).
"""

from __future__ import annotations

from starpos.errors import AuthError


class WrongCredentialsError(AuthError):
    code = "auth.wrong_credentials"
    template = "The operator code or the password is wrong. Check both and try again."


class OperatorLockedError(AuthError):
    code = "auth.locked"
    template = (
        "Operator {operator} is locked after {attempts} wrong passwords. Try again after "
        "{until} or ask a supervisor."
    )


class LoginForbiddenError(AuthError):
    code = "auth.login_forbidden"
    template = "Operator {operator} may not log in. Ask an administrator to allow it."


class SignInRequiredError(AuthError):
    code = "auth.sign_in_required"
    template = "This needs an operator signed in with their password. Sign in and try again."


class WrongSalesPointError(AuthError):
    code = "auth.wrong_sales_point"
    template = (
        "Operator {operator} may only log in at sales point {home}, not at {here}. Ask an "
        "administrator to allow logging in at other sales points."
    )


class PasswordChangeRequiredError(AuthError):
    code = "auth.password_change_required"
    template = "Operator {operator} must choose a new password before going on."


class PasswordTooWeakError(AuthError):
    code = "auth.password_too_weak"
    template = (
        "The new password must have at least {minimum} characters and differ from the "
        "operator code and the old password."
    )


class PermissionDeniedError(AuthError):
    code = "auth.permission_denied"
    template = (
        "Operator {operator} does not have the permission {permission}. Ask a supervisor "
        "or an administrator."
    )


class UnknownPermissionError(AuthError):
    code = "auth.unknown_permission"
    template = "There is no permission called {name}."


class UnknownOperatorError(AuthError):
    """No operator has this code: an administrator's action, a card flow or a vend names
    one that does not exist. (A login answers :class:`WrongCredentialsError` instead, so it
    never tells which codes exist.)"""

    code = "auth.unknown_operator"
    template = "There is no operator with the code {operator}."


class UnknownRoleError(AuthError):
    code = "auth.unknown_role"
    template = "There is no operator role with the code {role}."


class NotLoggedInError(AuthError):
    """A command that makes energy or money was given no credentials (docs/security.md)."""

    code = "auth.not_logged_in"
    template = (
        "No operator is logged in. Run starpos login first, or give --operator CODE with "
        "the password (typed at the prompt, or --password-stdin)."
    )


class SessionEndedError(AuthError):
    code = "auth.session_ended"
    template = "The login of operator {operator} has expired or was ended. Run starpos login again."


class SessionFileError(AuthError):
    code = "auth.session_file"
    template = (
        "The login file {path} cannot be used: {reason}. Run starpos logout, then starpos "
        "login again."
    )


class UnknownTerminalError(AuthError):
    code = "auth.unknown_terminal"
    template = "There is no terminal with the code {terminal}. Check the code in the back office."
