"""The preview tab of the report panel: a rendered report's pages as images, top to bottom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


class PreviewPane(QScrollArea):
    """`pages` holds one QLabel per page; the panel decides when to render (on its worker)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        self.setWidgetResizable(True)
        self.setWidget(holder)

    def clear(self) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def show_pages(self, images: list[bytes]) -> None:
        self.clear()
        for png in images:
            label = QLabel()
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setObjectName("previewPage")   # style.qss: grey around the page
            self.pages.addWidget(label)
