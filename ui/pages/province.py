"""Các huyện (province role): districts enrolled and what each sent, the monthly reports'
timeliness (by the 20th or late), the items of all districts with a district filter, and
the consolidated monthly report drafted from all districts' data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.exchange import consolidated, province
from app.text import vn_number
from ui.errors import show_error
from ui.files import choose_folder
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.widgets import setup_table

STATUS_COLORS = {province.ON_TIME: "#d4edda", province.LATE: "#fff3cd", province.MISSING: "#f8d7da"}


def _day(stamp: str | None) -> str:
    return date.fromisoformat(stamp[:10]).strftime("%d/%m/%Y") if stamp else "—"


class TimelinessModel(RowsModel):
    """Cells coloured by status: green on time, yellow late, red missing."""

    def __init__(self, months: list[str], parent=None) -> None:
        columns = [Column("Đơn vị", lambda t: t.name)]
        for m in months:
            columns.append(Column(f"Tháng {int(m[5:])}/{m[:4]}", lambda t, m=m: _cell(t.cells[m])))
        super().__init__(columns, parent)
        self.months = months

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() > 0:
            status = self.rows[index.row()].cells[self.months[index.column() - 1]][0]
            return QBrush(QColor(STATUS_COLORS[status])) if status in STATUS_COLORS else None
        return super().data(index, role)


def _cell(cell: tuple[str, str]) -> str:
    status, received = cell
    return province.STATUS_LABELS[status] + (f" ({received})" if received else "")


class Page(PageBase):
    title = "Các huyện"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.views: list[QTableView] = []
        self.summary = QLabel()
        self.layout_.addWidget(self.summary)
        tabs = QTabWidget()
        self.layout_.addWidget(tabs, 1)

        self.districts = RowsModel(
            [
                Column("Mã", lambda d: d.unit_code),
                Column("Đơn vị", lambda d: d.name),
                Column("Số gói đã nhận", lambda d: d.packages, align_right=True),
                Column("Gói gần nhất", lambda d: d.last_seq or "—", align_right=True),
                Column(
                    "Ngày nhập gần nhất",
                    lambda d: _day(d.last_imported_on),
                    sort_key=lambda d: d.last_imported_on or "",
                ),
                Column("Ý kiến", lambda d: vn_number(d.opinions), align_right=True, sort_key=lambda d: d.opinions),
                Column("CTV đang hoạt động", lambda d: d.collaborators, align_right=True),
                Column("Báo cáo đã nhận", lambda d: d.reports, align_right=True),
            ]
        )
        tabs.addTab(self._table(self.districts), "Đơn vị đã đăng ký")

        self.months = province.recent_months(date.today(), 6)
        self.timely = TimelinessModel(self.months)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.addWidget(
            QLabel(
                "Báo cáo tháng phải đến Ban Tuyên giáo Tỉnh ủy trước ngày 20 tháng sau "
                "(ngày nhận là ngày nhập gói có báo cáo đã ký)."
            )
        )
        box.addWidget(self._table(self.timely), 1)
        tabs.addTab(holder, "Báo cáo đúng hạn")

        holder = QWidget()
        box = QVBoxLayout(holder)
        filters = QHBoxLayout()
        self.district_filter = QComboBox()
        self.district_filter.currentIndexChanged.connect(self._load_items)
        filters.addWidget(QLabel("Đơn vị:"))
        filters.addWidget(self.district_filter)
        filters.addStretch(1)
        box.addLayout(filters)
        self.items = RowsModel(
            [
                Column("Đơn vị", lambda i: i.district),
                Column("Ngày", lambda i: _day(i.received_on), sort_key=lambda i: i.received_on),
                Column("Lĩnh vực", lambda i: catalog.FIELDS.get(i.field, i.field)),
                Column("Xu hướng", lambda i: catalog.TENDENCIES.get(i.tendency, i.tendency)),
                Column("Nguy cơ điểm nóng", lambda i: catalog.HOTSPOT_RISKS.get(i.hotspot_risk, i.hotspot_risk)),
                Column("Nội dung", lambda i: i.summary),
            ]
        )
        box.addWidget(self._table(self.items), 1)
        tabs.addTab(holder, "Thông tin dư luận các huyện")

        holder = QWidget()
        box = QHBoxLayout(holder)
        self.month = QComboBox()
        for m in reversed(self.months):
            self.month.addItem(f"Tháng {int(m[5:])}/{m[:4]}", m)
        button = QPushButton("Soạn báo cáo tổng hợp (PDF và DOCX)…")
        button.clicked.connect(self.make_report)
        box.addWidget(QLabel("Kỳ báo cáo:"))
        box.addWidget(self.month)
        box.addWidget(button)
        box.addStretch(1)
        tabs.addTab(holder, "Báo cáo tổng hợp")
        self.report_note = QLabel()
        self.report_note.setWordWrap(True)
        self.layout_.addWidget(self.report_note)

    def _table(self, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setModel(sortable(model, view))
        setup_table(view)
        self.views.append(view)
        return view

    def refresh(self) -> None:
        rows = province.districts(self.ctx)
        self.districts.set_rows(rows)
        self.timely.set_rows(province.timeliness(self.ctx, self.months))
        self.summary.setText(
            f"{len(rows)} đơn vị cấp huyện đã đăng ký; "
            f"{sum(d.packages for d in rows)} gói đã nhận; "
            f"{vn_number(sum(d.opinions for d in rows))} ý kiến, phản ánh."
        )
        current = self.district_filter.currentData()
        self.district_filter.blockSignals(True)
        self.district_filter.clear()
        self.district_filter.addItem("Tất cả các huyện", None)
        for d in rows:
            self.district_filter.addItem(d.name, d.unit_code)
        self.district_filter.setCurrentIndex(max(0, self.district_filter.findData(current)))
        self.district_filter.blockSignals(False)
        self._load_items()

    def _load_items(self) -> None:
        self.items.set_rows(province.items(self.ctx, self.district_filter.currentData()))
        for view in self.views:
            view.resizeColumnsToContents()

    def make_report(self) -> None:
        folder = choose_folder(self, "Chọn thư mục lưu báo cáo tổng hợp")
        if folder:
            self.start_report(Path(folder))

    def start_report(self, folder: Path) -> None:
        month = self.month.currentData()
        self.tasks.run(
            lambda: consolidated.render(self.ctx, month, folder),
            on_done=lambda paths: self.report_note.setText(
                "Đã soạn báo cáo tổng hợp: " + "; ".join(str(p) for p in paths)
            ),
            on_failed=lambda exc: show_error(self, exc),
            label="Đang soạn báo cáo tổng hợp…",
            parent=self,
        )
