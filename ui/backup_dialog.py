"""Sao lưu và khôi phục: the backup folder, how many copies to keep, automatic backups, the
list of backups, "back up now", and restore from a chosen backup after seeing its preview.

Opened from the audit page by an administrator; everything goes through app.backup, on the
window's worker: listing, checking a backup before restoring it, backing up and restoring.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import backup, settings
from app.context import Ctx
from app.errors import DlxhError
from ui.action_dialog import ActionDialog
from ui.enter_keys import no_default_button, on_enter
from ui.errors import show_error
from ui.feedback import confirm
from ui.files import choose_folder
from ui.models import Column, RowsModel, sortable
from ui.tasks import TaskRunner
from ui.widgets import setup_table


def _ask(parent: QWidget, text: str) -> bool:
    return confirm(parent, "Khôi phục từ bản sao lưu", text, "Khôi phục, thay dữ liệu hiện tại", "Không khôi phục")


class BackupDialog(ActionDialog):
    restored = Signal()

    def __init__(self, ctx: Ctx, parent: QWidget | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent, tasks)
        self.ctx = ctx
        self.confirm: Callable[[QWidget, str], bool] = _ask
        self.setWindowTitle("Sao lưu và khôi phục")
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(str(backup.folder_of(ctx)))
        choose = QPushButton("Chọn…")
        choose.clicked.connect(self._choose)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow("Thư mục sao lưu:", row)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(backup.keep_of(ctx))
        form.addRow("Số bản giữ lại:", self.keep)
        self.auto = QCheckBox("Tự động sao lưu khi thoát và mỗi ngày một lần")
        self.auto.setChecked(bool(settings.get(ctx, "backup_auto")))
        form.addRow("", self.auto)
        layout.addLayout(form)
        save = QPushButton("Lưu cài đặt sao lưu")
        save.clicked.connect(self.save_settings)
        layout.addWidget(save)
        self.model = RowsModel([
            Column("Thời điểm sao lưu", lambda b: b.taken_at.strftime("%H:%M:%S ngày %d/%m/%Y"),
                   sort_key=lambda b: b.taken_at.isoformat()),
            Column("Dung lượng", lambda b: f"{b.size / 1024 / 1024:.1f} MB", align_right=True),
            Column("Tệp", lambda b: b.path.name),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        now = QPushButton("Sao lưu ngay")
        now.clicked.connect(self.backup_now)
        self.restore_btn = QPushButton("Khôi phục bản đã chọn…")
        self.restore_btn.clicked.connect(self.restore_selected)
        buttons.addWidget(now)
        buttons.addWidget(self.restore_btn)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        no_default_button(self)  # Enter in the folder field once pressed "Chọn…" (the first auto-default)
        on_enter([self.folder, self.keep, self.auto], self.save_settings)
        self.refresh()

    def refresh(self) -> None:
        self.tasks.query(lambda: backup.list_backups(backup.folder_of(self.ctx)), self._show, parent=self)

    def _show(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.view.setColumnWidth(0, 200)
        if self.model.rowCount():
            self.view.selectRow(0)

    def _choose(self) -> None:
        chosen = choose_folder(self, "Chọn thư mục sao lưu", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def save_settings(self) -> bool:
        def save() -> str:
            backup.set_folder(self.ctx, self.folder.text().strip(), keep=self.keep.value())
            backup.set_auto(self.ctx, self.auto.isChecked())
            return "Đã lưu cài đặt sao lưu."

        return self.run_action(save)

    def backup_now(self) -> bool:
        return self.run_action(lambda: f"Đã sao lưu (đã mã hóa, đã kiểm tra): {backup.make_backup(self.ctx)}",
                               label="Đang sao lưu và kiểm tra bản sao lưu…")

    def selected(self) -> Path | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.view.model().mapToSource(rows[0])
        return self.model.row_at(source.row()).path

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            self.message.setText("Hãy chọn một bản sao lưu trong danh sách.")
            return False
        outcome: list[bool] = []

        def restore() -> str:
            backup.restore(chosen, ctx=self.ctx)
            return f"Đã khôi phục dữ liệu từ bản sao lưu {chosen.name}."

        def ask(shown: backup.Preview) -> None:
            text = "\n".join([*shown.lines(), "", "Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này; tệp hiện "
                              "tại được giữ lại bên cạnh (đuôi .before-restore-…)."])
            if not self.confirm(self, text):
                outcome.append(False)
                return
            outcome.append(self.run_action(restore, label="Đang khôi phục từ bản sao lưu…", then=self.restored.emit))

        def refused(exc: BaseException) -> None:
            outcome.append(False)
            self.message.setText(exc.message) if isinstance(exc, DlxhError) else show_error(self, exc)

        # Checking the backup (integrity check of the whole file) is work for the worker too.
        self.tasks.query(lambda: backup.preview(chosen, ctx=self.ctx), ask, on_failed=refused, parent=self,
                         label="Đang kiểm tra bản sao lưu…")
        return outcome[0] if outcome else True
