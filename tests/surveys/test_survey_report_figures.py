"""The survey report's figures, read back from the rendered DOCX: the margin the text states
covers every ± a table prints, the text quotes the same rounded shares the tables show (and they
add up), multiple-choice questions are read as shares of respondents (no "phần lớn"), and the
assessment section does not repeat the findings."""

from __future__ import annotations

import re

from docx import Document as read_docx

from app.surveys import report

NUM = r"(\d+(?:,\d+)?)"


def _num(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").strip(" %±"))


def _read(ctx, tmp_path) -> tuple[list[str], list[tuple[str, list[list[str]]]]]:
    """The body's paragraphs, and each table with the caption paragraph before it."""
    survey_id = ctx.db.execute("SELECT id FROM surveys WHERE title LIKE 'Thăm dò%'").fetchone()[0]
    files = report.render(ctx, survey_id, tmp_path, pdf=False)
    doc = read_docx(str(files[0]))
    paragraphs, tables, last = [], [], ""
    body = doc.element.body
    by_element = {t._tbl: t for t in doc.tables}
    by_para = {p._p: p for p in doc.paragraphs}
    for child in body.iterchildren():
        if child in by_para:
            text = " ".join(by_para[child].text.split())
            if text:
                paragraphs.append(text)
                last = text
        elif child in by_element:
            rows = [[" ".join(c.text.split()) for c in r.cells] for r in by_element[child].rows]
            tables.append((last, rows))
    return paragraphs, tables


def _question_tables(tables) -> dict[int, list[list[str]]]:
    out = {}
    for caption, rows in tables:
        found = re.match(r"Bảng \d+\. Câu (\d+):", caption)
        if found:
            out[int(found.group(1))] = rows
    return out


def test_the_stated_margin_covers_every_margin_printed(demo_ctx, tmp_path):
    paragraphs, tables = _read(demo_ctx, tmp_path)
    method = next(p for p in paragraphs if p.startswith("Đã thu ") and "Sai số tối đa" in p)
    whole = _num(re.search(rf"±{NUM}(?:%| điểm phần trăm) trên toàn mẫu", method).group(1))
    per_question = {int(q): _num(x) for x, q in re.findall(rf"±{NUM} điểm ở câu (\d+)", method)}
    overall = max(_num(x) for x in re.findall(rf"±{NUM}", method))
    everything = []
    for no, rows in _question_tables(tables).items():
        margins = [_num(r[-1]) for r in rows[1:] if r[-1].startswith("±")]
        assert margins, no
        everything += margins
        assert max(margins) <= per_question.get(no, whole), (no, max(margins), per_question, whole)
    for _caption, rows in tables:
        everything += [_num(c) for r in rows[1:] for c in r if c.startswith("±")]
    assert max(everything) == overall


def test_text_quotes_the_rounded_shares_the_tables_show(demo_ctx, tmp_path):
    paragraphs, tables = _read(demo_ctx, tmp_path)
    questions = _question_tables(tables)
    likert_no = next(no for no, rows in questions.items() if len(rows) == 6 and "Phân vân" in rows[3][0])
    shares = [_num(r[2]) for r in questions[likert_no][1:]]
    agree, disagree = shares[3] + shares[4], shares[0] + shares[1]
    said = next(p for p in paragraphs if "đồng ý hoặc hoàn toàn đồng ý" in p)
    assert said.startswith(f"{agree:.1f}".replace(".", ",") + "% đồng ý hoặc hoàn toàn đồng ý")
    assert f"{disagree:.1f}".replace(".", ",") + "% không đồng ý" in said
    for no, rows in questions.items():
        reading = paragraphs[paragraphs.index(next(p for p in paragraphs if p.startswith(f"{no + 1}. Câu {no}:"))) + 1]
        if "chọn nhiều phương án" in reading:
            continue
        assert round(sum(_num(r[2]) for r in rows[1:]), 1) == 100.0, (no, rows)
        answered = re.search(r"; (\d+) người trả lời câu này(?: \(sau gia quyền tương đương (\d+) phiếu\))?", reading)
        assert answered, reading
        assert sum(int(_num(r[1])) for r in rows[1:]) == int(answered.group(2) or answered.group(1)), (no, rows)


def test_multiple_choice_is_read_as_shares_of_respondents(demo_ctx, tmp_path):
    paragraphs, tables = _read(demo_ctx, tmp_path)
    multiple = [i for i, p in enumerate(paragraphs) if "chọn nhiều phương án" in p and "Câu" not in p[:8]]
    assert multiple
    for i in multiple:
        heading, reading = paragraphs[i - 1], paragraphs[i]
        assert " nhất " not in heading, heading            # "the most" cannot be a multiple choice
        assert not re.search(r"phần lớn|đa số|khoảng một nửa", reading, re.I), reading
        assert "tổng các tỷ lệ vượt 100%" in reading


def test_the_assessment_does_not_repeat_the_findings(demo_ctx, tmp_path):
    paragraphs, _tables = _read(demo_ctx, tmp_path)
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("IV."))
    findings, assessment = paragraphs[:start], paragraphs[start:]
    sentences = {s.strip() for p in findings for s in re.split(r"[.;:]\s", p) if len(s.strip()) > 30}
    repeated = [s for p in assessment for s in sentences if s in p]
    assert not repeated, repeated
    assert sum("Sai số tối đa" in p for p in paragraphs) == 1


def test_shares_are_rounded_once_and_add_up():
    """Over generated answers, a single-choice table's printed shares add to 100,0 % and its
    counts to its (weighted) respondents, each within rounding of its exact value."""
    import random

    from app.surveys import shown, stats

    rng = random.Random(7)
    for _ in range(300):
        k = rng.randint(2, 7)
        values = [rng.choice([*range(1, k + 1), None]) for _ in range(rng.randint(1, 80))]
        weights = [rng.uniform(0.3, 2.5) for _ in values]
        f = stats.frequencies(values, [(i, f"P{i}") for i in range(1, k + 1)], weights)
        printed = shown.rows(f)
        if not f.n:
            continue
        assert round(sum(r.share for r in printed), 1) == 100.0
        assert sum(r.count for r in printed) == round(f.base)
        for exact, r in zip(f.rows, printed, strict=True):
            assert abs(exact.percent - r.share) < 0.1 + 1e-9 and abs(exact.count - r.count) < 1
