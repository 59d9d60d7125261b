"""The main window comes back at the size and maximised state it was closed with (QSettings)."""

import pytest
from PySide6.QtCore import QSettings

from ui.main_window import GEOMETRY_KEY, MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _open(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    return window


def test_size_and_maximised_state_survive_a_restart(qtbot, demo_ctx):
    QSettings().remove(GEOMETRY_KEY)
    first = _open(qtbot, demo_ctx)
    first.show()
    first.resize(720, 540)      # within the offscreen screen (800×600): restoreGeometry clamps to it
    qtbot.waitUntil(lambda: first.size().width() == 720)
    first.close()
    assert QSettings().value(GEOMETRY_KEY) is not None

    second = _open(qtbot, demo_ctx)
    second.show()
    assert (second.width(), second.height()) == (720, 540)
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized)
    second.close()

    third = _open(qtbot, demo_ctx)
    third.show()
    qtbot.waitUntil(third.isMaximized)
    third.showNormal()       # leaving the maximised state gives back the size it was closed with
    qtbot.waitUntil(lambda: not third.isMaximized())
    assert (third.width(), third.height()) == (720, 540)
    third.close()
