"""Vấn đề nổi cộm: topics with their items, monthly trend by tendency, areas affected, early
warnings in words, status watch → hot → closed, and forwarding a whole topic to an agency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import catalog, memo
from app.analytics import keywords
from app.errors import DlxhError
from app.opinions import items, topic_stats, topics, warnings
from app.text import vn_iso
from app.validate import TITLE_MAX, limit_hint
from ui import palette
from ui.columns import keep_share
from ui.errors import refusal_in
from ui.flow import FlowLayout
from ui.icons import icon
from ui.min_scroll import MinimumScroll
from ui.models import Column, RowsModel, sortable
from ui.opinion.choice import ChoiceEdit
from ui.opinion.handling_dialog import HandlingDialog
from ui.opinion.trend_chart import TrendPanel
from ui.pages.base import PageBase
from ui.widgets import CodeCombo, compact_columns, fit_columns, setup_table

STATUS_TONES = {"hot": "error", "watch": "watch", "closed": "muted"}
STATUS_ORDER = {"hot": 0, "watch": 1, "closed": 2}
STATUS_COLUMN = 1
TITLE_SHARE = 0.45


class NewTopicDialog(QDialog):
    """A new topic is an op on 'topics' (the page reloads from `changed`); a refusal stays here."""

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.setWindowTitle("Thêm vấn đề dư luận quan tâm")
        self.title_ = QLineEdit()
        self.title_.setPlaceholderText(limit_hint(TITLE_MAX))
        self.field = ChoiceEdit(catalog.FIELDS, topics.LABELS["field"])
        self.error = QLabel()
        palette.set_tone(self.error, "error")
        form = QFormLayout(self)
        form.addRow(topics.LABELS["title"], self.title_)
        form.addRow(topics.LABELS["field"], self.field)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.created: topics.Topic | None = None

    def accept(self) -> None:
        try:
            field = self.field.code() or ""   # what was typed, read as one field (a refusal says so)
        except DlxhError as exc:
            self.error.setText(exc.message)
            return
        ctx, topic = self.ctx, topics.Topic(title=self.title_.text(), field=field, opened_on=date.today().isoformat())
        self.tasks.op(lambda: topics.create(ctx, topic), tables={"topics"}, on_done=self._created,
                      on_failed=refusal_in(self.error), parent=self)

    def _created(self, topic: topics.Topic) -> None:
        self.created = topic
        super().accept()


class Page(PageBase):
    title = "Vấn đề dư luận quan tâm, nổi cộm"
    tables = frozenset({"topics", "opinions"})

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.chosen: str | None = None   # a topic to select once the list has reloaded (one just added)
        self.dialog: NewTopicDialog | None = None
        bar = QHBoxLayout()
        self.status_filter = CodeCombo("Mọi trạng thái", catalog.TOPIC_STATUSES)
        self.status_filter.currentIndexChanged.connect(lambda _: self.refresh())
        add = QPushButton(icon("add"), "Thêm vấn đề")
        add.clicked.connect(self.add_topic)
        bar.addWidget(QLabel("Trạng thái:"))
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(add)
        self.layout_.addLayout(bar)

        self.warned: dict[str, warnings.TopicWarning] = {}
        # The title, what the clerk reads, stands first and keeps TITLE_SHARE of the list; the
        # list opens sorted by status (hot and warned first), as before.
        self.model = RowsModel([
            Column("Vấn đề", lambda r: r.topic.title, tip=True),
            Column("Trạng thái", lambda r: catalog.label(catalog.TOPIC_STATUSES, r.topic.status),
                   sort_key=lambda r: (STATUS_ORDER.get(r.topic.status, 3) * 10 - (r.topic.id in self.warned)) * 100000
                   - r.recent),
            Column("Ý kiến", lambda r: r.items, align_right=True),
            Column("14 ngày", lambda r: r.recent, align_right=True, header_tip="Số ý kiến trong 14 ngày qua"),
            Column("⚠", lambda r: "⚠ " + str(len(self.warned[r.topic.id].reasons))
                   if r.topic.id in self.warned else "", header_tip="Cảnh báo sớm: số dấu hiệu bất thường"),
        ])
        # Containers first, each put in its place before it is filled: a widget tree built
        # apart and then moved into the page is restyled once per move under the app's style
        # sheet, as much as the building itself on the page's first opening.
        split = QSplitter()
        self.layout_.addWidget(split, 1)
        self.view = QTableView()
        split.addWidget(self.view)
        scroll = MinimumScroll()            # a long warning at 1280x720: it scrolls, nothing overlaps
        split.addWidget(scroll)
        detail = QWidget()
        scroll.setWidget(detail)
        scroll.setMinimumWidth(460)         # the chart and the areas stay readable when dragged
        split.setChildrenCollapsible(False)
        split.setSizes([560, 620])          # the detail keeps its minimum; the table takes the rest
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.sortByColumn(STATUS_COLUMN, Qt.SortOrder.AscendingOrder)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.title_share = keep_share(self.view, 0, TITLE_SHARE, (STATUS_COLUMN,))
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _: self.show_topic(cur))

        d = QVBoxLayout(detail)
        d.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        d.addWidget(self.heading)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("topicHeading")
        self.warning = QLabel()
        d.addWidget(self.warning)
        self.warning.setWordWrap(True)
        palette.set_tone(self.warning, "banner")
        actions = FlowLayout()             # wraps: the detail does not hold the list narrow
        d.addLayout(actions)
        self.status_buttons = {}
        for code, text in (("watch", "Theo dõi"), ("hot", "Nổi cộm"), ("closed", "Kết thúc")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, c=code: self.set_status(c))
            self.status_buttons[code] = button
            actions.addWidget(button)
        actions.addStretch(1)
        for step, text in (("forward", "Chuyển xử lý…"), ("resolve", "Ghi kết quả…"), ("answer", "Ghi phản hồi…")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=step: self.handle(s))
            actions.addWidget(button)
        self.handling_label = QLabel()
        d.addWidget(self.handling_label)
        self.handling_label.setWordWrap(True)
        self.keywords = QLabel()
        d.addWidget(self.keywords)
        self.keywords.setWordWrap(True)
        palette.set_tone(self.keywords, "accent")
        self.chart = TrendPanel()
        d.addWidget(self.chart, 3)
        tabs = QTabWidget()
        d.addWidget(tabs, 2)
        self.tabs = tabs
        self.areas_model = RowsModel([
            Column("Địa bàn", lambda a: a.area_name),
            Column("Ý kiến", lambda a: a.items, align_right=True),
            Column("Bức xúc, phản đối", lambda a: a.frustration, align_right=True),
            Column("Gần nhất", lambda a: vn_iso(a.last_on), sort_key=lambda a: a.last_on),
        ])
        self.areas_view = QTableView()
        tabs.addTab(self.areas_view, "Địa bàn")
        self.areas_view.setModel(sortable(self.areas_model, self))
        setup_table(self.areas_view)
        self.areas_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        fit_columns(self.areas_view, content=(1, 2, 3))
        self.items_model = RowsModel([
            Column("Ngày", lambda r: vn_iso(r.received_on), sort_key=lambda r: r.received_on),
            Column("Xu hướng", lambda r: catalog.label(catalog.TENDENCIES, r.tendency)),
            Column("Địa bàn", lambda r: r.area_name),
            Column("Nội dung", lambda r: r.summary, tip=True),
        ])
        self.items_view = QTableView()
        tabs.addTab(self.items_view, "Các ý kiến")
        self.items_view.setModel(sortable(self.items_model, self))
        setup_table(self.items_view)
        self.items_view.setWordWrap(False)
        fit_columns(self.items_view, content=(0, 1, 2))
        self.items_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.current: topics.Topic | None = None

    def refresh(self, select_id: str | None = None) -> None:
        """The list (with its early warnings) is read on the worker; the topic that was current
        (or `select_id`) stays selected."""
        keep = select_id or self.chosen or (self.current.id if self.current else None)
        status = self.status_filter.code()
        self.tasks.query(lambda: _load_list(self.ctx, status), lambda loaded: self._show_list(loaded, keep),
                         parent=self)

    def _show_list(self, loaded: tuple[dict, list], keep: str | None) -> None:
        self.warned, lines = loaded
        if keep == self.chosen:
            self.chosen = None
        self.model.set_rows(lines)
        compact_columns(self.view, stretch=0)       # the title takes whatever room is left
        self.title_share.reset()
        proxy = self.view.model()
        target = 0
        for row in range(proxy.rowCount()):
            if self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).topic.id == keep:
                target = row
        if proxy.rowCount():
            self.view.setCurrentIndex(proxy.index(target, 0))
            self.show_topic(proxy.index(target, 0))
        else:
            self.show_topic(None)

    def show_topic(self, index) -> None:
        if index is None or not index.isValid():
            self.current = None
            self.heading.setText("Chưa có vấn đề nào.")
            self.warning.hide()
            return
        line = self.model.row_at(self.view.model().mapToSource(index).row())
        t = self.current = line.topic
        colour = palette.COLOURS[STATUS_TONES.get(t.status, "quiet")]
        self.heading.setText(f"{escape(t.title)}<br><span style='font-size:10pt; font-weight:400; color:{colour}'>"
                             f"{catalog.label(catalog.TOPIC_STATUSES, t.status)}</span>"
                             f"<span style='font-size:10pt; font-weight:400'> · "
                             f"{catalog.label(catalog.FIELDS, t.field)} · theo dõi từ {vn_iso(t.opened_on)}"
                             f"{' đến ' + vn_iso(t.closed_on) if t.closed_on else ''} · {line.items} ý kiến</span>")
        flag = self.warned.get(t.id or "")
        self.warning.setVisible(flag is not None)
        if flag:
            self.warning.setText("<b>Cảnh báo sớm:</b> " + "; ".join(r.text for r in flag.reasons) + ".")
        for code, button in self.status_buttons.items():
            button.setEnabled(code != t.status)
        self.tasks.query(lambda: _load_detail(self.ctx, t), self._show_detail, parent=self)

    def _show_detail(self, detail: Detail) -> None:
        if self.current is None or self.current.id != detail.topic_id:
            return   # another topic was chosen while this one loaded
        self.handling_label.setText(detail.handling)
        self.keywords.setText("<b>Từ khóa nổi bật:</b> " + ", ".join(detail.words) if detail.words else "")
        self.chart.set_data(detail.months, detail.series)
        self.areas_model.set_rows(detail.areas)
        self.items_model.set_rows(detail.items)
        self.tabs.setTabText(0, f"Địa bàn ({self.areas_model.rowCount()})")

    @staticmethod
    def _handling_text(ctx, t: topics.Topic) -> str:
        if t.handling == "new" or not t.forwarded_to:
            return "Xử lý: chưa chuyển cơ quan nào."
        from app.office import unit_name

        text = f"Xử lý: {catalog.label(catalog.HANDLING, t.handling)} – {unit_name(ctx, t.forwarded_to)}, " \
               f"chuyển ngày {vn_iso(t.forwarded_on)}, hạn {vn_iso(t.due_on)}"
        if t.result:
            text += f"; kết quả ({vn_iso(t.resolved_on)}): {t.result}"
        if t.answered_on:
            text += f"; đã phản hồi ngày {vn_iso(t.answered_on)}"
        if t.due_on and not t.resolved_on and t.due_on < date.today().isoformat():
            text += " – " + palette.span("QUÁ HẠN", "error", bold=True)
        return text + "."

    def set_status(self, status: str) -> None:
        """Written on the worker; the `changed` signal reloads this page (keeping the topic)."""
        if not self.current:
            return
        topic_id = self.current.id
        self.tasks.op(lambda: topic_stats.set_status(self.ctx, topic_id, status), tables={"topics"},
                      parent=self)

    def handle(self, step: str) -> None:
        if self.current:
            HandlingDialog(self.ctx, self.tasks, "topic", self.current.id, step, self.current.title, self).exec()

    def add_topic(self) -> None:
        """The new topic is shown selected, in the unfiltered list, once `changed` reloads it."""
        self.dialog = NewTopicDialog(self.ctx, self.tasks, self)
        self.dialog.accepted.connect(lambda: self._added(self.dialog.created))
        self.dialog.open()

    def _added(self, topic: topics.Topic | None) -> None:
        if topic is not None:
            self.chosen = topic.id
            self.status_filter.setCurrentIndex(0)   # a filter change: reloads, keeping `chosen`

    def select_title(self, title: str) -> None:
        """Make the topic with this title the current one (used by tests and overview links)."""
        proxy = self.view.model()
        for row in range(proxy.rowCount()):
            if self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).topic.title == title:
                self.view.setCurrentIndex(proxy.index(row, 0))
                return
        raise KeyError(title)


def _load_list(ctx, status: str | None) -> tuple[dict, list]:
    """On the worker: the early warnings by topic and the topic lines, filtered by status."""
    warned, lines = memo.until_written(ctx, ("topics page: list", date.today()), lambda: (
        {w.topic_id: w for w in warnings.topic_warnings(ctx)}, topic_stats.topic_lines(ctx)))
    return warned, [x for x in lines if not status or x.topic.status == status]


@dataclass(frozen=True)
class Detail:
    topic_id: str | None
    handling: str
    words: list
    months: list
    series: dict
    areas: list
    items: list


def _load_detail(ctx, t: topics.Topic) -> Detail:
    """On the worker: everything the detail pane shows for topic `t`; its figures, as long as
    nothing is written, kept for the next showing (the keywords alone cost 50 ms at 200k items)."""
    def figures() -> tuple:
        return (keywords.topic_keywords(ctx, t.id or ""), *topic_stats.monthly_by_tendency(ctx, t.id),
                topic_stats.areas(ctx, t.id))

    words, months, series, areas = memo.until_written(ctx, ("topics page: figures", t.id, date.today()), figures)
    return Detail(t.id, Page._handling_text(ctx, t), words, months, series, areas,
                  items.list_opinions(ctx, items.OpinionFilter(topic_id=t.id), limit=500))
