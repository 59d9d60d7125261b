"""The meetings page: attendance typed by keystrokes only, details refused and kept, items from the meeting."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.errors import ValidationError
from app.meetings import core as meetings
from app.meetings import planning
from app.text import vn_date
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
    assert "Ngày họp: ngày 31/02/2026 không có" in page.editor.status.text()
    assert page.editor.place.text() == "Nhà văn hóa xã Phong An"
    assert meetings.list_meetings(office) == []
    page.editor.held_on.setText("")
    page.editor.save()
    assert "Ngày họp không được để trống" in page.editor.status.text()
    page.editor.held_on.setText("28/02/2026")
    page.editor.save()
    assert page.editor.meeting is not None and page.editor.status.text() == "Đã lưu."
    (saved,) = meetings.list_meetings(office)
    assert (saved.kind, saved.place) == ("extraordinary", "Nhà văn hóa xã Phong An")


def test_plan_twelve_months(qtbot, office):
    page = make_page(qtbot, office)
    page.plan()
    assert len(meetings.list_meetings(office)) == 12
    assert page.model.rowCount() == 12
    page.grab().save("/tmp/dlxh-issue4-meetings-planned.png")


def _shown(page) -> list[tuple[str, str]]:
    proxy = page.view.model()
    return [(proxy.index(r, 0).data(), proxy.index(r, 1).data()) for r in range(proxy.rowCount())]


def test_held_meetings_newest_first_then_planned_and_no_attendance_ahead(qtbot, office):
    today = date.today()
    for days in (-40, -10, 8, 38):
        meetings.create(office, meetings.Meeting(held_on=(today + timedelta(days=days)).isoformat()))
    page = make_page(qtbot, office)
    d = [vn_date(today + timedelta(days=n)) for n in (-10, -40, 8, 38)]
    assert _shown(page) == [(d[0], "Đã họp"), (d[1], "Đã họp"), (d[2], "Dự kiến"), (d[3], "Dự kiến")]
    assert page.editor.meeting.held_on == (today - timedelta(days=10)).isoformat()  # the last one held
    assert page.attendance.isEnabled() and page.all_present.isEnabled()

    page.view.setCurrentIndex(page.view.model().index(2, 0))        # the meeting 8 days ahead
    assert not page.attendance.isEnabled() and not page.all_present.isEnabled()
    why = f"Hội nghị dự kiến họp ngày {d[2]}: chỉ điểm danh được từ ngày họp."
    assert page.att_locked.text() == why and page.all_present.toolTip() == why
    assert page.tabs.tabToolTip(1) == why
    planned = page.editor.meeting
    person = planning.roster(office, planned.id)[0].collaborator_id
    with pytest.raises(ValidationError, match="chỉ điểm danh được từ ngày họp"):
        meetings.set_attendance(office, planned.id, {person: "present"})
    assert meetings.attendance(office, planned.id) == {}


def test_all_present_in_one_step_and_the_list_count_follows(qtbot, office):
    held = meetings.create(office, meetings.Meeting(held_on=(date.today() - timedelta(days=3)).isoformat()))
    page = make_page(qtbot, office)
    page.tabs.setCurrentIndex(1)
    present = page.view.model().index(0, 3)
    assert present.data() == ""
    table = page.attendance
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V)               # the first person is absent
    table.flush()
    present = page.view.model().index(0, 3)           # the list was reloaded: an index of before is gone
    assert present.data() == "0/1"                    # the list follows the keystroke
    version = meetings.get(office, held.id).version
    qtbot.mouseClick(page.all_present, Qt.MouseButton.LeftButton)
    s = planning.summary(office, held.id)
    assert (s.present, s.absent, s.unrecorded) == (4, 1, 0)   # the absence typed first stays
    assert meetings.get(office, held.id).version == version + 1   # one transaction, one change
    assert page.view.model().index(0, 3).data() == "4/5"   # the op's `changed` reloaded the list
    assert "Có mặt 4 · vắng 1" in page.att_summary.text()
    assert [table.item(r, 2).text() for r in range(5)].count("Có mặt") == 4


def test_meetings_list_fits_at_1366(app_style, main_window):
    main_window.resize(1366, 768)
    page = main_window.show_page("meetings")
    view = page.view
    header = view.horizontalHeader()
    for _ in range(3):
        QApplication.processEvents()
    assert not view.horizontalScrollBar().isVisible()
    assert header.length() <= view.viewport().width()
    metrics = header.fontMetrics()
    for col in range(view.model().columnCount()):
        text = view.model().headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= metrics.horizontalAdvance(text) + 8, text
        assert header.sectionSize(col) >= view.sizeHintForColumn(col), text
