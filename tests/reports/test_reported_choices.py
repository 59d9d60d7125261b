"""A catalogue field the opinion kind declares reported (items.REPORTED) gets one table in the
commune's monthly report and one in the province's consolidated report, counted under each
report's own filter, with no line written for it in either report (real stores, a real package)."""

from __future__ import annotations

from datetime import date

import pytest

from app import catalog
from app.opinions import items
from app.reports import draft
from app.reports.compose import document_for
from app.reports.document import Table
from tests.exchange.sync_helpers import enrol_both, new_province, roundtrip


def _tables(ctx, report) -> dict[str, Table]:
    return {b.caption: b for b in document_for(ctx, report).blocks if isinstance(b, Table)}


def _counted(table: Table) -> dict[str, str]:
    return {row[0]: row[1] for row in table.rows}


def test_nothing_declared_means_no_extra_table(demo_ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(items, "REPORTED", ())
    month = date.today().replace(day=1)
    captions = list(_tables(demo_ctx, draft.draft_report(demo_ctx, "monthly", month)))
    assert not any("kênh tiếp nhận" in c for c in captions)


def test_a_declared_field_is_tabulated_in_both_reports(demo_ctx, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(items, "REPORTED", ("channel",))
    month = date.today().replace(day=1)
    start, end = month.isoformat(), f"{month:%Y-%m}-31"
    stored = dict(demo_ctx.db.execute("SELECT channel, count(*) FROM opinions WHERE received_on BETWEEN ? AND ? "
                                      "GROUP BY 1", [start, end]).fetchall())
    assert sum(stored.values()) > 0

    monthly = _tables(demo_ctx, draft.draft_report(demo_ctx, "monthly", month))
    [caption] = [c for c in monthly if "theo kênh tiếp nhận" in c]
    assert caption.startswith("Bảng 2. Số ý kiến dư luận theo kênh tiếp nhận, tháng ")
    table = monthly[caption]
    assert table.columns[0] == items.LABELS["channel"]
    counted = _counted(table)
    assert set(counted) == {*catalog.CHANNELS.values(), "Tổng cộng"}
    for code, n in stored.items():
        assert counted[catalog.CHANNELS[code]] == str(n)
    assert counted["Tổng cộng"] == f"{sum(stored.values()):,}".replace(",", ".")

    province = new_province(tmp_path / "province.db")
    try:
        enrol_both(demo_ctx, province)
        roundtrip(demo_ctx, province, tmp_path / "usb")
        consolidated = _tables(province, draft.draft_report(province, "monthly", month))
        [caption] = [c for c in consolidated if "theo kênh tiếp nhận" in c]
        assert _counted(consolidated[caption]) == counted
    finally:
        province.close()
