"""Keywords are Vietnamese words: segmentation by longest match against the shipped word list,
tone placement normalised, no syllable pair across a word boundary, accents as typed — in the
segmenter, in the keywords of a month, a topic and a stream, and in the rendered report."""

from __future__ import annotations

from datetime import date

from app.analytics import keywords, segment, streams, synonyms
from app.reports import register
from app.reports.draft import draft_report
from app.text import fold
from tests.pdfread import open_pdf


def test_words_never_cross_a_word_boundary():
    assert segment.segment("Hóa đơn tiền điện tăng cao") == ["Hóa đơn", "tiền điện", "tăng", "cao"]
    words = segment.segment("Khói lò than củi ảnh hưởng sức khỏe người dân")
    assert "ảnh hưởng" in words and "sức khỏe" in words
    joined = [f" {w} " for w in words]
    for pair in ("đơn tiền", "củi ảnh", "hưởng sức"):
        assert not any(f" {pair} " in w for w in joined), pair


def test_tone_placement_is_one_word_and_the_typed_accents_stay():
    assert segment.key("hoá đơn") == segment.key("hóa đơn") and segment.key("khoẻ") == segment.key("khỏe")
    assert segment.key("hóa") != segment.key("hoa") and segment.key("hỏa") != segment.key("hóa")
    assert segment.segment("Hoá đơn") == ["Hoá đơn"] and segment.segment("sức khoẻ") == ["sức khoẻ"]


def test_punctuation_and_numbers_cut_words():
    assert segment.segment("hóa, đơn") == ["hóa", "đơn"]
    assert segment.segment("tiền 10 điện") == ["tiền", "điện"]


def _words_of_texts(texts: list[str]) -> set[str]:
    extra = tuple(p for g in synonyms.builtin_groups() for p in g)
    return {w.lower() for t in texts for w in segment.segment(t, extra)}


def _check(found: list[str], texts: list[str]) -> None:
    """Every keyword is one word of some text as a clerk typed it (accents included)."""
    words = _words_of_texts(texts)
    for k in found:
        assert k.lower() in words, (k, found)
        if fold(k) != k:
            continue
        assert not any(fold(w) == k and w != k for w in words), f"{k} shown without its accents"


def test_keywords_of_months_topics_and_streams_are_words(demo_ctx):
    db = demo_ctx.db
    months = [r[0] for r in db.execute("SELECT DISTINCT substr(received_on, 1, 7) FROM opinions ORDER BY 1")]
    for month in months[-3:]:
        texts = [r[0] for r in db.execute("SELECT summary FROM opinions WHERE substr(received_on, 1, 7) = ?",
                                          [month])]
        found = keywords.month_keywords(demo_ctx, month)
        assert found, month
        _check(found, texts)
    for (topic_id,) in db.execute("SELECT id FROM topics").fetchall():
        texts = [r[0] for r in db.execute("SELECT summary FROM opinions WHERE topic_id = ?", [topic_id])]
        _check(keywords.topic_keywords(demo_ctx, topic_id), texts)
    seen = 0
    for month in months[-3:]:
        for s in streams.streams(demo_ctx, month):
            texts = [r[0] for r in db.execute(
                f"SELECT summary FROM opinions WHERE id IN ({','.join('?' * len(s.item_ids))})", s.item_ids)]
            _check(s.keywords, texts)
            seen += 1
    assert seen


def test_keywords_in_the_rendered_monthly_report_are_words(demo_ctx):
    # the month where the demo's electricity-bill stream ("hóa đơn tiền điện") is densest
    month = demo_ctx.db.execute("SELECT substr(received_on, 1, 7) FROM opinions WHERE summary LIKE '%tiền điện%' "
                                "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    report = draft_report(demo_ctx, "monthly", date.fromisoformat(f"{month}-01"))
    _docx, pdf = register.render_files(demo_ctx, report.id)
    text = " ".join(" ".join(p.text().split()) for p in open_pdf(pdf))
    line = text.split("Các từ khóa nổi bật trong tháng:")[1].split(".")[0]
    shown = [w.strip() for w in line.split(",")]
    texts = [r[0] for r in demo_ctx.db.execute("SELECT summary FROM opinions WHERE received_on LIKE ?", [f"{month}-%"])]
    assert shown
    for pair in ("đơn tiền", "củi ảnh", "hưởng sức"):
        assert pair not in shown
    _check(shown, texts)


def test_a_months_keywords_are_words_of_many_items_and_of_its_main_topics(demo_ctx):
    """Weighed by the items they occur in (not by one stray comment), content words of two
    syllables or more, and the month's largest topic is among them."""
    db = demo_ctx.db
    months = [r[0] for r in db.execute("SELECT DISTINCT substr(received_on, 1, 7) FROM opinions ORDER BY 1")]
    for month in months[-3:]:
        texts = list(dict.fromkeys(r[0] for r in db.execute(
            "SELECT summary FROM opinions WHERE substr(received_on, 1, 7) = ?", [month])))
        items = [{w.lower() for w in segment.segment(t)} for t in texts]
        found = keywords.month_keywords(demo_ctx, month)
        assert found, month
        for k in found:
            assert " " in k and k not in ("ghi", "nhỏ", "lấy", "gấp"), (month, k)
            assert sum(k.lower() in words for words in items) >= 4, (month, k, found)
        (top,) = db.execute("SELECT topic_id FROM opinions WHERE substr(received_on, 1, 7) = ? AND topic_id IS NOT "
                            "NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", [month]).fetchone()
        of_top = {w.lower() for (t,) in db.execute("SELECT summary FROM opinions WHERE topic_id = ? AND "
                                                   "substr(received_on, 1, 7) = ?", [top, month])
                  for w in segment.segment(t)}
        assert any(k.lower() in of_top for k in found), (month, found)


def test_a_months_keywords_name_its_subjects_not_what_was_said_of_one_topic(demo_ctx):
    """A keyword whose items are mostly filed under one topic is a word of that topic's title,
    at most PER_TOPIC come from one topic, and none is a verb that names no subject
    ("nhận biết", "tuyên truyền", "vi phạm" were keywords of the demo's months)."""
    db = demo_ctx.db
    months = [r[0] for r in db.execute("SELECT DISTINCT substr(received_on, 1, 7) FROM opinions ORDER BY 1")]
    titles = {i: {w.lower() for w in segment.segment(t)} for i, t in db.execute("SELECT id, title FROM topics")}
    for month in months[-4:]:
        items = [({w.lower() for w in segment.segment(s)}, t) for s, t in db.execute(
            "SELECT summary, topic_id FROM opinions WHERE substr(received_on, 1, 7) = ?", [month])]
        found = keywords.month_keywords(demo_ctx, month)
        per_topic: dict = {}
        for k in found:
            assert k.lower() not in ("nhận biết", "tuyên truyền", "vi phạm", "công khai", "bố trí"), (month, found)
            filed = [t for words, t in items if k.lower() in words]
            main = max(set(filed), key=lambda t: (filed.count(t), t is not None))
            if main is not None:
                assert k.lower() in titles[main], (month, k, found)
                per_topic[main] = per_topic.get(main, 0) + 1
        assert max(per_topic.values(), default=0) <= keywords.PER_TOPIC, (month, found)
