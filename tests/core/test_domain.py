"""Domain core on the real store: validation in Vietnamese, versions, audit, search."""

import pytest

from app import audit, records
from app.collaborators.registry import Collaborator, CollaboratorFilter, create, list_collaborators, update
from app.errors import ValidationError
from app.opinions import items, topics
from app.opinions.items import Opinion, OpinionFilter


def test_collaborator_validation_messages_are_vietnamese(empty_ctx):
    with pytest.raises(ValidationError) as info:
        create(empty_ctx, Collaborator(full_name="  "))
    assert info.value.message == "Họ và tên không được để trống."
    with pytest.raises(ValidationError, match="Số điện thoại không hợp lệ"):
        create(empty_ctx, Collaborator(full_name="Lê Văn Tám", phone="12345"))
    with pytest.raises(ValidationError, match="Năm sinh"):
        create(empty_ctx, Collaborator(full_name="Lê Văn Tám", birth_year=1800))
    assert list_collaborators(empty_ctx) == []


def test_collaborator_update_bumps_version_and_is_audited(empty_ctx):
    c = create(empty_ctx, Collaborator(full_name="Trần Thị Hoa", phone="+84 912 345 678"))
    assert c.phone == "+84912345678" and c.version == 1 and c.origin == "TVH-CL"
    c.position = "Chi hội trưởng phụ nữ"
    c2 = update(empty_ctx, c)
    assert c2.version == 2
    log = audit.entries(empty_ctx, table="collaborators")
    assert [e.action for e in log][:2] == ["update", "create"]
    assert log[0].detail == {"position": [None, "Chi hội trưởng phụ nữ"]}


def test_failed_write_leaves_nothing(empty_ctx):
    before = empty_ctx.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(Exception), empty_ctx.transaction():  # noqa: B017
        records.insert(empty_ctx, "topics", {"title": "x", "field": "economy", "opened_on": "2026-01-01"})
        records.insert(empty_ctx, "topics", {"title": None, "field": "economy", "opened_on": "2026-01-01"})
    assert empty_ctx.db.execute("SELECT count(*) FROM topics").fetchone()[0] == 0
    assert empty_ctx.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before


def test_audit_log_is_append_only(empty_ctx):
    with pytest.raises(Exception, match="append-only"):
        empty_ctx.db.execute("UPDATE audit_log SET user = 'x'")
    with pytest.raises(Exception, match="append-only"):
        empty_ctx.db.execute("DELETE FROM audit_log")


def test_search_by_name_is_accent_insensitive(demo_ctx):
    everyone = list_collaborators(demo_ctx)
    target = everyone[0]
    from app.text import fold

    found = list_collaborators(demo_ctx, CollaboratorFilter(text=fold(target.full_name)))
    assert target.id in [c.id for c in found]
    assert len(found) < len(everyone)


def test_opinion_fts_folds_d_stroke_on_both_sides(empty_ctx):
    t = topics.create(empty_ctx, topics.Topic(title="Điện lưới", field="economy", opened_on="2026-01-05"))
    o = items.create(empty_ctx, Opinion(received_on="2026-01-06", field="economy", tendency="concern",
                                        summary="Nhân dân phản ánh điện chập chờn ở ấp Đồng Khởi", topic_id=t.id))
    for query in ("dien chap", "ĐIỆN", "đồng khởi", "dong khoi"):
        assert [r.id for r in items.list_opinions(empty_ctx, OpinionFilter(text=query))] == [o.id], query
    assert items.list_opinions(empty_ctx, OpinionFilter(text="nước")) == []
    o.summary = "Nhân dân băn khoăn về giá nước"
    items.update(empty_ctx, o)
    assert [r.id for r in items.list_opinions(empty_ctx, OpinionFilter(text="nuoc"))] == [o.id]
    assert items.list_opinions(empty_ctx, OpinionFilter(text="dien")) == []


def test_opinion_validation(empty_ctx):
    with pytest.raises(ValidationError, match="Xu hướng"):
        items.create(empty_ctx, Opinion(received_on="2026-01-06", field="economy", tendency="angry", summary="x"))
    with pytest.raises(ValidationError, match="tương lai"):
        items.create(empty_ctx, Opinion(received_on="2999-01-06", field="economy", tendency="concern", summary="x"))


def test_demo_office_is_realistic(demo_ctx):
    n = {t: demo_ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
         for t in ("collaborators", "opinions", "meetings", "topics")}
    assert 55 <= n["collaborators"] <= 70
    assert 1300 <= n["opinions"] <= 1700
    assert n["meetings"] >= 12 and n["topics"] >= 8
    months = demo_ctx.db.execute("SELECT count(DISTINCT substr(received_on, 1, 7)) FROM opinions").fetchone()[0]
    assert months >= 12
    hot = demo_ctx.db.execute("SELECT count(*) FROM topics WHERE status = 'hot'").fetchone()[0]
    assert hot >= 1


def test_demo_is_deterministic(demo_ctx, tmp_path):
    """Two builds with the same seed and day hold the same items and people: a build here against
    the session's demo template (tests/conftest.py builds it with the same arguments), which is
    the first of the two builds without paying for it again."""
    from app.demo import build_demo
    from tests.conftest import DEMO_TODAY, PASSPHRASE

    def digest(ctx):
        rows = ctx.db.execute("SELECT received_on, field, tendency, summary FROM opinions ORDER BY 1, 4").fetchall()
        names = ctx.db.execute("SELECT full_name FROM collaborators ORDER BY 1").fetchall()
        return rows, names

    again, _, _ = build_demo(tmp_path / "again.db", seed=2026, today=DEMO_TODAY, passphrase=PASSPHRASE)
    try:
        assert digest(again) == digest(demo_ctx)
    finally:
        again.close()
