"""Guidance tab: the province writes notes and topics to watch; a district reads what came down.
The rows are read by the exchange page (a query); a new note is an op declaring 'guidance',
after which the page reloads from `changed`. A refusal keeps the dialog open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.exchange import guidance
from app.text import vn_iso
from ui.models import Column, RowsModel, sortable
from ui.widgets import setup_table

KIND_LABELS = {"note": "Định hướng", "watch_topic": "Vấn đề cần theo dõi"}


class GuidanceDialog(QDialog):
    """OK hands the values to `save` (with the dialog, which it closes once they are stored)."""

    def __init__(self, save: Callable[[dict, QDialog], None], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Thêm hướng dẫn gửi các xã, phường")
        form = QFormLayout(self)
        self.title_edit = QLineEdit()
        self.kind = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.field = QComboBox()
        self.field.addItem("(không chọn)", None)
        for code, label in catalog.FIELDS.items():
            self.field.addItem(label, code)
        self.body = QPlainTextEdit()
        self.has_until = QCheckBox("Có hạn hiệu lực")
        self.until = QDateEdit(QDate.currentDate().addMonths(3))
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.until.setCalendarPopup(True)
        for label, widget in (
            ("Tiêu đề", self.title_edit),
            ("Loại", self.kind),
            ("Lĩnh vực", self.field),
            ("Nội dung", self.body),
            ("", self.has_until),
            ("Hiệu lực đến", self.until),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: save(self.values(), self))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "title": self.title_edit.text(),
            "kind": self.kind.currentData(),
            "field": self.field.currentData(),
            "body": self.body.toPlainText(),
            "valid_until": self.until.date().toString("yyyy-MM-dd") if self.has_until.isChecked() else None,
        }


class GuidanceView(QWidget):
    def __init__(self, ctx, tasks, is_province: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.dialog: GuidanceDialog | None = None
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(
            QLabel(
                "Hướng dẫn đã ban hành; xuất gói cho từng xã, phường để gửi đi."
                if is_province
                else "Hướng dẫn, định hướng nhận từ Ban Tuyên giáo và Dân vận Tỉnh ủy."
            )
        )
        row.addStretch(1)
        if is_province:
            add = QPushButton("Thêm hướng dẫn…")
            add.clicked.connect(self.add)
            row.addWidget(add)
        box.addLayout(row)
        self.model = RowsModel(
            [
                Column("Ngày", lambda g: vn_iso(g.issued_on), sort_key=lambda g: g.issued_on),
                Column("Loại", lambda g: KIND_LABELS.get(g.kind, g.kind)),
                Column("Tiêu đề", lambda g: g.title),
                Column("Lĩnh vực", lambda g: catalog.FIELDS.get(g.field or "", "")),
                Column("Hiệu lực đến", lambda g: vn_iso(g.valid_until)),
                Column("Nội dung", lambda g: g.body),
            ]
        )
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self.view))
        setup_table(self.view)
        box.addWidget(self.view, 1)

    def show_rows(self, rows: list) -> None:
        """Show guidance read elsewhere (the exchange page reads it on the worker)."""
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def add(self) -> None:
        self.dialog = GuidanceDialog(self.save, self)
        self.dialog.open()

    def save(self, values: dict, dialog: QDialog | None = None) -> None:
        """Store a note on the worker (a refusal is said over the dialog, which stays open)."""
        ctx = self.ctx
        self.tasks.op(lambda: guidance.add_guidance(ctx, **values), tables={"guidance"},
                      on_done=lambda _: dialog.accept() if dialog is not None else None, parent=dialog or self)
