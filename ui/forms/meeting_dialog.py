"""Thu phiếu tại hội nghị (mã QR): serve a form on the office's network while this window is
open, with the address as a QR code and a live counter against the attendance.

The server (app/forms/serve.py) answers phones on its own threads; this window only reads
its counter every half second. Collaborators' forms have one address each and no list on
the network: the window shows one chosen collaborator's QR code at a time, for the clerk to
show to that person.

Closing the window, or the app, stops the server. The stop writes to the store (it revokes
the session's personal-form tokens), so it runs on the window's worker (TaskRunner.op), and
then announces what phones sent so every page reloads it.

The idle lock hides this window like every other (nothing readable stays on screen) but the
collection goes on: at a meeting nobody touches the PC while the room fills in the form, and
a lock that silently cut off the phones mid-meeting would lose answers. Phones keep sending
to the server, which imports with the signed-in session's rights; on unlock the window comes
back with the counter up to date. Cancelling the lock quits the app, which stops the server."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from app.forms import serve
from ui.tasks import TaskRunner

# What a meeting writes: the lists and counts that show it reload once it stops.
MEETING_TABLES = frozenset({"survey_responses", "survey_answers", "opinion_inbox", "form_receipts", "form_tokens"})


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class MeetingDialog(QDialog):
    def __init__(self, server: serve.FormServer, title: str, tasks: TaskRunner, parent=None) -> None:
        """`server` is already listening (started on the worker: it reads the form from the store)."""
        super().__init__(parent)
        self.setWindowTitle("Thu phiếu tại hội nghị")
        self.server, self.tasks = server, tasks
        self.stopping = False
        self.url = server.url or server.links[0][1]
        layout = QVBoxLayout(self)
        what = QLabel(f"Đang thu: {title}")
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        layout.addWidget(what)
        steps = QLabel("Người dự nối điện thoại vào Wi-Fi của cơ quan, quét mã QR bằng camera hoặc Zalo, "
                       "điền phiếu và bấm “Gửi phiếu”. Phiếu được mã hóa trên điện thoại và vào máy này ngay.")
        steps.setWordWrap(True)
        layout.addWidget(steps)
        self.who: QComboBox | None = None
        if server.links:
            steps.setText("Mỗi cộng tác viên có địa chỉ riêng: chọn tên, đưa đồng chí đó quét mã QR của mình "
                          "(điện thoại nối Wi-Fi của cơ quan). Không ai trong mạng xem được danh sách cộng tác viên.")
            self.who = QComboBox()
            for name, url in server.links:
                self.who.addItem(name, url)
            self.who.currentIndexChanged.connect(lambda _: self.show_address(self.who.currentData()))
            layout.addWidget(self.who)
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
            app.aboutToQuit.connect(self._stop_at_quit)
        self.finished.connect(self.stop)
        window = parent.window() if parent is not None else None
        if window is not None and hasattr(window, "closed"):
            window.closed.connect(self.stop)  # the main window closing stops the server too

    def show_address(self, url: str) -> None:
        self.url = url
        self.qr.setPixmap(qr_pixmap(url))
        self.address.setText(url)

    def update_counter(self) -> None:
        self.counter.setText(self.server.counter.text())

    @property
    def running(self) -> bool:
        return self.server.thread is not None

    def stop(self) -> None:
        """Stop on the worker (it revokes tokens in the store); the window's counter shows the
        final count once it is done. At quit, wait for it: the store closes after."""
        if not self.running or self.stopping:
            return
        self.stopping = True
        self.timer.stop()
        self.tasks.op(self.server.stop, tables=MEETING_TABLES, on_done=lambda _: self._stopped(), parent=self)

    def _stopped(self) -> None:
        self.server.thread = None
        self.stopping = False
        self.update_counter()

    def _stop_at_quit(self) -> None:
        self.stop()
        self.tasks.wait(10000)
