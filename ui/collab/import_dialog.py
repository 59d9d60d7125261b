"""Excel import in two steps: the preview (read in the worker thread) shows every row with
what will happen to it; only "Nhập" writes, again in the worker, all good rows in one
transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.collaborators import excel_import
from app.collaborators.excel_import import ImportPreview, ImportResult
from app.errors import DlxhError
from app.office import unit_name
from ui.collab.common import error_label, ok_button, ok_cancel

OK_COLOR, PROBLEM_COLOR, DUP_COLOR = QColor("#e8f5e9"), QColor("#fdecea"), QColor("#fff8e1")


class ImportPreviewDialog(QDialog):
    """Shows a preview; `imported(ImportResult)` fires once the rows are written."""

    imported = Signal(object)

    def __init__(self, ctx, tasks, pv: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.preview = ctx, tasks, pv
        self.setWindowTitle(f"Nhập danh sách cộng tác viên – {pv.source}")
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{pv.summary()}</b><br>Trang tính '{pv.sheet}', dòng tiêu đề {pv.header_row}. "
                      f"Cột nhận ra: {', '.join(pv.columns.values())}."
                      + (f"<br>Cột bỏ qua: {', '.join(pv.ignored_columns)}." if pv.ignored_columns else "")
                      + (f"<br>{pv.skipped_text()}" if pv.skipped_text() else "")
                      + (f"<br>Lưu ý: các trang {', '.join(pv.other_lists)} cũng có danh sách nhưng không được đọc."
                         if pv.other_lists else ""))
        head.setWordWrap(True)
        layout.addWidget(head)
        self.table = QTableWidget(len(pv.rows), 6)
        self.table.setHorizontalHeaderLabels(["Dòng", "Họ và tên", "Năm sinh", "Địa bàn", "Điện thoại", "Kết quả"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, item in enumerate(pv.rows):
            c = item.collaborator
            if item.problems:
                outcome, color = "Lỗi: " + " ".join(item.problems), PROBLEM_COLOR
            elif item.duplicate:
                outcome, color = "Trùng: " + item.duplicate, DUP_COLOR
            else:
                outcome = "Sẽ thêm" + (" (lưu ý: " + " ".join(item.warnings) + ")" if item.warnings else "")
                color = OK_COLOR
            cells = [str(item.row), c.full_name if c else item.name, str(c.birth_year or "") if c else "",
                     unit_name(ctx, c.area_code) if c else item.area, (c.phone or "") if c else "", outcome]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setBackground(QBrush(color))
                if col == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        note = QLabel("Chưa ghi gì vào cơ sở dữ liệu. Dòng lỗi và dòng trùng sẽ không được nhập; hãy sửa tệp Excel "
                      "rồi nhập lại nếu cần.")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.status = error_label()
        layout.addWidget(self.status)
        self.buttons = ok_cancel(self, self.confirm, f"Nhập {len(pv.good)} cộng tác viên")
        self.ok = ok_button(self.buttons)
        self.ok.setEnabled(bool(pv.good))
        layout.addWidget(self.buttons)

    def confirm(self) -> None:
        self.ok.setEnabled(False)
        self.tasks.run(lambda progress: excel_import.apply(self.ctx, self.preview, progress),
                       on_done=self._done, on_failed=self._failed, label="Đang nhập danh sách cộng tác viên…",
                       parent=self, with_progress=True)

    def _done(self, result: ImportResult) -> None:
        self.imported.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, DlxhError) else f"Lỗi chương trình: {exc}"
        self.status.setText(message)


def start_import(ctx, tasks, path: Path, parent: QWidget, on_preview, on_refused) -> None:
    """Read the workbook in the worker thread, then hand the preview (or the refusal) back."""
    tasks.run(lambda progress: excel_import.preview(ctx, Path(path), progress), on_done=on_preview,
              on_failed=on_refused, label="Đang đọc tệp Excel…", parent=parent, with_progress=True)
