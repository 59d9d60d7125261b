"""Questionnaire builder: the survey's general facts, its questions in order, and an
editor for one question (kind, options one per line, required, skip rule)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.surveys import questionnaire as qn
from app.surveys.model import KINDS, Question, SkipRule
from app.text import vn_iso
from ui.errors import show_error
from ui.feedback import confirm, notify
from ui.files import choose_folder
from ui.flow import FlowLayout
from ui.icons import icon
from ui.models import Column, RowsModel
from ui.refusal import refusal
from ui.widgets import lock_widgets, setup_table, show_text

CLOSED_TIP = "Cuộc điều tra đã kết thúc: chuyển trạng thái về “Đang thu phiếu” để sửa."
SURVEY = frozenset({"surveys"})                                  # the general facts
QUESTIONS = frozenset({"survey_questions", "survey_options"})    # a question with its options
ORDER = frozenset({"survey_questions"})                          # a move renumbers the questions


def _render_printable(ctx, sid: str, folder):
    """On the worker, where the document writers it needs are imported when first used."""
    from app.surveys import printable

    return printable.render(ctx, sid, folder)


class BuilderView(QWidget):
    """Every write is an op on the worker naming its tables; the page's picker follows the
    runner's `changed` (a new title or status)."""

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.sid: str | None = None
        self.closed = False
        self.busy = False   # a write runs, or its result is not shown yet
        self.questions: list[Question] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._info_box())
        split = QSplitter()
        layout.addWidget(split, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.model = RowsModel([
            Column("Câu", lambda q: q.no, align_right=True),
            Column("Nội dung", lambda q: q.text, tip=True),
            Column("Loại", lambda q: KINDS[q.kind]),
            Column("Phương án", lambda q: len(q.choices) if q.has_choices else ""),
            Column("Điều kiện", lambda q: q.skip.describe() if q.skip else ""),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(4, 170)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _: self._edit(cur.row()))
        lv.addWidget(self.table, 1)
        buttons = FlowLayout()      # wraps in a narrow window instead of widening it
        self.edit_buttons: list[QPushButton] = []
        for text, slot, name in (("Thêm câu mới", self._new, "add"), ("Lên", lambda: self._move(-1), ""),
                                 ("Xuống", lambda: self._move(1), ""), ("Xóa câu", self._delete, ""),
                                 ("In phiếu (PDF, DOCX)…", self._print, "print")):
            b = QPushButton(icon(name), text) if name else QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            if slot != self._print:
                self.edit_buttons.append(b)
        lv.addLayout(buttons)
        split.addWidget(left)
        split.addWidget(self._editor_box())
        split.setSizes([640, 420])

    def _info_box(self) -> QGroupBox:
        box = QGroupBox("Thông tin chung")
        form = QFormLayout(box)
        self.title = QLineEdit()
        self.purpose = QLineEdit()
        self.method = QComboBox()
        for code, name in qn.METHODS.items():
            self.method.addItem(name, code)
        self.state = QComboBox()
        for code, name in qn.STATUSES.items():
            self.state.addItem(name, code)
        self.starts, self.ends = QLineEdit(), QLineEdit()
        for w in (self.starts, self.ends):
            w.setPlaceholderText("dd/mm/yyyy")
            w.setMaximumWidth(120)
        row = QHBoxLayout()
        for label, w in (("Hình thức:", self.method), ("Từ ngày:", self.starts), ("đến ngày:", self.ends),
                         ("Trạng thái:", self.state)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        save = QPushButton("Lưu thông tin")
        save.setObjectName("save_info")
        save.clicked.connect(self._save_info)
        row.addWidget(save)
        row.addStretch(1)
        form.addRow("Tên cuộc điều tra:", self.title)
        form.addRow("Mục đích:", self.purpose)
        form.addRow(row)
        return box

    def _editor_box(self) -> QGroupBox:
        box = QGroupBox("Câu hỏi đang sửa")
        form = QFormLayout(box)
        self.q_text = QPlainTextEdit()
        self.q_text.setMaximumHeight(70)
        self.q_kind = QComboBox()
        for code, name in KINDS.items():
            self.q_kind.addItem(name, code)
        self.q_options = QPlainTextEdit()
        self.q_options.setPlaceholderText("Mỗi dòng một phương án (thang đo: để trống dùng 5 mức chuẩn)")
        self.q_required = QCheckBox("Bắt buộc trả lời")
        self.q_required.setChecked(True)
        self.q_skip = QCheckBox("Chỉ hỏi nếu câu")
        self.skip_q, self.skip_opt = QSpinBox(), QSpinBox()
        self.skip_q.setRange(1, 200)
        self.skip_opt.setRange(1, 20)
        skip_row = QHBoxLayout()
        for w in (self.q_skip, self.skip_q, QLabel("= phương án"), self.skip_opt):
            skip_row.addWidget(w)
        skip_row.addStretch(1)
        self.q_save = QPushButton("Lưu câu hỏi")
        self.q_save.clicked.connect(self._save_question)
        self.editing: Question | None = None
        form.addRow("Nội dung:", self.q_text)
        form.addRow("Loại câu:", self.q_kind)
        form.addRow("Phương án:", self.q_options)
        form.addRow(self.q_required)
        form.addRow(skip_row)
        form.addRow(self.q_save)
        return box

    def show_survey(self, sid: str) -> None:
        """Read the survey and its questions on the worker, then fill the form."""
        self.sid, ctx = sid, self.ctx
        self.tasks.query(lambda: (qn.get_survey(ctx, sid), qn.load(ctx, sid).questions),
                         lambda loaded: self._show_survey(sid, *loaded), parent=self)

    def _show_survey(self, sid: str, s: qn.Survey, questions: list) -> None:
        if sid != self.sid:
            return   # another survey was chosen meanwhile
        self.title.setText(s.title)
        show_text(self.purpose, s.purpose)
        self.method.setCurrentIndex(self.method.findData(s.method))
        self.state.setCurrentIndex(self.state.findData(s.status))
        self.starts.setText(vn_iso(s.starts_on))
        self.ends.setText(vn_iso(s.ends_on))
        self._show_questions(questions)
        self.closed = s.status == "closed"
        # Read-only once closed; the status stays open to change, so the survey can be reopened.
        lock_widgets([self.title, self.purpose, self.method, self.starts, self.ends, self.q_text, self.q_kind,
                      self.q_options, self.q_required, self.q_skip, self.skip_q, self.skip_opt, self.q_save,
                      *self.edit_buttons], self.closed, CLOSED_TIP)

    def _reload(self, select_no: int | None = None) -> None:
        """Read the questions again on the worker (after a change), `select_no` selected."""
        sid, ctx = self.sid, self.ctx
        self.tasks.query(lambda: qn.load(ctx, sid).questions if sid else [],
                         lambda questions: self._show_questions(questions, select_no) if sid == self.sid else None,
                         parent=self)

    def _show_questions(self, questions: list, select_no: int | None = None) -> None:
        self.busy = False   # what a write changed is on screen: the next one may go
        self.questions = questions
        self.model.set_rows(self.questions)
        if self.questions:
            row = next((i for i, q in enumerate(self.questions) if q.no == select_no), 0)
            self.table.selectRow(row)
            self._edit(row)
        else:
            self._new()

    def _edit(self, row: int) -> None:
        if not 0 <= row < len(self.questions):
            return
        q = self.editing = self.questions[row]
        self.q_text.setPlainText(q.text)
        self.q_kind.setCurrentIndex(self.q_kind.findData(q.kind))
        self.q_options.setPlainText("\n".join(q.options))
        self.q_required.setChecked(q.required)
        self.q_skip.setChecked(q.skip is not None)
        if q.skip:
            self.skip_q.setValue(q.skip.question_no)
            self.skip_opt.setValue(q.skip.option_no)
        self.q_save.setText(f"Lưu câu {q.no}")

    def _new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.q_text.clear()
        self.q_options.clear()
        self.q_skip.setChecked(False)
        self.q_required.setChecked(True)
        self.q_save.setText("Thêm câu này vào cuối phiếu")
        self.q_text.setFocus()

    def _run(self, fn: Callable[[], object], tables: frozenset[str], then: Callable[[], None]) -> None:
        """Write on the worker, then `then()` (which reads the questions again); a refusal is shown
        in a message and the form keeps what was typed. `fn` runs on the worker: it gets values
        read from the widgets beforehand. One write at a time: a second click before the
        questions are shown again would add the same question twice, so it is ignored."""
        if self.busy:
            return
        self.busy = True
        self.tasks.op(fn, tables=tables, on_done=lambda _: then(), on_failed=self._refused, parent=self)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        show_error(self, refusal(exc))   # a bug is raised again by refusal()

    def _save_info(self) -> None:
        ctx, sid = self.ctx, self.sid
        facts = {"title": self.title.text(), "purpose": self.purpose.text(), "method": self.method.currentData(),
                 "status": self.state.currentData(), "starts_on": self.starts.text() or None,
                 "ends_on": self.ends.text() or None}
        self._run(lambda: qn.update_survey(ctx, sid, **facts), SURVEY,
                  lambda: self.show_survey(sid))     # closing locks the form, reopening frees it

    def _save_question(self) -> None:
        ctx, sid, editing = self.ctx, self.sid, self.editing
        text, kind, required = self.q_text.toPlainText(), self.q_kind.currentData(), self.q_required.isChecked()
        options = self.q_options.toPlainText().splitlines()
        skip = SkipRule(self.skip_q.value(), self.skip_opt.value()) if self.q_skip.isChecked() else None
        if editing is None:
            no = len(self.questions) + 1
            self._run(lambda: qn.add_question(ctx, sid, text, kind, options, required, skip), QUESTIONS,
                      lambda: self._reload(no))
        else:
            self._run(lambda: qn.update_question(ctx, editing.id, text=text, kind=kind, options=options,
                                                 required_=required, skip=skip), QUESTIONS,
                      lambda: self._reload(editing.no))

    def _move(self, delta: int) -> None:
        q, ctx = self.editing, self.ctx
        if q is not None:
            self._run(lambda: qn.move_question(ctx, q.id, delta), ORDER, lambda: self._reload(q.no + delta))

    def _delete(self) -> None:
        q, ctx = self.editing, self.ctx
        if q is None:
            notify(self, "Hãy chọn một câu hỏi trong danh sách để xóa.")
            return
        if not confirm(self, "Xóa câu hỏi", f"Xóa câu {q.no}: {q.text}?", "Xóa câu hỏi", "Không xóa"):
            return
        self._run(lambda: qn.delete_question(ctx, q.id), QUESTIONS, self._reload)

    def _print(self) -> None:
        folder = choose_folder(self, "Chọn thư mục lưu phiếu in")
        if not folder:
            return
        self.tasks.run(lambda: _render_printable(self.ctx, self.sid, folder), label="Đang tạo phiếu in…", parent=self,
                       on_done=lambda files: QMessageBox.information(
                           self, "Đã tạo phiếu in", "\n".join(str(f) for f in files)))
