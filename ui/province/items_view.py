"""Thông tin dư luận các đơn vị: the newest items of all lower offices or of one (a combo
with accent-free type-ahead over up to 168 names) and of one month. Shows at most LIMIT
rows read through an index, and says how many there are in all, so the list opens at
once with a year of 168 communes' items. The months and the rows are read on the worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from app import catalog
from app.context import Ctx
from app.exchange import province
from app.text import vn_iso, vn_number
from ui.models import Column, RowsModel, sortable
from ui.tasks import TaskRunner
from ui.widgets import setup_table

LIMIT = 500


class ItemsView(QWidget):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.wanted: str | None = None   # an office asked for before the choices arrived
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
        """Fill the filters (the months read on the worker); the office and month chosen before
        are kept when still there."""
        ctx = self.ctx
        self.tasks.query(lambda: province.item_months(ctx), lambda months: self._fill(offices, months), parent=self)

    def _fill(self, offices: list[province.OfficeStatus], months: list[str]) -> None:
        current, month = self.wanted or self.office.currentData(), self.month.currentData()
        for combo in (self.office, self.month):
            combo.blockSignals(True)
            combo.clear()
        self.office.addItem("Tất cả các đơn vị", None)
        for o in offices:
            self.office.addItem(o.name, o.unit_code)
        self.office.setCurrentIndex(max(0, self.office.findData(current)))
        self.month.addItem("Mọi tháng", None)
        for m in months:
            self.month.addItem(f"Tháng {int(m[5:])}/{m[:4]}", m)
        self.month.setCurrentIndex(max(0, self.month.findData(month)))
        for combo in (self.office, self.month):
            combo.blockSignals(False)
        self.load()

    def select_office(self, unit_code: str | None) -> None:
        index = self.office.findData(unit_code)
        self.wanted = unit_code if index < 0 else None   # not there yet: chosen when the choices arrive
        self.office.setCurrentIndex(max(0, index))

    def load(self) -> None:
        ctx, origin, month = self.ctx, self.office.currentData(), self.month.currentData()
        self.tasks.query(lambda: (province.items(ctx, origin, month, limit=LIMIT), province.item_count(ctx, origin, month)),
                         lambda got: self._show(*got), parent=self)

    def _show(self, rows: list, total: int) -> None:
        self.model.set_rows(rows)
        shown = f"{vn_number(len(rows))} mới nhất / " if total > len(rows) else ""
        self.count.setText(f"  {shown}{vn_number(total)} ý kiến, phản ánh")
