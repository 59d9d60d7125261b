"""The province's view: districts, arrivals, timeliness, consolidated report, guidance down."""

from __future__ import annotations

from datetime import date

import pytest

from app import overview, records
from app.demo import places
from app.errors import ImportRefused, ValidationError
from app.exchange import export, guidance, importer, province, refusals
from app.office import init_office
from app.reports.document import plain_text
from tests.exchange.sync_helpers import enrol_both, roundtrip


@pytest.fixture
def prov(tmp_path, passphrase_env):
    ctx, _ = init_office(
        tmp_path / "province.db", unit_code=places.PROVINCE[0], name=places.PROVINCE[1], role="province"
    )
    yield ctx
    ctx.close()


def _monthly(ctx, month: str, status: str = "sent") -> str:
    return records.insert(
        ctx,
        "reports",
        {
            "kind": "monthly",
            "period_start": f"{month}-01",
            "period_end": f"{month}-28",
            "title": f"Báo cáo tháng {month}",
            "status": status,
        },
    )


def test_timeliness_on_time_late_missing_pending(demo_ctx, prov, tmp_path):
    enrol_both(demo_ctx, prov)
    today = date.today()
    months = ["2020-01", "2020-02", province.recent_months(today, 1)[0]]
    _monthly(demo_ctx, months[-1])  # last month's report, due the 20th of this month
    _monthly(demo_ctx, months[0], status="draft")  # a draft does not count as received; 2020-02: nothing
    roundtrip(demo_ctx, prov, tmp_path)
    [row] = province.timeliness(prov, months, today)
    assert row.unit_code == demo_ctx.origin
    assert row.cells[months[-1]][0] == (province.ON_TIME if today.day <= 20 else province.LATE)
    assert row.cells[months[-1]][1] == today.strftime("%d/%m")
    assert row.cells[months[0]] == row.cells[months[1]] == (province.MISSING, "")
    future = province.timeliness(prov, [today.strftime("%Y-%m")], today)[0]
    assert future.cells[today.strftime("%Y-%m")][0] == province.PENDING
    [d] = province.districts(prov)
    assert d.packages == 1 and d.opinions == demo_ctx.db.execute("SELECT count(*) FROM opinions").fetchone()[0]
    assert province.arrivals(prov, d.unit_code)[0].rows["opinions"] == d.opinions


def test_consolidated_report_sums_all_districts(demo_ctx, prov, tmp_path):
    from app.reports import draft, register
    from app.reports.compose import document_for
    from app.reports.prose.words import count

    enrol_both(demo_ctx, prov)
    roundtrip(demo_ctx, prov, tmp_path)
    month = province.recent_months(date.today(), 1)[0]
    report = draft.draft_report(prov, "monthly", date.fromisoformat(f"{month}-01"))
    doc = document_for(prov, report)
    text = plain_text(doc)
    start, end = f"{month}-01", f"{month}-31"
    n = demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE received_on BETWEEN ? AND ?", [start, end]).fetchone()[
        0
    ]
    assert n > 0 and f"{count(n, 'ý kiến')} của cán bộ, đảng viên và Nhân dân do 01 đơn vị gửi" in text
    assert "Càng Long" in text and doc.header.number.endswith("-BC/BTGDVTU")
    assert report.title.startswith("tổng hợp tình hình dư luận xã hội")
    docx, pdf = register.render_files(prov, report.id)
    assert pdf.startswith(b"%PDF") and len(docx) > 5000


def test_guidance_goes_down_and_shows_on_the_overview(demo_ctx, prov, tmp_path):
    enrol_both(demo_ctx, prov)
    with pytest.raises(ValidationError):
        guidance.add_guidance(demo_ctx, title="Huyện không ban hành hướng dẫn")
    guidance.add_guidance(
        prov,
        title="Theo dõi dư luận về giá phân bón",
        kind="watch_topic",
        field="economy",
        body="Báo cáo ngay khi có diễn biến mới.",
    )
    res = export.export_package(prov, tmp_path, recipient=demo_ctx.origin)
    assert res.rows["guidance"] == 1
    imp = importer.import_package(demo_ctx, res.path)
    assert imp.rows["guidance"] == 1
    [g] = guidance.list_guidance(demo_ctx, active_on=date.today())
    assert g.origin == prov.origin and g.title == "Theo dõi dư luận về giá phân bón"
    card = next(c for c in overview.build(demo_ctx) if c.title.startswith("Hướng dẫn"))
    assert any("giá phân bón" in label for label, _ in card.rows)
    # a district cannot open its own package: it is encrypted to the province only
    back = export.export_package(demo_ctx, tmp_path)
    with pytest.raises(ImportRefused) as err:
        importer.import_package(demo_ctx, back.path)
    assert err.value.message in (refusals.wrong_recipient_crypto().message,)
