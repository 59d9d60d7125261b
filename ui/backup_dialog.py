"""Sao lưu và khôi phục: the backup folder, how many copies to keep, automatic backups, the
list of backups, "back up now", and restore from a chosen backup after seeing its preview.

Opened from the audit page by an administrator; everything goes through app.backup, on the
window's worker: the settings and the list are queries, checking a backup before restoring it
too; saving the settings, backing up and restoring are ops (a restore announces every table:
all the pages reload). The open dialog reloads its list from `changed`.
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


def stored(ctx: Ctx) -> tuple[str, int, bool]:
    """The backup folder, how many copies to keep, automatic or not (read on the worker)."""
    return str(backup.folder_of(ctx)), backup.keep_of(ctx), bool(settings.get(ctx, "backup_auto"))


class BackupDialog(ActionDialog):
    restored = Signal()
    # a backup is audited, the folder is a setting: either changes the list
    shows = frozenset({"audit_log", "settings"})

    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.ctx = ctx
        self.confirm: Callable[[QWidget, str], bool] = _ask
        self.setWindowTitle("Sao lưu và khôi phục")
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit()
        choose = QPushButton("Chọn…")
        choose.clicked.connect(self._choose)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow("Thư mục sao lưu:", row)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        form.addRow("Số bản giữ lại:", self.keep)
        self.auto = QCheckBox("Tự động sao lưu khi thoát và mỗi ngày một lần")
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
        tasks.query(lambda: stored(ctx), self._fill, parent=self)
        self.refresh()

    def _fill(self, values: tuple[str, int, bool]) -> None:
        folder, keep, auto = values
        self.folder.setText(folder)
        self.keep.setValue(keep)
        self.auto.setChecked(auto)

    def refresh(self) -> None:
        ctx = self.ctx
        self.tasks.query(lambda: backup.list_backups(backup.folder_of(ctx)), self._show, parent=self)

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
        ctx, folder, keep, auto = self.ctx, self.folder.text().strip(), self.keep.value(), self.auto.isChecked()

        def save() -> str:
            backup.set_folder(ctx, folder, keep=keep)
            backup.set_auto(ctx, auto)
            return "Đã lưu cài đặt sao lưu."

        return self.run_action(save, tables={"settings"})

    def backup_now(self) -> bool:
        ctx = self.ctx
        return self.run_action(
            lambda progress: f"Đã sao lưu (đã mã hóa, đã kiểm tra): {backup.make_backup(ctx, progress=progress)}",
            tables={"audit_log"}, label="Đang sao lưu và kiểm tra bản sao lưu…", cancellable=True)

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
        ctx = self.ctx
        every: list[str] = []

        def restore() -> str:
            backup.restore(chosen, ctx=ctx)
            every.extend(ctx.db.table_names())   # the whole store was replaced: every table changed
            return f"Đã khôi phục dữ liệu từ bản sao lưu {chosen.name}."

        def ask(shown: backup.Preview) -> None:
            text = "\n".join([*shown.lines(), "", "Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này; tệp hiện "
                              "tại được giữ lại bên cạnh (đuôi .before-restore-…)."])
            if not self.confirm(self, text):
                outcome.append(False)
                return
            outcome.append(self.run_action(restore, tables=lambda _: every, label="Đang khôi phục từ bản sao lưu…",
                                           then=self.restored.emit))

        def refused(exc: BaseException) -> None:
            outcome.append(False)
            self.message.setText(exc.message) if isinstance(exc, DlxhError) else show_error(self, exc)

        # Checking the backup (integrity check of the whole file) is work for the worker too.
        self.tasks.query(lambda: backup.preview(chosen, ctx=ctx), ask, on_failed=refused, parent=self,
                         label="Đang kiểm tra bản sao lưu…")
        return outcome[0] if outcome else True
