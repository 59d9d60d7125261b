"""A month with one item reads as one item: its topic is named where it is treated in depth
(a lone topic has no "a)" heading), nothing is "các vấn đề" or "một số vấn đề", nothing
"gây bức xúc" when nobody was frustrated, and no share or change of share is computed on one
item ("100%", "tăng từ 48,2% lên 100%")."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.reports import draft
from app.reports.facts import gather


@pytest.fixture
def one_item(demo_ctx):
    today = date.today()
    month = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    key = f"{month:%Y-%m}"
    db = demo_ctx.db
    keep = db.execute("SELECT o.id FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE t.status = 'hot' "
                      "AND o.tendency = 'concern' AND substr(o.received_on, 1, 7) = ? ORDER BY o.id LIMIT 1",
                      [key]).fetchone()[0]
    db.execute("DELETE FROM opinions WHERE substr(received_on, 1, 7) = ? AND id <> ?", [key, keep])
    db.conn.commit()
    report = draft.draft_report(demo_ctx, "monthly", month)
    return report, gather(demo_ctx, draft.period_for(report))


def _section(report, key: str) -> str:
    return next(s["text"] for s in report.sections if s["key"] == key)


def test_the_lone_topic_is_named_where_it_is_treated(one_item):
    report, facts = one_item
    (topic,) = facts.topics
    issues = _section(report, "issues")
    in_depth = issues.split("2. Các vấn đề nổi bật được dư luận quan tâm\n", 1)[1]
    assert topic.title.lower() in in_depth.lower(), in_depth


def test_one_item_is_not_several_and_not_a_share(one_item):
    report, _ = one_item
    text = "\n".join(s["text"] for s in report.sections)
    assert "các vấn đề:" not in text and "một số vấn đề" not in text
    assert "bức xúc, tiềm ẩn" not in text and "gây bức xúc" not in _section(report, "general")
    general, issues = _section(report, "general"), _section(report, "issues")
    said = re.sub(r"(tăng|giảm) [\d.]+ ý kiến \([\d,]+%\)", "", general + issues)  # a change of count is no share
    assert not re.search(r"\d%", said), said
    assert "tăng từ" not in general and "giảm từ" not in general
    assert "Ý kiến thuộc lĩnh vực" in general and "nhiều nhất" not in general


def test_troubled_topics_are_counted(demo_ctx):
    """Six items, three worried on one topic and three frustrated on another: the mood names as
    many troubled topics as there are (hot spots and topics most of whose items are negative)."""
    today = date.today()
    key = f"{date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1):%Y-%m}"
    db = demo_ctx.db
    keep = []
    for field in ("economy", "defense_security"):
        topic = db.execute("SELECT o.topic_id FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE o.field = ? "
                           "AND substr(o.received_on, 1, 7) = ? AND t.status <> 'hot' GROUP BY 1 ORDER BY count(*) DESC "
                           "LIMIT 1", [field, key]).fetchone()[0]
        keep += [r[0] for r in db.execute("SELECT id FROM opinions WHERE topic_id = ? AND substr(received_on, 1, 7) = ? "
                                          "ORDER BY id LIMIT 3", [topic, key]).fetchall()]
        db.execute("UPDATE opinions SET tendency = ? WHERE topic_id = ? AND substr(received_on, 1, 7) = ?",
                   ["concern" if field == "economy" else "frustration", topic, key])
    db.execute(f"DELETE FROM opinions WHERE substr(received_on, 1, 7) = ? AND id NOT IN ({','.join('?' * len(keep))})",
               [key, *keep])
    db.conn.commit()
    report = draft.draft_report(demo_ctx, "monthly", date.fromisoformat(key + "-01"))
    facts = gather(demo_ctx, draft.period_for(report))
    troubled = {t.id for t in facts.topics if t.is_hot_spot or 2 * t.tendency.get("frustration", 0) > t.count}
    general = _section(report, "general")
    assert ("một số vấn đề" in general) == (len(troubled) > 1), (troubled, general)


def test_one_rising_topic_not_forwarded_is_one(demo_ctx):
    """'… là các vấn đề dư luận đang tăng nhưng chưa được chuyển xử lý' was said of one topic."""
    import dataclasses

    from app.reports.prose import pen_for
    from app.reports.prose.proposals import proposals

    month = date(date.today().year, date.today().month, 1)
    last = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
    facts = gather(demo_ctx, draft.period_for(draft.draft_report(demo_ctx, "monthly", last)))
    (t, *_) = [t for t in facts.topics if t.field == "economy"]
    rising = dataclasses.replace(t, status="watch", agencies=[], pending=0, overdue=0, pending_at={},
                                 high_risk=0, prev_count=5, count=20)
    lines = proposals(dataclasses.replace(facts, topics=[rising]), pen_for(facts))
    (line,) = [x for x in lines if "đang tăng" in x]
    assert "là vấn đề dư luận đang tăng" in line, line
