"""Showing errors: a DlxhError is the user's to act on; anything else is our bug."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from app.errors import DB_ERRORS, LOG_PATH, DlxhError, store_error
from ui.refusal import refusal

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, DlxhError):
        QMessageBox.warning(parent, "Không thực hiện được", exc.message)
        return
    if isinstance(exc, DB_ERRORS):  # full disk, read-only stick, locked, I/O: the user's to fix
        log.warning("store error: %s", exc)
        QMessageBox.warning(parent, "Không thực hiện được", store_error(exc).message)
        return
    log.exception("unexpected error", exc_info=exc)
    QMessageBox.critical(
        parent, "Lỗi chương trình",
        f"Đã xảy ra lỗi chương trình: {exc}.\nChi tiết đã được ghi vào nhật ký: {LOG_PATH}",
    )


def refusal_in(label: QLabel) -> Callable[[BaseException], None]:
    """An `on_failed` for a dialog's op: the refusal (ui.refusal reads it, a bug is raised again)
    is written in the dialog's own red line, and the dialog stays open with what was typed."""
    def shown(exc: BaseException) -> None:
        label.setText(refusal(exc).message)
        label.show()

    return shown


def install_excepthook() -> None:
    """One global hook (issue 14): whatever escapes a slot or a callback is logged with its
    trace and shown as "lỗi chương trình" with the log path, and the app keeps running."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        try:
            show_error(QApplication.activeWindow(), exc)
        except Exception:  # noqa: BLE001 - a hook must never raise
            log.exception("could not show the error")

    sys.excepthook = hook
