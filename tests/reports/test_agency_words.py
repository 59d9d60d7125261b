"""A Party committee of provincial agencies (đảng ủy trực thuộc) speaks of its own people in
its own Party organisation: "cán bộ, đảng viên, công chức, viên chức và người lao động trong
Đảng bộ các cơ quan Đảng tỉnh" — never "Nhân dân trên địa bàn Đảng ủy các cơ quan Đảng
tỉnh" — and items recorded without an area are not "ở 0 cơ quan, đơn vị"."""

from __future__ import annotations

from datetime import date

import pytest

from app.office import init_office
from app.opinions import items
from app.reports import draft


@pytest.fixture
def agency(tmp_path, passphrase_env):
    ctx, _ = init_office(tmp_path / "agency.db", unit_code="86-DUCQ", name="Đảng ủy các cơ quan Đảng tỉnh",
                         kind="agency", parent_code="86", passphrase=passphrase_env)
    for day, field, tendency in ((3, "politics", "concern"), (5, "politics", "concern"), (9, "economy", "concern"),
                                 (12, "politics", "support"), (20, "economy", "frustration")):
        items.create(ctx, items.Opinion(received_on=f"2026-11-{day:02d}", field=field, tendency=tendency,
                                        summary=f"Công chức băn khoăn về việc bố trí lại vị trí việc làm, lần {day}"))
    yield ctx
    ctx.close()


def test_an_agency_speaks_of_its_own_people_and_party_organisation(agency):
    report = draft.draft_report(agency, "monthly", date(2026, 11, 1))
    text = "\n".join(s["text"] for s in report.sections)
    assert "trên địa bàn" not in text and "Nhân dân trên" not in text
    assert "cán bộ, đảng viên, công chức, viên chức và người lao động trong Đảng bộ các cơ quan Đảng tỉnh" in text
    assert " 0 cơ quan" not in text and "ở 0 " not in text
    assert "Các ý kiến chủ yếu" not in text  # a quoted item is an example, not what most items say
