"""Typed errors that carry the Vietnamese message the user sees.

The split follows qutebrowser's KnownError/BugError: a `DlxhError` is the user's
environment or input (shown as is, exit 1 on the CLI); anything else is our bug.
`DlxhError` and the store's errors are defined in db/errors.py (the bottom layer raises them
too) and re-exported here, so the CLI and the GUI import every error from this one module.
"""

from __future__ import annotations

from pathlib import Path

from db.errors import (
    DB_ERRORS,
    NOT_THE_FILE,
    DlxhError,
    KeyUnavailableError,
    NoKeyring,
    StoreError,
    os_reason,
    store_error,
)

__all__ = ["DB_ERRORS", "Cancelled", "DlxhError", "ImportRefused", "KeyUnavailableError", "LOG_PATH", "NOT_THE_FILE", "NoKeyring", "NotFoundError",
           "PermissionDenied", "StoreError", "ValidationError", "os_reason", "store_error"]

# Where an unexpected error's trace goes (the GUI and the CLI say this path to the user).
LOG_PATH = Path.home() / ".dlxh.log"


class ValidationError(DlxhError):
    """Input that breaks a rule of the domain (a form field, a cell of an Excel row)."""


class NotFoundError(DlxhError):
    """The record asked for does not exist (or no longer exists)."""


class PermissionDenied(DlxhError):
    """The signed-in user's role does not allow the operation."""


class ImportRefused(DlxhError):
    """An import (Excel, CSV, package, receipt) was refused as a whole; nothing was written."""


class Cancelled(DlxhError):
    """The user stopped a long piece of work (a backup) before it finished; what it had
    begun was undone, so nothing changed."""

    def __init__(self, message: str = "Đã dừng theo yêu cầu; chưa có gì thay đổi.") -> None:
        super().__init__(message)
