"""Thu phiếu tại hội nghị (mã QR): serve a form on the office's network while this window is
open, with the address as a QR code and a live counter against the attendance.

The server (app/forms/serve.py) answers phones on its own threads; this window only reads
its counter every half second. Closing the window, or the app, stops the server."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from app.forms import serve


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class MeetingDialog(QDialog):
    def __init__(self, server: serve.FormServer, title: str, parent=None) -> None:
        """`server` is already listening (started on the worker: it reads the form from the store)."""
        super().__init__(parent)
        self.setWindowTitle("Thu phiếu tại hội nghị")
        self.server = server
        self.url = server.url
        layout = QVBoxLayout(self)
        what = QLabel(f"Đang thu: {title}")
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        layout.addWidget(what)
        steps = QLabel("Người dự nối điện thoại vào Wi-Fi của cơ quan, quét mã QR bằng camera hoặc Zalo, "
                       "điền phiếu và bấm “Gửi phiếu”. Phiếu được mã hóa trên điện thoại và vào máy này ngay.")
        steps.setWordWrap(True)
        layout.addWidget(steps)
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(self.url))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.qr, 1)
        self.address = QLabel(self.url)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setObjectName("meetingAddress")
        layout.addWidget(self.address)
        self.counter = QLabel(self.server.counter.text())
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setObjectName("meetingCounter")
        font = self.counter.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.counter.setFont(font)
        layout.addWidget(self.counter)
        buttons = QDialogButtonBox()
        self.stop_button = QPushButton("Dừng thu phiếu")
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.update_counter)
        self.timer.start(500)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.finished.connect(self.stop)
        window = parent.window() if parent is not None else None
        if window is not None and hasattr(window, "closed"):
            window.closed.connect(self.stop)  # the main window closing stops the server too

    def update_counter(self) -> None:
        self.counter.setText(self.server.counter.text())

    @property
    def running(self) -> bool:
        return self.server.thread is not None

    def stop(self) -> None:
        if self.running:
            self.timer.stop()
            self.server.stop()
            self.server.thread = None
            self.update_counter()
