"""The collaborator editor: one form, checked by app/ (registry.clean), errors shown next to
the form in Vietnamese with the offending field focused. Nothing is saved until it passes.
The area choices and the person edited are a query, the save an op declaring 'collaborators':
the pages and the collaborator's detail reload from the runner's `changed` signal."""

from __future__ import annotations

from dataclasses import replace

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
from app.context import Ctx
from app.errors import DlxhError
from app.office import agencies, communes
from app.validate import PERSON_NAME_MAX, limit_hint
from ui import palette
from ui.collab.common import error_label, ok_button, ok_cancel
from ui.refusal import refusal
from ui.tasks import TaskRunner


def _combo(items: list[tuple[str | None, str]]) -> QComboBox:
    box = QComboBox()
    for code, label in items:
        box.addItem(label, code)
    return box


def _set(box: QComboBox, code: str | None) -> None:
    index = box.findData(code)
    box.setCurrentIndex(max(index, 0))


def area_choices(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the office's communes, then its agencies: where a collaborator works."""
    return [(u.code, u.name) for u in communes(ctx)] + [(u.code, u.name) for u in agencies(ctx)]


def _iso_to_vn(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


class CollaboratorForm(QWidget):
    """The fields of a collaborator, in two columns; `value()` returns a Collaborator (unchecked).
    The area choices are given by `set_areas` (read on the worker by whoever shows the form)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.area_code = _combo([(None, "— chọn địa bàn —")])
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

    def set_areas(self, areas: list[tuple[str, str]]) -> None:
        chosen = self.area_code.currentData()
        self.area_code.clear()
        for code, label in [(None, "— chọn địa bàn —"), *areas]:
            self.area_code.addItem(label, code)
        _set(self.area_code, chosen)

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
    """Add (no id) or edit one collaborator; `result_value` is the saved collaborator."""

    def __init__(self, ctx: Ctx, tasks: TaskRunner, collaborator_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.setWindowTitle("Sửa cộng tác viên" if collaborator_id else "Thêm cộng tác viên")
        layout = QVBoxLayout(self)
        self.form = CollaboratorForm()
        layout.addWidget(self.form)
        self.error = error_label()
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, self.save)
        self.save_button = ok_button(self.buttons)
        self.save_button.setEnabled(False)   # until the areas (and the person) are in
        layout.addWidget(self.buttons)
        self.result_value: Collaborator | None = None
        tasks.query(lambda: (area_choices(ctx), registry.get(ctx, collaborator_id) if collaborator_id else None),
                    lambda got: self._fill(*got), parent=self)

    def _fill(self, areas: list[tuple[str, str]], collaborator: Collaborator | None) -> None:
        self.form.set_areas(areas)
        if collaborator is not None:
            self.form.load(collaborator)
        self.save_button.setEnabled(True)

    def save(self) -> None:
        """Check and save on the worker; on a refusal show the message, mark the field and stay open."""
        c, ctx = self.form.value(), self.ctx
        for widget in self.form.fields.values():
            palette.mark_invalid(widget, False)
        self.tasks.op(lambda: registry.update(ctx, c) if c.id else registry.create(ctx, c), tables={"collaborators"},
                      on_done=self._saved, on_failed=self._refused, parent=self)

    def _saved(self, collaborator: Collaborator) -> None:
        self.result_value = collaborator
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        said: DlxhError = refusal(exc)
        self.error.setText(said.message)
        self.error.show()
        widget = self.form.fields.get(said.field or "")
        if widget is not None:
            palette.mark_invalid(widget, True)
            widget.setFocus()
