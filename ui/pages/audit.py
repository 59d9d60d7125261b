"""Nhật ký hoạt động: the append-only audit log, read-only, filtered by user, table, action;
for an administrator also the way into accounts (ui/users_dialog.py) and backups
(ui/backup_dialog.py).

Everything shown is read on the worker (`tasks.query`): the entries, the record names and
details they mention (each a lookup of its own), and the filter choices the first time; the
UI thread only fills the table. The page reloads when any write is announced (`changed`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView

from app import audit_view, auth, memo
from app.audit import AuditEntry
from app.text import vn_number
from ui import admin_tools
from ui.models import Column, RowsModel, local_time, sortable
from ui.pages.base import PageBase
from ui.widgets import CodeCombo, compact_columns, setup_table

LIMIT = 2000


class Page(PageBase):
    title = "Nhật ký hoạt động"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.allowed = auth.can(ctx, "audit")
        note = QLabel("Mọi thao tác thêm, sửa, xóa, nhập, xuất, sao lưu và đăng nhập đều được ghi lại; "
                      "nhật ký chỉ để xem, không ai sửa hoặc xóa được.")
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(note, 1)
        if auth.can(ctx, "users"):
            self.users_btn = QPushButton("Người dùng…")
            self.users_btn.clicked.connect(self.open_users)
            top.addWidget(self.users_btn)
        if auth.can(ctx, "backup"):
            self.backup_btn = QPushButton("Sao lưu và khôi phục…")
            self.backup_btn.clicked.connect(self.open_backups)
            top.addWidget(self.backup_btn)
        self.layout_.addLayout(top)
        self.count = QLabel()
        if not self.allowed:
            self.count.setText("Tài khoản của bạn không có quyền xem nhật ký hoạt động "
                               "(dành cho lãnh đạo ban và quản trị hệ thống).")
            self.layout_.addWidget(self.count)
            self.layout_.addStretch(1)
            return
        bar = QHBoxLayout()
        self.user = CodeCombo("Mọi người dùng", [])
        self.table = CodeCombo("Mọi loại dữ liệu", [])
        self.action = CodeCombo("Mọi thao tác", [])
        self.choices_loaded = False
        for combo in (self.user, self.table, self.action):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
            bar.addWidget(combo, 1)
        self.layout_.addLayout(bar)
        self.model = RowsModel([
            Column("Thời gian", lambda r: local_time(r.entry.ts), sort_key=lambda r: r.entry.seq),
            Column("Người dùng", lambda r: audit_view.user_label(r.entry.user)),
            Column("Thao tác", lambda r: audit_view.action_label(r.entry.action)),
            Column("Loại dữ liệu", lambda r: audit_view.table_label(r.entry.table_name), tip=True),
            Column("Bản ghi", lambda r: r.record, tip=True),
            Column("Chi tiết", lambda r: r.detail, tip=True),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setWordWrap(False)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.count)


    def refresh(self) -> None:
        if not self.allowed:
            return
        filters = {"user": self.user.code(), "table": self.table.code(), "action": self.action.code()}
        with_choices = not self.choices_loaded
        self.choices_loaded = True
        self.tasks.query(lambda: _load(self.ctx, filters, with_choices), self._show, parent=self)

    def _show(self, loaded: Loaded) -> None:
        if loaded.choices is not None:
            for combo, key, label in ((self.user, "users", audit_view.user_label),
                                      (self.table, "tables", audit_view.table_label),
                                      (self.action, "actions", audit_view.action_label)):
                combo.blockSignals(True)
                for code in loaded.choices[key]:
                    combo.addItem(label(code), code)
                combo.blockSignals(False)
        rows = loaded.rows
        if self.model.replace_rows(rows):
            for col, width in enumerate((0, 0, 0, 170, 190)):
                if width:
                    self.view.setColumnWidth(col, width)
            compact_columns(self.view, stretch=5, fit=(0, 1, 2))   # the time whole; details take the rest
        more = f" (hiển thị {vn_number(LIMIT)} mục mới nhất; hãy lọc để thu hẹp)" if len(rows) == LIMIT else ""
        self.count.setText(f"{vn_number(len(rows))} mục{more}")

    def open_backups(self) -> None:
        """The log shows the backups and accounts changed there: it reloads from `changed`."""
        admin_tools.open_backups(self.ctx, self, self.tasks)

    def open_users(self) -> None:
        admin_tools.open_users(self.ctx, self, self.tasks)


@dataclass(frozen=True)
class Row:
    entry: AuditEntry
    record: str
    detail: str


@dataclass(frozen=True)
class Loaded:
    rows: list[Row]
    choices: dict[str, list[str]] | None


def _load(ctx, filters: dict, with_choices: bool) -> Loaded:
    """On the worker: the entries with the names and details they mention, looked up once; the
    page shown again with nothing written since gets the same rows (90 ms at 200k entries)."""
    def rows() -> list[Row]:
        names: dict = {}
        return [Row(e, audit_view.record_text(ctx, e, names), audit_view.detail_text(ctx, e, names))
                for e in audit_view.entries(ctx, limit=LIMIT, **filters)]

    return Loaded(memo.until_written(ctx, ("audit page", tuple(sorted(filters.items()))), rows),
                  audit_view.choices(ctx) if with_choices else None)
