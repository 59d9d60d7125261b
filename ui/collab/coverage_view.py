"""Structure coverage: the areas × strata (or × sectors) matrix with cells below target in
red, and the "what to recruit next" list; targets edited in a small dialog. Both are read on
the worker (a query on the page's task runner) and drawn when they arrive; the dialog reads the
targets with a query and saves them with an op declaring 'settings', so the page redraws the
matrix from the runner's `changed` signal, not from the dialog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.collaborators import coverage
from ui import palette
from ui.collab.common import error_label, ok_button, ok_cancel
from ui.columns import header_metrics
from ui.errors import refusal_in

BELOW = palette.qcolor("below_bg")
TOTAL = palette.qcolor("total_bg")
# The column names' sections have 2 px of side padding (resources/style.qss, #coverageHeader; the
# app's 6 would push "Tổng", the fifteenth column, off a 1280 px window); with the 1 px border and
# a pixel of rounding.
SECTION_MARGIN = 6


class CoverageView(QWidget):
    def __init__(self, ctx, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Cơ cấu theo:"))
        self.dimension = QComboBox()
        for key, label in coverage.DIMENSION_LABELS.items():
            self.dimension.addItem(label, key)
        self.dimension.currentIndexChanged.connect(lambda _: self.refresh())
        bar.addWidget(self.dimension)
        bar.addStretch(1)
        self.targets_button = QPushButton("Chỉ tiêu cơ cấu…")
        self.targets_button.clicked.connect(self.edit_targets)
        bar.addWidget(self.targets_button)
        layout.addLayout(bar)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setObjectName("coverageHeader")   # its narrow sections: style.qss
        layout.addWidget(self.table, 3)
        legend = QLabel("Ô nền đỏ: dưới chỉ tiêu. Chỉ tính cộng tác viên đang hoạt động.")
        palette.set_tone(legend, "muted")
        layout.addWidget(legend)
        layout.addWidget(QLabel("<b>Cần tuyển tiếp</b>"))
        self.suggestions = QListWidget()
        self.suggestions.setWordWrap(True)
        self.suggestions.setMaximumHeight(110)
        layout.addWidget(self.suggestions)
        self.dialog: TargetsDialog | None = None

    def refresh(self) -> None:
        ctx, dimension = self.ctx, self.dimension.currentData()
        self.tasks.query(lambda: (coverage.matrix(ctx, dimension), coverage.recruit_next(ctx, limit=None)),
                         lambda got: self._show(*got), parent=self)

    def _show(self, cov, gaps) -> None:
        self.matrix = cov
        labels = cov.labels()
        self.table.clear()
        self.table.setRowCount(len(cov.areas) + 2)
        self.table.setColumnCount(len(cov.codes) + 1)
        names = [labels[c] for c in cov.codes] + ["Tổng"]
        self.table.setHorizontalHeaderLabels([catalog.short(n) for n in names])   # whole in the tooltip
        for c, name in enumerate(names):
            self.table.horizontalHeaderItem(c).setToolTip(name)
        # "Chỉ tiêu", whole in its tooltip: the longer name widened the row names' column by 40 px
        self.table.setVerticalHeaderLabels([u.name for u in cov.areas] + ["Toàn địa bàn", "Chỉ tiêu"])
        self.table.verticalHeaderItem(len(cov.areas) + 1).setToolTip("Chỉ tiêu toàn địa bàn")
        bold = QFont()
        bold.setBold(True)
        for r, unit in enumerate(cov.areas):
            for c, code in enumerate(cov.codes):
                self._cell(r, c, cov.count(unit.code, code), cov.cell_below(unit.code, code),
                           f"chỉ tiêu mỗi địa bàn: {cov.cell_target(code)}")
            self._cell(r, len(cov.codes), cov.area_totals[unit.code], cov.area_below(unit.code),
                       f"chỉ tiêu: {cov.targets.area_target(unit.code)}", TOTAL, bold)
        total_row = len(cov.areas)
        for c, code in enumerate(cov.codes):
            self._cell(total_row, c, cov.code_totals[code], cov.code_below(code),
                       f"chỉ tiêu toàn địa bàn: {cov.overall_target(code)}", TOTAL, bold)
            self._cell(total_row + 1, c, cov.overall_target(code) or "–", False, "", TOTAL)
        self._cell(total_row, len(cov.codes), cov.total, False, "", TOTAL, bold)
        self._cell(total_row + 1, len(cov.codes), "", False, "", TOTAL)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self._widest_word(names) + SECTION_MARGIN)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self._fit_header()
        QTimer.singleShot(0, self, self._fit_header)   # again once the stretched columns have their widths
        self.suggestions.clear()
        self.suggestions.addItems([g.text for g in gaps] or ["Cơ cấu đạt chỉ tiêu; chưa cần tuyển thêm."])

    def _widest_word(self, names: list[str]) -> int:
        """Width of the longest word of the shown column names: no column is narrower, so a
        word is never cut ("Doanh nghiệp", "Đoàn Thanh niên" lost letters on both sides at
        1280 px); a window too narrow for every column scrolls sideways instead."""
        metrics = header_metrics(self.table.horizontalHeader())
        return max((metrics.horizontalAdvance(word) for name in names for word in catalog.short(name).split()),
                   default=0)

    def _fit_header(self) -> None:
        """The header as tall as its longest wrapped name at the columns' current widths: a fixed
        three lines cut "Cán bộ, công chức…" top and bottom at 1366 px. The table is told at
        once, so its rows start below the new height rather than under it."""
        header = self.table.horizontalHeader()
        metrics = header_metrics(header)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        tallest = max((metrics.boundingRect(0, 0, max(header.sectionSize(c) - SECTION_MARGIN, 20), 10_000, flags,
                                            self.table.horizontalHeaderItem(c).text()).height()
                       for c in range(self.table.columnCount()) if self.table.horizontalHeaderItem(c)), default=0)
        height = max(tallest + 12, 30)
        if header.height() != height:
            header.setFixedHeight(height)
            self.table.updateGeometries()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_header)   # after the stretched columns took their widths

    def _cell(self, r: int, c: int, value, below: bool, tip: str, background: QColor | None = None,
              font: QFont | None = None) -> None:
        item = QTableWidgetItem(str(value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if below:
            item.setBackground(QBrush(BELOW))
        elif background is not None:
            item.setBackground(QBrush(background))
        if font is not None:
            item.setFont(font)
        if tip:
            item.setToolTip(tip)
        self.table.setItem(r, c, item)

    def below_cells(self) -> list[tuple[int, int]]:
        """Highlighted cells (row, column), for tests and the screenshot check."""
        return [(r, c) for r in range(self.table.rowCount()) for c in range(self.table.columnCount())
                if self.table.item(r, c) and self.table.item(r, c).background().color() == BELOW]

    def edit_targets(self) -> None:
        self.dialog = TargetsDialog(self.ctx, self.tasks, self.dimension.currentData(), self)
        self.dialog.open()


class TargetsDialog(QDialog):
    """Targets for one dimension: minimum per area, and per code both per area and district-wide.
    Saving is refused (the save button off) until the stored targets have arrived, so a quick
    click cannot overwrite them with the blank form's zeros."""

    def __init__(self, ctx, tasks, dimension: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.dimension = ctx, tasks, dimension
        self.targets: coverage.Targets | None = None
        self.setWindowTitle(f"Chỉ tiêu cơ cấu – {coverage.DIMENSION_LABELS[dimension]}")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.per_area = QSpinBox()
        self.per_area.setRange(0, 99)
        form.addRow("Số cộng tác viên tối thiểu mỗi địa bàn", self.per_area)
        layout.addLayout(form)
        codes = list(coverage.DIMENSIONS[dimension].items())
        self.table = QTableWidget(len(codes), 2)
        self.table.setHorizontalHeaderLabels(["Tối thiểu mỗi địa bàn", "Tối thiểu toàn địa bàn"])
        self.table.setVerticalHeaderLabels([label for _, label in codes])
        self.spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for r, (code, _) in enumerate(codes):
            pair = (QSpinBox(), QSpinBox())
            for c, spin in enumerate(pair):
                spin.setRange(0, 99)
                self.table.setCellWidget(r, c, spin)
            self.spins[code] = pair
        self.table.resizeColumnsToContents()
        # both columns in view beside the long stratum names (at 520 px the second one was off to the right)
        wide = self.table.verticalHeader().sizeHint().width() + sum(self.table.columnWidth(c) for c in range(2)) + 60
        layout.addWidget(self.table)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel(self, self.save)
        self.save_button = ok_button(buttons)
        self.save_button.setEnabled(False)
        layout.addWidget(buttons)
        self.resize(min(max(520, wide), 1100), 560)
        tasks.query(lambda: coverage.targets(ctx), self._fill, parent=self)

    def _fill(self, targets: coverage.Targets) -> None:
        self.targets = targets
        self.per_area.setValue(targets.per_area)
        for code, (cell, overall) in self.spins.items():
            cell.setValue(targets.cells.get(self.dimension, {}).get(code, 0))
            overall.setValue(targets.overall.get(self.dimension, {}).get(code, 0))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        if self.targets is None:
            return
        wanted = replace(self.targets, per_area=self.per_area.value(),
                         cells={**self.targets.cells,
                                self.dimension: {k: s[0].value() for k, s in self.spins.items() if s[0].value()}},
                         overall={**self.targets.overall,
                                  self.dimension: {k: s[1].value() for k, s in self.spins.items() if s[1].value()}})
        ctx = self.ctx
        self.tasks.op(lambda: coverage.set_targets(ctx, wanted), tables={"settings"},
                      on_done=lambda _: self.accept(), on_failed=refusal_in(self.error), parent=self)
