"""The meetings page: attendance typed by keystrokes only, details refused and kept, items from the meeting."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.meetings import core as meetings
from app.meetings import planning
from ui.pages.meetings import Page
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def make_page(qtbot, ctx):
    page = Page(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def test_attendance_by_keystrokes(qtbot, office):
    meeting = meetings.create(office, meetings.Meeting(held_on="2026-10-10", place="Hội trường Huyện ủy"))
    page = make_page(qtbot, office)
    assert page.editor.meeting.id == meeting.id
    page.tabs.setCurrentIndex(1)
    table = page.attendance
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    names = [line.full_name for line in table.lines]
    for k in (Qt.Key.Key_C, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_P, Qt.Key.Key_1):
        qtbot.keyClick(QApplication.focusWidget(), k)
    table.flush()
    got = {line.full_name: line.presence for line in planning.roster(office, meeting.id)}
    assert [got[n] for n in names] == ["present", "present", "absent", "excused", "present"]
    assert "Có mặt 3 · vắng 1 · vắng có lý do 1 · chưa điểm danh 0" in page.att_summary.text()
    # Correct one mark: go back up to the absent person and mark present.
    table.setCurrentCell(2, 2)
    qtbot.keyClick(table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: planning.summary(office, meeting.id).absent == 0, timeout=2000)
    assert meetings.get(office, meeting.id).version >= 3


def test_bad_meeting_date_is_refused_and_typing_kept(qtbot, office):
    page = make_page(qtbot, office)
    page.new_meeting()
    page.editor.held_on.setText("31/02/2026")
    page.editor.place.setText("Nhà văn hóa xã Phong An")
    page.editor.save()
    assert "Ngày họp không đúng định dạng" in page.editor.status.text()
    assert page.editor.place.text() == "Nhà văn hóa xã Phong An"
    assert meetings.list_meetings(office) == []
    page.editor.held_on.setText("")
    page.editor.save()
    assert "Ngày họp không được để trống" in page.editor.status.text()
    page.editor.held_on.setText("28/02/2026")
    assert page.editor.save() is not None
    (saved,) = meetings.list_meetings(office)
    assert (saved.kind, saved.place) == ("extraordinary", "Nhà văn hóa xã Phong An")


def test_plan_twelve_months(qtbot, office):
    page = make_page(qtbot, office)
    page.plan()
    assert len(meetings.list_meetings(office)) == 12
    assert page.model.rowCount() == 12
    page.grab().save("/tmp/dlxh-issue4-meetings-planned.png")
