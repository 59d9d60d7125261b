"""The consolidated quarterly and monthly reports' claims checked against their own figures
(the review of issue 21): months compared only like with like, a count of distorted items
with the communes where they were reported, group ranking from the groups' table with its
minimum size said, the overdue stock of a quarter still coming in, unit lists in Vietnamese
alphabetical order."""

from __future__ import annotations

import re
from datetime import date

from app import records
from app.ids import uuid7
from app.reports.compose import section_blocks
from app.reports.consolidated import actions, sections
from app.reports.consolidated.topics import topic_key
from app.reports.document import Paragraph
from app.reports.period import period_of
from app.text import vn_sort_key
from tests.reports.province_sample import build
from tests.reports.test_consolidated_report import _document, _text

Q4 = period_of("quarterly", date(2026, 10, 1))
OCTOBER = period_of("monthly", date(2026, 10, 1))


def _copy_to_november(ctx, origins: list[str]) -> None:
    """A few communes sent November early: their items, a month on, and their arrival."""
    rows = [dict(zip(("origin", "channel", "field", "topic_id", "summary", "tendency", "scale", "hotspot_risk",
                      "handling", "collaborator_id"), r, strict=True)) | {"received_on": "2026-11-10"}
            for r in ctx.db.execute("SELECT origin, channel, field, topic_id, summary, tendency, scale, hotspot_risk, "
                                    "handling, collaborator_id FROM opinions WHERE origin IN (?, ?)", origins)]
    with ctx.transaction():
        ctx.db["report_arrivals"].insert_all([{"report_id": uuid7(), "origin": o, "kind": "monthly",
                                               "period_start": "2026-11-01", "received_on": "2026-12-02",
                                               "package_seq": 2} for o in origins])
    records.bulk_insert(ctx, "opinions", rows, note="sample")


def test_a_month_not_due_is_provisional_and_never_in_a_trend(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=8)
    try:
        _copy_to_november(ctx, ["86000", "86001"])
        text = _text(sections.build(ctx, Q4, date(2026, 12, 7)))
    finally:
        ctx.close()
    assert "qua các tháng" not in text       # October (11 communes) against November's 2 early ones
    assert re.search(r"Tháng 11, số liệu tạm thời: \d+ ý kiến của 02 đơn vị \(đến ngày 07/12/2026, "
                     r"02/12 đơn vị đã gửi báo cáo tháng; hạn gửi ngày 20/12/2026\)", text), text
    assert "Tháng 12 chưa kết thúc" in text


def test_distorted_items_counted_with_the_communes_that_reported_them(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=30, per_commune=4)
    try:
        text = _text(sections.build(ctx, OCTOBER, date(2026, 11, 25)))
        m = re.search(r"định hướng về ([^:]+): trong tháng 10 năm 2026 có (\d+) ý kiến trái chiều, xuyên tạc về vấn đề này,? "
                      r"ở (\d+) đơn vị", text.replace("\n", " "))
        assert m, text
        title = m.group(1)
        rows = [o for t, o in ctx.db.execute(
            "SELECT t.title, o.origin FROM opinions o JOIN topics t ON t.id = o.topic_id "
            "WHERE o.tendency = 'distortion' AND o.received_on LIKE '2026-10-%'") if topic_key(t) == topic_key(title)]
        n, where = len(rows), len(set(rows))
    finally:
        ctx.close()
    assert (int(m.group(2)), int(m.group(3))) == (n, where)


def test_groups_ranked_from_their_table_and_small_ones_named(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=6, per_commune=30)
    try:
        person = {"id": uuid7(), "origin": "86000", "full_name": "Cộng tác viên 9", "status": "active",
                  "stratum": "religious", "area_code": "86000", "joined_on": "2026-01-01"}
        records.bulk_insert(ctx, "collaborators", [person], note="sample")
        topic = ctx.db.execute("SELECT id, field FROM topics WHERE origin = '86000' LIMIT 1").fetchone()
        records.bulk_insert(ctx, "opinions", [
            {"origin": "86000", "received_on": "2026-10-05", "channel": "direct", "field": topic[1],
             "topic_id": topic[0], "summary": f"Ý kiến {k}", "tendency": "frustration" if k < 2 else "concern",
             "scale": "medium", "hotspot_risk": "none", "handling": "new", "collaborator_id": person["id"]}
            for k in range(8)], note="sample")
        secs = sections.build(ctx, OCTOBER, date(2026, 11, 25))
    finally:
        ctx.close()
    text = _text(secs).replace("\n", " ")
    table = next(b for b in _document(secs).blocks if getattr(b, "caption", "").find("giai tầng") >= 0)
    rates = {r[0]: int(r[4].replace("–", "0")) / int(r[1]) for r in table.rows if int(r[1]) >= actions.MIN_GROUP}
    top = max(rates, key=rates.get)
    assert f"bức xúc, phản đối cao nhất ở nhóm {top[0].lower()}{top[1:]}" in text, text
    assert "có từ 10 ý kiến trở lên" in text
    assert "chưa đủ để so sánh tỷ lệ: tín đồ tôn giáo (08 ý kiến, 02 bức xúc, phản đối)" in text


def test_a_quarter_still_coming_in_gives_the_latest_overdue_stock(tmp_path, passphrase_env):
    ctx, expect = build(tmp_path / "p.db", communes=40, per_commune=5)
    try:
        text = _text(sections.build(ctx, Q4, date(2026, 11, 25))).replace("\n", " ")
    finally:
        ctx.close()
    late = set(expect["overdue"]) - set(expect["missing"])
    assert "Chưa có số liệu về ý kiến quá hạn" not in text
    assert re.search(rf"Tính đến ngày 31/10/2026, ở \d+ đơn vị đã gửi báo cáo tháng 10 năm 2026, còn "
                     rf"{len(late):02d} ý kiến đã chuyển nhưng quá hạn", text), text


def test_vietnamese_alphabetical_order():
    names = ["Bình Phước", "Bình Đại", "Châu Hưng", "Cái Nhum", "Đồng Khởi", "Thới Thuận", "Ô Môn", "Ông Bình",
             "Phường 10", "Phường 2", "An Bình", "Ấp Mới"]
    assert sorted(names, key=vn_sort_key) == ["An Bình", "Ấp Mới", "Bình Đại", "Bình Phước", "Cái Nhum", "Châu Hưng",
                                              "Đồng Khởi", "Ô Môn", "Ông Bình", "Phường 2", "Phường 10", "Thới Thuận"]


def test_network_tables_and_proposals_say_whose_figures_they_are(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=6)
    try:
        with ctx.transaction():     # enrolled, no collaborator list yet
            ctx.db["peers"].insert({"unit_code": "86999", "name": "Xã Im Lặng", "role": "district",
                                    "sign_public_key": "-", "age_recipient": "-", "fingerprint": "-",
                                    "enrolled_on": "2026-01-01", "enrolled_by": "t"})
        secs = sections.build(ctx, OCTOBER, date(2026, 11, 10))     # reports due on 20/11
    finally:
        ctx.close()
    text = _text(secs).replace("\n", " ")
    assert "Toàn tỉnh" not in text and "thẻ định danh" not in text
    assert "Ở 12 đơn vị đã gửi danh sách cộng tác viên về Ban (trong 13 đơn vị đã đăng ký trao đổi dữ liệu)" in text
    assert re.search(r"\d+ cộng tác viên của 12 đơn vị có số liệu gửi thông tin", text), text
    captions = [b.caption for b in _document(secs).blocks if getattr(b, "caption", "")]
    assert captions and all("tháng 10 năm 2026 (số liệu tạm thời của 12/13 đơn vị, đến ngày 10/11/2026)" in c
                            for c in captions), captions


def test_the_signature_names_the_signer_or_shows_that_one_is_missing(tmp_path, passphrase_env):
    from app import settings
    from app.reports import draft
    from app.reports.compose import document_for
    from app.reports.signer import NO_SIGNER

    ctx, _ = build(tmp_path / "p.db", communes=4, per_commune=4)
    try:
        nameless = document_for(ctx, draft.draft_report(ctx, "monthly", date(2026, 10, 1)))
        settings.put(ctx, "report_signer_name", "Nguyễn Thị Thanh Hà")
        named = document_for(ctx, draft.draft_report(ctx, "quarterly", date(2026, 10, 1)))
    finally:
        ctx.close()
    assert nameless.signatures[0].title == "TRƯỞNG BAN" and nameless.signatures[0].name == NO_SIGNER
    assert named.signatures[0].name == "Nguyễn Thị Thanh Hà"


def test_the_annual_report_ends_with_next_years_direction_and_tasks(tmp_path, passphrase_env):
    ctx, expect = build(tmp_path / "p.db", communes=12, per_commune=6)
    try:
        secs = sections.build(ctx, period_of("annual", date(2026, 1, 1)), date(2026, 12, 7))
        quarter = sections.build(ctx, Q4, date(2026, 12, 7))
    finally:
        ctx.close()
    last = secs[-1]
    assert (last["key"], last["title"]) == ("directions", "Phương hướng, nhiệm vụ năm 2027")
    assert last["text"].startswith("Năm 2027, Ban Tuyên giáo và Dân vận Tỉnh ủy tập trung thực hiện các nhiệm vụ sau:")
    assert "\n- Tiếp tục nắm chắc tình hình" in last["text"] and "đã chuyển nhưng quá hạn" in last["text"]
    assert quarter[-1]["key"] == "proposals"
    blocks = section_blocks(secs)     # every task a paragraph, none printed as a bold heading
    tasks = blocks[[i for i, b in enumerate(blocks) if "PHƯƠNG HƯỚNG" in getattr(b, "text", "").upper()][-1] + 1:]
    assert len(tasks) >= 4 and all(isinstance(b, Paragraph) for b in tasks), tasks


def test_keywords_are_the_provinces_not_one_topic_of_a_few_communes(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=10, month=date(2026, 9, 1))
    try:
        topic = ctx.db.execute("SELECT id, field, origin FROM topics WHERE origin IN ('86000', '86001', '86002')"
                               ).fetchall()
        rows = [{"origin": origin, "received_on": "2026-10-06", "channel": "direct", "field": fld, "topic_id": tid,
                 "summary": f"Hộ dân phản ánh việc kiểm đếm tài sản khi thi công tuyến đường chưa công khai {origin}-{k}.",
                 "tendency": "concern", "scale": "medium", "hotspot_risk": "none", "handling": "new"}
                for tid, fld, origin in topic for k in range(4)]
        rows += [{"origin": f"86{i:03d}", "received_on": "2026-10-08", "channel": "direct", "field": "economy",
                  "topic_id": None, "summary": f"Nhiều người bị lừa đảo qua tin nhắn giả danh ngân hàng {i}-{k}.",
                  "tendency": "concern", "scale": "medium", "hotspot_risk": "none", "handling": "new"}
                 for i in range(12) for k in range(2)]
        records.bulk_insert(ctx, "opinions", rows, note="sample")
        words = sections.keywords(ctx, OCTOBER)
    finally:
        ctx.close()
    assert words and not {"kiểm đếm", "thi công", "tuyến đường"} & set(words), words


def test_the_title_names_the_kinds_of_units_the_province_has(tmp_path, passphrase_env):
    from app.office import add_unit
    from app.reports import draft

    ctx, _ = build(tmp_path / "p.db", communes=3, per_commune=2)
    try:
        add_unit(ctx, "86901", "Phường Thử Nghiệm", "commune", "86")
        report = draft.draft_report(ctx, "monthly", date(2026, 10, 1))
    finally:
        ctx.close()
    assert report.title == "tổng hợp tình hình dư luận xã hội các xã, phường tháng 10 năm 2026"   # no đặc khu here


def test_each_topic_has_its_heading_and_its_paragraph(tmp_path, passphrase_env):
    from app.reports.document import Heading

    ctx, _ = build(tmp_path / "p.db", communes=4, per_commune=3)
    try:
        blocks = section_blocks(sections.build(ctx, OCTOBER, date(2026, 11, 25)))
    finally:
        ctx.close()
    points = [i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 3]
    assert len(points) == 5
    for i in points:      # a heading is the topic's title only; its figures are the paragraph under it
        assert "ý kiến" not in blocks[i].text and isinstance(blocks[i + 1], Paragraph), blocks[i]
        assert blocks[i + 1].text.startswith("Có ") and " ý kiến" in blocks[i + 1].text


def test_a_month_against_the_last_counts_the_same_communes(tmp_path, passphrase_env):
    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=8)
    try:     # September: only six of the twelve communes had sent anything
        rows = [dict(zip(("origin", "channel", "field", "topic_id", "summary", "tendency", "scale", "hotspot_risk",
                          "handling"), r, strict=True)) | {"received_on": "2026-09-10"}
                for r in ctx.db.execute("SELECT origin, channel, field, topic_id, summary, tendency, scale, "
                                        "hotspot_risk, handling FROM opinions WHERE origin < '86006'")]
        records.bulk_insert(ctx, "opinions", rows, note="sample")
        text = _text(sections.build(ctx, OCTOBER, date(2026, 11, 25))).replace("\n", " ")
    finally:
        ctx.close()
    # 96 items against 48 would read as a doubling; over the same six communes it is 48 against 48
    assert "so sánh trên cùng 06 đơn vị có số liệu cả hai tháng, số ý kiến bằng tháng trước" in text, text
    assert "so với tháng trước," not in text    # each topic too: its figure over the same communes, said so
    assert re.search(r"; tính trên các đơn vị có số liệu cả hai tháng, (bằng tháng trước|(tăng|giảm) \d+ ý kiến "
                     r"\([\d,]+%\) so với tháng trước)\.", text), text
