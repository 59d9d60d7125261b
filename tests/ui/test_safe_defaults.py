"""Destructive or irreversible steps ask first, and Enter or Esc gives the safe answer: a
QMessageBox left to itself makes its accept button the default, so Enter signed a report or
deleted a row. Every question goes through ui.feedback.confirm (issue 25)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.feedback import confirm

UI = Path(__file__).resolve().parents[2] / "ui"


def _press_in_next_question(qtbot, key: Qt.Key, seen: list[str]) -> None:
    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(" / ".join(b.text() for b in box.buttons()))
            qtbot.keyClick(box, key)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(300))


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape])
def test_enter_or_esc_on_a_question_is_no(qtbot, key) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []
    _press_in_next_question(qtbot, key, seen)
    assert confirm(parent, "Ký số", "Ký số báo cáo?", "Ký số", "Chưa ký") is False
    assert seen == ["Ký số / Chưa ký"]


def test_no_question_in_ui_bypasses_the_safe_default() -> None:
    """QMessageBox.question / StandardButton.Yes default to Yes; a hand-built box with an
    accept or destructive button must set its default explicitly."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"QMessageBox\.question\(|StandardButton\.Yes\b|QMessageBox\.Yes\b", text):
            offenders.append(f"{path.name}: QMessageBox.question")
        if re.search(r"ButtonRole\.(AcceptRole|DestructiveRole|YesRole)", text) and "QMessageBox(" in text \
                and "setDefaultButton" not in text:
            offenders.append(f"{path.name}: message box without an explicit default")
    assert offenders == []
