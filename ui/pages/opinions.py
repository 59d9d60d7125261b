"""Thông tin dư luận: the items list with filters (period, field, tendency, area, topic, handling,
collaborator, meeting), accent-insensitive full-text search, paging for 200k items, Excel
export of the filtered list, the handling steps, and the "Quá hạn" (overdue) view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import catalog, deletion
from app.collaborators import registry
from app.errors import DlxhError
from app.meetings import core as meetings
from app.office import communes
from app.opinions import handling, items, topics
from app.opinions.export import export_xlsx
from app.text import vn_iso, vn_number
from app.validate import iso_date
from ui import deleting, palette
from ui.columns import keep_share
from ui.errors import show_error
from ui.files import save_file
from ui.flow import FlowLayout
from ui.lazy_tabs import LazyTabs, tab_view
from ui.models import Column, RowsModel, listed_columns, sortable
from ui.opinion.entry import EntryDialog
from ui.opinion.handling_dialog import HandlingDialog
from ui.pages.base import PageBase
from ui.widgets import CodeCombo, SearchBox, compact_columns, setup_table, sorted_table

PAGE_SIZE = 300


# Widths of the name columns of the list (0: sized to its text, or the content column). Field,
# tendency and handling show short labels (catalog.SHORT) and fit them whole.
LABEL_WIDTHS = (0, 0, 0, 0, 0, 115, 140, 0, 0, 125)
FITTED = (0, 2, 3, 4, 7, 8)
# The columns that narrow (eliding, whole in their tooltips) so that Nội dung keeps its share:
# every name and label column; date, scale and risk are short enough to stay whole.
SHRINKABLE = (2, 3, 5, 6, 7, 9)


def _months(n: int = 24) -> list[tuple[str, str]]:
    y, m = date.today().year, date.today().month
    out = []
    for _ in range(n):
        out.append((f"{y:04d}-{m:02d}", f"Tháng {m}/{y}"))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out


class Page(PageBase):
    title = "Thông tin dư luận xã hội"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.search = SearchBox("Tìm trong nội dung, đề xuất, kết quả (gõ không dấu cũng được)…")
        self.search.search.connect(lambda _: self.refresh_list())
        self.search.returnPressed.connect(self.search.flush)
        self.month = CodeCombo("Mọi thời gian", _months())
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        self.date_from.setPlaceholderText("từ ngày dd/mm/yyyy")
        self.date_to.setPlaceholderText("đến ngày dd/mm/yyyy")
        self.field = CodeCombo("Mọi lĩnh vực", catalog.FIELDS)
        self.tendency = CodeCombo("Mọi xu hướng", catalog.TENDENCIES)
        self.handling = CodeCombo("Mọi tình trạng xử lý", catalog.HANDLING)
        self.area = CodeCombo("Mọi địa bàn", [])
        self.topic = CodeCombo("Mọi vấn đề", [])
        self.collaborator = CodeCombo("Mọi cộng tác viên", [])
        self.meeting = CodeCombo("Mọi hội nghị", [])
        grid = QGridLayout()
        grid.addWidget(self.search, 0, 0, 1, 3)
        grid.addWidget(self.month, 0, 3)
        grid.addWidget(self.date_from, 0, 4)
        grid.addWidget(self.date_to, 0, 5)
        combos = [self.field, self.tendency, self.area, self.topic, self.handling, self.collaborator, self.meeting]
        for i, combo in enumerate(combos[:6]):
            grid.addWidget(combo, 1, i)
        grid.addWidget(self.meeting, 2, 0, 1, 2)
        for combo in combos + [self.month]:
            combo.setMinimumContentsLength(8)   # six in a row fit 1280 px
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _: self.refresh_list())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.refresh_list)
        clear = QPushButton("Bỏ lọc")
        clear.clicked.connect(self.clear_filters)
        grid.addWidget(clear, 2, 5)
        for col in range(6):
            grid.setColumnStretch(col, 1)
        self.layout_.addLayout(grid)

        actions = FlowLayout()   # wraps at 1280 px instead of widening the window
        for text, slot in (("Nhập ý kiến (Ctrl+N)", self.enter), ("Chuyển xử lý…", lambda: self.handle("forward")),
                           ("Ghi kết quả…", lambda: self.handle("resolve")),
                           ("Ghi phản hồi…", lambda: self.handle("answer")), ("Ý kiến tương tự…", self.show_similar),
                           ("Xuất Excel…", self.choose_export)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)

        self.model = RowsModel(listed_columns(items.LIST))
        self.view = QTableView()
        self.count = QLabel()
        self.more = QPushButton("Tải thêm")
        self.more.clicked.connect(self.load_more)
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.more)
        list_layout.addLayout(bottom)

        self.overdue_model = RowsModel([
            Column("Loại", lambda r: r.kind_label),
            Column("Quá hạn", lambda r: f"{r.days_over} ngày", sort_key=lambda r: r.days_over, align_right=True),
            Column("Hạn xử lý", lambda r: vn_iso(r.due_on), sort_key=lambda r: r.due_on),
            Column("Cơ quan", lambda r: r.agency_name, tip=True),
            Column("Ngày chuyển", lambda r: vn_iso(r.forwarded_on), sort_key=lambda r: r.forwarded_on),
            Column("Nội dung", lambda r: r.text, tip=True),
        ])

        # The overdue list's table is built when its tab is first opened (ui/lazy_tabs.py); its
        # rows are read with the page all the same, for the count in the tab's name.
        self.tabs = LazyTabs()
        self.layout_.addWidget(self.tabs, 1)   # in its place before its tabs go in: each move restyles what moves
        self.status = QLabel()
        self.layout_.addWidget(self.status)
        self.tabs.add(lambda: list_tab, "Danh sách")
        self.tabs.add(self._build_overdue, "Quá hạn xử lý")
        # The model goes in once the table sits in its final place: each move of a table with a
        # model (into its tab, the tab into the page) measured its header again through Python.
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setWordWrap(False)
        self.content_share = keep_share(self.view, 1, 0.4, SHRINKABLE)
        self.view.activated.connect(lambda _: self.edit())   # double-click or Enter; once
        self.total = 0
        self._choices_pending = 0                    # choice loads not yet arrived
        self._wanted: dict[str, str] | None = None   # filters waiting for them
        self._select_id: str | None = None           # a row to select once the list arrives
        self.deleting = deleting.attach(self, ctx=ctx, tasks=tasks, view=self.view, selected=self._selected_item,
                                        delete=deletion.delete_opinion, table="opinions", what="thông tin")
        actions.insertWidget(actions.count() - 1, self.deleting.button())

    overdue_view = tab_view(1)

    def _build_overdue(self) -> QTableView:
        view = sorted_table(self.overdue_model, self, column=1, order=Qt.SortOrder.DescendingOrder)
        if self.overdue_model.rowCount():
            self._fit_overdue(view)
        return view

    @staticmethod
    def _fit_overdue(view: QTableView) -> None:
        # Kind, days, dates whole (fixed widths cut them to "Thông …", "301 n…" at 1366 px);
        # the agency and the text share the rest, whole in their tooltips.
        compact_columns(view, stretch=(3, 5))

    # -- filters ---------------------------------------------------------------------------------
    def load_choices(self) -> None:
        """Load the area, topic, collaborator and meeting choices on the worker. Until they
        arrive, a filter asked for (an overview link) waits in `_wanted` and is set then."""
        ctx = self.ctx

        def read() -> dict[str, list[tuple[str, str]]]:
            return {"area": [(u.code, u.name) for u in communes(ctx)],
                    "topic": [(t.id, t.title) for t in topics.list_topics(ctx) if t.id],
                    "collaborator": [(c.id, c.full_name) for c in registry.list_collaborators(ctx) if c.id],
                    "meeting": [(m.id, f"{meetings.KINDS[m.kind]} {vn_iso(m.held_on)}")
                                for m in meetings.list_meetings(ctx) if m.id]}

        self._choices_pending += 1
        self.tasks.query(read, self._show_choices, parent=self,
                         on_failed=lambda exc: (self._choices_done(), show_error(self, exc)))

    def _show_choices(self, choices: dict[str, list[tuple[str, str]]]) -> None:
        for name, pairs in choices.items():
            getattr(self, name).set_choices(pairs)
        self._choices_done()

    def _choices_done(self) -> None:
        self._choices_pending -= 1
        if self._choices_pending == 0 and self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.clear_filters(wanted)

    def current_filter(self) -> items.OpinionFilter:
        try:
            date_from = iso_date(self.date_from.text(), "Từ ngày")
            date_to = iso_date(self.date_to.text(), "Đến ngày")
            self.status.setText("")
        except DlxhError as exc:
            self.status.setText(palette.span(escape(exc.message), "error"))
            date_from = date_to = None
        return items.OpinionFilter(
            text=self.search.text(), month=self.month.code(), date_from=date_from, date_to=date_to,
            field=self.field.code(), tendency=self.tendency.code(), area_code=self.area.code(),
            topic_id=self.topic.code(), handling=self.handling.code(), collaborator_id=self.collaborator.code(),
            meeting_id=self.meeting.code())

    def clear_filters(self, wanted: dict[str, str] | None = None) -> None:
        """Clear every filter, or set only the `wanted` ones (OpinionFilter field -> code, from
        an overview link); the list reloads once."""
        wanted = wanted or {}
        if self._choices_pending:
            self._wanted = wanted   # set when the choices arrive: a topic id must find its entry
            return
        combos = {"month": self.month, "field": self.field, "tendency": self.tendency, "area_code": self.area,
                  "topic_id": self.topic, "handling": self.handling, "collaborator_id": self.collaborator,
                  "meeting_id": self.meeting}
        for key, combo in combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(wanted[key]), 0) if key in wanted else 0)
            combo.blockSignals(False)
        for edit in (self.search, self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.refresh_list()

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.load_choices()
        self.refresh_list()
        self.refresh_overdue()

    def refresh_list(self) -> None:
        """Count and read the first page of the filtered list on the worker."""
        flt, ctx = self.current_filter(), self.ctx
        self.tasks.query(lambda: (items.count(ctx, flt), items.list_opinions(ctx, flt, limit=PAGE_SIZE)),
                         lambda loaded: self._show_list(*loaded), parent=self)

    def _show_list(self, total: int, rows: list) -> None:
        self.total = total
        if self.model.replace_rows(rows):
            for col, width in enumerate(LABEL_WIDTHS):
                if width:
                    self.view.setColumnWidth(col, width)   # long labels elide, whole in the tooltip
            # Date, the short labels, scale and risk fit their text; Nội dung, second, takes the
            # rest and at least 40 % of the list (the name columns narrow for it).
            compact_columns(self.view, stretch=1, fit=FITTED)
            self.content_share.reset()
        self._count_text()
        if self._select_id and self.tabs.currentIndex() == 0 and self._select(self.view, self.model,
                                                                              self._select_id):
            self._select_id = None

    def load_more(self) -> None:
        flt, ctx, offset = self.current_filter(), self.ctx, self.model.rowCount()
        self.tasks.query(lambda: items.list_opinions(ctx, flt, limit=PAGE_SIZE, offset=offset),
                         self._show_more, parent=self)

    def _show_more(self, rows: list) -> None:
        self.model.set_rows(self.model.rows + rows)
        self._count_text()

    def _count_text(self) -> None:
        shown = self.model.rowCount()
        more = f" – đang hiện {vn_number(shown)} ý kiến mới nhất" if shown < self.total else ""
        self.count.setText(f"{vn_number(self.total)} ý kiến{more}")
        self.more.setVisible(shown < self.total)

    def refresh_overdue(self) -> None:
        ctx = self.ctx
        self.tasks.query(lambda: handling.overdue(ctx), self._show_overdue, parent=self)

    def _show_overdue(self, rows: list) -> None:
        if self.overdue_model.replace_rows(rows) and self.tabs.is_built(1):
            self._fit_overdue(self.overdue_view)
        self.tabs.setTabText(1, f"Quá hạn xử lý ({len(rows)})")
        if self._select_id and self.tabs.currentIndex() == 1 and self._select(self.overdue_view, self.overdue_model,
                                                                              self._select_id):
            self._select_id = None

    @staticmethod
    def _select(view: QTableView, model: RowsModel, record_id: str) -> bool:
        proxy = view.model()
        for row in range(proxy.rowCount()):
            if model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).id == record_id:
                view.selectRow(row)
                return True
        return False

    # -- actions -------------------------------------------------------------------------------
    def selected(self) -> tuple[str, str, str] | None:
        """(kind, id, text) of the selected row in the visible tab."""
        view, model = ((self.view, self.model) if self.tabs.currentIndex() == 0
                       else (self.overdue_view, self.overdue_model))
        index = view.currentIndex()
        if not index.isValid():
            self.status.setText("Hãy chọn một dòng trong danh sách.")
            return None
        row = model.row_at(view.model().mapToSource(index).row())
        if isinstance(row, handling.OverdueRow):
            return row.kind, row.id, row.text
        return "opinion", row.id, row.summary

    def _selected_item(self) -> tuple[str, str] | None:
        chosen = self.selected() if self.tabs.currentIndex() == 0 else None
        return (chosen[1], chosen[2][:60]) if chosen else None

    def handle(self, step: str) -> None:
        chosen = self.selected()
        if chosen:
            self._keeping_selection(chosen[1], HandlingDialog(self.ctx, self.tasks, chosen[0], chosen[1], step,
                                                              chosen[2], self))

    def _keeping_selection(self, row_id: str, dialog: QDialog) -> None:
        """Run `dialog` on the chosen row. Its save reloads the list from `changed` (the row's cells
        changed, so the list is reset): the row is chosen again when the list arrives."""
        self._select_id = row_id
        if not dialog.exec():
            self._select_id = None

    def show_similar(self) -> None:
        from ui.opinion.similar_dialog import SimilarDialog

        chosen = self.selected()
        if chosen and chosen[0] == "opinion":
            SimilarDialog(self.ctx, self.tasks, chosen[1], self).exec()

    def edit(self) -> None:
        """Open the selected item in the entry form (double-click or Enter on a row)."""
        chosen = self.selected()
        if chosen and chosen[0] == "opinion":
            self._keeping_selection(chosen[1], EntryDialog(self.ctx, parent=self, opinion_id=chosen[1],
                                                           tasks=self.tasks))

    def enter(self) -> None:
        EntryDialog(self.ctx, self.meeting.code(), self.collaborator.code(), parent=self, tasks=self.tasks).exec()

    def choose_export(self) -> None:
        path = save_file(self, "Xuất danh sách ra Excel", "thong-tin-du-luan.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        flt = replace(self.current_filter())
        self.tasks.run(lambda: export_xlsx(self.ctx, flt, path),
                       on_done=lambda n: self.status.setText(f"Đã xuất {vn_number(n)} ý kiến ra {path}."),
                       label="Đang xuất Excel…", parent=self)

    # -- links from the overview -------------------------------------------------------------
    def open_link(self, link) -> None:
        """Follow an app.overview.Link: the list filtered as it says (every other filter
        cleared, set once the filter choices have arrived), the overdue tab, or one item
        selected when its list arrives and opened in the entry form."""
        self.tabs.setCurrentIndex(1 if link.tab == "overdue" else 0)
        self._select_id = link.record_id or None
        self.clear_filters(dict(link.filters))
        if link.tab == "overdue":
            self.refresh_overdue()
        if link.record_id:
            EntryDialog(self.ctx, parent=self, opinion_id=link.record_id, tasks=self.tasks).exec()
