"""One step of the handling loop for an item or a topic: forward to an agency with a due date,
record the result, or record the feedback date. A refusal keeps the dialog open with its text.
The agencies are a query and the step an op on the window's task runner declaring the item's or
topic's table: the pages showing it reload from `changed`, the caller refreshes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.context import Ctx
from app.errors import DlxhError
from app.office import agencies
from app.opinions import handling
from app.text import vn_date
from ui import palette
from ui.opinion.choice import ChoiceEdit
from ui.refusal import refusal
from ui.tasks import TaskRunner

TITLES = {"forward": "Chuyển xử lý", "resolve": "Ghi kết quả giải quyết", "answer": "Ghi ngày phản hồi"}


class HandlingDialog(QDialog):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, kind: str, row_id: str, step: str, subject: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.kind, self.row_id, self.step = ctx, tasks, kind, row_id, step
        self.setWindowTitle(TITLES[step])
        self.resize(560, 260)
        form = QFormLayout(self)
        about = QLabel(subject)
        about.setWordWrap(True)
        form.addRow("Nội dung", about)
        today = vn_date(date.today())
        self.agency = ChoiceEdit({}, "Cơ quan nhận xử lý")
        if step == "forward":
            tasks.query(lambda: {a.code: a.name for a in agencies(ctx)}, self.agency.set_options, parent=self)
        self.on = QLineEdit(today)
        self.due = QLineEdit(vn_date(date.today() + timedelta(days=30)))
        self.result = QPlainTextEdit()
        self.result.setTabChangesFocus(True)
        if step == "forward":
            form.addRow("Cơ quan nhận", self.agency)
            form.addRow("Ngày chuyển", self.on)
            form.addRow("Hạn xử lý", self.due)
        elif step == "resolve":
            form.addRow("Kết quả giải quyết", self.result)
            form.addRow("Ngày giải quyết", self.on)
        else:
            form.addRow("Ngày phản hồi cho người phản ánh", self.on)
        self.error = QLabel()
        self.error.setWordWrap(True)
        palette.set_tone(self.error, "error")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        ctx, kind, row_id, on = self.ctx, self.kind, self.row_id, self.on.text()
        if self.step == "forward":
            self.agency.settle()
            try:
                agency, due = self.agency.code() or "", self.due.text()
            except DlxhError as exc:      # no agency chosen: said here like any refusal, the dialog stays
                self._refused(exc)
                return
            write = lambda: handling.forward(ctx, kind, row_id, agency, due, on)  # noqa: E731
        elif self.step == "resolve":
            result = self.result.toPlainText()
            write = lambda: handling.resolve(ctx, kind, row_id, result, on)  # noqa: E731
        else:
            write = lambda: handling.answer(ctx, kind, row_id, on)  # noqa: E731
        self.tasks.op(write, tables={handling.KINDS.get(kind, kind)}, on_done=lambda _: super(HandlingDialog, self).accept(),
                      on_failed=self._refused, parent=self)

    def _refused(self, exc: BaseException) -> None:
        self.error.setText(refusal(exc).message)
