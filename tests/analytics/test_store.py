"""Analytics on the real demo store: suggestion, similar items, duplicates, streams, keywords,
synonyms kept in the encrypted settings."""

import pytest

from app.analytics import keywords, similar, streams, suggest, synonyms
from app.errors import ValidationError


def _topic_id(ctx, like):
    return ctx.db.execute("SELECT id FROM topics WHERE title LIKE ?", [like]).fetchone()[0]


def test_suggest_ranks_the_compensation_topic_first(demo_ctx):
    found = suggest.suggest(demo_ctx, "Bà con chưa đồng ý mức đền bù đất khi làm đường")
    assert found and found[0].title.startswith("Bồi thường")
    assert "ý kiến" in found[0].reason or "gần với" in found[0].reason
    assert suggest.suggest(demo_ctx, "ngắn") == []


def test_similar_items_share_the_issue(demo_ctx):
    item = demo_ctx.db.execute("SELECT id FROM opinions WHERE summary LIKE '%tiền điện tăng vọt%' LIMIT 1").fetchone()[0]
    found = similar.similar(demo_ctx, item)
    assert found and all(f.id != item for f in found)
    assert any("điện" in f.summary for f in found[:3])
    assert found == sorted(found, key=lambda f: -f.score)


def test_duplicate_of_the_same_collaborator_is_found(demo_ctx):
    row = demo_ctx.db.execute("SELECT id, summary, collaborator_id FROM opinions WHERE collaborator_id IS NOT NULL "
                              "LIMIT 1").fetchone()
    dups = similar.duplicates(demo_ctx, row[1] + " ", row[2], None)
    assert dups and dups[0].id == row[0] and dups[0].score > 0.8
    assert similar.duplicates(demo_ctx, row[1], None, None) == []


def test_demo_has_an_emerging_stream_and_one_click_makes_it_a_topic(demo_ctx):
    flagged = [s for s in streams.recent(demo_ctx) if s.warning]
    power = next(s for s in flagged if "tiền điện" in s.keywords or "hóa đơn" in s.keywords)
    assert len(power.areas) >= 3 and power.samples
    topic = streams.create_topic(demo_ctx, power.period, power.key)
    linked = demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE topic_id = ?", [topic.id]).fetchone()[0]
    assert linked == power.size
    assert all(s.key != power.key for s in streams.recent(demo_ctx))


def test_streams_refuse_a_bad_month(demo_ctx):
    with pytest.raises(ValidationError):
        streams.streams(demo_ctx, "2026-13")


def test_keywords_of_a_topic_and_a_month(demo_ctx):
    words = keywords.topic_keywords(demo_ctx, _topic_id(demo_ctx, "Bồi thường%"))
    assert words and any("bồi thường" in w or "mặt bằng" in w or "định cư" in w for w in words)
    recent = demo_ctx.db.execute("SELECT substr(max(received_on), 1, 7) FROM opinions").fetchone()[0]
    assert isinstance(keywords.month_keywords(demo_ctx, recent), list)


def test_user_synonyms_live_in_the_store_and_change_matching(demo_ctx):
    synonyms.add(demo_ctx, "tiền điện = hóa đơn điện")
    assert "tiền điện = hóa đơn điện" in synonyms.user_lines(demo_ctx)
    assert "tien dien" in synonyms.processor(demo_ctx).canonical("hóa đơn điện cao")
    with pytest.raises(ValidationError):
        synonyms.add(demo_ctx, "chỉ một cụm")
    synonyms.remove(demo_ctx, "tiền điện = hóa đơn điện")
    assert synonyms.user_lines(demo_ctx) == []


def test_streams_asked_again_before_any_write_are_not_computed_again(demo_ctx):
    """Tổng quan asks for the streams each time it is shown: the same answer until something is
    written, then a fresh one that sees the write."""
    from dataclasses import replace

    from app.opinions import items

    first = streams.recent(demo_ctx)
    read: list[str] = []
    demo_ctx.db.conn.set_trace_callback(read.append)
    try:
        assert streams.recent(demo_ctx) == first
    finally:
        demo_ctx.db.conn.set_trace_callback(None)
    assert not any("FROM opinions" in sql for sql in read), read
    stream = first[0]
    topic = _topic_id(demo_ctx, "%")
    for item_id in stream.item_ids:
        items.update(demo_ctx, replace(items.get(demo_ctx, item_id), topic_id=topic))
    assert all(s.key != stream.key for s in streams.recent(demo_ctx))
