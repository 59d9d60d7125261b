"""The details of one meeting: date, kind, time, place, chair, secretary, agenda, materials,
minutes. Saving is an op on the window's task runner declaring 'meetings': the page showing
the list reloads from `changed` (the saved meeting stays chosen, it is the editor's meeting by
then). A refusal names the field and keeps everything typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import Ctx
from app.meetings import core as meetings
from app.text import vn_iso
from ui import palette
from ui.refusal import refusal
from ui.tasks import TaskRunner
from ui.widgets import show_text


class MeetingEditor(QWidget):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.meeting: meetings.Meeting | None = None
        self._as_loaded: meetings.Meeting | None = None   # the form as last filled or saved
        self.saving = False   # a save on the worker: a second Ctrl+S must not create the meeting twice
        self.held_on = QLineEdit()
        self.held_on.setPlaceholderText("dd/mm/yyyy")
        self.kind = QComboBox()
        for code, label in meetings.KINDS.items():
            self.kind.addItem(label, code)
        self.start_time, self.end_time = QLineEdit(), QLineEdit()
        self.start_time.setPlaceholderText("08:00")
        self.end_time.setPlaceholderText("11:00")
        for box, key in ((self.start_time, "start_time"), (self.end_time, "end_time")):   # one "Thời gian" row
            box.setToolTip(meetings.LABELS[key])
            box.setAccessibleName(meetings.LABELS[key])
        self.place, self.chair, self.secretary = QLineEdit(), QLineEdit(), QLineEdit()
        self.agenda, self.materials, self.minutes = QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit()
        for box, height in ((self.agenda, 70), (self.materials, 50), (self.minutes, 110)):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(height)
        form = QFormLayout()
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel("đến"))
        times.addWidget(self.end_time)
        form.addRow(meetings.LABELS["held_on"], self.held_on)
        form.addRow(meetings.LABELS["kind"], self.kind)
        form.addRow("Thời gian", times)
        form.addRow(meetings.LABELS["place"], self.place)
        form.addRow(meetings.LABELS["chair"], self.chair)
        form.addRow(meetings.LABELS["secretary"], self.secretary)
        form.addRow(meetings.LABELS["agenda"], self.agenda)
        form.addRow(meetings.LABELS["materials"], self.materials)
        form.addRow(meetings.LABELS["minutes"], self.minutes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton("Lưu hội nghị (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def load(self, meeting: meetings.Meeting | None) -> None:
        """Show `meeting` (None: a new one). The page reloads after every write it shows, so the
        meeting already shown comes back: its newer row is taken (the next save needs its version)
        but what the clerk has typed since and the status line stay."""
        again = meeting is not None and self.meeting is not None and meeting.id == self.meeting.id
        edited = again and self.current() != self._as_loaded
        self.meeting = meeting
        if not edited:
            self._fill(meeting or meetings.Meeting(held_on=date.today().isoformat(), kind="extraordinary"))
        if not again:
            self.status.setText("" if meeting else "Hội nghị mới: nhập ngày họp rồi bấm Lưu.")

    def _fill(self, m: meetings.Meeting) -> None:
        self.held_on.setText(vn_iso(m.held_on))
        self.kind.setCurrentIndex(max(0, self.kind.findData(m.kind)))
        for box, value in ((self.start_time, m.start_time), (self.end_time, m.end_time), (self.place, m.place),
                           (self.chair, m.chair), (self.secretary, m.secretary)):
            show_text(box, value or "")
        for text_box, value in ((self.agenda, m.agenda), (self.materials, m.materials), (self.minutes, m.minutes)):
            text_box.setPlainText(value or "")
        self._as_loaded = self.current()

    def current(self) -> meetings.Meeting:
        base = self.meeting or meetings.Meeting(held_on="")
        return replace(base, held_on=self.held_on.text(), kind=self.kind.currentData(),
                       start_time=self.start_time.text(), end_time=self.end_time.text(), place=self.place.text(),
                       chair=self.chair.text(), secretary=self.secretary.text(),
                       agenda=self.agenda.toPlainText(), materials=self.materials.toPlainText(),
                       minutes=self.minutes.toPlainText())

    def save(self) -> None:
        """Write on the worker; the status says the outcome when it comes back."""
        if self.saving:
            return
        m, ctx = self.current(), self.ctx
        self.saving = True
        self.tasks.op(lambda: meetings.update(ctx, m) if m.id else meetings.create(ctx, m), tables={"meetings"},
                      on_done=self._saved, on_failed=self._refused, parent=self)

    def _saved(self, saved: meetings.Meeting) -> None:
        self.saving = False
        self.meeting = saved     # before `changed`: the page's reload keeps this meeting chosen
        self._as_loaded = self.current()
        self.status.setText("Đã lưu.")

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        refused = refusal(exc)
        self.status.setText(palette.span(escape(f"Chưa lưu: {refused.message}"), "error"))
        target = {"held_on": self.held_on, "start_time": self.start_time, "end_time": self.end_time}
        if refused.field in target:
            target[refused.field].setFocus()
