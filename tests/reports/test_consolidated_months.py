"""The months' table of the province's quarterly, half-year and annual report (issue 21 point 4
at the province): each month named, a month not over marked with its cut-off, a month whose
communes' reports are not yet due marked provisional and kept out of any trend — the same table
a commune's periodic report shows (app.reports.months_table)."""

from __future__ import annotations

from datetime import date

from app import catalog
from app.reports.consolidated import sections
from app.reports.document import Table
from app.reports.months_table import months_table
from app.reports.period import period_of
from tests.reports.province_sample import build

QUARTER = period_of("quarterly", date(2026, 10, 1))


def _copy_month(ctx, to: str, every: int) -> int:
    """Every `every`-th October item again in month `to` (YYYY-MM), as a later package would bring."""
    cols = [r[1] for r in ctx.db.execute("PRAGMA table_info(opinions)").fetchall()]
    picked = ", ".join(f"id || '-{to}'" if c == "id" else f"'{to}' || substr(received_on, 8)"
                       if c == "received_on" else f"[{c}]" for c in cols)
    with ctx.transaction():
        cur = ctx.db.execute(f"INSERT INTO opinions ({', '.join(f'[{c}]' for c in cols)}) SELECT {picked} FROM opinions "
                             f"WHERE received_on LIKE '2026-10-%' AND rowid % {every} = 0")
    return cur.rowcount


def _months(secs: list[dict]) -> tuple[str, Table]:
    general = secs[0]
    table = next(Table(**f["table"]) for f in general["figures"].values() if "theo tháng" in f["table"]["caption"])
    return general["text"], table


def _quarter_at(tmp_path, today: date) -> tuple[str, Table, int]:
    """Six communes' October (120 items) and a quarter of it again in November, drafted on `today`."""
    ctx, _ = build(tmp_path / "p.db", communes=6, per_commune=20)
    try:
        november = _copy_month(ctx, "2026-11", 4)
        return (*_months(sections.build(ctx, QUARTER, today)), november)
    finally:
        ctx.close()


def test_a_running_quarter_names_its_months_and_marks_what_is_not_final(tmp_path, passphrase_env):
    text, table, november = _quarter_at(tmp_path, date(2026, 12, 7))
    assert table.columns == ["Tháng", "Tổng số", *catalog.TENDENCIES.values()]
    assert table.caption.startswith("Bảng 2. Số ý kiến theo tháng và xu hướng, quý IV năm 2026 (số liệu tạm thời")
    assert [r[0] for r in table.rows] == ["Tháng 10/2026", "Tháng 11/2026 (số liệu tạm thời)",
                                         "Tháng 12/2026 (đến 07/12)", "Tổng cộng"]
    assert [r[1] for r in table.rows] == ["120", str(november), "–", str(120 + november)]  # "–": no figures yet
    # November's reports are due on 20/12: its small count is no fall in opinion
    assert "qua các tháng" not in text and "giảm" not in text
    months_text = text.split("[Bảng 1]")[1].split("[Bảng 2]")[0]  # the months' sentences lead the table
    assert "Tháng 11, số liệu tạm thời" in months_text and "Tháng 12 chưa kết thúc" in months_text


def test_a_quarter_whose_reports_are_all_due_has_plain_months(tmp_path, passphrase_env):
    text, table, november = _quarter_at(tmp_path, date(2027, 1, 25))
    assert [r[0] for r in table.rows] == ["Tháng 10/2026", "Tháng 11/2026", "Tháng 12/2026", "Tổng cộng"]
    counts = [0 if r[1] == "–" else int(r[1]) for r in table.rows]   # December: no items, "–"
    assert sum(counts[:-1]) == counts[-1] == 120 + november
    assert "tạm thời" not in text.split("[Bảng 1]")[1]  # the months' sentence (quarterly reports are late here)


def test_a_month_not_begun_is_left_out_and_the_last_day_is_not_a_cut_off() -> None:
    monthly = [(date(2026, 10, 1), 5, {"support": 5}), (date(2026, 11, 1), 2, {"concern": 2}),
               (date(2026, 12, 1), 0, {})]
    early = months_table(monthly, date(2026, 11, 15), "x")
    assert [r[0] for r in early.rows] == ["Tháng 10/2026", "Tháng 11/2026 (đến 15/11)", "Tổng cộng"]
    assert early.rows[-1][1:4] == ["7", "5", "2"]
    ended = months_table(monthly, date(2026, 12, 31), "x")
    assert [r[0] for r in ended.rows] == ["Tháng 10/2026", "Tháng 11/2026", "Tháng 12/2026", "Tổng cộng"]
