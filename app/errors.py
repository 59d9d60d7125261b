"""Typed errors that carry the Vietnamese message the user sees.

The split follows qutebrowser's KnownError/BugError: a `DlxhError` is the user's
environment or input (shown as is, exit 1 on the CLI); anything else is our bug.
"""

from __future__ import annotations

from pathlib import Path

# Where an unexpected error's trace goes (the GUI and the CLI say this path to the user).
LOG_PATH = Path.home() / ".dlxh.log"


class DlxhError(Exception):
    """A refusal the user can act on; `message` is one Vietnamese sentence."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(DlxhError):
    """Input that breaks a rule of the domain (a form field, a cell of an Excel row)."""


class NotFoundError(DlxhError):
    """The record asked for does not exist (or no longer exists)."""


class PermissionDenied(DlxhError):
    """The signed-in user's role does not allow the operation."""


class StoreError(DlxhError):
    """The database cannot be opened or used: wrong key, damaged file, newer schema."""


class KeyUnavailableError(StoreError):
    """No key source works: no OS keyring and no passphrase given."""


class ImportRefused(DlxhError):
    """An import (Excel, CSV, package, receipt) was refused as a whole; nothing was written."""
