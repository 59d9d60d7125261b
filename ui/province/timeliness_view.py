"""Báo cáo đúng hạn: the offices × months matrix of monthly reports (on time, late, missing,
not yet due), with a period, a status filter and an accent-free name search, the counts per
month above it and per office at its right. One table model over plain rows: 168 communes ×
12 months is 2,016 cells drawn on demand, never a widget per cell."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.context import Ctx
from app.exchange import province
from ui import palette
from ui.models import Column, RowsModel, sortable
from ui.tasks import TaskRunner
from ui.widgets import SearchBox, setup_table

STATUS_COLORS = {province.ON_TIME: palette.COLOURS["good_bg"], province.LATE: palette.COLOURS["doubt_bg"],
                 province.MISSING: palette.COLOURS["bad_bg"]}
STATUS_FILTERS = [
    ("Tất cả các đơn vị", None),
    ("Có tháng gửi muộn", province.LATE),
    ("Có tháng chưa nhận", province.MISSING),
    ("Có tháng đúng hạn", province.ON_TIME),
]
SHORT = {province.ON_TIME: "", province.LATE: "", province.MISSING: "thiếu", province.PENDING: "chờ"}
NAME_WIDTH, MONTH_WIDTH, TOTAL_WIDTH = 190, 66, 110
MIN_MONTH_WIDTH = 44     # "T12" over "2025", and a cell's "thiếu"


def month_header(m: str) -> str:
    """'T12' over '2025': on one line a bold 'T12/2025' is wider than the 66 px column that
    twelve months plus the office name must share at 1366 px."""
    return f"T{int(m[5:])}\n{m[:4]}"


def _cell(cell: tuple[str, str]) -> str:
    status, received = cell
    return SHORT[status] + received  # the day received (dd/mm) when it came; colour says the rest


class StatusColors:
    """Background by status for the month columns of a model whose rows carry `cells`."""

    months: list[str]
    first_month_column = 1

    def status_at(self, index) -> str | None:
        col = index.column() - self.first_month_column
        if 0 <= col < len(self.months):
            return self.rows[index.row()].cells[self.months[col]][0]  # type: ignore[attr-defined]
        return None


class MatrixModel(StatusColors, RowsModel):
    def __init__(self, months: list[str], parent=None) -> None:
        columns = [Column("Đơn vị", lambda t: t.name)]
        for m in months:
            columns.append(Column(month_header(m), lambda t, m=m: _cell(t.cells[m]), sort_key=lambda t, m=m: t.cells[m][0]))
        columns.append(
            Column(
                "Đúng hạn /\nmuộn / chưa",
                lambda t: f"{t.count(province.ON_TIME)}/{t.count(province.LATE)}/{t.count(province.MISSING)}",
                sort_key=lambda t: t.count(province.MISSING) * 100 + t.count(province.LATE),
                align_right=True,
            )
        )
        super().__init__(columns, parent)
        self.months = months

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            status = self.status_at(index)
            return QBrush(QColor(STATUS_COLORS[status])) if status in STATUS_COLORS else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and self.status_at(index):
            status, received = self.rows[index.row()].cells[self.months[index.column() - 1]]
            return province.STATUS_LABELS[status] + (f", nhận ngày {received}" if received else "")
        return super().data(index, role)


class CountsModel(RowsModel):
    """Rows: on time / late / missing / not yet due; columns: the months."""

    def __init__(self, months: list[str], parent=None) -> None:
        columns = [Column("Tình trạng", lambda r: r[0])]
        for m in months:
            columns.append(Column(month_header(m), lambda r, m=m: r[1][m], align_right=True))
        # The period's total under the matrix's last column: the months of both tables then share
        # the same width and stay aligned when they stretch.
        columns.append(Column("Cộng\ncả kỳ", lambda r: sum(r[1].values()), align_right=True))
        super().__init__(columns, parent)


class TimelinessView(QWidget):
    """The matrix is read on the worker (a query) when the tab is shown or the period changes."""

    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.all_rows: list[province.Timeliness] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        bar = QHBoxLayout()
        self.period = QComboBox()
        for n in (3, 6, 12):
            self.period.addItem(f"{n} tháng gần nhất", n)
        self.period.setCurrentIndex(2)
        self.period.currentIndexChanged.connect(self.refresh)
        self.status = QComboBox()
        for label, code in STATUS_FILTERS:
            self.status.addItem(label, code)
        self.status.currentIndexChanged.connect(self._apply_filter)
        self.search = SearchBox("Tìm đơn vị (gõ không dấu)…")
        self.search.search.connect(lambda _text: self._apply_filter())
        for label, widget in (("Kỳ:", self.period), ("Lọc:", self.status)):
            widget.setMinimumContentsLength(18)   # "Có tháng chưa nhận" whole, not clipped
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        box.addLayout(bar)
        self.counts_view = QTableView()
        self.counts_view.verticalHeader().setVisible(False)
        self.counts_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.counts_view.verticalHeader().setDefaultSectionSize(22)
        self.counts_view.horizontalHeader().setStretchLastSection(False)
        self.counts_view.setFixedHeight(4 * 22 + 44)   # four rows under a two-line header
        # Both tables keep a vertical scroll bar so their columns, which stretch, stay aligned.
        self.counts_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        box.addWidget(self.counts_view)
        self.shown = QLabel()
        box.addWidget(self.shown)
        self.view = QTableView()
        setup_table(self.view)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setWordWrap(False)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        box.addWidget(self.view, 1)
        self.months: list[str] = []
        self.model: MatrixModel | None = None

    def refresh(self) -> None:
        ctx, months = self.ctx, province.recent_months(date.today(), self.period.currentData())
        self.tasks.query(lambda: (province.timeliness(ctx, months), province.due_day(ctx)),
                         lambda got: self._show(months, *got), parent=self)

    def _show(self, months: list[str], rows: list[province.Timeliness], due_day: int) -> None:
        if months != self.months or self.model is None:
            self.months = months
            self.model = MatrixModel(months, self)
            self.view.setModel(sortable(self.model, self.view))
            self.counts = CountsModel(months, self)
            self.counts_view.setModel(self.counts)
        self.all_rows = rows
        self.note.setText(
            f"Báo cáo tháng phải đến Ban Tuyên giáo và Dân vận trước ngày {due_day} tháng sau (ngày nhận là ngày "
            "nhập gói có báo cáo đã ký). Ô ghi ngày nhận; xanh: đúng hạn, vàng: muộn, đỏ («thiếu»): chưa nhận; «chờ»: chưa đến hạn."
        )
        counts = province.month_counts(self.all_rows, months)
        self.counts.set_rows([(province.STATUS_LABELS[s], {m: counts[m][s] for m in months}) for s in province.STATUS_LABELS])
        _widths(self.counts_view, len(months))
        self._apply_filter()

    def _apply_filter(self) -> None:
        if self.model is None:
            return
        rows = province.filter_timeliness(self.all_rows, self.status.currentData(), self.search.text())
        self.model.set_rows(rows)
        self.shown.setText(f"Hiển thị {len(rows)}/{len(self.all_rows)} đơn vị đã đăng ký.")
        _widths(self.view, len(self.months))


def _widths(view: QTableView, months: int) -> None:
    """Same widths in the counts table and the matrix, so each month's counts sit above its column.
    The months share what the name and the total leave (stretch, at least MIN_MONTH_WIDTH): twelve
    fixed 66 px months pushed the total column out of a 1280 px window."""
    header = view.horizontalHeader()
    header.setMinimumSectionSize(MIN_MONTH_WIDTH)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, NAME_WIDTH)
    for col in range(1, months + 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
    if view.model() is not None and view.model().columnCount() > months + 1:
        header.setSectionResizeMode(months + 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(months + 1, TOTAL_WIDTH)
