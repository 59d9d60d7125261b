"""Attendance by keystroke: C có mặt, V vắng, P vắng có lý do (or 1 / 2 / 3); the cursor
moves to the next person. Changes are saved in one batch half a second after the last key, as
an op on the window's task runner declaring the attendance and its meeting (whose version
moves): the page reloads the roster, its tally and the list from `changed`. A reload of the
roster shown keeps the cursor and the marks not yet stored; a refusal (a planned meeting) is
said in a message and the stored roster shown again."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QInputDialog, QTableWidget, QTableWidgetItem, QWidget

from app.context import Ctx
from app.meetings import core as meetings
from app.meetings import planning
from ui import palette
from ui.errors import show_error
from ui.refusal import refusal
from ui.tasks import TaskRunner
from ui.widgets import compact_columns

KEYS = {Qt.Key.Key_C: "present", Qt.Key.Key_1: "present", Qt.Key.Key_V: "absent", Qt.Key.Key_2: "absent",
        Qt.Key.Key_P: "excused", Qt.Key.Key_3: "excused"}
COLOURS = {"present": palette.COLOURS["good_bg"], "absent": palette.COLOURS["bad_bg"],
           "excused": palette.COLOURS["pending_bg"]}


class AttendanceTable(QTableWidget):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.ctx, self.tasks = ctx, tasks
        self.meeting_id: str | None = None
        self.lines: list[planning.RosterLine] = []
        self.pending: dict[str, str] = {}    # marks typed, not yet sent
        self.sending: dict[str, str] = {}    # marks sent to the worker, not yet stored
        self.reasons: dict[str, str] = {}
        self.setHorizontalHeaderLabels(["Cộng tác viên", "Địa bàn", "Tham dự", "Lý do vắng"])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.flush)

    def show_lines(self, meeting_id: str | None, lines: list[planning.RosterLine]) -> None:
        """Show the roster the worker read. The same meeting again (a reload after a write) keeps
        the cursor, and the marks typed or sent since the read stay shown over it."""
        again = meeting_id is not None and meeting_id == self.meeting_id
        if not again:
            self.flush()
            self.sending = {}
        row = self.currentRow()
        self.meeting_id = meeting_id
        unsaved = {**self.sending, **self.pending}
        self.lines = [replace(x, presence=unsaved.get(x.collaborator_id, x.presence)) for x in lines]
        self.reasons = {x.collaborator_id: x.reason for x in self.lines if x.reason} | \
            ({k: v for k, v in self.reasons.items() if k in unsaved} if again else {})
        self.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            self.setItem(r, 0, QTableWidgetItem(line.full_name))
            self.setItem(r, 1, QTableWidgetItem(line.area_name))
            self._show(r, line.presence, self.reasons.get(line.collaborator_id))
        # Name, area and presence as wide as they read, the reason the rest: fixed widths of 200,
        # 170 and 120 px pushed "Lý do vắng" off the pane at 1280x720.
        compact_columns(self, stretch=3)
        if self.lines:
            self.setCurrentCell(row if again and 0 <= row < len(self.lines) else 0, 2)

    def _show(self, row: int, presence: str | None, reason: str | None) -> None:
        item = QTableWidgetItem(meetings.PRESENCE.get(presence or "", "—"))
        colour = COLOURS.get(presence or "")
        for col, it in ((2, item), (3, QTableWidgetItem(reason or ""))):
            if colour:
                it.setBackground(QColor(colour))
            self.setItem(row, col, it)

    def presence_of(self, row: int) -> str | None:
        line = self.lines[row]
        return self.pending.get(line.collaborator_id, self.sending.get(line.collaborator_id, line.presence))

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
        """Send pending marks to the worker now (one transaction)."""
        self.timer.stop()
        if not self.pending or not self.meeting_id:
            return
        pending, self.pending = self.pending, {}
        self.sending.update(pending)
        ctx, meeting_id = self.ctx, self.meeting_id
        reasons = {cid: r for cid, r in self.reasons.items() if cid in pending and r}
        self.tasks.op(lambda: meetings.set_attendance(ctx, meeting_id, pending, reasons),
                      tables={"meeting_attendance", "meetings"}, parent=self,
                      on_done=lambda _: self._stored(meeting_id, pending),
                      on_failed=lambda exc: self._refused(meeting_id, exc))

    def _stored(self, meeting_id: str, sent: dict[str, str]) -> None:
        if meeting_id == self.meeting_id:
            for cid, presence in sent.items():
                if self.sending.get(cid) == presence:
                    del self.sending[cid]

    def _refused(self, meeting_id: str, exc: BaseException) -> None:
        """Say why, and show again what is stored (read on the worker)."""
        show_error(self, refusal(exc))
        if meeting_id != self.meeting_id:
            return
        self.sending, self.pending, ctx = {}, {}, self.ctx
        self.meeting_id = None     # shown anew: the stored marks replace the refused ones
        self.tasks.query(lambda: planning.roster(ctx, meeting_id), lambda lines: self.show_lines(meeting_id, lines),
                         parent=self)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Hide:
            self.flush()
        return super().event(e)
