"""The collaborator editor: one form, checked by app/ (registry.clean), errors shown next to
the form in Vietnamese with the offending field focused. Nothing is saved until it passes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.collaborators import registry
from app.collaborators.registry import LABELS, Collaborator
from app.errors import DlxhError
from app.office import agencies, communes
from app.validate import PERSON_NAME_MAX, limit_hint
from ui.collab.common import error_label, ok_button, ok_cancel


def _combo(items: list[tuple[str | None, str]]) -> QComboBox:
    box = QComboBox()
    for code, label in items:
        box.addItem(label, code)
    return box


def _set(box: QComboBox, code: str | None) -> None:
    index = box.findData(code)
    box.setCurrentIndex(max(index, 0))


def _iso_to_vn(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


class CollaboratorForm(QWidget):
    """The fields of a collaborator, in two columns; `value()` returns a Collaborator (unchecked)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        grid = QGridLayout(self)
        left, right = QFormLayout(), QFormLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(limit_hint(PERSON_NAME_MAX))
        self.gender = _combo([(None, "—"), *catalog.GENDERS.items()])
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText("ví dụ 1975")
        self.ethnicity = QLineEdit()
        self.religion = QLineEdit()
        self.party_member = QCheckBox("Là đảng viên")
        self.position = QLineEdit()
        self.workplace = QLineEdit()
        areas = [(u.code, u.name) for u in communes(ctx)] + [(u.code, u.name) for u in agencies(ctx)]
        self.area_code = _combo([(None, "— chọn địa bàn —"), *areas])
        self.sector = _combo([(None, "—"), *catalog.SECTORS.items()])
        self.stratum = _combo([(None, "—"), *catalog.STRATA.items()])
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("0xxxxxxxxx hoặc +84xxxxxxxxx")
        self.email = QLineEdit()
        self.zalo = QLineEdit()
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText("ví dụ 125-QĐ/HU")
        self.decision_date = QLineEdit()
        self.joined_on = QLineEdit()
        for box in (self.decision_date, self.joined_on):
            box.setPlaceholderText("dd/mm/yyyy")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        left_keys = ("full_name", "gender", "birth_year", "ethnicity", "religion", "party_member", "position",
                     "workplace", "area_code")
        for key in left_keys:
            left.addRow(LABELS[key] + (" *" if key == "full_name" else ""), getattr(self, key))
        for key in ("sector", "stratum", "phone", "email", "zalo", "decision_no", "decision_date", "joined_on", "notes"):
            right.addRow(LABELS[key], getattr(self, key))
        self.fields = {"full_name": self.full_name, "birth_year": self.birth_year, "phone": self.phone,
                       "email": self.email, "zalo": self.zalo, "decision_date": self.decision_date,
                       "joined_on": self.joined_on, "decision_no": self.decision_no, "gender": self.gender, "stratum": self.stratum,
                       "sector": self.sector}
        self.original = Collaborator(full_name="")

    def load(self, c: Collaborator) -> None:
        self.original = c
        self.full_name.setText(c.full_name)
        _set(self.gender, c.gender)
        self.birth_year.setText(str(c.birth_year or ""))
        for name in ("ethnicity", "religion", "position", "workplace", "phone", "email", "zalo", "decision_no"):
            getattr(self, name).setText(getattr(c, name) or "")
        self.party_member.setChecked(c.party_member)
        for name in ("area_code", "sector", "stratum"):
            _set(getattr(self, name), getattr(c, name))
        self.decision_date.setText(_iso_to_vn(c.decision_date))
        self.joined_on.setText(_iso_to_vn(c.joined_on))
        self.notes.setPlainText(c.notes or "")

    def value(self) -> Collaborator:
        def text(box: QLineEdit) -> str | None:
            return box.text().strip() or None

        return replace(
            self.original, full_name=self.full_name.text(), gender=self.gender.currentData(),
            birth_year=text(self.birth_year), ethnicity=text(self.ethnicity), religion=text(self.religion),
            party_member=self.party_member.isChecked(), position=text(self.position), workplace=text(self.workplace),
            area_code=self.area_code.currentData(), sector=self.sector.currentData(),
            stratum=self.stratum.currentData(), phone=text(self.phone), email=text(self.email), zalo=text(self.zalo),
            decision_no=text(self.decision_no), decision_date=text(self.decision_date),
            joined_on=text(self.joined_on), notes=self.notes.toPlainText().strip() or None)


class EditorDialog(QDialog):
    """Add or edit one collaborator. `saved(Collaborator)` fires after a successful save."""

    saved = Signal(object)

    def __init__(self, ctx, collaborator: Collaborator | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Sửa cộng tác viên" if collaborator and collaborator.id else "Thêm cộng tác viên")
        layout = QVBoxLayout(self)
        self.form = CollaboratorForm(ctx)
        if collaborator:
            self.form.load(collaborator)
        layout.addWidget(self.form)
        self.error = error_label()
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, self.save)
        self.save_button = ok_button(self.buttons)
        layout.addWidget(self.buttons)
        self.result_value: Collaborator | None = None

    def save(self) -> bool:
        """Check and save; on a refusal show the message, mark the field and stay open."""
        c = self.form.value()
        for widget in self.form.fields.values():
            widget.setStyleSheet("")
        try:
            self.result_value = registry.update(self.ctx, c) if c.id else registry.create(self.ctx, c)
        except DlxhError as exc:
            self.error.setText(exc.message)
            self.error.show()
            widget = self.form.fields.get(exc.field or "")
            if widget is not None:
                widget.setStyleSheet("border: 2px solid #b00020;")
                widget.setFocus()
            return False
        self.saved.emit(self.result_value)
        self.accept()
        return True
