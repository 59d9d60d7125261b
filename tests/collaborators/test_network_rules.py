"""Coverage matrix, inactivity flags, proposals, status changes and replacement on the demo office."""

from __future__ import annotations

from datetime import date

import pytest

from app import audit
from app.collaborators import activity, coverage, status
from app.collaborators.registry import Collaborator, CollaboratorFilter, create, get, list_collaborators
from app.errors import ValidationError
from tests.conftest import DEMO_TODAY


def test_coverage_matrix_counts_active_collaborators(demo_ctx):
    cov = coverage.matrix(demo_ctx, "stratum")
    active = list_collaborators(demo_ctx, CollaboratorFilter(status="active"))
    assert cov.total == len(active) > 0
    assert sum(cov.count(u.code, c) for u in cov.areas for c in cov.codes) == len(active)
    first = active[0]
    assert cov.count(first.area_code, first.stratum) == sum(
        1 for c in active if (c.area_code, c.stratum) == (first.area_code, first.stratum))
    by_sector = coverage.matrix(demo_ctx, "sector")
    assert by_sector.total == cov.total and set(by_sector.codes) == set(coverage.DIMENSIONS["sector"])
    # the demo network recruits no armed-forces members: below nothing by default, since it has no target
    assert not cov.code_below("armed_forces")


def test_empty_hamlet_is_below_target_and_heads_recruit_list(demo_ctx):
    from app.office import add_unit

    add_unit(demo_ctx, "NEW-X99", "Ấp Mới Lập", "hamlet", demo_ctx.origin, area_type="ấp")
    cov = coverage.matrix(demo_ctx)
    assert cov.area_below("NEW-X99") and cov.area_totals["NEW-X99"] == 0
    first = coverage.recruit_next(demo_ctx)[0]
    assert first.area_code == "NEW-X99" and first.text.startswith("Ấp Mới Lập: có 0/1")


def test_targets_are_settings_with_validation(demo_ctx):
    t = coverage.targets(demo_ctx)
    assert t.per_area == 1 and t.overall["stratum"]["farmer"] == 1
    area = coverage.matrix(demo_ctx).areas[0]
    t.per_area = 2
    t.cells["stratum"]["farmer"] = 2
    t.overall["sector"] = {"women": 50}
    t.areas[area.code] = 40
    coverage.set_targets(demo_ctx, t)
    cov = coverage.matrix(demo_ctx, "stratum")
    assert cov.targets.per_area == 2 and cov.area_below(area.code)
    assert any(cov.cell_below(u.code, "farmer") for u in cov.areas)
    texts = [s.text for s in coverage.recruit_next(demo_ctx, limit=None)]
    assert any("'Hội Liên hiệp Phụ nữ'" in x and "/50" in x for x in texts)
    assert any("– Nông dân: có" in x for x in texts)
    assert audit.entries(demo_ctx, action="settings")[0].row_id == "coverage_targets"
    t.per_area = -1
    with pytest.raises(ValidationError):
        coverage.set_targets(demo_ctx, t)
    t.per_area, t.cells["stratum"] = 1, {"martian": 1}
    with pytest.raises(ValidationError):
        coverage.set_targets(demo_ctx, t)


def test_quiet_demo_collaborators_are_flagged(demo_ctx):
    acts = activity.activity(demo_ctx, DEMO_TODAY)
    flagged = [a for a in acts if a.flagged]
    # the demo makes four active people go quiet: absent from recent meetings, no items lately
    absent = [a for a in flagged if a.absent_streak >= 2]
    assert len(absent) >= 4
    assert all(a.status == "active" for a in flagged)
    assert all("Vắng" in a.reason for a in absent)
    busy = [a for a in acts if not a.flagged and a.status == "active"]
    assert busy and all(a.last_item_on and a.last_item_on >= "2000" for a in busy)
    assert all(a.last_meeting_on for a in busy if a.absent_streak == 0)


def test_rules_follow_settings(demo_ctx):
    from app import settings

    before = len(activity.flagged(demo_ctx, DEMO_TODAY))
    settings.put(demo_ctx, "inactive_days", 1)
    settings.put(demo_ctx, "absent_meetings", 50)
    assert len(activity.flagged(demo_ctx, DEMO_TODAY)) > before


def test_propose_replacement_is_recorded_once_and_closed_by_replace(demo_ctx):
    quiet = activity.flagged(demo_ctx, DEMO_TODAY)[0]
    pid = activity.propose_replacement(demo_ctx, quiet.collaborator_id, today=DEMO_TODAY)
    assert activity.propose_replacement(demo_ctx, quiet.collaborator_id) == pid
    [p] = [p for p in activity.proposals(demo_ctx) if p.id == pid]
    assert p.reason == quiet.reason and p.status == "open"
    again = [a for a in activity.activity(demo_ctx, DEMO_TODAY) if a.collaborator_id == quiet.collaborator_id][0]
    assert again.open_proposal_id == pid
    old = get(demo_ctx, quiet.collaborator_id)
    new = status.replace(demo_ctx, old.id, Collaborator(full_name="Đỗ Thị Hạnh", birth_year=1990,
                                                         stratum=old.stratum, phone="0987654321"),
                         on="15/10/2026", reason="Không còn tham gia sinh hoạt")
    old = get(demo_ctx, old.id)
    assert (old.status, old.left_on, old.left_reason, old.replaced_by) == \
        ("left", "2026-10-15", "Không còn tham gia sinh hoạt", new.id)
    assert new.area_code == old.area_code and new.status == "active"
    assert activity.proposals(demo_ctx, "done")[0].replacement_id == new.id
    texts = [h.text for h in status.history(demo_ctx, old.id)]
    assert texts[0].startswith("Được thay thế bởi Đỗ Thị Hạnh")
    assert any("Đã thôi" in t for t in texts)
    assert any("Thay thế cho" in h.text for h in status.history(demo_ctx, new.id))
    with pytest.raises(ValidationError):
        status.replace(demo_ctx, old.id, new.id)


def test_status_changes_need_reason_and_follow_allowed_moves(office):
    c = create(office, Collaborator(full_name="Ngô Văn Tài", area_code="H01PA"))
    with pytest.raises(ValidationError) as info:
        status.set_status(office, c.id, "paused")
    assert "lý do" in info.value.message
    paused = status.set_status(office, c.id, "paused", reason="Ốm dài ngày")
    assert (paused.status, paused.left_reason, paused.version) == ("paused", "Ốm dài ngày", 2)
    back = status.set_status(office, c.id, "active")
    assert back.status == "active" and back.left_reason is None
    left = status.set_status(office, c.id, "left", on=date(2026, 9, 1), reason="Chuyển nơi ở")
    assert left.left_on == "2026-09-01"
    with pytest.raises(ValidationError):
        status.set_status(office, c.id, "active")
    actions = [e.action for e in audit.entries(office, table="collaborators") if e.row_id == c.id]
    assert actions.count("status") == 3


@pytest.mark.parametrize("changes, field", [
    ({"decision_no": "quyết định"}, "decision_no"),
    ({"decision_date": "01/01/2999"}, "decision_date"),
    ({"phone": "0123"}, "phone"),
    ({"email": "a@b"}, "email"),
    ({"birth_year": 1850}, "birth_year"),
    ({"zalo": "abc"}, "zalo"),
])
def test_editor_rules_name_the_field(office, changes, field):
    with pytest.raises(ValidationError) as info:
        create(office, Collaborator(full_name="Ngô Văn Tài", area_code="H01PA", **changes))
    assert info.value.field == field


def test_landline_and_decision_accepted(office):
    c = create(office, Collaborator(full_name="Ngô Văn Tài", phone="0234 3551 234", decision_no=" 125-QĐ/HU ",
                                    decision_date="05/03/2024"))
    assert (c.phone, c.decision_no, c.decision_date) == ("02343551234", "125-QĐ/HU", "2024-03-05")
