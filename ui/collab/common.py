"""Small pieces every dialog of the collaborators page uses: the red error line and the
OK/Cancel row with Vietnamese labels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from ui import palette


def error_label() -> QLabel:
    label = QLabel()
    palette.set_tone(label, "error")
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog, on_ok: Callable[[], object], ok_text: str = "Lưu") -> QDialogButtonBox:
    """OK runs `on_ok` (which accepts the dialog itself when the input passes); Cancel closes."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_button(buttons: QDialogButtonBox):
    return buttons.button(QDialogButtonBox.StandardButton.Ok)
