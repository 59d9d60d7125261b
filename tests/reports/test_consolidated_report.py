"""The province's consolidated report as a head of the Ban Tuyên giáo và Dân vận reads it:
what arrived said plainly, one row per topic across communes, hot spots across communes,
no "0 ý kiến", no "ổn định" for a month whose reports are not in, at most 12 pages for
168 communes — and it goes through the register like any report (draft → sent)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from app.months import add_months
from app.opinions import items
from app.reports.compose import section_blocks
from app.reports.consolidated import sections
from app.reports.consolidated.topics import topic_key
from app.reports.document import Document, Header, Table, plain_text
from app.reports.period import period_of
from app.reports.prose.words import sentences
from app.reports.render_pdf import render_pdf
from tests.pdfread import open_pdf
from tests.reports.province_sample import build, fill

OCTOBER = period_of("monthly", date(2026, 10, 1))
ZERO = re.compile(r"(?<![\d.,])0+ (ý kiến|đơn vị|cộng tác viên|người|vấn đề)")


def _document(secs: list[dict]) -> Document:
    return Document(Header("TỈNH ỦY VĨNH LONG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Số      -BC/BTGDVTU",
                           "Vĩnh Long, ngày 25 tháng 11 năm 2026"), "BÁO CÁO", sections.subject(OCTOBER),
                    blocks=section_blocks(secs))


def _text(secs: list[dict]) -> str:
    return plain_text(_document(secs))


def test_names_the_communes_to_watch_and_merges_topics(tmp_path, passphrase_env):
    ctx, expect = build(tmp_path / "p.db", communes=40, per_commune=20)
    try:
        with ctx.transaction():     # enrolled, never sent anything: no report, no collaborator list
            ctx.db["peers"].insert({"unit_code": "86999", "name": "Xã Im Lặng", "role": "district",
                                    "sign_public_key": "-", "age_recipient": "-", "fingerprint": "-",
                                    "enrolled_on": "2026-01-01", "enrolled_by": "t"})
        secs = sections.build(ctx, OCTOBER, date(2026, 11, 25))
    finally:
        ctx.close()
    text = _text(secs)
    for group in ("hot", "overdue", "missing"):
        assert expect[group]
        for name in expect[group]:
            assert re.search(rf"{re.escape(name.removeprefix('Xã '))}(?!\d)", text), (group, name)
    assert "13.440" not in text and "tổng hợp 800 ý kiến" in text
    assert "Quá hạn nhưng chưa nhận được báo cáo của" in text
    assert "Còn 01 đơn vị chưa gửi danh sách cộng tác viên về Ban: xã Im Lặng." in text
    # One row per topic, whatever the spelling each commune gave it ("Hoá"/"HÓA", capitals).
    tables = [b for b in _document(secs).blocks if isinstance(b, Table)]
    topics = next(t for t in tables if "vấn đề dư luận" in t.caption)
    keys = [topic_key(r[0]) for r in topics.rows]
    assert len(keys) == len(set(keys)) == 7
    bill = next(r for r in topics.rows if topic_key(r[0]) == "hoa don tien dien tang")
    assert int(bill[2]) > 20    # odd and even communes spell it differently: merged, not two halves
    assert not any(r[0].isupper() for r in topics.rows)
    # A hot spot is a topic hot in several communes, with the communes named.
    assert "Bồi thường giải phóng mặt bằng: 06 đơn vị báo cáo là vấn đề nổi cộm" in text
    # Numbered as they come, with no gap: four tables, and one per field the kind declares reported.
    assert [t.caption[:7] for t in tables] == [f"Bảng {n}." for n in range(1, 5 + len(items.REPORTED))]
    said = sentences("\n".join(s["text"] for s in secs))
    assert not {s for s in said if said.count(s) > 1 and not s.startswith("- ")}
    for share in re.findall(r"(?:phần lớn|đa số) ý kiến [^()]*\((\d+(?:,\d+)?)%\)", text):
        assert float(share.replace(",", ".")) > 50
    assert not ZERO.search(text), ZERO.search(text)


def test_168_communes_fit_in_twelve_pages(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=168, per_commune=80)
    try:
        secs = sections.build(ctx, OCTOBER, date(2026, 11, 25))
    finally:
        ctx.close()
    pdf = open_pdf(render_pdf(_document(secs), []))
    assert pdf.page_count <= 12
    text = "\n".join(pdf[i].text() for i in range(pdf.page_count))
    assert not ZERO.search(text)
    assert text.count("Bồi thường giải phóng mặt bằng") < 8     # merged: not once per commune


def test_a_month_not_yet_due_is_never_called_stable(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=10)
    try:
        due_soon = sections.build(ctx, OCTOBER, date(2026, 11, 10))    # reports due on the 20th
        open_month = sections.build(ctx, OCTOBER, date(2026, 10, 20))   # the month itself not over
        empty = sections.build(ctx, period_of("monthly", date(2026, 9, 1)), date(2026, 11, 10))
        running = sections.build(ctx, period_of("monthly", date(2026, 11, 1)), date(2026, 11, 20))
    finally:
        ctx.close()
    for secs in (due_soon, open_month, empty):
        text = _text(secs)
        assert "ổn định" not in text and not ZERO.search(text)
    assert "Báo cáo tháng 10 năm 2026 của các đơn vị chưa đến hạn gửi (hạn ngày 20/11/2026)" in _text(due_soon)
    assert "số liệu tạm thời" in _text(due_soon) and "Ban chưa đánh giá tình hình chung" in _text(due_soon)
    assert "Tháng 10 năm 2026 chưa kết thúc" in _text(open_month)
    assert "Chưa có thông tin dư luận xã hội tháng 9 năm 2026" in _text(empty)
    # While a month's reports are coming in, no overdue stock is made of results not sent yet.
    assert "Chưa có số liệu về ý kiến quá hạn xử lý tháng 11 năm 2026" in _text(running)
    assert "quá hạn chưa có kết quả" not in _text(running) and "ổn định" not in _text(running)


def test_keywords_keep_the_clerks_accents(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=6, per_commune=40)
    try:
        words = sections.keywords(ctx, OCTOBER)
        texts = " ".join(r[0].lower() for r in ctx.db.execute("SELECT summary FROM opinions"))
    finally:
        ctx.close()
    for word in words:
        assert re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", texts), word


def test_province_office_takes_it_through_the_register(cli, tmp_path, passphrase_env):
    """`init --kind province --unit 86`, a month of communes' data, then draft → submit →
    approve → sign → sent with the CLI; `province report` is the same report, not a file aside."""
    from app.office import open_ctx

    env = {"DLXH_PASSPHRASE": passphrase_env}
    db = ["--db", str(tmp_path / "tinh.db")]
    assert cli(*db, "init", "--kind", "province", "--unit", "86", env=env).returncode == 0
    month = add_months(date.today().replace(day=1), -2)       # due last month: every report is in or late
    ctx = open_ctx(tmp_path / "tinh.db")
    try:
        fill(ctx, communes=8, per_commune=10, month=month)
    finally:
        ctx.close()
    done = cli(*db, "report", "draft", "--month", f"{month:%Y-%m}", env=env)
    assert done.returncode == 0, done.stderr
    # the Ban's own deadline comes after the communes' 20th: it sums their reports up
    assert f"Hạn gửi: 25/{add_months(month, 1):%m/%Y}" in done.stdout      # dates the user reads: dd/mm/yyyy
    report_id = done.stdout.strip().splitlines()[-1]
    out = tmp_path / "out"
    done = cli(*db, "province", "report", "--month", f"{month:%Y-%m}", "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == report_id and "Dùng dự thảo đã có" in done.stdout
    for step in ("submit", "approve"):
        done = cli(*db, "report", step, report_id, env=env)
        assert done.returncode == 0, (step, done.stderr)
    done = cli(*db, "report", "sign", report_id, "--signer", "Nguyễn Văn Bình", env=env)
    assert done.returncode == 0, done.stderr
    assert cli(*db, "report", "send", report_id, env=env).returncode == 0
    listed = cli(*db, "report", "list", env=env).stdout
    line = next(row for row in listed.splitlines() if row.startswith(report_id))
    assert " 1-BC " in line and "Đã gửi" in line and "tổng hợp tình hình dư luận xã hội" in line
    done = cli(*db, "report", "render", report_id, "--pdf", "--out", str(out), env=env)
    signed = Path(done.stdout.strip().splitlines()[-1])
    assert cli(*db, "report", "verify", str(signed), env=env).returncode == 0
    pdf = open_pdf(signed.read_bytes())
    text = "\n".join(pdf[i].text() for i in range(pdf.page_count))
    assert "Số 01-BC/BTGDVTU" in text and "TRƯỞNG BAN" in text and "Nguyễn Văn Bình" in text
    assert "Ban nhận được báo cáo" in text and "08 đơn vị" in text


def test_province_report_is_refused_at_a_commune(cli, tmp_path, passphrase_env):
    env = {"DLXH_PASSPHRASE": passphrase_env}
    db = ["--db", str(tmp_path / "xa.db")]
    assert cli(*db, "init", "--kind", "commune", "--unit", "29266", env=env).returncode == 0
    done = cli(*db, "province", "report", "--month", "2026-10", "--out", str(tmp_path), env=env)
    assert done.returncode == 1 and "Ban Tuyên giáo và Dân vận Tỉnh ủy" in done.stderr
    assert not list(Path(tmp_path).glob("*.pdf"))




def test_a_quarter_at_the_province_is_consolidated_too(tmp_path, passphrase_env):
    """Every periodic kind drafted at a province sums the communes up (the generic drafting
    listed each commune's copy of every topic): a quarter, its labels, one row per topic."""
    from app.reports import draft

    ctx, _ = build(tmp_path / "p.db", communes=10, per_commune=12)
    try:
        report = draft.draft_report(ctx, "quarterly", date(2026, 10, 1))
        secs = sections.build(ctx, period_of("quarterly", date(2026, 10, 1)), date(2027, 1, 25))
    finally:
        ctx.close()
    assert report.title == "tổng hợp tình hình dư luận xã hội các xã quý IV năm 2026"   # only xã in this province
    assert report.due_on == "2027-01-25"      # five days after the communes' 20 January, as for a month
    assert [s["key"] for s in report.sections] == list(sections.TITLES)
    text = _text(secs)
    assert "quý IV năm 2026" in text and "tháng trước" not in text and "của tháng" not in text
    # the quarter's months in words, a month without items said so, never "0 ý kiến"
    assert "Số ý kiến theo tháng: tháng 10 có 120 ý kiến của 10 đơn vị; tháng 11 và tháng 12 không có ý kiến nào." in text
    assert "Quá hạn nhưng chưa nhận được báo cáo của 10 đơn vị" in text    # no quarterly report came
    topics = next(b for b in _document(secs).blocks if isinstance(b, Table) and "vấn đề dư luận" in b.caption)
    assert len(topics.rows) == len({topic_key(r[0]) for r in topics.rows}) == 7
    assert "ổn định" not in text and not ZERO.search(text)


def test_a_month_not_yet_due_ends_with_proposals_to_a_body(tmp_path, passphrase_env):
    """FORMAT: the last part holds the proposals, each addressed to a named body. A month whose
    reports are not yet due ended with a statement ("- Ban tiếp tục theo dõi, tổng hợp …");
    what the Ban can honestly ask then is what keeps the next report short of data: the
    communes not enrolled for the exchange, those that sent no collaborator list."""
    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=10)
    november = period_of("monthly", date(2026, 11, 1))
    try:
        complete = sections.build(ctx, november, date(2026, 11, 20))
        with ctx.transaction():
            ctx.db.execute("INSERT INTO units (code, name, level, parent_code, origin, updated_at) "
                           "VALUES ('86999', 'Xã Chưa Đăng Ký', 'commune', '86', '86', '2026-01-01')")
        running = sections.build(ctx, november, date(2026, 11, 20))
        due_soon = sections.build(ctx, OCTOBER, date(2026, 11, 10))
    finally:
        ctx.close()
    # every commune enrolled and every list sent: nothing to ask, said as such
    last = next(s for s in complete if s["key"] == "proposals")["text"].splitlines()
    assert last[-1].startswith("Ban chưa có đề xuất, kiến nghị") and not any(x.startswith("- ") for x in last), last
    for secs in (running, due_soon):
        lines = next(s for s in secs if s["key"] == "proposals")["text"].splitlines()
        asked = [line for line in lines if line.startswith("- ")]
        bodies = ("Thường trực Tỉnh ủy", "Ban Tuyên giáo và Dân vận Trung ương", "Ủy ban nhân dân tỉnh")
        assert asked and all(line.startswith(tuple(f"- Đề nghị {b}" for b in bodies)) for line in asked), lines
        assert any("chưa đăng ký trao đổi dữ liệu" in line for line in asked), lines
        assert not any("tiếp tục theo dõi" in line for line in lines), lines
