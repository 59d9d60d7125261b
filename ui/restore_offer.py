"""At start-up, a database that will not open: say why (app.backup.explain) and offer the
newest backup that opens with this office's key and passes its integrity check. Looking for
it, restoring it and opening the result run on the session's worker (issue 23)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app import backup
from app.context import Ctx
from app.errors import DlxhError, StoreError
from app.office import open_ctx
from ui.feedback import confirm
from ui.tasks import TaskRunner

LOOKING = "Đang tìm và kiểm tra bản sao lưu…"
RESTORING = "Đang khôi phục và kiểm tra cơ sở dữ liệu…"


def restore_question(path: Path, error: StoreError) -> tuple[str, Path | None]:
    """The message for a database that will not open, and the backup to offer (if it opens
    with this office's key and passes its integrity check)."""
    explained = backup.explain(path, error).message
    newest = backup.latest(path)
    if newest is None:
        return explained, None
    try:
        shown = backup.preview(newest.path, db_path=path)
    except DlxhError as exc:  # wrong key, or the backup is damaged too: restoring would not help
        return f"{explained}\n\n{exc.message}", None
    details = "\n".join(shown.lines()[1:])
    return (f"{explained}\n\nKhôi phục từ bản sao lưu gần nhất?\n{details}\n\n"
            "Tệp hiện tại được giữ lại bên cạnh (đuôi .before-restore-…)."), newest.path


def _restore_and_open(source: Path, path: Path) -> Ctx:
    backup.restore(source, db_path=path)
    return open_ctx(path)


def offer_restore(path: Path, error: StoreError, parent: QWidget | None = None,
                  tasks: TaskRunner | None = None) -> Ctx | None:
    """At start-up, when the database is damaged: name the latest backup and offer to restore it."""
    tasks = tasks or TaskRunner()
    text, source = tasks.call(lambda: restore_question(path, error), label=LOOKING, parent=parent)
    if source is None:
        QMessageBox.critical(parent, "Không mở được cơ sở dữ liệu", text)
        return None
    if not confirm(parent, "Không mở được cơ sở dữ liệu", text, "Khôi phục từ bản sao lưu", "Không khôi phục"):
        return None
    try:
        return tasks.call(lambda: _restore_and_open(source, path), label=RESTORING, parent=parent)
    except DlxhError as exc:
        QMessageBox.critical(parent, "Không khôi phục được", exc.message)
        return None
