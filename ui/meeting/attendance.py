"""Attendance by keystroke: C có mặt, V vắng, P vắng có lý do (or 1 / 2 / 3); the cursor
moves to the next person. Changes are saved in one batch half a second after the last key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QInputDialog, QTableWidget, QTableWidgetItem, QWidget

from app.context import Ctx
from app.errors import DlxhError
from app.meetings import core as meetings
from app.meetings import planning
from ui.errors import show_error

KEYS = {Qt.Key.Key_C: "present", Qt.Key.Key_1: "present", Qt.Key.Key_V: "absent", Qt.Key.Key_2: "absent",
        Qt.Key.Key_P: "excused", Qt.Key.Key_3: "excused"}
COLOURS = {"present": "#e6f4ea", "absent": "#fdecea", "excused": "#fff6d6"}


class AttendanceTable(QTableWidget):
    saved = Signal()

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.ctx = ctx
        self.meeting_id: str | None = None
        self.lines: list[planning.RosterLine] = []
        self.pending: dict[str, str] = {}
        self.reasons: dict[str, str] = {}
        self.setHorizontalHeaderLabels(["Cộng tác viên", "Địa bàn", "Tham dự", "Lý do vắng"])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 200)
        self.setColumnWidth(1, 170)
        self.setColumnWidth(2, 120)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.flush)

    def load(self, meeting_id: str | None) -> None:
        """Read the roster here (after a refused save); pages read it on the worker and call
        `show_lines`."""
        self.flush()
        self.show_lines(meeting_id, planning.roster(self.ctx, meeting_id) if meeting_id else [])

    def show_lines(self, meeting_id: str | None, lines: list[planning.RosterLine]) -> None:
        self.flush()
        self.meeting_id = meeting_id
        self.lines = lines
        self.reasons = {x.collaborator_id: x.reason for x in self.lines if x.reason}
        self.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            self.setItem(row, 0, QTableWidgetItem(line.full_name))
            self.setItem(row, 1, QTableWidgetItem(line.area_name))
            self._show(row, line.presence, line.reason)
        if self.lines:
            self.setCurrentCell(0, 2)

    def _show(self, row: int, presence: str | None, reason: str | None) -> None:
        item = QTableWidgetItem(meetings.PRESENCE.get(presence or "", "—"))
        colour = COLOURS.get(presence or "")
        for col, it in ((2, item), (3, QTableWidgetItem(reason or ""))):
            if colour:
                it.setBackground(QColor(colour))
            self.setItem(row, col, it)

    def presence_of(self, row: int) -> str | None:
        line = self.lines[row]
        return self.pending.get(line.collaborator_id, line.presence)

    def mark(self, row: int, presence: str) -> None:
        line = self.lines[row]
        self.pending[line.collaborator_id] = presence
        if presence != "excused":
            self.reasons.pop(line.collaborator_id, None)
        self._show(row, presence, self.reasons.get(line.collaborator_id))
        self.timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        row = self.currentRow()
        key = Qt.Key(event.key())
        if row >= 0 and key in KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.mark(row, KEYS[key])
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, 2)
            return
        if row >= 0 and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.presence_of(row) == "excused":
            self.ask_reason(row)
            return
        super().keyPressEvent(event)

    def ask_reason(self, row: int) -> None:
        line = self.lines[row]
        text, ok = QInputDialog.getText(self, "Lý do vắng", f"Lý do vắng của {line.full_name}:",
                                        text=self.reasons.get(line.collaborator_id, ""))
        if ok:
            self.reasons[line.collaborator_id] = text.strip()
            self.mark(row, "excused")

    def flush(self) -> None:
        """Save pending marks now (one transaction)."""
        self.timer.stop()
        if not self.pending or not self.meeting_id:
            return
        pending, self.pending = self.pending, {}
        try:
            meetings.set_attendance(self.ctx, self.meeting_id, pending,
                                    {cid: r for cid, r in self.reasons.items() if cid in pending and r})
        except DlxhError as exc:        # refused (a planned meeting): say so, show what is stored
            show_error(self, exc)
            self.load(self.meeting_id)
            return
        self.lines = [planning.RosterLine(x.collaborator_id, x.full_name, x.area_name,
                                          pending.get(x.collaborator_id, x.presence),
                                          self.reasons.get(x.collaborator_id, x.reason)) for x in self.lines]
        self.saved.emit()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Hide:
            self.flush()
        return super().event(e)
