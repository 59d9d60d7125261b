"""Training sessions of the network: the list, and a dialog to record one with its attendees.
The dialog reads the active collaborators with a query and saves with an op declaring the
sessions' tables, so the list (and the page) reload from the runner's `changed` signal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.collaborators import training
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.office import unit_name
from app.text import vn_iso
from ui.collab.common import error_label, ok_cancel
from ui.errors import refusal_in


class TrainingView(QWidget):
    """The sessions list, read on the worker (a query) when the tab is shown or a write lands."""

    def __init__(self, ctx, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        add = QPushButton("Thêm buổi tập huấn…")
        add.clicked.connect(self.add)
        row.addWidget(add)
        row.addStretch(1)
        layout.addLayout(row)
        self.dialog: TrainingDialog | None = None

    def refresh(self) -> None:
        ctx = self.ctx
        self.tasks.query(lambda: training.list_trainings(ctx), self._show, parent=self)

    def _show(self, sessions: list[training.Training]) -> None:
        self.list.clear()
        for t in sessions:
            self.list.addItem(f"{vn_iso(t.held_on)}  {t.topic} – {len(t.attendees)} người dự"
                              + (f", tại {t.place}" if t.place else ""))
        if not self.list.count():
            self.list.addItem("Chưa có buổi tập huấn nào.")

    def add(self) -> None:
        self.dialog = TrainingDialog(self.ctx, self.tasks, self)
        self.dialog.open()


def active_people(ctx) -> list[tuple[str, str]]:
    """(id, 'name – area') of every active collaborator, for the attendee list (on the worker)."""
    return [(c.id, f"{c.full_name} – {unit_name(ctx, c.area_code)}")
            for c in list_collaborators(ctx, CollaboratorFilter(status="active"))]


class TrainingDialog(QDialog):
    def __init__(self, ctx, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.setWindowTitle("Buổi tập huấn cộng tác viên")
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.held_on = QLineEdit(date.today().strftime("%d/%m/%Y"))
        self.topic = QLineEdit()
        self.place = QLineEdit()
        form.addRow("Ngày", self.held_on)
        form.addRow("Nội dung", self.topic)
        form.addRow("Địa điểm", self.place)
        layout.addLayout(form)
        layout.addWidget(QLabel("Người tham dự:"))
        self.people = QListWidget()
        layout.addWidget(self.people, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.save))
        tasks.query(lambda: active_people(ctx), self._fill, parent=self)

    def _fill(self, people: list[tuple[str, str]]) -> None:
        for collaborator_id, text in people:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, collaborator_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)

    def save(self) -> None:
        ids = [self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())
               if self.people.item(i).checkState() == Qt.CheckState.Checked]
        ctx, session = self.ctx, training.Training(self.held_on.text(), self.topic.text(), self.place.text(),
                                                   attendees=ids)
        self.tasks.op(lambda: training.save_training(ctx, session), tables={"trainings", "training_attendance"},
                      on_done=lambda _: self.accept(), on_failed=refusal_in(self.error), parent=self)
