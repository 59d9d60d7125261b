"""Giao ban: briefing meetings planned by the rule and extraordinary ones; per meeting the
details, attendance by keystroke (or everyone present at once), the items raised there and the
minutes (DOCX / PDF). The list shows held meetings newest first, then the planned ones
(nearest first, greyed, status "Dự kiến"); a planned meeting takes no attendance."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import catalog, deletion
from app.meetings import core as meetings
from app.meetings import minutes_export, planning, schedule
from app.opinions import items
from app.text import vn_date, vn_iso
from ui import deleting, palette
from ui.columns import keep_share
from ui.feedback import notify
from ui.files import save_file
from ui.meeting.attendance import AttendanceTable
from ui.meeting.editor import MeetingEditor
from ui.models import Column, RowsModel, sortable
from ui.opinion.entry import EntryDialog
from ui.pages.base import PageBase
from ui.widgets import compact_columns, lock_widgets, setup_table

PLANNED_COLOR = palette.qcolor("planned")


def list_order(m: meetings.Meeting) -> str:
    """Sort key of the list, sorted descending: held meetings newest first, then the planned
    ones nearest first (their date counted backwards below every held one)."""
    if not meetings.is_planned(m):
        return "1" + m.held_on
    return "0" + str(99_999_999 - int(m.held_on.replace("-", "")))


class MeetingRowsModel(RowsModel):
    """Planned meetings are greyed; the place (not a column: the list must fit) is the row's tooltip."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            m = self.rows[index.row()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return m.place or None
            return QBrush(PLANNED_COLOR) if meetings.is_planned(m) else None
        return super().data(index, role)


class RuleDialog(QDialog):
    def __init__(self, rule: schedule.MeetingRule, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Lịch giao ban định kỳ")
        self.every = QComboBox()
        for n, label in schedule.EVERY.items():
            self.every.addItem(label, n)
        self.every.setCurrentIndex(self.every.findData(rule.every_months))
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.day.setValue(rule.day)
        self.anchor = QSpinBox()
        self.anchor.setRange(1, 12)
        self.anchor.setValue(rule.anchor_month)
        form = QFormLayout(self)
        form.addRow("Chu kỳ", self.every)
        form.addRow("Ngày trong tháng", self.day)
        form.addRow("Tháng bắt đầu (hai tháng một lần)", self.anchor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def rule(self) -> schedule.MeetingRule:
        return schedule.MeetingRule(self.every.currentData(), self.day.value(), self.anchor.value())


class Page(PageBase):
    title = "Hội nghị giao ban cộng tác viên"
    tables = frozenset({"meetings", "meeting_attendance", "opinions", "settings"})

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        bar = QHBoxLayout()
        self.rule_label = QLabel()
        bar.addWidget(self.rule_label, 1)
        for text, slot in (("Đặt lịch định kỳ…", self.edit_rule), ("Lập lịch 12 tháng tới", self.plan),
                           ("Thêm hội nghị đột xuất", self.new_meeting)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.layout_.addLayout(bar)

        self.model = MeetingRowsModel([
            Column("Ngày họp", lambda m: vn_iso(m.held_on), sort_key=list_order),
            Column("Tình trạng", lambda m: meetings.status_label(m)),
            Column("Loại", lambda m: meetings.KINDS.get(m.kind, m.kind)),
            Column("Có mặt", lambda m: self._present(m), align_right=True,
                   header_tip="Số người có mặt / số người đã điểm danh"),
            Column("Ý kiến", lambda m: self.counts.get(m.id, 0), align_right=True,
                   header_tip="Số thông tin dư luận ghi tại hội nghị"),
        ])
        self.counts: dict[str, int] = {}
        self.presence: dict[str, str] = {}
        # Containers first, each put in its place before it is filled: a widget tree built
        # apart and then moved into the page is restyled once per move under the app's style
        # sheet (the attendance table was moved five times), ~20 ms of the first opening.
        self.view = QTableView()
        self.deleting = deleting.attach(self, ctx=ctx, tasks=tasks, view=self.view, selected=self._selected_row,
                                        delete=deletion.delete_meeting, table="meetings", what="hội nghị")
        bar.addWidget(self.deleting.button("Xóa hội nghị chưa họp…"))
        split = QSplitter()
        self.layout_.addWidget(split, 1)
        split.addWidget(self.view)
        right = QWidget()
        split.addWidget(right)
        split.setSizes([480, 750])
        split.setStretchFactor(1, 1)     # a wider window widens the details, the list keeps its width
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        right_layout.addWidget(self.tabs, 1)
        self.editor = MeetingEditor(ctx, tasks)
        self.tabs.addTab(self.editor, "Thông tin hội nghị")
        att_box = QWidget()
        self.tabs.addTab(att_box, "Điểm danh")
        items_box = QWidget()
        self.tabs.addTab(items_box, "Thông tin dư luận")

        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.setWordWrap(False)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _: self.show_meeting(cur))

        att_layout = QVBoxLayout(att_box)
        keys = QLabel("Phím C: có mặt · V: vắng · P: vắng có lý do (Enter để ghi lý do) · "
                      "con trỏ tự xuống người tiếp theo; tự lưu.")
        keys.setWordWrap(True)
        att_layout.addWidget(keys)
        self.att_locked = QLabel()
        self.att_locked.setWordWrap(True)
        palette.set_tone(self.att_locked, "error")
        att_layout.addWidget(self.att_locked)
        self.attendance = AttendanceTable(ctx, tasks)
        att_layout.addWidget(self.attendance, 1)
        att_row = QHBoxLayout()
        att_layout.addLayout(att_row)
        self.att_summary = QLabel()
        att_row.addWidget(self.att_summary, 1)
        self.all_present = QPushButton("Tất cả có mặt")
        self.all_present.setToolTip("Ghi có mặt cho mọi người chưa điểm danh; người đã ghi vắng giữ nguyên.")
        self.all_present.clicked.connect(self.mark_all_present)
        att_row.addWidget(self.all_present)

        items_layout = QVBoxLayout(items_box)
        enter = QPushButton("Nhập thông tin dư luận của hội nghị (Ctrl+N)")
        enter.clicked.connect(self.enter_items)
        items_layout.addWidget(enter)
        # Labels short as the opinions list writes them (whole in the tooltip), the summary taking
        # what is left and at least 30 %, the area and the collaborator giving way to it
        # (compact_columns and keep_share in _show_detail): at 1280 px every column was elided.
        field = lambda r: catalog.label(catalog.FIELDS, r.field)          # noqa: E731
        tendency = lambda r: catalog.label(catalog.TENDENCIES, r.tendency)  # noqa: E731
        self.items_model = RowsModel([
            Column("Lĩnh vực", lambda r: catalog.short(field(r)), tooltip=field),
            Column("Xu hướng", lambda r: catalog.short(tendency(r)), tooltip=tendency),
            Column("Địa bàn", lambda r: r.area_name),
            Column("Cộng tác viên", lambda r: r.collaborator_name),
            Column("Nội dung", lambda r: r.summary, tip=True),
        ])
        self.items_view = QTableView()
        items_layout.addWidget(self.items_view, 1)
        self.items_view.setModel(sortable(self.items_model, self))
        setup_table(self.items_view)
        self.items_share = keep_share(self.items_view, 4, 0.3, (2, 3))   # the summary keeps 30 %

        minutes_box = QHBoxLayout()
        right_layout.addLayout(minutes_box)
        self.docx_button = QPushButton("Xuất biên bản DOCX")
        self.pdf_button = QPushButton("Xuất biên bản PDF")
        self.docx_button.clicked.connect(lambda: self.export_minutes("docx"))
        self.pdf_button.clicked.connect(lambda: self.export_minutes("pdf"))
        for button in (self.docx_button, self.pdf_button):
            minutes_box.addWidget(button)
        minutes_box.addStretch(1)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.editor.save)

    # -- data -----------------------------------------------------------------------------------
    def _present(self, m: meetings.Meeting) -> str:
        return self.presence.get(m.id or "", "")

    def refresh(self, select_id: str | None = None) -> None:
        """The schedule, the meetings, their item counts and attendance are read on the worker;
        the meeting shown before (or `select_id`) stays selected."""
        current = select_id or (self.editor.meeting.id if self.editor.meeting else None)
        self.tasks.query(lambda: _load(self.ctx), lambda loaded: self._show_list(loaded, current), parent=self)

    def _show_list(self, loaded: tuple, current: str | None) -> None:
        rule_text, rows, self.counts, self.presence = loaded
        self.rule_label.setText(rule_text)
        self.model.set_rows(rows)
        compact_columns(self.view, stretch=2)   # the kind takes what is left: no sideways scrolling
        self.select(current or self._default_id(rows))

    def _default_id(self, rows: list[meetings.Meeting]) -> str | None:
        today = date.today().isoformat()
        held = [m for m in rows if m.held_on <= today]
        return (held[0] if held else rows[-1]).id if rows else None

    def select(self, meeting_id: str | None) -> None:
        proxy = self.view.model()
        for row in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(row, 0))
            if self.model.row_at(source.row()).id == meeting_id:
                self.view.setCurrentIndex(proxy.index(row, 0))
                self.show_meeting(proxy.index(row, 0))
                return
        self.show_meeting(None)

    def _selected_row(self) -> tuple[str, str] | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        meeting = self.model.row_at(self.view.model().mapToSource(index).row())
        return meeting.id, f"ngày {vn_iso(meeting.held_on)}"

    def show_meeting(self, index) -> None:
        """The form at once; the roster, its tally and the meeting's items read on the worker."""
        meeting = None
        if index is not None and index.isValid():
            meeting = self.model.row_at(self.view.model().mapToSource(index).row())
        self.editor.load(meeting)
        self.attendance.flush()   # marks still pending belong to the meeting shown before
        why = meetings.attendance_refusal(meeting) if meeting and meeting.id else ""
        lock_widgets((self.attendance, self.all_present), bool(why) or not (meeting and meeting.id),
                     why or "Hãy chọn hoặc lưu hội nghị trước khi điểm danh.")
        self.att_locked.setText(why)
        self.att_locked.setVisible(bool(why))
        self.tabs.setTabToolTip(1, why)
        meeting_id, ctx = (meeting.id if meeting else None), self.ctx

        def read() -> tuple:
            if not meeting_id:
                return [], None, []
            return (planning.roster(ctx, meeting_id), planning.summary(ctx, meeting_id),
                    items.list_opinions(ctx, items.OpinionFilter(meeting_id=meeting_id)))

        self.tasks.query(read, lambda loaded: self._show_detail(meeting_id, *loaded), parent=self)

    def _show_detail(self, meeting_id: str | None, lines: list, tally, rows: list) -> None:
        if meeting_id != (self.editor.meeting.id if self.editor.meeting else None):
            return   # another meeting was chosen meanwhile; its own detail follows
        self.attendance.show_lines(meeting_id, lines)
        if self.att_locked.isVisible():
            self.attendance.clearSelection()
        self._show_tally(meeting_id, tally)
        self.items_model.set_rows(rows)
        compact_columns(self.items_view, stretch=4)
        self.items_share.reset()
        self.tabs.setTabText(2, f"Thông tin dư luận ({len(rows)})")

    def _show_tally(self, meeting_id: str | None, s) -> None:
        if not meeting_id or s is None:
            self.att_summary.setText("")
            return
        self.att_summary.setText(f"Có mặt {s.present} · vắng {s.absent} · vắng có lý do {s.excused} · "
                                 f"chưa điểm danh {s.unrecorded}")
        recorded = s.present + s.absent + s.excused
        shown = f"{s.present}/{recorded}" if recorded else ""
        if self.presence.get(meeting_id) != shown:
            self.presence[meeting_id] = shown
            self.model.cells_changed(3)

    def mark_all_present(self) -> None:
        meeting = self.editor.meeting
        if not meeting or not meeting.id:
            notify(self, "Hãy chọn một hội nghị trong danh sách để điểm danh.")
            return
        self.attendance.flush()
        meeting_id, ctx = meeting.id, self.ctx
        # The write on the worker; `changed` reloads the list, the roster and the tally.
        self.tasks.op(lambda: planning.mark_all_present(ctx, meeting_id), tables={"meeting_attendance", "meetings"}, parent=self,
                      on_done=lambda n: notify(self, f"Đã ghi có mặt cho {n} người chưa điểm danh." if n
                                               else "Mọi người đều đã được điểm danh."))

    # -- actions --------------------------------------------------------------------------------
    def new_meeting(self) -> None:
        self.view.clearSelection()
        self.editor.load(None)
        self.attendance.show_lines(None, [])
        self.tabs.setCurrentIndex(0)
        self.editor.held_on.setFocus()

    def edit_rule(self) -> None:
        """The rule is read on the worker, the dialog shown with it, the new rule an op on 'settings'
        (the schedule line reloads from `changed`)."""
        ctx = self.ctx
        self.tasks.query(lambda: schedule.get_rule(ctx), self._ask_rule, parent=self)

    def _ask_rule(self, rule: schedule.MeetingRule) -> None:
        dialog = RuleDialog(rule, self)
        if dialog.exec():
            chosen, ctx = dialog.rule(), self.ctx
            self.tasks.op(lambda: schedule.put_rule(ctx, chosen), tables={"settings"}, parent=self)

    def plan(self) -> None:
        ctx, today = self.ctx, date.today()
        self.tasks.op(lambda: planning.plan_regular(ctx, today, today + timedelta(days=365)), tables={"meetings"},
                      parent=self, on_done=lambda made: notify(self, f"Đã lập thêm {len(made)} hội nghị theo lịch "
                                                                     "định kỳ 12 tháng tới."))

    def enter_items(self) -> None:
        meeting = self.editor.meeting
        if not meeting or not meeting.id:
            self.editor.status.setText("Hãy chọn hoặc lưu hội nghị trước khi nhập thông tin.")
            return
        EntryDialog(self.ctx, meeting.id, parent=self, tasks=self.tasks).exec()   # its saves reload the page
        self.tabs.setCurrentIndex(2)

    def print_minutes(self) -> None:
        """Ctrl+P: the chosen meeting's minutes (BIÊN BẢN), printed from memory."""
        from ui.printing import preview_pdf

        meeting = self.editor.meeting
        if not meeting or not meeting.id:
            notify(self, "Hãy chọn một hội nghị để in biên bản.")
            return
        self.tasks.run(lambda: minutes_export.render_minutes(self.ctx, meeting.id, "pdf"), parent=self,
                       label="Đang chuẩn bị biên bản…",
                       on_done=lambda pdf: preview_pdf(self, pdf, f"Biên bản giao ban {vn_iso(meeting.held_on)}"))

    def export_minutes(self, kind: str) -> None:
        meeting = self.editor.meeting
        if not meeting or not meeting.id:
            notify(self, f"Hãy chọn một hội nghị trong danh sách để xuất biên bản {kind.upper()}.")
            return
        name = f"Bien-ban-giao-ban-{meeting.held_on}.{kind}"
        path = save_file(self, "Lưu biên bản", name, f"{kind.upper()} (*.{kind})")
        if not path:
            return
        self.tasks.run(lambda: minutes_export.export_minutes(self.ctx, meeting.id, path, kind),
                       on_done=lambda p: (self.editor.status.setText(f"Đã xuất biên bản: {p}"),
                                          notify(self, f"Đã xuất biên bản: {p}")),
                       label="Đang xuất biên bản…", parent=self)


def _load(ctx) -> tuple[str, list, dict, dict]:
    """On the worker: the schedule line, the meetings, items per meeting and attendance."""
    rule = schedule.get_rule(ctx)
    upcoming = schedule.next_dates(rule, date.today(), 1)[0]
    rows = meetings.list_meetings(ctx)
    presence = {}
    for m in rows:
        s = planning.summary(ctx, m.id)
        recorded = s.present + s.absent + s.excused
        presence[m.id] = f"{s.present}/{recorded}" if recorded else ""
    return (f"Lịch định kỳ: {rule.describe()} · kỳ tới: {vn_date(upcoming)}", rows,
            planning.item_counts(ctx), presence)
