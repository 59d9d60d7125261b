"""A drop zone for responses: files and folders dragged from the file manager or a mail
client, or text dragged from a chat; also a button row for those who do not drag."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class DropZone(QFrame):
    files_dropped = Signal(list)  # local paths (files or folders)
    text_dropped = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(90)
        label = QLabel("Kéo thả vào đây tệp phiếu (.age, .txt), thư mục tệp đính kèm đã lưu,\n"
                       "hoặc đoạn tin nhắn có phiếu đã mã hóa")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        data = event.mimeData()
        if data.hasUrls() or data.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        data = event.mimeData()
        paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        if paths:
            self.files_dropped.emit(paths)
        elif data.hasText():
            self.text_dropped.emit(data.text())
        event.acceptProposedAction()
