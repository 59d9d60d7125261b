"""The question at save when a new item is a likely double entry (same collaborator or meeting,
near-identical text): merge it into the earlier item or keep it separate; Esc goes back to
the form with nothing saved. A thin view: the finding is app.analytics.similar.duplicates,
the merge app.analytics.similar.merge_into.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.analytics.similar import Similar
from app.text import vn_iso
from ui import palette

MERGE, SEPARATE = "merge", "separate"


class DuplicateDialog(QDialog):
    def __init__(self, found: Similar, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Có thể trùng ý kiến đã nhập")
        self.choice: str | None = None
        box = QVBoxLayout(self)
        who = "cùng cộng tác viên" if found.collaborator_id else "cùng hội nghị"
        head = QLabel(f"Ý kiến đang nhập giống <b>{round(100 * found.score)}%</b> một ý kiến đã có ({who}, "
                      f"ngày {vn_iso(found.received_on)}"
                      + (f", {html.escape(found.area_name)}" if found.area_name else "") + "):")
        head.setWordWrap(True)
        box.addWidget(head)
        earlier = QLabel(f"<i>{html.escape(found.summary)}</i>")
        earlier.setWordWrap(True)
        earlier.setObjectName("quoted")
        box.addWidget(earlier)
        box.addWidget(QLabel("Ý kiến đang nhập:"))
        typed = QLabel(f"<i>{html.escape(summary)}</i>")
        typed.setWordWrap(True)
        typed.setObjectName("quoted")
        box.addWidget(typed)
        hint = QLabel("Gộp: nội dung mới được thêm vào ý kiến đã có, không tạo ý kiến thứ hai. "
                      "Esc: quay lại sửa, chưa lưu gì.")
        hint.setWordWrap(True)
        palette.set_tone(hint, "muted")
        box.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.merge_button = QPushButton("&Gộp vào ý kiến đã có")
        self.separate_button = QPushButton("Vẫn &lưu riêng")
        for button, choice in ((self.merge_button, MERGE), (self.separate_button, SEPARATE)):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            row.addWidget(button)
        self.merge_button.setDefault(True)
        box.addLayout(row)
        self.setMinimumWidth(640)
        self.adjustSize()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.merge_button.setFocus()


def ask(found: Similar, summary: str, parent: QWidget | None = None) -> str | None:
    """MERGE, SEPARATE, or None when the clerk pressed Esc (back to the form)."""
    dialog = DuplicateDialog(found, summary, parent)
    dialog.exec()
    return dialog.choice
