"""Nhập phiếu: the keyboard entry grid in first-entry or double-entry check mode, the
legend of profile numbers, the list of differences found by the check, and file import."""

from __future__ import annotations

from PySide6.QtCore import Signal
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

from app.errors import DlxhError
from app.surveys import double_entry, entry
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from app.surveys.model import KINDS, PROFILE_FIELDS, Questionnaire
from ui import palette
from ui.files import open_file
from ui.flow import FlowLayout
from ui.survey.builder import CLOSED_TIP
from ui.survey.entry_grid import EntryGrid
from ui.survey.import_dialog import ImportDialog
from ui.widgets import lock_widgets

# Profile columns in the order of the printed form: gender, age band, stratum, area.
SHORT = {"gender": "Giới", "age_band": "Tuổi", "stratum": "Giai tầng", "area_code": "Địa bàn"}


def next_form_no(form_no: str | None) -> str:
    """'0012' -> '0013' (keeps the zero padding); anything else -> ''."""
    if form_no and form_no.isdigit():
        return str(int(form_no) + 1).zfill(len(form_no))
    return ""


class EntryView(QWidget):
    changed = Signal()

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
        self.correcting: dict[int, str] = {}  # grid row -> id of the stored form being corrected

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
        try:
            response = entry.parse_keyed_form(self.questionnaire, cells, self.areas)
            if row in self.correcting:
                rs.replace_answers(self.ctx, self.correcting.pop(row), response)
                self.message.setText(f"Đã sửa phiếu {response.form_no or ''}.")
            elif self.mode.currentData() == "check":
                result = double_entry.record_check(self.ctx, self.sid, response)
                self._show_check(result)
            else:
                rs.save_response(self.ctx, self.sid, response, self.channel.currentData())
                self.saved += 1
                self.message.setText(f"Đã lưu phiếu {response.form_no or ''} ({self.saved} phiếu trong lượt nhập này).")
        except entry.ResponseInvalid as exc:
            self.grid.mark_problems(row, exc.problems)
            self.message.setText("Chưa lưu: " + exc.message)
            return
        except DlxhError as exc:
            self.grid.mark_problems(row, [(exc.field or "form_no", exc.message)])
            self.message.setText("Chưa lưu: " + exc.message)
            return
        self.grid.mark_saved(row)
        self.grid.new_row(next_form_no(response.form_no))
        self.changed.emit()

    def _show_check(self, result: double_entry.CheckResult) -> None:
        if not result.mismatches:
            self.message.setText(f"Phiếu {result.form_no}: khớp hoàn toàn với lần nhập đầu.")
            return
        self.message.setText(f"Phiếu {result.form_no}: {len(result.mismatches)} chỗ khác lần nhập đầu — "
                             "hãy xem lại phiếu giấy.")
        for m in result.mismatches:
            self.mismatches.addItem(f"Phiếu {result.form_no} · {m.label}: lần 1 «{m.first}», lần 2 «{m.second}»")

    def _correct(self) -> None:
        """Bring a stored form back into the open row; Enter stores the corrected form."""
        form_no, ok = QInputDialog.getText(self, "Sửa phiếu đã nhập", "Số phiếu cần sửa:")
        if not ok or not form_no.strip():
            return
        try:
            stored = rs.find_by_form(self.ctx, self.sid, form_no.strip())
        except DlxhError as exc:
            self.message.setText(exc.message)
            return
        row = self.grid.rowCount() - 1
        for c, text in enumerate(self.grid.keys):
            self.grid.item(row, c).setText(entry.keyed_cells(self.questionnaire, stored, self.areas)[text])
        self.correcting[row] = stored.id
        self.mode.setCurrentIndex(0)
        self.grid.setCurrentCell(row, 1)
        self.grid.setFocus()
        self.message.setText(f"Đang sửa phiếu {stored.form_no}: sửa các ô rồi bấm Enter để lưu.")

    def _pick_forms(self) -> None:
        forms = double_entry.sample_forms(self.ctx, self.sid, 0.1)
        self.mode.setCurrentIndex(1)
        self.message.setText("Phiếu cần nhập kiểm tra: " + (", ".join(forms) if forms else "chưa có phiếu có số."))

    def _import(self) -> None:
        path = open_file(self, "Chọn tệp kết quả", "Bảng tính (*.csv *.txt *.tsv *.xlsx)")
        if not path:
            return
        dialog = ImportDialog(self.ctx, self.tasks, self.sid, path, self.channel.currentData(), self)
        if dialog.exec():
            self.message.setText(f"Đã nhập {dialog.imported} phiếu từ tệp.")
            self.changed.emit()
