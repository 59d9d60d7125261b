"""Open a file with the program the system associates with it, and know whether that worked.

On Linux QDesktopServices.openUrl only starts `xdg-open` and returns True even when xdg-open
then finds no program ("Mở bằng Word" said it had opened, issue 25). There we run xdg-open
ourselves and read its exit status (0: a program took the file; 3: none found; 4: it
failed); a still-running xdg-open after a few seconds is a program that opened in its
place. Windows and macOS report a missing association through openUrl itself.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.feedback import notify

WAIT_S = 4.0


def open_path(path: str | Path) -> bool:
    """True when a program took the file."""
    if not sys.platform.startswith("linux"):
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    tool = shutil.which("xdg-open")
    if tool is None:
        return False
    try:
        process = subprocess.Popen([tool, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return False
    try:
        return process.wait(timeout=WAIT_S) == 0
    except subprocess.TimeoutExpired:
        return True  # xdg-open waits on the program it started: it opened


def open_or_say(parent: QWidget, path: str | Path, what: str) -> bool:
    """Open a DOCX `what` ("báo cáo", "biên bản") with the word processor; a failure is said."""
    if open_path(path):
        notify(parent, f"Đã mở {what} bằng chương trình soạn thảo văn bản.")
        return True
    notify(parent, "Không mở được tệp DOCX.")
    QMessageBox.warning(parent, "Không mở được tệp DOCX",
                        f"Không mở được {what} bằng chương trình soạn thảo văn bản: máy này chưa có chương trình "
                        "mở được tệp DOCX (Microsoft Word, LibreOffice Writer…) hoặc chương trình đó báo lỗi. Hãy "
                        "cài một chương trình như vậy, hoặc dùng «Lưu PDF…» / «In…».")
    return False
