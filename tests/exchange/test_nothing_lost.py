"""Issue 14, done means: after a rename, a renumbering, deletes, attendance, training and survey
edits at the lower office, one exchange round trip leaves the province exactly equal to its
shared rows."""

from __future__ import annotations

from datetime import date, timedelta

from app import deletion, office, records
from app.collaborators import training
from app.meetings import core as meetings
from app.reports import draft as reports
from app.reports import register
from app.surveys import questionnaire as surveys
from app.surveys import responses
from tests.exchange.sync_helpers import enrol_both, owned_state, roundtrip


def _one(ctx, sql: str, *params):
    return ctx.db.execute(sql, list(params)).fetchone()


def test_edits_and_deletes_reach_the_province_exactly(demo_ctx, province, tmp_path):
    enrol_both(demo_ctx, province)
    usb = tmp_path / "usb"
    numbered = [reports.draft_report(demo_ctx, "monthly", date(2025, month, 1)).id for month in (1, 2)]
    for number, report in enumerate(numbered, start=901):
        register.set_number(demo_ctx, report, number, date(2026, 11, 20))
    roundtrip(demo_ctx, province, usb)
    me = demo_ctx.origin
    # the two numbered drafts swap numbers (901 → 903, 902 → 901, 903 → 902): the province
    # holds the old numbers, so a naive upsert would hit the UNIQUE numbering constraint
    for report, number in zip((numbered[0], numbered[1], numbered[0]), (903, 901, 902), strict=True):
        register.set_number(demo_ctx, report, number)
    # a month of corrections at the lower office
    # an area of the commune office (a hamlet), not the office's own unit
    code, name, area_type = _one(demo_ctx, "SELECT code, name, area_type FROM units WHERE level = 'hamlet' ORDER BY code")
    office.save_unit(demo_ctx, code, name + " (đổi tên)", "hamlet", area_type=area_type)
    meeting = _one(demo_ctx, "SELECT meeting_id FROM meeting_attendance GROUP BY meeting_id")[0]
    person, presence = _one(demo_ctx, "SELECT collaborator_id, presence FROM meeting_attendance WHERE meeting_id = ?",
                            meeting)
    meetings.set_attendance(demo_ctx, meeting, {person: "excused" if presence != "excused" else "absent"})
    t = training.list_trainings(demo_ctx)[0]
    training.set_attendees(demo_ctx, t.id, list(t.attendees)[:-1] or [person])
    rid, sid = _one(demo_ctx, "SELECT id, survey_id FROM survey_responses ORDER BY id")
    surveys.update_survey(demo_ctx, sid, status="open")     # the demo survey is closed: reopen to correct a form
    form = next(r for r in responses.load_responses(demo_ctx, sid) if r.id == rid)
    form.form_no = (form.form_no or "") + "b"
    responses.replace_answers(demo_ctx, rid, form)
    area = _one(demo_ctx, "SELECT code FROM units WHERE level = 'commune'")[0]
    item = records.insert(demo_ctx, "opinions", {"received_on": "2026-11-05", "field": "economy",
                                                 "tendency": "worried", "summary": "Nhập nhầm", "area_code": area})
    planned = meetings.create(demo_ctx, meetings.Meeting(held_on=(date.today() + timedelta(days=30)).isoformat()))
    roundtrip(demo_ctx, province, usb)  # the province now holds both…
    assert _one(province, "SELECT count(*) FROM opinions WHERE id = ?", item)[0] == 1
    deletion.delete_opinion(demo_ctx, item)
    deletion.delete_meeting(demo_ctx, planned.id)
    draft = _one(demo_ctx, "SELECT id FROM reports WHERE status = 'draft' AND id NOT IN (?, ?)", *numbered)
    if draft:
        deletion.delete_draft_report(demo_ctx, draft[0])
    res, _imp = roundtrip(demo_ctx, province, usb)  # …and then deletes them too
    assert res.rows["_deleted"] >= 2
    assert _one(province, "SELECT name FROM units WHERE code = ?", code)[0] == name + " (đổi tên)"
    assert _one(province, "SELECT count(*) FROM opinions WHERE id = ?", item)[0] == 0
    assert _one(province, "SELECT count(*) FROM meetings WHERE id = ?", planned.id)[0] == 0
    assert [_one(province, "SELECT number FROM reports WHERE id = ?", r)[0] for r in numbered] == [902, 901]
    assert owned_state(demo_ctx, me) == owned_state(province, me)
