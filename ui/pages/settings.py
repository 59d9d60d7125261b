"""Cài đặt: how the office prints itself on documents, and the thresholds of the warnings."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton

from app import settings
from app.errors import DlxhError
from app.office import OFFICE_FIELDS, get_office, update_office
from ui.errors import show_error
from ui.pages.base import PageBase


class Page(PageBase):
    title = "Cài đặt"

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
        office = get_office(self.ctx)
        for key, edit in self.office_edits.items():
            edit.setText(getattr(office, key))
        for key, edit in self.number_edits.items():
            value = settings.get(self.ctx, key)
            edit.setText(f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value))
        self.note.setText(f"Đơn vị: {office.name} ({office.unit_code}) · {office.style.kind_label}")

    def save(self) -> None:
        try:
            with self.ctx.transaction():
                update_office(self.ctx, **{k: e.text() for k, e in self.office_edits.items()})
                for key, edit in self.number_edits.items():
                    settings.put_number(self.ctx, key, edit.text())
        except DlxhError as exc:
            show_error(self, exc)
            return
        self.refresh()
        QMessageBox.information(self, "Đã lưu", "Đã lưu cài đặt.")
