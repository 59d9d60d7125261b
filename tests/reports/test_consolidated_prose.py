"""The province's consolidated report names the communes that need attention — hot spots,
overdue handling, no report — and groups topics across communes, in the same prose rules."""

from __future__ import annotations

import re
from datetime import date

from app.exchange import consolidated
from app.reports.document import plain_text
from app.reports.prose.words import sentences
from tests.reports.province_sample import build


def test_consolidated_names_the_communes_to_watch(tmp_path, passphrase_env):
    ctx, expect = build(tmp_path / "p.db", communes=40, per_commune=20)
    try:
        doc = consolidated.draft(ctx, "2026-10", today=date(2026, 11, 25))
    finally:
        ctx.close()
    text = plain_text(doc)
    body = text.split("IV. ĐIỂM NÓNG", 1)[1]
    for group in ("hot", "overdue", "missing"):
        assert expect[group]
        for name in expect[group]:
            bare = name.removeprefix("Xã ")
            assert re.search(rf"{re.escape(bare)}(?!\d)", body), (group, name)
    assert "tổng hợp 800 ý kiến" in text and "Chưa nhận được báo cáo tháng của" in text
    assert "Bồi thường giải phóng mặt bằng: " in text and "phản ánh ở 40 đơn vị" in text
    said = sentences(text)
    assert not {s for s in said if said.count(s) > 1 and not s.startswith("- ")}
    for share in re.findall(r"(?:phần lớn|đa số) ý kiến [^()]*\((\d+(?:,\d+)?)%\)", text):
        assert float(share.replace(",", ".")) > 50
