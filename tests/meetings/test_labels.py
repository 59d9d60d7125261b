"""A meeting's field labels are declared once (app/meetings/core.LABELS, next to its kind): the
meeting form, the refusals and the audit log say each field the same way (real store, real
widgets). A training shares `held_on` and `place` with a meeting; its log keeps its own words."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout

from app import audit_labels, audit_view, kinds
from app.context import User
from app.errors import ValidationError
from app.meetings import core as meetings
from ui.meeting.editor import MeetingEditor
from ui.tasks import TaskRunner


def test_the_kind_carries_its_labels_and_the_registry_knows_it() -> None:
    assert meetings.KIND.labels is meetings.LABELS
    assert kinds.ALL["meetings"] is meetings.KIND
    fields = {f.name for f in meetings.Meeting.__dataclass_fields__.values()}
    assert set(meetings.LABELS) <= fields
    assert fields - set(meetings.LABELS) == {"id", "origin", "version", "updated_at"}


def test_the_form_shows_every_declared_label(qtbot, office) -> None:
    editor = MeetingEditor(office, TaskRunner(synchronous=True))
    qtbot.addWidget(editor)
    form: QFormLayout = editor.layout().itemAt(0).layout()
    shown = {form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(form.rowCount())}
    named = {editor.start_time.toolTip(), editor.end_time.toolTip()}   # the one "Thời gian" row
    assert set(meetings.LABELS.values()) == (shown - {"Thời gian"}) | named


@pytest.mark.parametrize("key, value", [("held_on", "31/02/2026"), ("start_time", "25:00"), ("kind", "x")])
def test_refusals_name_the_field_by_its_declared_label(office, key, value) -> None:
    m = meetings.Meeting(held_on="2026-03-05")
    setattr(m, key, value)
    with pytest.raises(ValidationError) as caught:
        meetings.create(office, m)
    assert meetings.LABELS[key] in str(caught.value)


def test_the_audit_log_names_a_meetings_fields_by_its_labels(office) -> None:
    made = meetings.create(office, meetings.Meeting(held_on="2026-03-05"))
    changed = {"place": "Hội trường UBND xã", "chair": "Nguyễn Văn An", "secretary": "Lê Thị Hoa",
               "agenda": "Giao ban tháng", "materials": "Báo cáo tháng", "minutes": "Thống nhất",
               "start_time": "08:00", "end_time": "11:00", "kind": "extraordinary", "held_on": "2026-03-06"}
    meetings.update(office, meetings.Meeting(**{**made.__dict__, **changed}))
    office.user = User("quantri", "admin", "Quản trị")
    entry = next(e for e in audit_view.entries(office, table="meetings") if e.action == "update")
    text = audit_view.detail_text(office, entry, {}, width=2000)
    for key, label in meetings.LABELS.items():
        assert f"{label.lower()}: " in text, key
        assert audit_labels.field_label(key, "meetings") == label.lower()
    assert audit_labels.field_label("held_on", "trainings") == "ngày tổ chức"   # not "ngày họp"
