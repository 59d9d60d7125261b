"""The administrator's dialogs (accounts, backups), opened from the audit page and from the
Công cụ menu alike; kept apart so neither imports the other (no page <-> dialog cycle)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.context import Ctx
from ui.tasks import TaskRunner


def open_users(ctx: Ctx, parent: QWidget | None, tasks: TaskRunner) -> None:
    from ui.users_dialog import UsersDialog

    UsersDialog(ctx, tasks, parent).exec()


def open_backups(ctx: Ctx, parent: QWidget | None, tasks: TaskRunner) -> None:
    """The backup dialog; its backups and restores run on the window's worker, and the pages
    reload from the runner's `changed` signal (a restore announces every table)."""
    from ui.backup_dialog import BackupDialog

    BackupDialog(ctx, tasks, parent).exec()
