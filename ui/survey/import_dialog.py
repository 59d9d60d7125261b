"""CSV/Excel import with a column-mapping preview: each column's guessed target can be
changed; the file is imported only when every row passes (all or nothing).

The store and the file are read on the worker (tasks.query): the preview streams every row
of a file that may hold a million, so the window stays responsive and the dialog shows the
counts, the first forms' columns and the first problems when the check is done. The import
is an op declaring the survey's tables; a file far beyond the plan asks first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.errors import DlxhError
from app.filekinds import shown
from app.surveys import csv_import, file_import
from app.surveys import questionnaire as qn
from app.surveys.model import Questionnaire
from app.text import vn_number
from ui.errors import show_error
from ui.feedback import confirm

WRITES = ("survey_responses", "survey_answers")


class ImportDialog(QDialog):
    def __init__(self, ctx, tasks, sid: str, path: str, channel: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhập phiếu từ tệp")
        self.resize(900, 560)
        self.ctx, self.tasks, self.sid, self.path, self.channel = ctx, tasks, sid, Path(path), channel
        self.questionnaire: Questionnaire | None = None
        self.imported = 0
        layout = QVBoxLayout(self)
        self.info = QLabel(f"Đang đọc và kiểm tra {shown(self.path.name)}…")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(["Cột trong tệp", "Dữ liệu mẫu", "Gán cho"])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.setColumnWidth(0, 220)
        self.columns.setColumnWidth(1, 220)
        layout.addWidget(self.columns, 2)
        layout.addWidget(QLabel("Lỗi phát hiện (phải sửa hết mới nhập được):"))
        self.problems = QListWidget()
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Nhập tất cả")
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combos: list[QComboBox] = []
        self._preview(None)

    def _mapping(self) -> dict[int, str | None]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos)}

    def _preview(self, mapping: dict[int, str | None] | None) -> None:
        ctx, sid, path = self.ctx, self.sid, self.path
        self.ok.setEnabled(False)
        self.tasks.query(lambda: (qn.load(ctx, sid), file_import.check_file(ctx, sid, path, mapping)), self._show,
                         parent=self, label="Đang kiểm tra tệp phiếu…", on_failed=self._unreadable)

    def _unreadable(self, exc: BaseException) -> None:
        if not isinstance(exc, DlxhError):
            raise exc
        self.info.setText(exc.message)

    def _show(self, result: tuple[Questionnaire, csv_import.ImportPreview]) -> None:
        self.questionnaire, pre = result
        if not self.combos:
            self._fill_columns(pre)
        self.problems.clear()
        self.problems.addItems(pre.problems)
        if pre.problem_count > len(pre.problems):
            self.problems.addItem(f"… và {vn_number(pre.problem_count - len(pre.problems))} lỗi khác.")
        enc = pre.table.encoding or "Excel"
        rows = f"{vn_number(pre.valid + pre.problem_count)} dòng dữ liệu" if pre.checked else "chưa kiểm tra các dòng"
        self.info.setText(f"{shown(self.path.name)}: {rows}, bảng mã {enc}, tiêu đề ở dòng {pre.table.header_line}. "
                          + ("Sẵn sàng nhập." if pre.ok else f"{vn_number(pre.problem_count)} lỗi, chưa nhập được."))
        self.ok.setEnabled(pre.ok)

    def _fill_columns(self, pre: csv_import.ImportPreview) -> None:
        questionnaire = self.questionnaire
        assert questionnaire is not None
        targets = csv_import.all_targets(questionnaire)
        self.columns.setRowCount(len(pre.columns))
        for r, col in enumerate(pre.columns):
            self.columns.setItem(r, 0, QTableWidgetItem(f"{col.index + 1}. {col.header}"))
            self.columns.setItem(r, 1, QTableWidgetItem(" | ".join(col.samples)))
            combo = QComboBox()
            combo.addItem(csv_import.target_label(None, questionnaire), None)
            for t in targets:
                combo.addItem(csv_import.target_label(t, questionnaire), t)
            combo.setCurrentIndex(max(0, combo.findData(col.target)))
            combo.currentIndexChanged.connect(lambda _: self._preview(self._mapping()))
            self.columns.setCellWidget(r, 2, combo)
            self.combos.append(combo)

    def _import(self, confirmed: bool = False) -> None:
        ctx, sid, path, mapping, channel = self.ctx, self.sid, self.path, self._mapping(), self.channel
        self.ok.setEnabled(False)
        self.tasks.op(lambda: file_import.import_file(ctx, sid, path, mapping, channel, confirmed=confirmed),
                      tables=WRITES, on_done=self._imported, on_failed=self._refused, parent=self,
                      label="Đang nhập phiếu…")

    def _imported(self, result: file_import.ImportResult) -> None:
        self.imported = result.imported
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, file_import.NeedsConfirmation):  # far more rows than planned: ask, do not refuse
            if confirm(self, "Xác nhận nhập", exc.message.replace(" (dòng lệnh: thêm --yes)", ""),
                       "Vẫn nhập", "Không nhập"):
                self._import(confirmed=True)
            return
        if not isinstance(exc, DlxhError):
            raise exc
        show_error(self, exc)
