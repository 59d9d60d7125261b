"""Sample plan: confidence, margin, minimum per commune → sample size and quotas from the
catalogue's population figures, and the progress of collected forms against each quota."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DlxhError, ValidationError
from app.surveys import plan as plan_mod
from app.surveys import stats
from app.text import vn_number
from ui.errors import show_error

HEADERS = ["Ô mẫu (địa bàn)", "Từ 18 tuổi", "Chỉ tiêu", "Đã thu", "Tiến độ"]
PLAN = frozenset({"survey_plans", "survey_plan_cells"})   # what saving a plan writes


class PlanView(QWidget):
    """Reads and stores the plan on the worker (the save is an op naming the plan's tables)."""

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.sid: str | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.confidence = QComboBox()
        for level in stats.CONFIDENCE_LEVELS:
            self.confidence.addItem(f"{level}%", level)
        self.confidence.setCurrentIndex(1)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(1.0, 20.0)
        self.margin.setSingleStep(0.5)
        self.margin.setValue(5.0)
        self.margin.setSuffix(" %")
        self.margin.setDecimals(1)
        self.margin.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.minimum = QSpinBox()
        self.minimum.setRange(0, 500)
        self.size = QSpinBox()
        self.size.setRange(0, 100000)
        self.size.setSpecialValueText("theo công thức")
        for label, w in (("Độ tin cậy:", self.confidence), ("Sai số cho phép ±", self.margin),
                         ("Tối thiểu mỗi ô:", self.minimum), ("Cỡ mẫu:", self.size)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        self.dimension = QComboBox()
        for code, name in plan_mod.DIMENSIONS.items():
            self.dimension.addItem(name, code)
        self.dimension.currentIndexChanged.connect(lambda _: self._fill_cells())
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()            # a second row: the page must fit 1366 px
        row.addWidget(QLabel("Phân tầng:"))
        row.addWidget(self.dimension)
        save = QPushButton("Tính và lưu kế hoạch")
        save.setObjectName("save_plan")
        save.clicked.connect(self._save)
        row.addWidget(save)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.AllEditTriggers)
        self.cells: list[plan_mod.Cell] = []
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        layout.addWidget(self.table, 1)

    def show_survey(self, sid: str) -> None:
        """Read the sample plan on the worker, then show it."""
        self.sid, ctx = sid, self.ctx
        self.tasks.query(lambda: plan_mod.get_plan(ctx, sid),
                         lambda plan: self._show_plan(plan) if sid == self.sid else None, parent=self)

    def _show_plan(self, plan) -> None:
        self.dimension.blockSignals(True)
        self.dimension.setCurrentIndex(self.dimension.findData(plan.dimension if plan else "area"))
        self.dimension.blockSignals(False)
        if plan is None:
            self.summary.setText("Chưa lập kế hoạch mẫu. Nhập (hoặc kiểm tra) số người từ 18 tuổi từng ô trong cột “Từ 18 tuổi”, "
                                 "chọn độ tin cậy, sai số rồi bấm “Tính và lưu kế hoạch”.")
            self._fill_cells()
            return
        self.confidence.setCurrentIndex(self.confidence.findData(plan.confidence))
        self.margin.setValue(plan.margin * 100)
        self.minimum.setValue(plan.minimum)
        size = stats.sample_size(plan.confidence, plan.margin, plan.population)
        self.size.setValue(0 if plan.sample_size == size.n else plan.sample_size)
        done = 100 * plan.collected / plan.sample_size if plan.sample_size else 0
        self.summary.setText(
            f"Tổng thể {vn_number(plan.population)} người từ 18 tuổi trở lên. Công thức: n₀ = z²·p(1−p)/e² = {vn_number(size.n0, 1)}; "
            f"hiệu chỉnh tổng thể hữu hạn n = {vn_number(size.n)}. Cỡ mẫu kế hoạch {vn_number(plan.sample_size)} "
            f"phiếu; đã thu {vn_number(plan.collected)} ({vn_number(done, 1)}%); sai số tối đa với số phiếu đã thu "
            f"±{vn_number(plan.achieved_margin() * 100, 1)}%.")
        self._show_cells(plan.cells)

    def _fill_cells(self) -> None:
        """The starting cells of the chosen dimension, read on the worker."""
        if self.sid:
            sid, ctx, dimension = self.sid, self.ctx, self.dimension.currentData()
            self.tasks.query(lambda: plan_mod.starting_cells(ctx, sid, dimension),
                             lambda cells: self._show_cells(cells) if sid == self.sid else None, parent=self)

    def _show_cells(self, cells: list[plan_mod.Cell]) -> None:
        self.cells = cells
        self.table.setRowCount(len(cells))
        for r, cell in enumerate(cells):
            for c, value in enumerate((cell.label, str(cell.population), vn_number(cell.quota),
                                       vn_number(cell.collected))):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c != 1:  # only the population is typed in
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
            bar = QProgressBar()
            bar.setRange(0, max(cell.quota, 1))
            bar.setValue(min(cell.collected, max(cell.quota, 1)))
            bar.setFormat(f"{vn_number(cell.done_percent)}%")
            self.table.setCellWidget(r, 4, bar)

    def populations(self) -> dict[plan_mod.CellKey, int]:
        """People aged 18+ per cell as typed in the table (dots and spaces as thousand separators)."""
        out = {}
        for r, cell in enumerate(self.cells):
            text = self.table.item(r, 1).text().replace(".", "").replace(" ", "").strip() or "0"
            if not text.isdigit():
                raise ValidationError(f"Số người từ 18 tuổi của “{cell.label}” phải là số nguyên: {text}.",
                                      field="population")
            out[cell.key] = int(text)
        return out

    def _save(self) -> None:
        """Compute and store the plan on the worker; a figure typed wrong is refused here first,
        and any refusal leaves the table as typed."""
        try:
            populations = self.populations()
        except DlxhError as exc:
            show_error(self, exc)
            return
        ctx, sid, dimension = self.ctx, self.sid, self.dimension.currentData()
        confidence, margin, minimum = self.confidence.currentData(), self.margin.value() / 100, self.minimum.value()
        size = self.size.value() or None
        self.tasks.op(lambda: plan_mod.save_plan(ctx, sid, dimension, populations, confidence, margin, minimum, size),
                      tables=PLAN, parent=self, on_done=lambda plan: self._show_plan(plan) if sid == self.sid else None)
