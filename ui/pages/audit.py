"""Nhật ký hoạt động: the append-only audit log, read-only, filtered by user, table, action;
for an administrator also the way into accounts (ui/users_dialog.py) and backups
(ui/backup_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView

from app import audit_view, auth
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
        self.names: dict = {}   # record names looked up once per refresh
        found = audit_view.choices(ctx)
        bar = QHBoxLayout()
        self.user = CodeCombo("Mọi người dùng", [(u, audit_view.user_label(u)) for u in found["users"]])
        self.table = CodeCombo("Mọi loại dữ liệu", [(t, audit_view.table_label(t)) for t in found["tables"]])
        self.action = CodeCombo("Mọi thao tác", [(a, audit_view.action_label(a)) for a in found["actions"]])
        for combo in (self.user, self.table, self.action):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
            bar.addWidget(combo, 1)
        self.layout_.addLayout(bar)
        self.model = RowsModel([
            Column("Thời gian", lambda e: local_time(e.ts), sort_key=lambda e: e.seq),
            Column("Người dùng", lambda e: audit_view.user_label(e.user)),
            Column("Thao tác", lambda e: audit_view.action_label(e.action)),
            Column("Loại dữ liệu", lambda e: audit_view.table_label(e.table_name), tip=True),
            Column("Bản ghi", lambda e: audit_view.record_text(ctx, e, self.names), tip=True),
            Column("Chi tiết", lambda e: audit_view.detail_text(ctx, e, self.names), tip=True),
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
        self.names.clear()
        rows = audit_view.entries(self.ctx, user=self.user.code(), table=self.table.code(),
                                  action=self.action.code(), limit=LIMIT)
        self.model.set_rows(rows)
        for col, width in enumerate((0, 0, 0, 170, 190)):
            if width:
                self.view.setColumnWidth(col, width)
        compact_columns(self.view, stretch=5, fit=(0, 1, 2))   # the time whole; details take the rest
        more = f" (hiển thị {vn_number(LIMIT)} mục mới nhất; hãy lọc để thu hẹp)" if len(rows) == LIMIT else ""
        self.count.setText(f"{vn_number(len(rows))} mục{more}")

    def open_backups(self) -> None:
        admin_tools.open_backups(self.ctx, self, self.refresh)
        self.refresh()

    def open_users(self) -> None:
        admin_tools.open_users(self.ctx, self)
        self.refresh()
