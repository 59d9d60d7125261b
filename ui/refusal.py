"""What a dialog or form says when its op on the worker is refused.

A refusal (a DlxhError, or a store error such as a full disk) is the user's to act on: the
form shows its Vietnamese text next to the fields and stays open with everything typed. Any
other exception is our bug: it is raised again, so the app's global hook logs it and shows
"lỗi chương trình", and the synchronous runner of the tests fails where it happened."""

from __future__ import annotations

from app.errors import DB_ERRORS, DlxhError, store_error


def refusal(exc: BaseException) -> DlxhError:
    """The refusal `exc` stands for; raises `exc` again when it is a bug."""
    if isinstance(exc, DlxhError):
        return exc
    if isinstance(exc, DB_ERRORS):
        return store_error(exc)
    raise exc
