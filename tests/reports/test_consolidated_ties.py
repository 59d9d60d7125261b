"""The province's consolidated report names ties as ties, as the commune's does: a topic or a
field whose two (or three) tendencies have the same count is not "ý kiến A chiếm tỷ lệ cao
nhất", and "diễn biến phức tạp ở một số địa phương" needs frustrated or distorted items in more
than one commune."""

from __future__ import annotations

import re
from datetime import date

from app.reports import wording
from app.reports.consolidated import facts as cfacts
from app.reports.consolidated import sections
from app.reports.period import period_of
from tests.reports.province_sample import build
from tests.reports.test_consolidated_report import _text

OCTOBER = period_of("monthly", date(2026, 10, 1))


def _october(tmp_path):
    """The sample province's October: its facts and its report's text on one line."""
    ctx, _ = build(tmp_path / "p.db", communes=3, per_commune=4)
    try:
        today = date(2026, 12, 7)
        return cfacts.gather(ctx, OCTOBER, today), " ".join(_text(sections.build(ctx, OCTOBER, today)).split())
    finally:
        ctx.close()


def test_ties_are_ties_and_troubled_places_are_counted(tmp_path, passphrase_env):
    f, text = _october(tmp_path)
    tied = [t for t in f.topics if len(wording.leaders(t.tendency)) > 1 and t.count >= wording.FEW_ITEMS]
    assert tied, "the sample should hold a topic with tied tendencies"
    for t in tied:
        para = re.split(r" [a-k]\) ", text.split(f") {t.title} ", 1)[1])[0]
        assert "chiếm tỷ lệ cao nhất" not in para and "ngang nhau" in para, (t.title, para)
    from app.reports.prose.words import field_name

    for code, n in f.by_field.items():
        mix = {k: f.cells.get((code, k), 0) for k in ("support", "concern", "frustration", "distortion")}
        if n >= wording.FEW_ITEMS and len(wording.leaders(mix)) > 1:
            line = text.split(f"- Lĩnh vực {field_name(code)}: ", 1)[1].split(" - ")[0]
            assert "ngang nhau" in line and "cao nhất" not in line, line
    troubled = [u for u in f.units if u.negative]
    if "phức tạp ở một số địa phương" in text:
        assert len(troubled) > 1, [u.name for u in troubled]


def test_the_central_is_asked_about_distortion_only_with_something_to_pass_on(tmp_path, passphrase_env):
    """One distorting item in one commune is no matter for the Central Ban: it takes at least
    FEW_ITEMS items from two communes."""
    f, text = _october(tmp_path)
    asked = re.search(r"Trung ương kịp thời cung cấp thông tin định hướng về (.+?): trong", text)
    worth = [t for t in f.topics if t.tendency.get("distortion", 0) >= wording.FEW_ITEMS
             and t.tendency_units.get("distortion", 0) >= 2]
    assert bool(asked) == bool(worth), (asked and asked.group(1), [t.title for t in worth])
