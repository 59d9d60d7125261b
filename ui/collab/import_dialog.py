"""Excel import in two steps: the preview (read in the worker thread) shows every row with
what will happen to it, what it skipped (sections, totals, signatures) and what each area name
of the file means today (pre-reform names mapped, unknown names listed once with a choice);
only "Nhập" writes, again in the worker, all good rows in one transaction (an op declaring
collaborators and units: the list reloads from the runner's `changed` signal). The names of
the office's areas are a query too; the table is drawn again when they arrive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.collaborators import excel_areas as ea
from app.collaborators import excel_import
from app.collaborators.excel_import import ImportPreview, ImportResult, PreviewRow
from app.collaborators.registry import LABELS
from app.office import unit_name
from ui import palette
from ui.collab.common import error_label, ok_button, ok_cancel
from ui.refusal import refusal

OK_COLOR, PROBLEM_COLOR, DUP_COLOR = palette.qcolor("good_bg"), palette.qcolor("bad_bg"), palette.qcolor("doubt_bg")
# The fields each preview row shows between its line number and its outcome, headed by their labels.
PREVIEWED = ("full_name", "birth_year", "area_code", "phone")
HOW_LABELS = {"catalogue": "Có trong danh mục", "legacy": "Tên cũ (trước 7/2025)", "here": "Xã cũ, nay thuộc đơn vị",
              "ambiguous": "Chưa rõ, cần chọn", "unknown": "Chưa có trong danh mục"}


class ImportPreviewDialog(QDialog):
    """Shows a preview; `imported(ImportResult)` fires once the rows are written."""

    imported = Signal(object)

    def __init__(self, ctx, tasks, pv: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.preview = ctx, tasks, pv
        self.area_names: dict[str, str] = {}   # the office's areas: the choices
        self.target_names: dict[str, str] = {}   # those and any other area the file's names map to
        self.setWindowTitle(f"Nhập danh sách cộng tác viên – {pv.source}")
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        self.head = QLabel()
        self.head.setWordWrap(True)
        layout.addWidget(self.head)
        self.areas = self._areas_table()
        if pv.areas:
            row = QHBoxLayout()
            row.addWidget(QLabel("<b>Địa bàn trong tệp</b> — mỗi tên một dòng; đổi cách xử lý ở cột cuối:"), 1)
            self.add_all = QPushButton("Thêm tất cả địa bàn chưa có vào danh mục")
            self.add_all.clicked.connect(self._add_all)
            row.addWidget(self.add_all)
            layout.addLayout(row)
            layout.addWidget(self.areas, 1)
        self.table = QTableWidget(len(pv.rows), 6)
        self.table.setHorizontalHeaderLabels(["Dòng", *(LABELS[k] for k in PREVIEWED), "Kết quả"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 2)
        note = QLabel("Chưa ghi gì vào cơ sở dữ liệu. Dòng lỗi và dòng trùng sẽ không được nhập; hãy sửa tệp Excel "
                      "rồi nhập lại nếu cần.")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.status = error_label()
        layout.addWidget(self.status)
        self.buttons = ok_cancel(self, self.confirm, "Nhập")
        self.ok = ok_button(self.buttons)
        self.ok.setEnabled(False)   # until the rows are drawn with their areas' names
        layout.addWidget(self.buttons)
        tasks.query(lambda: area_names(ctx, pv), self._names, parent=self)

    def _names(self, names: tuple[dict[str, str], dict[str, str]]) -> None:
        self.area_names, self.target_names = names
        for m in self.preview.areas:
            combo = self.combos[m.raw]
            combo.blockSignals(True)
            combo.clear()
            for value, text in self._options(m):
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(_value(m))))
            combo.blockSignals(False)
        self.areas.resizeColumnsToContents()
        self.areas.setColumnWidth(3, 360)
        self.redraw()

    # -- the area names -------------------------------------------------------------------
    def _areas_table(self) -> QTableWidget:
        pv = self.preview
        table = QTableWidget(len(pv.areas), 4)
        table.setHorizontalHeaderLabels(["Tên trong tệp", "Ánh xạ", "Số dòng", "Xử lý"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        for r, m in enumerate(pv.areas):
            table.setItem(r, 0, QTableWidgetItem(m.raw))
            said = m.note.removeprefix("tên cũ: ").removeprefix("trong danh mục: ")
            how = HOW_LABELS.get(m.how, m.how)
            cell = QTableWidgetItem(how if m.how == "unknown" else f"{how}: {said}")
            cell.setToolTip(cell.text())
            table.setItem(r, 1, cell)
            table.setItem(r, 2, QTableWidgetItem(str(m.rows) + (f" (+{m.sections} mục)" if m.sections else "")))
            combo = QComboBox()
            for value, text in self._options(m):
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(_value(m))))
            combo.currentIndexChanged.connect(lambda _i, raw=m.raw, c=combo: self._chose(raw, c.currentData()))
            table.setCellWidget(r, 3, combo)
            self.combos[m.raw] = combo
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(3, 360)
        return table

    def _options(self, m: ea.AreaMapping) -> list[tuple[str, str]]:
        """"— chọn —" while undecided, then the likely areas, every other area, add, leave empty."""
        first = [code for code, _ in m.candidates] + ([m.target] if m.target else [])
        codes = list(dict.fromkeys(first + sorted(self.area_names, key=lambda c: self.area_names[c])))
        assign = [(f"{ea.MAP}:{c}", f"Gán cho {self.area_names[c]}") for c in codes if c in self.area_names]
        add = (ea.ADD, f"Thêm vào danh mục: {ea.pretty_name(m.raw)}")
        if m.how in ("ambiguous", "unknown"):
            return [(ea.ASK, "— chọn cách xử lý —"), add, *assign, (ea.NONE, "Để trống địa bàn")]
        return [*assign, add, (ea.NONE, "Để trống địa bàn")]

    def _chose(self, raw: str, value: str) -> None:
        choice, _, target = value.partition(":")
        if choice == ea.ASK:
            m = self.preview.mapping(raw)
            m.choice, m.target = ea.ASK, None
        else:
            self.preview.choose(raw, choice, target or None)
        self.redraw()

    def _add_all(self) -> None:
        for m in self.preview.pending_areas:
            combo = self.combos[m.raw]
            combo.setCurrentIndex(combo.findData(ea.ADD))

    # -- the rows ---------------------------------------------------------------------------
    def redraw(self) -> None:
        """Draw the preview again from memory (a choice made, the names arrived): no store read."""
        pv = self.preview
        self.head.setText(
            f"<b>{pv.summary()}</b><br>Trang tính '{pv.sheet}', dòng tiêu đề {pv.header_row}. "
            f"Cột nhận ra: {', '.join(pv.columns.values())}."
            + (f"<br>Cột bỏ qua: {', '.join(pv.ignored_columns)}." if pv.ignored_columns else "")
            + (f"<br>{pv.skipped_text()}" if pv.skipped_text() else "")
            + (f"<br>Lưu ý: các trang {', '.join(pv.other_lists)} cũng có danh sách nhưng không được đọc."
               if pv.other_lists else ""))
        for r, item in enumerate(pv.rows):
            self._fill_row(r, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        pending = pv.pending_areas
        self.ok.setText(f"Nhập {len(pv.good)} cộng tác viên")
        self.ok.setEnabled(bool(pv.good) and not pending)
        self.status.setText(f"Hãy chọn cách xử lý cho {len(pending)} địa bàn chưa có trong danh mục trước khi nhập."
                            if pending else "")

    def _fill_row(self, r: int, item: PreviewRow) -> None:
        c = item.collaborator
        if item.problems:
            outcome, color = "Lỗi: " + " ".join(item.problems), PROBLEM_COLOR
        elif item.duplicate:
            outcome, color = "Trùng: " + item.duplicate, DUP_COLOR
        else:
            outcome = "Sẽ thêm" + (" (lưu ý: " + " ".join(item.warnings) + ")" if item.warnings else "")
            color = OK_COLOR
        cells = [str(item.row), c.full_name if c else item.name, str(c.birth_year or "") if c else "",
                 self._area_text(item), (c.phone or "") if c else "", outcome]
        for col, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setBackground(QBrush(color))
            if col == 0:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, col, cell)

    def _area_text(self, item: PreviewRow) -> str:
        if item.collaborator is None or not item.area_key:
            return item.area
        m = self.preview.mapping(item.area_key)
        if m.choice == ea.MAP:
            return self.target_names.get(m.target or "", m.target or "")
        if m.choice == ea.ADD:
            return f"{ea.pretty_name(m.raw)} (thêm mới)"
        if m.choice == ea.NONE:
            return f"(để trống; tệp ghi {m.raw})"
        return f"{m.raw} (chờ chọn)"

    def confirm(self) -> None:
        self.ok.setEnabled(False)
        ctx, pv = self.ctx, self.preview
        self.tasks.op(lambda progress: excel_import.apply(ctx, pv, progress), tables={"collaborators", "units"},
                      on_done=self._done, on_failed=self._failed, label="Đang nhập danh sách cộng tác viên…",
                      parent=self, with_progress=True)

    def _done(self, result: ImportResult) -> None:
        self.imported.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(refusal(exc).message)
        self.ok.setEnabled(True)


def area_names(ctx, pv: ImportPreview) -> tuple[dict[str, str], dict[str, str]]:
    """On the worker: the office's areas (code -> name), and the names of those plus every area a
    name of the file may be mapped to (a candidate or the mapped target)."""
    office = {u.code: u.name for u in ea.office_areas(ctx)}
    others = {code for m in pv.areas for code in [m.target, *(c for c, _ in m.candidates)] if code and code not in office}
    return office, {**office, **{code: unit_name(ctx, code) for code in others}}


def _value(m: ea.AreaMapping) -> str:
    return f"{ea.MAP}:{m.target}" if m.choice == ea.MAP else m.choice


def start_import(ctx, tasks, path: Path, parent: QWidget, on_preview, on_refused) -> None:
    """Read the workbook in the worker thread, then hand the preview (or the refusal) back."""
    tasks.run(lambda progress: excel_import.preview(ctx, Path(path), progress), on_done=on_preview,
              on_failed=on_refused, label="Đang đọc tệp Excel…", parent=parent, with_progress=True)
