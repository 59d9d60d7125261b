"""Encrypted backups: make (manual, on exit, daily), list, preview, restore; damaged-DB help."""

from app.backup.core import Preview, auto_backup, check_file, folder_of, keep_of, make_backup
from app.backup.files import BackupFile, latest, list_backups
from app.backup.restore import explain, open_or_explain, preview, restore, set_auto, set_folder

__all__ = [
    "BackupFile", "Preview", "auto_backup", "check_file", "explain", "folder_of", "keep_of", "latest",
    "list_backups", "make_backup", "open_or_explain", "preview", "restore", "set_auto", "set_folder",
]
