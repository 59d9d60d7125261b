"""The administrator's dialogs (accounts, backups), opened from the audit page and from the
Công cụ menu alike; kept apart so neither imports the other (no page <-> dialog cycle)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import Ctx
from ui.tasks import TaskRunner


def open_users(ctx: Ctx, parent: QWidget | None) -> None:
    from ui.users_dialog import UsersDialog

    UsersDialog(ctx, parent).exec()


def open_backups(ctx: Ctx, parent: QWidget | None, on_restored: Callable[[], None] | None = None,
                 tasks: TaskRunner | None = None) -> None:
    """The backup dialog; with the window's `tasks`, its backups and restores run on the worker."""
    from ui.backup_dialog import BackupDialog

    dialog = BackupDialog(ctx, parent, tasks)
    if on_restored is not None:
        dialog.restored.connect(on_restored)
    dialog.exec()
