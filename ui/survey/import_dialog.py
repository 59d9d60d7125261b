"""CSV/Excel import with a column-mapping preview: each column's guessed target can be
changed; the file is imported only when every row passes (all or nothing)."""

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
from app.surveys import csv_import, file_import
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from ui.errors import show_error
from ui.feedback import confirm


class ImportDialog(QDialog):
    def __init__(self, ctx, sid: str, path: str, channel: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhập phiếu từ tệp")
        self.resize(900, 560)
        self.ctx, self.sid, self.path, self.channel = ctx, sid, Path(path), channel
        self.questionnaire = qn.load(ctx, sid)
        self.imported = 0
        layout = QVBoxLayout(self)
        self.info = QLabel()
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
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Nhập tất cả")
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combos: list[QComboBox] = []
        self._preview(None)

    def _mapping(self) -> dict[int, str | None]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos)}

    def _preview(self, mapping: dict[int, str | None] | None) -> None:
        try:
            pre = csv_import.preview(self.path, self.questionnaire, rs.area_names(self.ctx), mapping)
        except DlxhError as exc:
            self.info.setText(exc.message)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        if not self.combos:
            self._fill_columns(pre)
        self.problems.clear()
        self.problems.addItems(pre.problems)
        enc = pre.table.encoding or "Excel"
        self.info.setText(f"{self.path.name}: {pre.valid + pre.problem_count} dòng dữ liệu, bảng mã {enc}, tiêu đề ở dòng "
                          f"{pre.table.header_line}. " + ("Sẵn sàng nhập." if pre.ok else
                                                          f"{len(pre.problems)} lỗi, chưa nhập được."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(pre.ok)

    def _fill_columns(self, pre: csv_import.ImportPreview) -> None:
        targets = csv_import.all_targets(self.questionnaire)
        self.columns.setRowCount(len(pre.columns))
        for r, col in enumerate(pre.columns):
            self.columns.setItem(r, 0, QTableWidgetItem(f"{col.index + 1}. {col.header}"))
            self.columns.setItem(r, 1, QTableWidgetItem(" | ".join(col.samples)))
            combo = QComboBox()
            combo.addItem(csv_import.target_label(None, self.questionnaire), None)
            for t in targets:
                combo.addItem(csv_import.target_label(t, self.questionnaire), t)
            combo.setCurrentIndex(max(0, combo.findData(col.target)))
            combo.currentIndexChanged.connect(lambda _: self._preview(self._mapping()))
            self.columns.setCellWidget(r, 2, combo)
            self.combos.append(combo)

    def _import(self, confirmed: bool = False) -> None:
        try:
            result = file_import.import_file(self.ctx, self.sid, self.path, self._mapping(), self.channel, confirmed=confirmed)
        except file_import.NeedsConfirmation as exc:  # far more rows than planned: ask, do not refuse outright
            if confirm(self, "Xác nhận nhập", exc.message.replace(" (dòng lệnh: thêm --yes)", ""),
                       "Vẫn nhập", "Không nhập"):
                self._import(confirmed=True)
            return
        except DlxhError as exc:
            show_error(self, exc)
            return
        self.imported = result.imported
        self.accept()
