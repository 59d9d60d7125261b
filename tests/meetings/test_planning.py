"""Planning regular meetings, the attendance roster, bad meeting input."""

from datetime import date

import pytest

from app.collaborators import registry
from app.errors import ValidationError
from app.meetings import core, planning, schedule
from app.opinions import items


def test_plan_a_year_every_two_months_is_idempotent(office):
    schedule.put_rule(office, schedule.MeetingRule(every_months=2, day=31, anchor_month=2))
    assert schedule.get_rule(office).day == 31
    made = planning.plan_regular(office, date(2027, 1, 1), date(2027, 12, 31))
    assert [m.held_on for m in made] == ["2027-02-28", "2027-04-30", "2027-06-30", "2027-08-31", "2027-10-31",
                                         "2027-12-31"]
    assert planning.plan_regular(office, date(2027, 1, 1), date(2027, 12, 31)) == []
    core.create(office, core.Meeting(held_on="2027-03-03", kind="extraordinary"))
    assert len(core.list_meetings(office, 2027)) == 7


def test_roster_lists_active_collaborators_and_keeps_leavers_already_recorded(office):
    meeting = core.create(office, core.Meeting(held_on="2026-10-10", place="Hội trường Huyện ủy",
                                               start_time="8h", end_time="11.30"))
    assert (meeting.start_time, meeting.end_time) == ("08:00", "11:30")
    people = {line.full_name: line.collaborator_id for line in planning.roster(office, meeting.id)}
    assert len(people) == 5
    core.set_attendance(office, meeting.id, {people["Trần Thị Hoa"]: "present", people["Lê Văn Nam"]: "excused"},
                        {people["Lê Văn Nam"]: "Ốm"})
    leaver = registry.get(office, people["Trần Thị Hoa"])
    leaver.status, leaver.left_on, leaver.left_reason = "left", "2026-11-01", "Chuyển công tác"
    registry.update(office, leaver)
    lines = planning.roster(office, meeting.id)
    assert len(lines) == 5
    assert planning.summary(office, meeting.id) == planning.AttendanceSummary(1, 0, 1, 3)
    assert [x.reason for x in lines if x.presence == "excused"] == ["Ốm"]


def test_meeting_items_and_delete_planned(office):
    meeting = core.create(office, core.Meeting(held_on="2026-10-10"))
    items.create(office, items.Opinion(received_on="2026-10-10", field="economy", summary="Giá lúa giảm",
                                       tendency="concern", meeting_id=meeting.id, channel="meeting"))
    assert planning.item_count(office, meeting.id) == 1
    assert planning.item_counts(office) == {meeting.id: 1}
    with pytest.raises(ValidationError):
        planning.delete_planned(office, meeting.id)
    empty = core.create(office, core.Meeting(held_on="2026-12-10"))
    planning.delete_planned(office, empty.id)
    assert [m.id for m in core.list_meetings(office)] == [meeting.id]


@pytest.mark.parametrize("meeting, message", [
    (core.Meeting(held_on=""), "Ngày họp không được để trống"),
    (core.Meeting(held_on="31/02/2026"), "ngày 31/02/2026 không có (tháng 2/2026 chỉ có 28 ngày)"),
    (core.Meeting(held_on="29/02/2026"), "ngày 29/02/2026 không có"),
    (core.Meeting(held_on="mười hai"), "không đúng định dạng ngày (dd/mm/yyyy)"),
    (core.Meeting(held_on="2026-10-10", start_time="25:00"), "Giờ bắt đầu không hợp lệ"),
])
def test_bad_meetings_are_refused_in_vietnamese(office, meeting, message):
    with pytest.raises(ValidationError) as exc:
        core.create(office, meeting)
    assert message in exc.value.message
    assert core.list_meetings(office) == []
