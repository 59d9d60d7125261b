"""Cộng tác viên: the registry list with filters and accent-insensitive search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView

from app import catalog
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.office import communes
from app.text import fold, vn_number
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.widgets import CodeCombo, SearchBox, setup_table


def given_name_key(c) -> str:
    """Vietnamese lists sort by the given name (the last word), then the full name."""
    return fold(c.full_name.split()[-1] + " " + c.full_name)


class Page(PageBase):
    title = "Cộng tác viên dư luận xã hội"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.area_names = {u.code: u.name for u in communes(ctx)}
        bar = QHBoxLayout()
        self.search = SearchBox("Tìm theo tên, đơn vị, chức vụ, địa bàn (gõ không dấu cũng được)…")
        self.search.search.connect(lambda _: self.refresh())
        bar.addWidget(self.search, 2)
        self.area = CodeCombo("Tất cả địa bàn", sorted(self.area_names.items(), key=lambda kv: kv[1]))
        self.stratum = CodeCombo("Tất cả giai tầng", catalog.STRATA)
        self.status = CodeCombo("Mọi trạng thái", catalog.COLLABORATOR_STATUSES)
        for combo in (self.area, self.stratum, self.status):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
            bar.addWidget(combo, 1)
        self.layout_.addLayout(bar)
        self.model = RowsModel([
            Column("Họ và tên", lambda c: c.full_name, sort_key=given_name_key),
            Column("Năm sinh", lambda c: c.birth_year, align_right=True),
            Column("Giới tính", lambda c: catalog.label(catalog.GENDERS, c.gender)),
            Column("Địa bàn", lambda c: self.area_names.get(c.area_code, "")),
            Column("Giai tầng", lambda c: catalog.label(catalog.STRATA, c.stratum)),
            Column("Chức vụ, đơn vị", lambda c: ", ".join(x for x in (c.position, c.workplace) if x)),
            Column("Đảng viên", lambda c: "✓" if c.party_member else ""),
            Column("Điện thoại", lambda c: c.phone),
            Column("Trạng thái", lambda c: catalog.label(catalog.COLLABORATOR_STATUSES, c.status)),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.layout_.addWidget(self.view, 1)
        self.count = QLabel()
        self.layout_.addWidget(self.count)

    def current_filter(self) -> CollaboratorFilter:
        return CollaboratorFilter(text=self.search.text(), area_code=self.area.code(), stratum=self.stratum.code(),
                                  status=self.status.code())

    def refresh(self) -> None:
        rows = list_collaborators(self.ctx, self.current_filter())
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.count.setText(f"{vn_number(len(rows))} cộng tác viên")
