"""Showing errors: a DlxhError is the user's to act on; anything else is our bug."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import LOG_PATH, DlxhError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, DlxhError):
        QMessageBox.warning(parent, "Không thực hiện được", exc.message)
        return
    log.exception("unexpected error", exc_info=exc)
    QMessageBox.critical(
        parent, "Lỗi chương trình",
        f"Đã xảy ra lỗi chương trình: {exc}.\nChi tiết đã được ghi vào nhật ký: {LOG_PATH}",
    )
