"""Vấn đề nổi cộm at a province office: each commune keeps its own topic rows, so the
province holds the same topic once per commune (740 rows for 74 communes × 10 topics). This
page shows each topic once — merged across communes as the consolidated report merges them
(app.reports.consolidated.topics) — with its communes and counts; selecting a topic lists
the communes that reported it, most items first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTableView

from app import catalog
from app.reports.consolidated.topics import CrossTopic, province_topics
from app.text import vn_number
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.widgets import fit_columns, setup_table


def _negative(t: CrossTopic) -> int:
    return t.tendency.get("frustration", 0) + t.tendency.get("distortion", 0)


class Page(PageBase):
    title = "Vấn đề dư luận các xã, phường phản ánh"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.model = RowsModel([
            Column("Vấn đề", lambda t: t.title, tip=True),
            Column("Lĩnh vực", lambda t: catalog.label(catalog.FIELDS, t.field)),
            Column("Đơn vị", lambda t: len(t.units), align_right=True, header_tip="Số đơn vị phản ánh vấn đề"),
            Column("Ý kiến", lambda t: vn_number(t.count), align_right=True, sort_key=lambda t: t.count),
            Column("Bức xúc", _negative, align_right=True, header_tip="Ý kiến bức xúc, phản đối hoặc trái chiều"),
            Column("Nổi cộm", lambda t: len(t.hot_units) or "", align_right=True,
                   sort_key=lambda t: len(t.hot_units),
                   header_tip="Số đơn vị đánh dấu vấn đề là nổi cộm hoặc báo ý kiến có nguy cơ điểm nóng"),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _: self.show_topic(cur))
        self.units = RowsModel([
            Column("Đơn vị", lambda u: u[0]),
            Column("Ý kiến", lambda u: u[1], align_right=True),
            Column("Nổi cộm", lambda u: "Có" if u[0] in self._hot else "",
                   header_tip="Đơn vị đánh dấu vấn đề là nổi cộm hoặc báo ý kiến có nguy cơ điểm nóng"),
        ])
        self._hot: set[str] = set()
        self.units_view = QTableView()
        self.units_view.setModel(sortable(self.units, self))
        setup_table(self.units_view)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.units_view)
        split.setChildrenCollapsible(False)
        split.setSizes([740, 400])
        self.layout_.addWidget(split, 1)

    def refresh(self) -> None:
        # Read on the worker (ui/tasks.py): a year of 168 communes' items is grouped here.
        self.tasks.query(lambda: province_topics(self.ctx), self._show, parent=self)

    def _show(self, rows: list[CrossTopic]) -> None:
        self.model.set_rows(rows)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        fit_columns(self.view, content=(2, 3, 4, 5))
        communes = {u for t in rows for u, _ in t.units}
        self.summary.setText(f"{len(rows)} vấn đề do {len(communes)} đơn vị phản ánh; mỗi vấn đề một dòng, "
                             "gộp theo tên vấn đề của các đơn vị.")
        if self.view.model().rowCount():
            self.view.setCurrentIndex(self.view.model().index(0, 0))
        else:
            self.show_topic(None)

    def show_topic(self, index) -> None:
        if index is None or not index.isValid():
            self._hot = set()
            self.units.set_rows([])
            return
        topic = self.model.row_at(self.view.model().mapToSource(index).row())
        self._hot = set(topic.hot_units)
        self.units.set_rows(topic.units)
        self.units_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        fit_columns(self.units_view, content=(1, 2))
