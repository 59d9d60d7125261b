"""The administrator's dialogs (accounts, backups), opened from the audit page and from the
Công cụ menu alike; kept apart so neither imports the other (no page <-> dialog cycle)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import Ctx


def open_users(ctx: Ctx, parent: QWidget | None) -> None:
    from ui.users_dialog import UsersDialog

    UsersDialog(ctx, parent).exec()


def open_backups(ctx: Ctx, parent: QWidget | None, on_restored: Callable[[], None] | None = None) -> None:
    from ui.backup_dialog import BackupDialog

    dialog = BackupDialog(ctx, parent)
    if on_restored is not None:
        dialog.restored.connect(on_restored)
    dialog.exec()
