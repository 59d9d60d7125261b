"""Thông tin dư luận các đơn vị: the newest items of all lower offices or of one (a combo
with accent-free type-ahead over up to 168 names) and of one month. Shows at most LIMIT
rows read through an index, and says how many there are in all, so the list opens at
once with a year of 168 communes' items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from app import catalog
from app.context import Ctx
from app.exchange import province
from app.text import vn_iso, vn_number
from ui.models import Column, RowsModel, sortable
from ui.widgets import setup_table

LIMIT = 500


class ItemsView(QWidget):
    def __init__(self, ctx: Ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.office = QComboBox()
        self.office.setEditable(True)
        self.office.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.office.setMinimumWidth(280)
        completer = self.office.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.office.currentIndexChanged.connect(self.load)
        self.month = QComboBox()
        self.month.currentIndexChanged.connect(self.load)
        for label, widget in (("Đơn vị:", self.office), ("Tháng:", self.month)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        self.count = QLabel()
        bar.addWidget(self.count, 1)
        box.addLayout(bar)
        self.model = RowsModel(
            [
                Column("Đơn vị", lambda i: i.office),
                Column("Ngày", lambda i: vn_iso(i.received_on) or "—", sort_key=lambda i: i.received_on),
                Column("Lĩnh vực", lambda i: catalog.FIELDS.get(i.field, i.field)),
                Column("Xu hướng", lambda i: catalog.TENDENCIES.get(i.tendency, i.tendency)),
                Column("Nguy cơ điểm nóng", lambda i: catalog.HOTSPOT_RISKS.get(i.hotspot_risk, i.hotspot_risk)),
                Column("Nội dung", lambda i: i.summary),
            ]
        )
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self.view))
        setup_table(self.view)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first, as read
        self.view.setWordWrap(False)
        for col, width in enumerate((170, 100, 170, 150, 150)):
            self.view.setColumnWidth(col, width)
        box.addWidget(self.view, 1)

    def set_offices(self, offices: list[province.OfficeStatus]) -> None:
        """Fill the filters; the office and month chosen before are kept when still there."""
        current, month = self.office.currentData(), self.month.currentData()
        for combo in (self.office, self.month):
            combo.blockSignals(True)
            combo.clear()
        self.office.addItem("Tất cả các đơn vị", None)
        for o in offices:
            self.office.addItem(o.name, o.unit_code)
        self.office.setCurrentIndex(max(0, self.office.findData(current)))
        self.month.addItem("Mọi tháng", None)
        for m in province.item_months(self.ctx):
            self.month.addItem(f"Tháng {int(m[5:])}/{m[:4]}", m)
        self.month.setCurrentIndex(max(0, self.month.findData(month)))
        for combo in (self.office, self.month):
            combo.blockSignals(False)
        self.load()

    def select_office(self, unit_code: str | None) -> None:
        self.office.setCurrentIndex(max(0, self.office.findData(unit_code)))

    def load(self) -> None:
        origin, month = self.office.currentData(), self.month.currentData()
        rows = province.items(self.ctx, origin, month, limit=LIMIT)
        self.model.set_rows(rows)
        total = province.item_count(self.ctx, origin, month)
        shown = f"{vn_number(len(rows))} mới nhất / " if total > len(rows) else ""
        self.count.setText(f"  {shown}{vn_number(total)} ý kiến, phản ánh")
