"""Nhập phiếu: the keyboard entry grid in first-entry or double-entry check mode, the
legend of profile numbers, the list of differences found by the check, and file import."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.surveys import double_entry, entry
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from app.surveys.model import KINDS, PROFILE_FIELDS, Questionnaire
from ui import palette
from ui.files import open_file
from ui.flow import FlowLayout
from ui.refusal import refusal
from ui.survey.builder import CLOSED_TIP
from ui.survey.entry_grid import EntryGrid
from ui.survey.import_dialog import ImportDialog
from ui.widgets import lock_widgets

# Profile columns in the order of the printed form: gender, age band, stratum, area.
SHORT = {"gender": "Giới", "age_band": "Tuổi", "stratum": "Giai tầng", "area_code": "Địa bàn"}
RESPONSES = frozenset({"survey_responses", "survey_answers"})   # what keying or correcting a form writes
CHECKS = frozenset({"survey_check_entries"})                      # what a double-entry check writes


def next_form_no(form_no: str | None) -> str:
    """'0012' -> '0013' (keeps the zero padding); anything else -> ''."""
    if form_no and form_no.isdigit():
        return str(int(form_no) + 1).zfill(len(form_no))
    return ""


class EntryView(QWidget):
    """Keys forms; every read and write of the store is a job on the runner (a write is an op
    naming its tables, so the page's counts follow the runner's `changed`)."""

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.sid: str | None = None
        self.questionnaire: Questionnaire | None = None
        self.areas: dict[str, str] = {}
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItem("Nhập lần đầu", "first")
        self.mode.addItem("Nhập kiểm tra (lần hai, người khác nhập)", "check")
        self.mode.currentIndexChanged.connect(lambda _: self._mode_changed())
        self.channel = QComboBox()
        for code, name in rs.CHANNELS.items():
            self.channel.addItem(name, code)
        for label, w in (("Chế độ:", self.mode), ("Kênh:", self.channel)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        bar = FlowLayout()          # the actions on their own, wrapping row: the page must fit 1280 px
        pick = QPushButton("Chọn phiếu để kiểm tra (10%)")
        self.pick = pick
        pick.clicked.connect(self._pick_forms)
        fix = self.fix = QPushButton("Sửa phiếu đã nhập…")
        fix.clicked.connect(self._correct)
        bar.addWidget(fix)
        imp = self.import_button = QPushButton("Nhập từ tệp CSV/Excel…")
        imp.clicked.connect(self._import)
        bar.addWidget(pick)
        bar.addWidget(imp)
        layout.addLayout(bar)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.grid = EntryGrid()
        self.grid.submitted.connect(self._submit)
        layout.addWidget(self.grid, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        palette.set_tone(self.hint, "muted")
        self.grid.currentCellChanged.connect(lambda _r, c, _pr, _pc: self.hint.setText(self.tips[c] if 0 <= c < len(
            self.tips) else ""))
        layout.addWidget(self.hint)
        self.message = QLabel("Gõ số phương án; Tab sang ô kế; Enter lưu phiếu và sang dòng mới.")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.mismatches = QListWidget()
        self.mismatches.setMaximumHeight(110)
        self.mismatches.setVisible(False)
        layout.addWidget(self.mismatches)
        self.saved = 0
        self.tips: list[str] = []
        # grid row -> (id of the stored form being corrected, the number the row had before it,
        # the form's number as stored)
        self.correcting: dict[int, tuple[str, str, str]] = {}
        self.storing: int | None = None       # the grid row being stored on the worker
        self.generation = 0                   # +1 when the grid is rebuilt: late results are dropped

    def show_survey(self, sid: str) -> None:
        """Read the survey, its questions and the area names on the worker, then set up the grid."""
        ctx, same = self.ctx, sid == self.sid and self.grid.rowCount() > 0
        self.tasks.query(lambda: (qn.get_survey(ctx, sid), None if same else qn.load(ctx, sid),
                                  None if same else rs.area_names(ctx)),
                         lambda loaded: self._show_survey(sid, *loaded), parent=self)

    def _show_survey(self, sid: str, survey: qn.Survey, questionnaire, areas) -> None:
        closed = survey.status == "closed"
        lock_widgets([self.grid, self.mode, self.channel, self.pick, self.fix, self.import_button], closed, CLOSED_TIP)
        if closed:
            self.message.setText("Cuộc điều tra đã kết thúc: không nhập hay sửa phiếu. Muốn nhập thêm, chuyển "
                                 "trạng thái về “Đang thu phiếu” ở thẻ Phiếu hỏi.")
        elif self.message.text().startswith("Cuộc điều tra đã kết thúc"):
            self._mode_changed()
        if questionnaire is None:
            return   # the grid already holds this survey (and maybe forms being keyed)
        self.sid = sid
        self.generation += 1
        self.storing = None
        self.correcting.clear()
        self.questionnaire = questionnaire
        self.areas = areas
        choices = entry.profile_choices(self.areas)
        self.legend.setText(" · ".join(
            f"<b>{PROFILE_FIELDS[k]}</b>: " + ", ".join(f"{i} {name}" for i, (_, name) in enumerate(v, start=1))
            for k, v in choices.items()))
        keys = ["form_no", *SHORT, *[f"q{q.no}" for q in self.questionnaire.questions]]
        headers = ["Số phiếu", *SHORT.values(), *[f"C{q.no}" for q in self.questionnaire.questions]]
        tips = ["Số ghi trên phiếu giấy", *[PROFILE_FIELDS[k] for k in SHORT]]
        for q in self.questionnaire.questions:
            opts = "; ".join(f"{i} {label}" for i, label in enumerate(q.choices, start=1))
            rule = f" ({q.skip.describe().lower()})" if q.skip else ""
            tips.append(f"Câu {q.no} – {KINDS[q.kind]}{rule}: {q.text}" + (f"\n{opts}" if opts else ""))
        self.tips = [t.replace("\n", " — ") for t in tips]
        self.grid.set_columns(keys, headers, tips)
        self.grid.new_row()

    def _mode_changed(self) -> None:
        check = self.mode.currentData() == "check"
        self.mismatches.setVisible(check)
        self.message.setText("Nhập kiểm tra: gõ lại phiếu giấy, Enter để so với lần nhập đầu." if check
                             else "Gõ số phương án; Tab sang ô kế; Enter lưu phiếu và sang dòng mới.")

    def _submit(self, row: int, cells: dict) -> None:
        """Enter: the row is checked here (that needs no store), then stored on the worker. The
        row is read-only while it is stored, so a second Enter cannot store it twice, and the
        next row opens once it is stored; a refusal gives the row back with its cells marked."""
        if self.storing is not None:
            return
        try:
            response = entry.parse_keyed_form(self.questionnaire, cells, self.areas)
        except entry.ResponseInvalid as exc:
            self._refused(row, self.generation, exc)
            return
        ctx, sid, generation = self.ctx, self.sid, self.generation
        if row in self.correcting:
            rid = self.correcting[row][0]
            kind, tables, fn = "fix", RESPONSES, lambda: rs.replace_answers(ctx, rid, response)
        elif self.mode.currentData() == "check":
            kind, tables, fn = "check", CHECKS, lambda: double_entry.record_check(ctx, sid, response)
        else:
            channel = self.channel.currentData()
            kind, tables, fn = "first", RESPONSES, lambda: rs.save_response(ctx, sid, response, channel)
        self.storing = row
        self.grid.set_row_editable(row, False)
        self.message.setText(f"Đang lưu phiếu {response.form_no or ''}…")
        self.tasks.op(fn, tables=tables, parent=self,
                      on_done=lambda result: self._stored(row, generation, kind, response, result),
                      on_failed=lambda exc: self._refused(row, generation, exc))

    def _stored(self, row: int, generation: int, kind: str, response, result) -> None:
        self.storing = None
        if generation != self.generation:
            return   # another survey was opened meanwhile: the form is stored, its grid is gone
        following = next_form_no(response.form_no)
        if kind == "fix":   # keying goes on where it was, not after the corrected form's number
            _, following, was = self.correcting.pop(row)
            for earlier in range(row):   # its earlier keying in this grid shows the corrected form too
                if self.grid.item(earlier, 0).text() == was:
                    self.grid.copy_row(row, earlier)
            self.message.setText(f"Đã sửa phiếu {response.form_no or ''}.")
        elif kind == "check":
            self._show_check(result)
        else:
            self.saved += 1
            self.message.setText(f"Đã lưu phiếu {response.form_no or ''} ({self.saved} phiếu trong lượt nhập này).")
        self.grid.mark_saved(row)
        self.grid.new_row(following)

    def _refused(self, row: int, generation: int, exc: BaseException) -> None:
        """The row stays as typed, editable, its problem cells marked (a bug is raised again)."""
        self.storing = None
        if generation != self.generation:
            return
        self.grid.set_row_editable(row, True)
        refused = refusal(exc)
        problems = refused.problems if isinstance(refused, entry.ResponseInvalid) else [
            (refused.field or "form_no", refused.message)]
        self.grid.mark_problems(row, problems)
        self.message.setText("Chưa lưu: " + refused.message)

    def _show_check(self, result: double_entry.CheckResult) -> None:
        if not result.mismatches:
            self.message.setText(f"Phiếu {result.form_no}: khớp hoàn toàn với lần nhập đầu.")
            return
        self.message.setText(f"Phiếu {result.form_no}: {len(result.mismatches)} chỗ khác lần nhập đầu — "
                             "hãy xem lại phiếu giấy.")
        for m in result.mismatches:
            self.mismatches.addItem(f"Phiếu {result.form_no} · {m.label}: lần 1 «{m.first}», lần 2 «{m.second}»")

    def _correct(self) -> None:
        """Bring a stored form back into the open row (read on the worker); Enter stores it."""
        if self.storing is not None:
            return   # the open row is being stored; the next one takes the form
        form_no, ok = QInputDialog.getText(self, "Sửa phiếu đã nhập", "Số phiếu cần sửa:")
        if not ok or not form_no.strip():
            return
        ctx, sid, generation, wanted = self.ctx, self.sid, self.generation, form_no.strip()
        self.tasks.query(lambda: rs.find_by_form(ctx, sid, wanted),
                         lambda stored: self._bring_back(stored) if generation == self.generation else None,
                         on_failed=lambda exc: self.message.setText(refusal(exc).message), parent=self)

    def _bring_back(self, stored) -> None:
        row = self.grid.rowCount() - 1
        before = self.correcting[row][1] if row in self.correcting else self.grid.item(row, 0).text()
        cells = entry.keyed_cells(self.questionnaire, stored, self.areas)
        for c, key in enumerate(self.grid.keys):
            self.grid.item(row, c).setText(cells[key])
        self.correcting[row] = (stored.id, before, stored.form_no or "")
        self.mode.setCurrentIndex(0)
        self.grid.setCurrentCell(row, 1)
        self.grid.setFocus()
        self.message.setText(f"Đang sửa phiếu {stored.form_no}: sửa các ô rồi bấm Enter để lưu.")

    def _pick_forms(self) -> None:
        ctx, sid = self.ctx, self.sid
        self.tasks.query(lambda: double_entry.sample_forms(ctx, sid, 0.1), self._show_picked, parent=self)

    def _show_picked(self, forms: list[str]) -> None:
        self.mode.setCurrentIndex(1)
        self.message.setText("Phiếu cần nhập kiểm tra: " + (", ".join(forms) if forms else "chưa có phiếu có số."))

    def _import(self) -> None:
        """The dialog imports on the worker; its op announces the forms written, so the page's counts follow."""
        path = open_file(self, "Chọn tệp kết quả", "Bảng tính (*.csv *.txt *.tsv *.xlsx)")
        if not path:
            return
        dialog = ImportDialog(self.ctx, self.tasks, self.sid, path, self.channel.currentData(), self)
        if dialog.exec():
            self.message.setText(f"Đã nhập {dialog.imported} phiếu từ tệp.")
