"""File and folder pickers that start where the clerk expects: the folder used last time,
else Documents (never the program's folder). Only the folder path is remembered (QSettings);
it says nothing about report contents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_KEY = "files/last_dir"


def start_dir() -> str:
    """The last folder used if it still exists, else Documents, else home."""
    last = QSettings().value(_KEY, "", type=str)
    if last and Path(last).is_dir():
        return last
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def remember(path: str) -> None:
    if path:
        p = Path(path)
        QSettings().setValue(_KEY, str(p if p.is_dir() else p.parent))


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Ask where to save `name`; returns the chosen path or "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_dir()) / name) if name else start_dir(),
                                          filters)
    remember(path)
    return path


def open_file(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_dir(), filters)
    remember(path)
    return path


def open_files(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Several files at once (a province's packages from a USB stick); [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_dir(), filters)
    if paths:
        remember(paths[0])
    return paths


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, start or start_dir())
    remember(folder)
    return folder
