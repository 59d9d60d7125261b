"""Enter on the wizard's last step finishes once the "kept the key" box is ticked, however the
tick was made: in a real window Alt+G ticks with Qt's animated click (the box changes 100 ms
later), and an Enter that arrived in that time, queued behind the slow office creation,
found Hoàn tất still disabled and was lost (the wizard stayed open)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from ui.wizard import FirstRunWizard


def _at_recovery(tmp_path, qtbot) -> FirstRunWizard:
    wizard = FirstRunWizard(tmp_path / "enter.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    wizard.next()
    wizard.office.search.setText("cang long")
    wizard.next()
    assert wizard.currentPage() is wizard.recovery
    wizard.recovery.kept.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.recovery.kept)
    return wizard


def test_enter_right_after_the_animated_tick_finishes(tmp_path, qtbot):
    wizard = _at_recovery(tmp_path, qtbot)
    kept = wizard.recovery.kept
    kept.animateClick()                            # what the Alt+G mnemonic does
    assert not kept.isChecked()
    qtbot.keyClick(kept, Qt.Key.Key_Return)        # Enter before the tick has landed
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert kept.isChecked() and wizard.result() == QWizard.DialogCode.Accepted
    wizard.ctx.close()


def test_enter_on_the_ticked_box_finishes(tmp_path, qtbot):
    wizard = _at_recovery(tmp_path, qtbot)
    qtbot.keyClick(wizard.recovery.kept, Qt.Key.Key_Space)
    assert wizard.recovery.kept.isChecked()
    qtbot.keyClick(wizard.recovery.kept, Qt.Key.Key_Return)
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Accepted
    wizard.ctx.close()


def test_enter_without_the_tick_does_not_finish(tmp_path, qtbot):
    wizard = _at_recovery(tmp_path, qtbot)
    qtbot.keyClick(wizard.recovery.kept, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert wizard.isVisible() and wizard.currentPage() is wizard.recovery
    wizard.reject()
