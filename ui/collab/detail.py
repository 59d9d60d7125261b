"""A collaborator's page: details (with "Sửa…", the same editor and write path as the list),
the opinion items the person reported (each opens in the entry form), history (status
changes, replacement), training sessions attended and commendations, with a form to record
a new commendation. Everything shown is one query, the commendation an op; the dialog, like a
page, reloads itself from the runner's `changed` signal while it is open (after "Sửa…", a
commendation, an item edited), and the list behind it reloads from the same signal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.collaborators import activity, registry, status, training
from app.context import Ctx
from app.office import unit_name
from app.opinions import items
from app.text import first_words, vn_iso
from ui.collab.common import error_label
from ui.collab.editor import EditorDialog
from ui.errors import refusal_in
from ui.models import Column, RowsModel
from ui.tasks import TaskRunner, listen_while_open
from ui.widgets import compact_columns, sorted_table

ITEMS_TAB = 1
# What the dialog shows: a write to any of these while it is open reloads it.
SHOWN = frozenset({"collaborators", "opinions", "topics", "trainings", "training_attendance", "commendations",
                   "meeting_attendance", "meetings", "units"})


@dataclass(frozen=True)
class Shown:
    """One person's page as read on the worker."""

    person: registry.Collaborator
    area: str
    reported: list
    activity: activity.Activity | None
    history: list[status.HistoryLine]
    trainings: list[training.Training]
    commendations: list[training.Commendation]


def read(ctx: Ctx, collaborator_id: str) -> Shown:
    person = registry.get(ctx, collaborator_id)
    act = [a for a in activity.activity(ctx, include_left=True) if a.collaborator_id == collaborator_id]
    return Shown(person, unit_name(ctx, person.area_code),
                 items.list_opinions(ctx, items.OpinionFilter(collaborator_id=collaborator_id)),
                 act[0] if act else None, status.history(ctx, collaborator_id),
                 training.list_trainings(ctx, collaborator_id), training.list_commendations(ctx, collaborator_id))


class DetailDialog(QDialog):
    def __init__(self, ctx: Ctx, collaborator_id: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.cid, self.tasks = ctx, collaborator_id, tasks
        self.editor: EditorDialog | None = None
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(self.info, "Thông tin")
        self.items_model = RowsModel([
            Column("Ngày", lambda r: vn_iso(r.received_on), sort_key=lambda r: r.received_on),
            Column("Nội dung", lambda r: first_words(r.summary, 90), tip=True),
            Column("Vấn đề", lambda r: r.topic_title or "—", tip=True),
        ])
        self.items_view = sorted_table(self.items_model, self, order=Qt.SortOrder.DescendingOrder)
        # activated is Enter and the double-click both (connecting doubleClicked too opened it twice)
        self.items_view.activated.connect(lambda _: self.open_item())
        self.items_view.setToolTip("Nhấp đúp hoặc nhấn Enter để mở thông tin.")
        self.tabs.insertTab(ITEMS_TAB, self.items_view, "Thông tin đã phản ánh")
        self.history = QListWidget()
        self.tabs.addTab(self.history, "Lịch sử")
        self.trainings = QListWidget()
        self.tabs.addTab(self.trainings, "Tập huấn")
        awards = QWidget()
        col = QVBoxLayout(awards)
        self.commendations = QListWidget()
        col.addWidget(self.commendations, 1)
        form = QFormLayout()
        self.award_on = QLineEdit(date.today().strftime("%d/%m/%Y"))
        self.award_level = QComboBox()
        for code, label in training.COMMENDATION_LEVELS.items():
            self.award_level.addItem(label, code)
        self.award_reason = QLineEdit()
        self.award_decision = QLineEdit()
        form.addRow("Ngày", self.award_on)
        form.addRow("Hình thức", self.award_level)
        form.addRow("Lý do", self.award_reason)
        form.addRow("Số quyết định", self.award_decision)
        col.addLayout(form)
        row = QHBoxLayout()
        self.award_button = QPushButton("Ghi khen thưởng")
        self.award_button.clicked.connect(self.add_commendation)
        row.addWidget(self.award_button)
        self.award_error = error_label()
        row.addWidget(self.award_error, 1)
        col.addLayout(row)
        self.tabs.addTab(awards, "Khen thưởng")
        for view in (self.history, self.trainings, self.commendations):
            view.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        self.edit_button = close.addButton("Sửa…", QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setToolTip("Sửa thông tin của cộng tác viên này.")
        self.edit_button.clicked.connect(self.edit)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        listen_while_open(self, tasks, self._on_changed)
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & SHOWN:
            self.refresh()

    def edit(self) -> None:
        """The list's editor on this person; saving goes through registry.update like there."""
        self.editor = EditorDialog(self.ctx, self.tasks, self.cid, self)
        self.editor.open()

    def open_item(self) -> None:
        from ui.opinion.entry import EntryDialog  # the entry form pulls the analytics in: load it on use

        index = self.items_view.currentIndex()
        if not index.isValid():
            return
        row = self.items_model.row_at(self.items_view.model().mapToSource(index).row())
        EntryDialog(self.ctx, parent=self, opinion_id=row.id, tasks=self.tasks).exec()   # its save is an op

    def refresh(self) -> None:
        ctx, cid = self.ctx, self.cid
        self.tasks.query(lambda: read(ctx, cid), self._show, parent=self)

    def _show(self, shown: Shown) -> None:
        c, a = shown.person, shown.activity
        self.setWindowTitle(f"Cộng tác viên – {c.full_name}")
        if self.items_model.replace_rows(shown.reported):
            compact_columns(self.items_view, stretch=(1, 2))
        self.tabs.setTabText(ITEMS_TAB, f"Thông tin đã phản ánh ({len(shown.reported)})")
        lines = [
            ("Họ và tên", c.full_name), ("Năm sinh", c.birth_year or ""),
            ("Giới tính", catalog.label(catalog.GENDERS, c.gender)), ("Dân tộc, tôn giáo",
                                                                      ", ".join(x for x in (c.ethnicity, c.religion) if x)),
            ("Đảng viên", "Có" if c.party_member else "Không"),
            ("Chức vụ, đơn vị", ", ".join(x for x in (c.position, c.workplace) if x)),
            ("Địa bàn", shown.area), ("Ngành, đoàn thể", catalog.label(catalog.SECTORS, c.sector)),
            ("Giai tầng", catalog.label(catalog.STRATA, c.stratum)),
            ("Liên hệ", " · ".join(x for x in (c.phone, c.email, f"Zalo {c.zalo}" if c.zalo else None) if x)),
            ("Quyết định", " ngày ".join(x for x in (c.decision_no, vn_iso(c.decision_date)) if x)),
            ("Trạng thái", catalog.label(catalog.COLLABORATOR_STATUSES, c.status)
             + (f" từ {vn_iso(c.left_on)}" if c.left_on else "") + (f" – {c.left_reason}" if c.left_reason else "")),
            ("Phản ánh gần nhất", vn_iso(a.last_item_on) if a and a.last_item_on else "chưa có"),
            ("Dự giao ban gần nhất", vn_iso(a.last_meeting_on) if a and a.last_meeting_on else "chưa có"),
            ("Cần chú ý", a.reason if a and a.flags else "Không"),
            ("Ghi chú", c.notes or ""),
        ]
        self.info.setText("<table cellpadding=3>" + "".join(
            f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in lines) + "</table>")
        self.history.clear()
        self.history.addItems([f"{vn_iso(h.ts)}  {h.text}" + (f" ({h.user})" if h.user else "")
                               for h in shown.history] or ["Chưa có thay đổi nào."])
        self.trainings.clear()
        self.trainings.addItems([f"{vn_iso(t.held_on)}  {t.topic}" + (f" – {t.place}" if t.place else "")
                                 for t in shown.trainings] or ["Chưa dự buổi tập huấn nào."])
        self.commendations.clear()
        self.commendations.addItems([
            f"{vn_iso(x.awarded_on)}  {training.COMMENDATION_LEVELS.get(x.level, x.level)}: {x.reason}"
            + (f" (QĐ {x.decision_no})" if x.decision_no else "")
            for x in shown.commendations] or ["Chưa có khen thưởng."])

    def add_commendation(self) -> None:
        ctx, award = self.ctx, training.Commendation(self.cid, self.award_on.text(), self.award_level.currentData(),
                                                     self.award_reason.text(), self.award_decision.text())
        self.tasks.op(lambda: training.save_commendation(ctx, award), tables={"commendations"},
                      on_done=lambda _: self._awarded(), on_failed=refusal_in(self.award_error), parent=self)

    def _awarded(self) -> None:
        self.award_error.setText("")
        self.award_reason.clear()
        self.award_decision.clear()
