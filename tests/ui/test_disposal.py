"""Top-level dialogs and replaced windows are deleted by Qt's event loop (ui.disposal), not by
Python's garbage collector the moment the last reference goes."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from ui.disposal import dispose


def _deleted_log(dialog: QDialog) -> list[str]:
    log: list[str] = []
    dialog.destroyed.connect(lambda *_: log.append("deleted"))
    return log


def test_a_dropped_dialog_is_deleted_at_once_without_dispose(qapp) -> None:
    """What dispose guards against: a parentless dialog dies with its last Python reference."""
    dialog = QDialog()
    log = _deleted_log(dialog)
    del dialog
    gc.collect()
    assert log == ["deleted"]


def test_a_disposed_dialog_lives_until_the_event_loop_deletes_it(qapp) -> None:
    dialog = QDialog()
    dialog.show()
    log = _deleted_log(dialog)
    dispose(dialog)
    assert not dialog.isVisible()
    dispose(dialog)   # twice is harmless
    del dialog
    gc.collect()
    assert log == []
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert log == ["deleted"]
