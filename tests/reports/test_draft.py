"""Drafting from the demo office's data; edits survive regeneration unless discarded."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.reports import draft, register, store
from app.reports.facts import gather
from app.reports.period import Period, due_date, period_of


def _month(ctx) -> date:
    """The last full month of the demo data."""
    today = date.today().replace(day=1)
    return period_of("monthly", date.fromordinal(today.toordinal() - 1)).start


def test_monthly_sections_follow_format(demo_ctx):
    report = draft.draft_report(demo_ctx, "monthly", _month(demo_ctx))
    assert [s["title"] for s in report.sections] == [t for _k, t in draft.SECTIONS]
    assert report.title.startswith("tình hình tư tưởng, tâm trạng và dư luận xã hội tháng ")
    general = report.sections[0]
    facts = gather(demo_ctx, draft.period_for(report))
    assert facts.total > 50
    assert f"phản ánh {facts.total:,} ý kiến".replace(",", ".") in general["text"]
    assert general["table"]["rows"][-1][1] == str(facts.total)
    assert sum(map(sum, general["chart"]["values"])) == facts.total
    assert "so với tháng trước" in general["text"]
    issues = report.sections[1]["text"]
    assert all(t.title.lower() in issues.lower() for t in facts.topics)
    assert "hội nghị giao ban" in report.sections[4]["text"]
    assert report.due_on == due_date(demo_ctx, draft.period_for(report)).isoformat()
    assert report.due_on.endswith("-20")


def test_numbers_written_the_vietnamese_way(demo_ctx):
    report = draft.draft_report(demo_ctx, "annual", _month(demo_ctx))
    text = report.sections[0]["text"]
    facts = gather(demo_ctx, draft.period_for(report))
    assert facts.total >= 1000
    assert f"{facts.total // 1000}.{facts.total % 1000:03d} ý kiến" in text
    assert "%" in text and "," in text.split("%")[0][-4:]


def test_edit_survives_regeneration_unless_discarded(demo_ctx):
    report = draft.draft_report(demo_ctx, "monthly", _month(demo_ctx))
    generated = report.sections[5]["text"]
    draft.edit_section(demo_ctx, report.id, "proposals", "Dự báo do cán bộ viết lại.")
    again = draft.regenerate(demo_ctx, report.id)
    assert again.sections[5]["text"] == "Dự báo do cán bộ viết lại." and again.sections[5]["edited"]
    assert again.sections[0]["edited"] is False
    fresh = draft.regenerate(demo_ctx, report.id, discard_edits=True)
    assert fresh.sections[5]["text"] == generated and not fresh.sections[5]["edited"]


def test_edited_section_of_an_older_layout_is_kept(demo_ctx):
    report = draft.draft_report(demo_ctx, "monthly", _month(demo_ctx))
    report.sections.append({"key": "forecast", "title": "Dự báo tình hình", "text": "Bản viết tay.", "edited": True})
    store.save(demo_ctx, report)
    again = draft.regenerate(demo_ctx, report.id)
    assert again.sections[-1]["text"] == "Bản viết tay." and len(again.sections) == len(draft.SECTIONS) + 1


def test_other_kinds_use_the_same_machinery(demo_ctx):
    anchor = _month(demo_ctx)
    done = period_of("quarterly", anchor).previous()  # a quarter that is over, its previous one in the data
    quarter = draft.draft_report(demo_ctx, "quarterly", done.start)
    assert "quý " in quarter.title and "so với quý trước" in quarter.sections[0]["text"]
    half = draft.draft_report(demo_ctx, "half_year", anchor)
    assert "6 tháng" in half.title
    adhoc = draft.draft_report(demo_ctx, "adhoc", start=anchor, end=anchor.replace(day=10),
                               topic="vụ việc tại xã An Trường")
    assert adhoc.title == "tình hình dư luận xã hội về vụ việc tại xã An Trường" and adhoc.due_on is None
    with pytest.raises(ValidationError):
        draft.draft_report(demo_ctx, "thematic", start=anchor, end=anchor)


def test_empty_period_still_reads(empty_ctx):
    report = draft.draft_report(empty_ctx, "monthly", date(2026, 3, 1))
    assert "chưa ghi nhận thông tin dư luận xã hội nào" in report.sections[0]["text"]
    assert report.due_on == "2026-04-20"


def test_period_labels():
    assert period_of("quarterly", date(2024, 8, 3)).label == "quý III năm 2024"
    assert period_of("half_year", date(2024, 8, 3)).label == "6 tháng cuối năm 2024"
    assert period_of("monthly", date(2024, 1, 9)).previous().label == "tháng 12 năm 2023"
    assert Period("adhoc", date(2024, 1, 1), date(2024, 1, 10)).previous().end == date(2023, 12, 31)


def test_signed_report_is_frozen(demo_ctx):
    sent = [r for r in store.list_reports(demo_ctx) if r.status == "sent"][0]
    with pytest.raises(ValidationError, match="phiên bản mới"):
        draft.edit_section(demo_ctx, sent.id, "proposals", "sửa lén")
    new = register.new_version(demo_ctx, sent.id)
    assert new.status == "draft" and new.supersedes == sent.id and new.number is None
    draft.edit_section(demo_ctx, new.id, "proposals", "Bản sửa.")
    assert store.get(demo_ctx, sent.id).sections == sent.sections
