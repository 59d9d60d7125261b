"""Thông tin dư luận: the items list with filters and accent-insensitive full-text search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView

from app import catalog
from app.opinions.items import OpinionFilter, list_opinions
from app.text import vn_date, vn_number
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.widgets import CodeCombo, SearchBox, setup_table

LIST_LIMIT = 5000


def _date(iso: str) -> str:
    from datetime import date

    return vn_date(date.fromisoformat(iso))


class Page(PageBase):
    title = "Thông tin dư luận xã hội"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        bar = QHBoxLayout()
        self.search = SearchBox("Tìm trong nội dung, đề xuất, kết quả (gõ không dấu cũng được)…")
        self.search.search.connect(lambda _: self.refresh())
        bar.addWidget(self.search, 2)
        self.field = CodeCombo("Mọi lĩnh vực", catalog.FIELDS)
        self.tendency = CodeCombo("Mọi xu hướng", catalog.TENDENCIES)
        self.handling = CodeCombo("Mọi tình trạng xử lý", catalog.HANDLING)
        for combo in (self.field, self.tendency, self.handling):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
            bar.addWidget(combo, 1)
        self.layout_.addLayout(bar)
        self.model = RowsModel([
            Column("Ngày", lambda r: _date(r.received_on), sort_key=lambda r: r.received_on),
            Column("Lĩnh vực", lambda r: catalog.label(catalog.FIELDS, r.field)),
            Column("Xu hướng", lambda r: catalog.label(catalog.TENDENCIES, r.tendency)),
            Column("Mức độ", lambda r: catalog.label(catalog.SCALES, r.scale)),
            Column("Địa bàn", lambda r: r.area_name),
            Column("Vấn đề", lambda r: r.topic_title),
            Column("Xử lý", lambda r: catalog.label(catalog.HANDLING, r.handling)),
            Column("Nội dung", lambda r: r.summary),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setWordWrap(False)
        self.layout_.addWidget(self.view, 1)
        self.count = QLabel()
        self.layout_.addWidget(self.count)

    def current_filter(self) -> OpinionFilter:
        return OpinionFilter(text=self.search.text(), field=self.field.code(), tendency=self.tendency.code(),
                             handling=self.handling.code())

    def refresh(self) -> None:
        rows = list_opinions(self.ctx, self.current_filter(), limit=LIST_LIMIT)
        self.model.set_rows(rows)
        for col, width in enumerate((80, 150, 130, 70, 140, 220, 110)):
            self.view.setColumnWidth(col, width)
        more = " (hiển thị 5.000 ý kiến mới nhất; hãy lọc để thu hẹp)" if len(rows) == LIST_LIMIT else ""
        self.count.setText(f"{vn_number(len(rows))} ý kiến{more}")
