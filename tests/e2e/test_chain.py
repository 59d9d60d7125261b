"""Issue 15 "Done means" as one chain, in process on real encrypted stores: a commune office
made from its official code imports a pre-reform collaborator list, records a month of
opinions, drafts, approves and renders its monthly report (Party header and signature block
in DOCX and PDF), then exchanges packages with the province office made from its official
code; the province's consolidated report and timeliness matrix include the commune.

The pieces are tested in depth elsewhere (tests/e2e/test_two_level.py,
tests/e2e/test_import_prereform.py, tests/reports/test_office_documents.py); this test
reuses their helpers and checks that the pieces fit together."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document as read_docx

from app import records
from app.collaborators import excel_import
from app.exchange import province
from app.office import areas, get_office, init_office
from app.office_setup import official_spec
from app.reports.document import plain_text
from tests.e2e.test_import_prereform import PEOPLE, prereform_list
from tests.exchange.sync_helpers import enrol_both, roundtrip
from tests.pdfread import open_pdf
from tests.reports.test_office_documents import EXPECTED, header_column, sign_and_render, signature_column

ITEMS = 4


def _docx_text(docx) -> str:
    cells = [p.text for t in docx.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


def test_commune_to_province_chain(tmp_path: Path, passphrase_env: str) -> None:
    today = date.today()
    month = province.recent_months(today, 1)[0]   # last month: its report is due or late by now
    first = date.fromisoformat(f"{month}-01")

    # 1. The commune office, from its official code (what `dlxh init --kind commune --unit 29266` does).
    xa, _ = init_office(tmp_path / "xa.db", **official_spec("commune", "29266").as_kwargs())
    tinh = None
    try:
        me = get_office(xa)
        assert (me.kind, me.name, me.province_name) == ("commune", "Xã Càng Long", "Tỉnh Vĩnh Long")

        # 2. The pre-reform list: mapped, previewed, unknown hamlets added, applied.
        pv = excel_import.preview(xa, prereform_list(tmp_path / "ds ctv 2024.xlsx"))
        old = pv.mapping("XÃ NHỊ LONG PHÚ")
        assert old.how == "here" and "Xã Nhị Long Phú, huyện Càng Long (cũ) → Xã Càng Long" in old.note
        assert {m.raw for m in pv.pending_areas} == {"Khóm 1", "Khóm 2", "Ấp Mỹ Hiệp", "Ấp Nhị Hòa"}
        pv.add_unknown_areas()
        result = excel_import.apply(xa, pv)
        assert result.created == len(PEOPLE)
        got = {r[0] for r in xa.db.execute("SELECT full_name FROM collaborators")}
        assert got == set(PEOPLE)

        # 3. A month of opinions on an imported hamlet; the monthly report, approved by a head user.
        hamlet = next(u for u in areas(xa) if u.name == "Khóm 1")
        for i in range(ITEMS):
            records.insert(xa, "opinions", {"received_on": f"{month}-{i + 3:02d}", "field": "economy",
                                            "tendency": "concern", "area_code": hamlet.code,
                                            "summary": f"Nhân dân quan tâm giá lúa vụ mùa, ý kiến {i}"})
        report, docx, pdf = sign_and_render(xa, first)
        assert report.status != "draft"
        header, signature, _archive = EXPECTED["commune"]
        assert header == ["ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "*", "Số 01-BC/ĐU"]
        assert header_column(docx) == header
        assert signature_column(docx)[:2] == signature == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
        page_one, last = pdf[0].text().splitlines(), pdf[pdf.page_count - 1].text()
        assert page_one[:3] == header[:3] and any(line.startswith(header[3]) for line in page_one)
        assert "T/M ĐẢNG ỦY\nBÍ THƯ" in last

        # 4. The province office, from its official code; cards exchanged, package carried over.
        tinh, _ = init_office(tmp_path / "tinh.db", **official_spec("province", "86").as_kwargs())
        assert get_office(tinh).body_name == "BAN TUYÊN GIÁO VÀ DÂN VẬN"
        enrol_both(xa, tinh)
        usb = tmp_path / "usb"
        usb.mkdir()
        roundtrip(xa, tinh, usb)
        held = tinh.db.execute("SELECT count(*) FROM opinions WHERE origin = '29266'").fetchone()[0]
        assert held == ITEMS

        # 5. The province's consolidated report, drafted in its register, names the commune and
        # counts its items …
        from app.reports import draft, register
        from app.reports.compose import document_for

        report = draft.draft_report(tinh, "monthly", first)
        doc = document_for(tinh, report, today)
        row = next(r for block in doc.blocks if "nhiều ý kiến nhất" in getattr(block, "caption", "")
                   for r in block.rows if r[0] == "Xã Càng Long")
        assert row[1] == str(ITEMS)
        text = plain_text(doc)
        assert "Ban nhận được báo cáo tháng" in text and "01/01 đơn vị" in text and f"0{ITEMS} ý kiến" in text
        docx_bytes, pdf_bytes = register.render_files(tinh, report.id, today)
        rendered = _docx_text(read_docx(io.BytesIO(docx_bytes)))
        assert "Xã Càng Long" in rendered
        read = open_pdf(pdf_bytes)
        pdf_text = "\n".join(read[i].text() for i in range(read.page_count))
        assert "Xã Càng Long" in pdf_text
        # … and its timeliness matrix shows the commune's month as received today.
        [cells] = [t for t in province.timeliness(tinh, [month], today) if t.unit_code == "29266"]
        assert cells.name == "Xã Càng Long"
        status, received = cells.cells[month]
        assert status in (province.ON_TIME, province.LATE) and received == today.strftime("%d/%m")
    finally:
        xa.close()
        if tinh is not None:
            tinh.close()
