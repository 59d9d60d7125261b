"""Cài đặt: how the office prints itself on documents, and the thresholds of the warnings."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton

from app import settings
from app.office import OFFICE_FIELDS, get_office, update_office
from ui.pages.base import PageBase
from ui.widgets import show_text


class Page(PageBase):
    title = "Cài đặt"
    tables = frozenset({"office", "settings"})

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        office_box = QGroupBox("Thể thức văn bản của đơn vị")
        office_form = QFormLayout(office_box)
        self.office_edits: dict[str, QLineEdit] = {}
        for key, label in OFFICE_FIELDS.items():
            edit = QLineEdit()
            self.office_edits[key] = edit
            office_form.addRow(label + ":", edit)
        self.layout_.addWidget(office_box)
        limits_box = QGroupBox("Ngưỡng cảnh báo và hạn báo cáo")
        limits_form = QFormLayout(limits_box)
        self.number_edits: dict[str, QLineEdit] = {}
        for key in settings.RANGES:
            edit = QLineEdit()
            edit.setMaximumWidth(120)
            self.number_edits[key] = edit
            limits_form.addRow(settings.LABELS[key] + ":", edit)
        self.layout_.addWidget(limits_box)
        row = QHBoxLayout()
        save = QPushButton("Lưu cài đặt")
        save.clicked.connect(self.save)
        row.addWidget(save)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.note = QLabel()
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)

    def refresh(self) -> None:
        """Read the office and the thresholds on the worker."""
        ctx = self.ctx
        self.tasks.query(lambda: (get_office(ctx), {k: settings.get(ctx, k) for k in self.number_edits}),
                         lambda loaded: self._show(*loaded), parent=self)

    def _show(self, office, numbers: dict[str, float | int]) -> None:
        for key, edit in self.office_edits.items():
            show_text(edit, getattr(office, key))
        for key, edit in self.number_edits.items():
            value = numbers[key]
            edit.setText(f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value))
        self.note.setText(f"Đơn vị: {office.name} ({office.unit_code}) · {office.style.kind_label}")

    def save(self) -> None:
        """Store everything in one transaction on the worker (a refusal stores nothing and is
        shown by the runner); the pages showing the office reload from `changed`."""
        ctx = self.ctx
        office = {k: e.text() for k, e in self.office_edits.items()}
        numbers = {k: e.text() for k, e in self.number_edits.items()}

        def write() -> None:
            with ctx.transaction():
                update_office(ctx, **office)
                for key, text in numbers.items():
                    settings.put_number(ctx, key, text)

        self.tasks.op(write, tables={"office", "settings"}, parent=self,
                      on_done=lambda _: QMessageBox.information(self, "Đã lưu", "Đã lưu cài đặt."))
